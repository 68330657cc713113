"""kg.network.graph.to_networkx on stores whose articles share entities, on both engines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.model import (
    Argument,
    Article,
    Entity,
    EntityType,
    Extraction,
    Meeting,
    MeetingStatus,
    Provenance,
    Triple,
)
from kg.network.graph import to_networkx
from kg.rdf.mapping import to_rdf
from kg.store import open_store

P = EntityType.PERSON


def _article(i: int, label: str, published: date | None) -> Extraction:
    """Article ``a{i}``: the same person (under ``label``) calls and meets another one."""
    aid = f"a{i}"
    text = f"{label} called Dana Rook and met her in Oslo."
    prov = Provenance(aid, 0, 0, len(text), text)
    ents = (Entity("person:kit lane", label, P, (f"Mx. {i}",), ("minister",) if i else ()),
            Entity(f"person:dana rook {i % 2}", "Dana Rook", P))
    return Extraction(
        Article(aid, f"T{i}", text, published),
        entities=ents,
        triples=(Triple(Argument(label, 0, 1, "person:kit lane"), "called", "call",
                        Argument("Dana Rook", 2, 4, f"person:dana rook {i % 2}"), prov, 0.7),
                 Triple(Argument(label, 0, 1, "person:kit lane"), "called", "call",
                        Argument("Oslo", 8, 9), prov, 0.6)),
        meetings=(Meeting(("person:kit lane", f"person:dana rook {i % 2}"),
                          MeetingStatus.HAPPENED, prov, "met", "Oslo", None, None,
                          date(2025, 3, i + 1)),),
    )


@pytest.fixture(params=["memory", "oxigraph"])
def store(request: pytest.FixtureRequest, tmp_path: Path):  # noqa: ANN201
    s = open_store("memory:" if request.param == "memory" else str(tmp_path / "s"))
    for i, label in enumerate(["Kit Lane", "Kit Lane", "K. Lane"]):
        s.replace_article(to_rdf(_article(i, label, date(2025, 3, 9) if i else None)))
    yield s
    s.close()


def test_shared_entity_gets_the_commonest_label_and_every_alias(store) -> None:  # noqa: ANN001
    g = to_networkx(store)
    kit = g.nodes["https://w3id.org/kg-news/id/person/kit-lane"]
    assert kit["label"] == "Kit Lane"  # two articles against one
    assert kit["aliases"] == ["Mx. 0", "Mx. 1", "Mx. 2"] and kit["titles"] == ["minister"]
    assert kit["type"] == "person"


def test_each_fact_keeps_its_own_sentence_article_and_date(store) -> None:  # noqa: ANN001
    g = to_networkx(store)
    rel = sorted((d["article"], d["published"], d["sentence_index"])
                 for *_, d in g.edges(data=True) if d["kind"] == "relation")
    # the literal object "Oslo" is no node, so one relation edge per article
    assert rel == [("a0", None, 0), ("a1", "2025-03-09", 0), ("a2", "2025-03-09", 0)]
    meets = sorted((d["article"], d["date"], d["place"], d["status"])
                   for *_, d in g.edges(data=True) if d["kind"] == "meeting")
    assert meets == [("a0", "2025-03-01", "Oslo", "happened"),
                     ("a1", "2025-03-02", "Oslo", "happened"),
                     ("a2", "2025-03-03", "Oslo", "happened")]
    assert all(d["predicate"] == "call" for *_, d in g.edges(data=True)
               if d["kind"] == "relation")


def test_select_values_gives_plain_strings_and_none(store) -> None:  # noqa: ANN001
    rows = store.select_values(
        "SELECT ?id ?day WHERE { ?a schema:identifier ?id "
        "OPTIONAL { ?a schema:datePublished ?day } } ORDER BY ?id")
    assert rows == [("a0", None), ("a1", "2025-03-09"), ("a2", "2025-03-09")]
