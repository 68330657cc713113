"""The corpus summary graph: exact after re-ingest and removal (compared with a rebuild from
scratch), the same name matches as the label scan it replaces, and kept up by `kg build`."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fixtures import extraction, person, prov
from rdflib import Graph, Literal, URIRef

from kg.ingest.derivation import link_and_derive, remove_articles
from kg.ingest.summary_graph import has_summary, name_keys, refresh_summary, update_summary
from kg.ingest.summary_update import Journal, patch_summary
from kg.model import Meeting, MeetingStatus
from kg.query.library import load_query, run_query
from kg.rdf.iri import SUMMARY_SHARDS, graph_iri, summary_graph_iri, summary_shard_iri
from kg.rdf.mapping import to_rdf
from kg.rdf.vocab import KG, PROV, RDF, SKOS
from kg.store import open_store


def _summary(store) -> set[tuple[str, str, str]]:
    """Every triple of the summary: the ranks graph and every shard."""
    graphs = [summary_graph_iri()] + [summary_shard_iri(i) for i in range(SUMMARY_SHARDS)]
    return {tuple(map(str, t)) for g in graphs for t in store.graph_triples(str(g))}


def _changed(article_id: str):
    """fx text again, but Bob Baker also meets Dora Diaz, and Carol Chen is gone."""
    x = extraction(article_id)
    dora = person("Dora Diaz")
    bob = next(e for e in x.entities if e.label == "Bob Baker")
    meeting = Meeting((bob.key, dora.key), MeetingStatus.HAPPENED, prov(article_id, 2), "met")
    entities = tuple(e for e in x.entities if e.label != "Carol Chen") + (dora,)
    return replace(x, entities=entities, meetings=(x.meetings[0], meeting))


@pytest.fixture(params=["memory", "oxigraph"])
def make_store(request, tmp_path):
    made = []

    def make(name: str):
        s = open_store("memory:" if request.param == "memory" else tmp_path / name)
        made.append(s)
        return s

    yield make
    for s in made:
        s.close()


def test_summary_after_reingest_and_removal_equals_a_rebuild(make_store):
    store = make_store("a")
    for art in ("fx-1", "fx-2", "fx-3"):
        store.replace_article(to_rdf(extraction(art)))
    refresh_summary(store)
    before = _summary(store)
    store.replace_article(to_rdf(_changed("fx-2")))
    store.remove_article(graph_iri("fx-3"))
    refresh_summary(store)
    fresh = make_store("b")
    fresh.replace_article(to_rdf(extraction("fx-1")))
    fresh.replace_article(to_rdf(_changed("fx-2")))
    refresh_summary(fresh)
    assert _summary(store) == _summary(fresh)
    assert _summary(store) != before  # the change is visible, not a stale copy
    bob = str(URIRef("https://w3id.org/kg-news/id/person/bob-baker"))
    counts = {p: o for s, p, o in _summary(store) if s == bob and "Count" in p}
    # partners Alice, Acme, Dora; meetings fx-1 and fx-2 Alice, fx-2 Dora; statements 2 per article
    assert counts == {str(KG.partnerCount): "3", str(KG.meetingCount): "3",
                      str(KG.statementCount): "4"}


def test_removing_every_article_removes_the_summary(make_store):
    store = make_store("a")
    store.replace_article(to_rdf(extraction("fx-1")))
    refresh_summary(store)
    assert has_summary(store)
    store.remove_article(graph_iri("fx-1"))
    assert refresh_summary(store) == 0
    assert not has_summary(store) and len(store) == 0


def test_update_summary_only_when_needed(make_store):
    store = make_store("a")
    store.replace_article(to_rdf(extraction("fx-1")))
    assert not update_summary(store, changed=False, create=False)  # a refused build
    assert update_summary(store, changed=False)  # none yet: an old store gets one
    assert not update_summary(store, changed=False)
    assert update_summary(store, changed=True)


@pytest.mark.parametrize("label", ["Alice Archer", "Jean-Luc  Picard", "ÉMILE Zola", "U.S.",
                                   "Ms. Archer", "Bank of  Japan "])
@pytest.mark.parametrize("name", ["archer", "ALICE ARCHER", "picard", " picard", "zola",
                                  "émile zola", "u.s.", "japan", "of  japan", "japan ", "", "r"])
def test_name_keys_match_like_the_label_filter_they_replace(label, name):
    old = (label.lower() == name.lower()
           or label.lower().endswith(" " + name.lower()))
    assert (name.lower() in name_keys(label)) is old


def test_name_lookup_ignores_relation_labels(fixture_store):
    # the relation property kgr:lead is labelled "lead" too; it is no entity to profile
    r = run_query(fixture_store, load_query("entity-profile"), {"name": Literal("lead")})
    assert r.rows == ()


ZED = URIRef("https://w3id.org/kg-news/id/organization/zed-co")
BOB = URIRef("https://w3id.org/kg-news/id/person/bob-baker")


def _unlabelled_end(article_id: str) -> Graph:
    """A graph with one statement "Bob Baker buys Zed Co" that does not label Zed Co: Zed Co is
    an entity (and Bob Baker's partner) only while another graph labels it."""
    g = Graph(identifier=graph_iri(article_id))
    st = URIRef(f"https://w3id.org/kg-news/id/statement/{article_id}-0")
    sentence = URIRef(f"https://w3id.org/kg-news/id/sentence/{article_id}-0")
    g.add((BOB, SKOS.prefLabel, Literal("Bob Baker")))
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, BOB))
    g.add((st, RDF.object, ZED))
    g.add((st, PROV.wasDerivedFrom, sentence))
    g.add((sentence, URIRef("https://schema.org/text"), Literal("Bob Baker buys Zed Co.")))
    return g


def _labels_zed(article_id: str) -> Graph:
    g = Graph(identifier=graph_iri(article_id))
    g.add((ZED, SKOS.prefLabel, Literal("Zed Co")))
    g.add((ZED, SKOS.altLabel, Literal("Zed")))
    return g


def _rebuilt(make_store, name: str, graphs: list[Graph]) -> set[tuple[str, str, str]]:
    fresh = make_store(name)
    for g in graphs:
        fresh.replace_article(g)
    refresh_summary(fresh)
    return _summary(fresh)


def test_incremental_summary_equals_a_rebuild_at_every_step(make_store):
    """Add, replace and remove articles through a journal; after each step the patched
    summary is the one a rebuild from scratch gives, and only the touched entities are redone."""
    store = make_store("inc")
    stored: dict[str, Graph] = {}
    steps: list[tuple[str, str, Graph | None]] = [
        ("add", "fx-1", to_rdf(extraction("fx-1"))),
        ("add", "fx-2", to_rdf(extraction("fx-2"))),
        ("add", "zed-end", _unlabelled_end("zed-end")),  # Zed Co labels nothing yet
        ("add", "zed-label", _labels_zed("zed-label")),  # now it is an entity: Bob's partner
        ("replace", "fx-2", to_rdf(_changed("fx-2"))),
        ("remove", "zed-label", None),  # Zed Co stops being an entity
        ("remove", "fx-1", None),
        ("add", "fx-3", to_rdf(extraction("fx-3"))),
        ("remove", "fx-2", None),
        ("remove", "zed-end", None),
        ("remove", "fx-3", None),
    ]
    for n, (action, article, graph) in enumerate(steps):
        journal = Journal(store)
        if graph is not None:
            journal.replace_article(graph)
            stored[article] = graph
        else:
            journal.remove_article(graph_iri(article))
            del stored[article]
        redone = patch_summary(store, journal.touched())
        assert n == 0 or redone >= 0  # after the first, each step is an update, not a rebuild
        assert _summary(store) == _rebuilt(make_store, f"fresh{n}", list(stored.values())), (
            action, article)
    assert not has_summary(store) and len(store) == 0


def test_zed_co_is_a_partner_only_while_labelled(make_store):
    store = make_store("zed")
    for g in (_unlabelled_end("zed-end"), _labels_zed("zed-label")):
        store.replace_article(g)
    refresh_summary(store)
    assert (str(BOB), str(KG.partner), str(ZED)) in _summary(store)
    journal = Journal(store)
    journal.remove_article(graph_iri("zed-label"))
    patch_summary(store, journal.touched())
    assert not any(s == str(BOB) and p == str(KG.partner) for s, p, _ in _summary(store))


def test_build_and_remove_update_the_summary_exactly(make_store):
    """link_and_derive (what kg build runs after storing) and remove_articles (kg remove)."""
    store = make_store("b")
    journal = Journal(store)
    for art in ("fx-1", "fx-2"):
        journal.replace_article(to_rdf(extraction(art)))
    link_and_derive(store, ["fx-1", "fx-2"], journal)
    journal = Journal(store)
    journal.replace_article(to_rdf(_changed("fx-2")))
    journal.replace_article(_unlabelled_end("zed-end"))
    link_and_derive(store, ["fx-2", "zed-end"], journal)
    expected = make_store("e")
    for g in (to_rdf(extraction("fx-1")), to_rdf(_changed("fx-2")), _unlabelled_end("zed-end")):
        expected.replace_article(g)
    link_and_derive(expected, ["fx-1", "fx-2", "zed-end"])  # no journal: from scratch
    assert _summary(store) == _summary(expected)
    remove_articles(store, ["fx-1"])
    remove_articles(expected, ["fx-1"])
    refresh_summary(expected)
    assert _summary(store) == _summary(expected)
    r = run_query(store, load_query("most-connected"))
    assert r.values("entity")[0] == "Bob Baker"
