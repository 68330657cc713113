"""Cross-article linking: "Putin" in one article gets the IRI of "Vladimir Putin" from another,
whatever the order of ingestion; ambiguous short names stay apart."""

from __future__ import annotations

import pytest
from fixtures import prov
from rdflib import Literal

from kg.ingest.linking import relink_people
from kg.ingest.summary_graph import refresh_summary
from kg.model import Article, Entity, EntityType, Extraction, Meeting, MeetingStatus
from kg.query.library import load_query, run_query
from kg.rdf.iri import entity_iri
from kg.rdf.mapping import to_rdf
from kg.store import open_store


def _person(label: str) -> Entity:
    return Entity(f"person:{label.casefold()}", label, EntityType.PERSON)


def _article(aid: str, a: str, b: str) -> Extraction:
    pa, pb = _person(a), _person(b)
    m = Meeting((pa.key, pb.key), MeetingStatus.HAPPENED, prov(aid, 0), "met")
    return Extraction(Article(aid, "T", "x"), (pa, pb), (), (m,), (prov(aid, 0),))


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    s = open_store("memory:" if request.param == "memory" else tmp_path / "s")
    yield s
    s.close()


@pytest.mark.parametrize("order", [("full", "short"), ("short", "full")])
def test_short_name_links_to_the_full_name_in_any_order(store, order):
    arts = {"full": _article("a-full", "Vladimir Putin", "Steve Witkoff"),
            "short": _article("a-short", "Putin", "Emmanuel Macron")}
    for name in order:
        store.replace_article(to_rdf(arts[name]))
    assert relink_people(store) == 1
    refresh_summary(store)  # as `kg build` does after linking: name lookups read it
    rows = run_query(store, load_query("who-met-whom")).dicts()
    assert sorted((str(r["participant1"]), str(r["participant2"])) for r in rows) == [
        ("Emmanuel Macron", "Vladimir Putin"), ("Steve Witkoff", "Vladimir Putin")]
    partners = run_query(store, load_query("meetings-of"), {"name": Literal("Putin")})
    assert sorted(partners.values("partner")) == ["Emmanuel Macron", "Steve Witkoff"]
    assert set(partners.values("entity")) == {"Vladimir Putin"}
    gone = store.query("ASK { ?x ?p ?o }", {"x": entity_iri("person:putin")})
    assert gone.boolean is False
    assert relink_people(store) == 0  # nothing left to link: idempotent


def test_ambiguous_short_name_is_left_alone(store):
    store.replace_article(to_rdf(_article("a1", "James Baker", "Helmut Kohl")))
    store.replace_article(to_rdf(_article("a2", "Howard Baker", "Nancy Reagan")))
    store.replace_article(to_rdf(_article("a3", "Baker", "Karl Otto Poehl")))
    assert relink_people(store) == 0
    labels = run_query(store, load_query("who-met-whom")).values("participant1")
    assert "Baker" in labels
