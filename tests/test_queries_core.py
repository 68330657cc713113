"""The pipeline's saved queries (who-met-whom, meetings-of, entity-facts) on a fixture graph,
in both engines, with parameters passed as bindings."""

from __future__ import annotations

import json

import pytest
from rdflib import Literal

from kg.errors import QueryError, QueryNotFoundError
from kg.query.library import load_query, run_query
from kg.query.results import format_result

WHO_VARS = ("participant1", "participant2", "place", "time", "date", "status", "article", "sentence")


def test_who_met_whom_rows(fixture_store):
    r = run_query(fixture_store, load_query("who-met-whom"))
    assert r.vars == WHO_VARS
    got = [(d["participant1"], d["participant2"], d["place"], d["time"], d["status"])
           for d in map(lambda d: {k: str(v) for k, v in d.items()}, r.dicts())]
    assert got == [
        ("Alice Archer", "Bob Baker", "Paris", "Monday", "happened"),
        ("Alice Archer", "Carol Chen", "Rome", "Friday", "planned"),
    ]
    assert r.values("date") == ["2025-12-01", "2025-12-05"]
    assert r.values("sentence")[0] == "Alice Archer met Bob Baker in Paris on Monday."
    assert set(r.values("article")) == {"fx-1"}


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_who_met_whom_takes_labels_from_the_meetings_own_article(kind, tmp_path):
    """Bob Baker is labelled "BOB BAKER" in another article (as in a wire headline). Across
    the union of graphs that second label used to pair him with himself and double rows."""
    from dataclasses import replace

    from fixtures import extraction

    from kg.rdf.mapping import to_rdf
    from kg.store import open_store

    store = open_store("memory:" if kind == "memory" else tmp_path / "s")
    store.replace_article(to_rdf(extraction("fx-1")))
    other = extraction("fx-2")
    shouty = tuple(replace(e, label="BOB BAKER") if e.key == "person:bob baker" else e
                   for e in other.entities)
    store.replace_article(to_rdf(replace(other, entities=shouty, meetings=())))
    r = run_query(store, load_query("who-met-whom"))
    pairs = [(str(d["participant1"]), str(d["participant2"])) for d in r.dicts()]
    assert pairs == [("Alice Archer", "Bob Baker"), ("Alice Archer", "Carol Chen")]
    store.close()


def test_who_met_whom_json_is_sparql_results(fixture_store):
    r = run_query(fixture_store, load_query("who-met-whom"))
    doc = json.loads(format_result(r, "json"))
    assert doc["head"]["vars"] == list(WHO_VARS)
    assert len(doc["results"]["bindings"]) == 2
    assert doc["results"]["bindings"][0]["status"] == {"type": "literal", "value": "happened"}


@pytest.mark.parametrize("name", ["Archer", "ms. archer", "Alice Archer"])
def test_meetings_of_finds_by_any_label(fixture_store, name):
    r = run_query(fixture_store, load_query("meetings-of"), {"name": Literal(name)})
    assert sorted(r.values("partner")) == ["Bob Baker", "Carol Chen"]
    assert set(r.values("entity")) == {"Alice Archer"}


def test_meetings_of_binding_is_not_injectable(fixture_store):
    evil = Literal('x") } UNION { ?e ?p ?o } #')
    r = run_query(fixture_store, load_query("meetings-of"), {"name": evil})
    assert r.rows == ()


def test_entity_facts(fixture_store):
    r = run_query(fixture_store, load_query("entity-facts"), {"name": Literal("Bob Baker")})
    assert sorted(zip(r.values("subject"), r.values("relation"), r.values("object"), strict=True)) == [
        ("Alice Archer", "met", "Bob Baker"), ("Bob Baker", "leads", "Acme Corp")]


def test_parameters_are_checked(fixture_store):
    with pytest.raises(QueryError, match="needs --param name"):
        run_query(fixture_store, load_query("meetings-of"))
    with pytest.raises(QueryError, match="no parameter who"):
        run_query(fixture_store, load_query("meetings-of"), {"who": Literal("x")})


def test_unknown_saved_query_lists_the_known_ones():
    with pytest.raises(QueryNotFoundError, match="who-met-whom"):
        load_query("no-such-query")


def test_malformed_sparql_is_a_query_error(fixture_store):
    with pytest.raises(QueryError, match="malformed SPARQL"):
        run_query(fixture_store, "SELEC ?x WHERE {")


def test_meetings_of_finds_by_surname(fixture_store):
    r = run_query(fixture_store, load_query("meetings-of"), {"name": Literal("baker")})
    assert set(r.values("entity")) == {"Bob Baker"}
    assert r.values("partner") == ["Alice Archer"]
    none = run_query(fixture_store, load_query("meetings-of"), {"name": Literal("aker")})
    assert none.rows == ()  # the end of a name means whole words, not letters
