"""The analysts' saved queries (connections, entity-profile, article-facts, most-connected,
co-mentioned) on the hand-built fixture graph, in both engines, and the engines agree."""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner
from rdflib import Literal

from kg.cli import cli
from kg.ingest.summary_graph import refresh_summary
from kg.query.library import load_query, run_query, saved_queries
from kg.rdf.mapping import to_rdf
from kg.store import open_store

S0 = "Alice Archer met Bob Baker in Paris on Monday."
S1 = "Ms. Archer will meet Carol Chen in Rome on Friday."
S2 = "Bob Baker leads Acme Corp."


def run(store, query, **params):
    return run_query(store, load_query(query), {k: Literal(v) for k, v in params.items()})


def rows(result, *cols):
    return [tuple(None if d.get(c) is None else str(d[c]) for c in cols) for d in result.dicts()]


def test_connections_three_hops_with_sentences(fixture_store):
    r = run(fixture_store, "connections", **{"from": "Carol Chen", "to": "acme corp"})
    assert rows(r, "hops", "via1", "via2", "sentence1", "sentence2", "sentence3") == [
        ("3", "Alice Archer", "Bob Baker", S1, S0, S2)]


def test_connections_direct_link_first(fixture_store):
    r = run(fixture_store, "connections", **{"from": "Archer", "to": "Acme Corp"})
    assert rows(r, "hops", "via1", "sentence1", "sentence2") == [("2", "Bob Baker", S0, S2)]
    direct = run(fixture_store, "connections", **{"from": "Bob Baker", "to": "Alice Archer"})
    assert rows(direct, "hops", "sentence1") == [("1", S0)]


def test_connections_none_between_unlinked(fixture_store):
    assert run(fixture_store, "connections", **{"from": "Paris", "to": "Rome"}).rows == ()


def test_connections_reports_only_the_shortest_links(fixture_store):
    from fixtures import SHORTCUT, shortcut

    before = run(fixture_store, "connections", **{"from": "Carol Chen", "to": "Bob Baker"})
    assert rows(before, "hops", "via1", "sentence1", "sentence2") == [
        ("2", "Alice Archer", S1, S0)]
    fixture_store.replace_article(to_rdf(shortcut()))
    refresh_summary(fixture_store)
    # Carol Chen and Bob Baker met: the path through Alice Archer is no longer reported, nor is
    # Alice Archer -> Carol Chen -> Bob Baker next to the meeting of Alice Archer and Bob Baker.
    after = run(fixture_store, "connections", **{"from": "Carol Chen", "to": "Bob Baker"})
    assert rows(after, "hops", "via1", "sentence1", "sentence2") == [("1", None, SHORTCUT, None)]
    direct = run(fixture_store, "connections", **{"from": "Alice Archer", "to": "Bob Baker"})
    assert rows(direct, "hops", "sentence1") == [("1", S0)]
    three = run(fixture_store, "connections", **{"from": "Carol Chen", "to": "Acme Corp"})
    assert rows(three, "hops", "via1", "sentence1", "sentence2") == [("2", "Bob Baker", SHORTCUT, S2)]


@pytest.mark.parametrize("shortcut", [False, True], ids=["fixture", "with-shortcut"])
def test_connections_two_steps_give_the_rows_of_the_saved_text(fixture_store, shortcut):
    """kg answers `connections` with its plan (kg.query.connections); the saved SPARQL text is
    the definition, and gives the same rows, in the same order, on either engine."""
    from fixtures import shortcut as extra

    q = load_query("connections")
    assert q.plan == "connections"
    if shortcut:
        fixture_store.replace_article(to_rdf(extra()))
        refresh_summary(fixture_store)
    names = ["Archer", "Bob Baker", "Carol Chen", "Acme Corp", "Paris"]
    for a in names:
        for b in names:
            params = {"from": Literal(a), "to": Literal(b)}
            planned = run_query(fixture_store, q, params)
            text = fixture_store.query(q.text, params)
            assert planned.vars == text.vars
            assert planned.rows == text.rows, (a, b)


def test_a_plan_must_be_known_and_takes_no_dataset(fixture_store):
    from kg.errors import QueryError

    q = load_query("connections")
    params = {"from": Literal("Archer"), "to": Literal("Acme Corp")}
    with pytest.raises(QueryError, match="unknown plan 'nope'"):
        run_query(fixture_store, replace(q, plan="nope"), params)
    with pytest.raises(QueryError, match="takes no default_graph"):
        run_query(fixture_store, q, params, default_graph=["urn:x"])
    assert len(run_query(fixture_store, q, params, max_rows=0).rows) == 0


def test_entity_profile(fixture_store):
    alice = run(fixture_store, "entity-profile", name="ms. archer")
    assert set(alice.values("entity")) == {"Alice Archer"}
    assert rows(alice, "aspect", "value", "detail") == [
        ("alias", "Archer", None), ("alias", "Ms. Archer", None),
        ("meeting", "Bob Baker", "happened"), ("meeting", "Carol Chen", "planned"),
        ("relation", "met", "Bob Baker"), ("type", "https://schema.org/Person", None)]
    carol = run(fixture_store, "entity-profile", name="Carol Chen")
    assert ("role", "Minister") in rows(carol, "aspect", "value")
    acme = run(fixture_store, "entity-profile", name="Acme Corp")
    assert ("relation", "leads", "Bob Baker", S2) in rows(acme, "aspect", "value", "detail",
                                                           "sentence")


def test_article_facts(fixture_store):
    r = run(fixture_store, "article-facts", article="fx-1")
    assert rows(r, "sentenceIndex", "kind", "subject", "relation", "object", "status") == [
        ("0", "entity", "Alice Archer", "https://schema.org/Person", None, None),
        ("0", "entity", "Bob Baker", "https://schema.org/Person", None, None),
        ("0", "entity", "Carol Chen", "https://schema.org/Person", None, None),
        ("0", "meeting", "Alice Archer", "met", "Bob Baker", "happened"),
        ("0", "statement", "Alice Archer", "met", "Bob Baker", None),
        ("1", "meeting", "Alice Archer", "will meet", "Carol Chen", "planned"),
        ("2", "statement", "Bob Baker", "leads", "Acme Corp", None)]
    assert run(fixture_store, "article-facts", article="no-such-article").rows == ()


def test_article_facts_keeps_articles_apart(fixture_store):
    from fixtures import extraction

    fixture_store.replace_article(to_rdf(extraction("fx-2")))
    r = run(fixture_store, "article-facts", article="fx-2")
    assert set(r.values("article")) == {"fx-2"} and len(r.rows) == 7


def test_most_connected(fixture_store):
    r = run(fixture_store, "most-connected")
    assert rows(r, "entity", "partners", "meetings", "statements") == [
        ("Alice Archer", "2", "2", "1"), ("Bob Baker", "2", "1", "2"),
        ("Acme Corp", "1", "0", "1"), ("Carol Chen", "1", "1", "0")]


def test_co_mentioned(fixture_store):
    r = run(fixture_store, "co-mentioned", name="Bob Baker")
    assert rows(r, "other", "article", "sentenceIndex", "sentence") == [
        ("Alice Archer", "fx-1", "0", S0), ("Carol Chen", "fx-1", "0", S0)]
    assert run(fixture_store, "co-mentioned", name="Acme Corp").rows == ()


CASES = [("connections", {"from": "Carol Chen", "to": "Acme Corp"}),
         ("entity-profile", {"name": "Alice Archer"}),
         ("article-facts", {"article": "fx-1"}),
         ("most-connected", {}),
         ("co-mentioned", {"name": "Archer"}),
         ("who-met-whom", {}),
         ("meetings-of", {"name": "Archer"}),
         ("entity-facts", {"name": "Bob Baker"})]


@pytest.fixture(scope="module")
def both_engines(tmp_path_factory):
    from fixtures import extraction

    stores = [open_store("memory:"), open_store(tmp_path_factory.mktemp("ox") / "store")]
    for s in stores:
        for art in ("fx-1", "fx-2"):
            s.replace_article(to_rdf(extraction(art)))
        refresh_summary(s)
    yield stores
    for s in stores:
        s.close()


@pytest.mark.parametrize(("name", "params"), CASES, ids=[c[0] for c in CASES])
def test_engines_agree(both_engines, name, params):
    mem, ox = (run(s, name, **params) for s in both_engines)
    assert mem.vars == ox.vars
    assert mem.rows, f"{name} found nothing on the fixture"
    assert [tuple(map(str, r)) for r in mem.rows] == [tuple(map(str, r)) for r in ox.rows]


def test_every_saved_query_is_covered_and_documented():
    names = {q.name for q in saved_queries()}
    assert {c[0] for c in CASES} <= names
    for q in saved_queries():
        assert q.description, f"{q.name} has no header comment"


def test_cli_lists_the_library():
    out = CliRunner().invoke(cli, ["queries"])
    assert out.exit_code == 0
    assert "connections" in out.output and "(params: from, to)" in out.output


def test_cli_malformed_sparql_prints_parser_message(tmp_path):
    from fixtures import extraction

    with open_store(tmp_path / "s") as s:
        s.replace_article(to_rdf(extraction()))
    out = CliRunner().invoke(cli, ["query", "SELECT ?x WHERE { ?x ?y }",
                                   "--store", str(tmp_path / "s")])
    assert out.exit_code == 2
    assert out.output.startswith("kg: error: malformed SPARQL:")
    assert out.output.count("\n") == 1


def test_cli_tsv_is_sparql_tsv(tmp_path):
    from fixtures import extraction

    with open_store(tmp_path / "s") as s:
        s.replace_article(to_rdf(extraction()))
    out = CliRunner().invoke(cli, ["query", "who-met-whom", "--format", "tsv",
                                   "--store", str(tmp_path / "s")])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0].split("\t")[:2] == ["?participant1", "?participant2"]
    assert [line.split("\t")[:2] for line in lines[1:]] == [
        ['"Alice Archer"', '"Bob Baker"'], ['"Alice Archer"', '"Carol Chen"']]


def test_cli_connections_runs_the_plan(tmp_path):
    from fixtures import extraction

    with open_store(tmp_path / "s") as s:
        s.replace_article(to_rdf(extraction()))
        refresh_summary(s)
    out = CliRunner().invoke(cli, ["query", "connections", "--format", "csv", "--param",
                                   "from=Carol Chen", "--param", "to=Acme Corp",
                                   "--store", str(tmp_path / "s")])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0] == "from,to,hops,via1,via2,sentence1,sentence2,sentence3"
    assert lines[1:] == [f"Carol Chen,Acme Corp,3,Alice Archer,Bob Baker,{S1},{S0},{S2}"]


def test_meetings_timeline_orders_events_by_date(fixture_store):
    from fixtures import extraction

    from kg.events import update_events

    x = extraction("fx-undated")
    undated = replace(x, article=replace(x.article, published=None),
                      meetings=tuple(replace(m, date=None, span=None) for m in x.meetings[:1]))
    fixture_store.replace_article(to_rdf(undated))
    assert run(fixture_store, "meetings-timeline").rows == ()  # no events derived yet
    update_events(fixture_store)
    r = run(fixture_store, "meetings-timeline")
    # The fixture's reports carry no interval: the publication date bounds them, and the
    # recency window closes the other end (a week before a held meeting's report, five weeks
    # after a planned one's); the copy without a publication date cannot join the Paris event
    # and comes last, undated.
    assert rows(r, "start", "end", "precision", "participant2", "place", "status") == [
        ("2025-11-24", "2025-12-01", "window", "Bob Baker", "Paris", "happened"),
        ("2025-12-01", "2026-01-05", "window", "Carol Chen", "Rome", "planned"),
        (None, None, "unknown", "Bob Baker", "Paris", "happened"),
    ]


def test_top_level_queries_are_the_packaged_ones():
    """queries/ (the checkout's user-facing folder) and kg/query/saved/ (what the wheel ships)
    hold the same files byte for byte: edit both, or copy one onto the other."""
    from pathlib import Path

    from kg.query.files import SAVED_DIR

    top = Path(__file__).resolve().parent.parent / "queries"
    files = {p.name: p.read_bytes() for p in top.glob("*.rq")}
    packaged = {p.name: p.read_bytes() for p in SAVED_DIR.glob("*.rq")}
    assert files and files == packaged
