"""Hand-built extractions for the map tests: a small news graph with meetings, and a hostile one.

They go through the real stages (records → kg.rdf.mapping.to_rdf → store → kg.network.graph.to_networkx),
so the map tests do not depend on what the spaCy model extracts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import networkx as nx

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

P, ORG, C, PL, G = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY,
                  EntityType.PLACE, EntityType.GROUP)

#: Payloads that must show as text and run nothing. Each would set a window.pwned* global.
HOSTILE = (
    '<img src=x onerror="window.pwnedImg=1">',
    "</script><script>window.pwnedScript=1</script>",
    "javascript:window.pwnedJs=1",
    '"><svg onload="window.pwnedSvg=1">',
    "Bob's \"quoted\" & <b>bold</b> name",
)


def _prov(article: str, i: int, sentence: str) -> Provenance:
    return Provenance(article, i, i * 200, i * 200 + len(sentence), sentence)


def _triple(article: str, i: int, sentence: str, s: str, rel: str, pred: str, o: str,
            conf: float = 0.8) -> Triple:
    return Triple(Argument(s, 0, 1, s), rel, pred, Argument(o, 2, 3, o),
                  _prov(article, i, sentence), conf)


def news_extractions() -> list[Extraction]:
    """Two articles: three meetings (planned, happened, undated) and a few relations."""
    a1 = "fx-001-envoy"
    ents = (
        Entity("person:vladimir putin", "Vladimir Putin", P, ("President Vladimir Putin",),
               ("President",)),
        Entity("person:steve witkoff", "Steve Witkoff", P, ("Mr. Witkoff",), ("special envoy",)),
        Entity("person:volodymyr zelensky", "Volodymyr Zelensky", P, ("Zelensky",)),
        Entity("person:emmanuel macron", "Emmanuel Macron", P),
        Entity("place:moscow", "Moscow", PL),
        Entity("place:paris", "Paris", PL),
        Entity("place:miami", "Miami", PL),
        Entity("country:united states", "United States", C, ("U.S.",)),
        Entity("group:united states delegation", "American delegation", G,
               country="country:united states"),
        Entity("group:ukraine delegation", "Ukrainian delegation", G),
        Entity("organization:kremlin", "Kremlin", ORG),
    )
    s0 = "President Vladimir Putin is expected to meet Steve Witkoff in Moscow on Tuesday."
    s1 = "Mr. Zelensky met Emmanuel Macron in Paris on Monday."
    s2 = "The American and Ukrainian delegations met in Miami."
    s3 = "The Kremlin said Mr. Witkoff travels to Moscow."
    x1 = Extraction(
        Article(a1, "Envoy heads to Moscow", " ".join([s0, s1, s2, s3]), date(2025, 12, 1)),
        entities=ents,
        triples=(
            _triple(a1, 0, s0, "person:vladimir putin", "is expected to meet", "meet",
                    "person:steve witkoff"),
            _triple(a1, 3, s3, "person:steve witkoff", "travels to", "travel to", "place:moscow"),
            _triple(a1, 3, s3, "organization:kremlin", "said", "say", "person:steve witkoff", 0.4),
        ),
        meetings=(
            Meeting(("person:vladimir putin", "person:steve witkoff"), MeetingStatus.PLANNED,
                    _prov(a1, 0, s0), "meet", "Moscow", "place:moscow", "Tuesday",
                    date(2025, 12, 2)),
            Meeting(("person:volodymyr zelensky", "person:emmanuel macron"),
                    MeetingStatus.HAPPENED, _prov(a1, 1, s1), "met", "Paris", "place:paris",
                    "Monday", date(2025, 12, 1)),
            Meeting(("group:united states delegation", "group:ukraine delegation"),
                    MeetingStatus.HAPPENED, _prov(a1, 2, s2), "met", "Miami", "place:miami"),
        ),
    )
    a2 = "fx-002-paris"
    s4 = "Emmanuel Macron hosted Volodymyr Zelensky in Paris."
    x2 = Extraction(
        Article(a2, "Paris talks", s4, date(2025, 12, 3)),
        entities=(Entity("person:emmanuel macron", "Emmanuel Macron", P),
                  Entity("person:volodymyr zelensky", "Volodymyr Zelensky", P),
                  Entity("place:paris", "Paris", PL)),
        triples=(_triple(a2, 0, s4, "person:emmanuel macron", "hosted", "host",
                         "person:volodymyr zelensky"),),
    )
    return [x1, x2]


def hostile_extractions() -> list[Extraction]:
    """Entity names, aliases, titles, sentences and places made of script-injection payloads."""
    a = "fx-hostile"
    sent = ("<script>window.pwnedSentence=1</script> met "
            '<img src=x onerror="window.pwnedImg2=1"> in javascript:alert(1) "quoted"')
    ents = tuple(Entity(f"person:{p}", p, P, (f"alias {p}",), (f"title {p}",))
                 for p in HOSTILE)
    keys = [e.key for e in ents]
    return [Extraction(
        Article(a, "<script>window.pwnedTitle=1</script>", sent),
        entities=ents,
        triples=tuple(_triple(a, 0, sent, keys[i], f"<b onmouseover=x>{i}</b>",
                              f"<i>rel{i}</i>", keys[i + 1]) for i in range(len(keys) - 1)),
        meetings=(Meeting((keys[0], keys[1]), MeetingStatus.HAPPENED, _prov(a, 0, sent), "met",
                          '<img src=x onerror="window.pwnedPlace=1">', None,
                          "</script><script>window.pwnedTime=1</script>"),),
    )]


def graph_of(extractions: list[Extraction], store_dir: Path | None = None) -> nx.MultiDiGraph:
    """The NetworkX projection of ``extractions`` stored in memory (or in ``store_dir``)."""
    with open_store(str(store_dir) if store_dir else "memory:") as store:
        for x in extractions:
            store.replace_article(to_rdf(x))
        return to_networkx(store)


def corpus_extractions(days: int = 12, leaves: int = 5) -> list[Extraction]:
    """One article a day for ``days`` days (January 2025): a hub, Ada Hub, advises
    ``leaves`` people named only there, and two of them meet."""
    out = []
    for day in range(days):
        aid = f"fx-day-{day + 1:02d}"
        people = [f"Leaf {day + 1}-{k}" for k in range(leaves)]
        keys = [f"person:{p.lower()}" for p in people]
        sents = [f"Ada Hub advised {p} on day {day + 1}." for p in people]
        meet = f"{people[0]} met {people[1]} in Lyon."
        ents = (Entity("person:ada hub", "Ada Hub", P),
                *(Entity(k, p, P) for k, p in zip(keys, people, strict=True)))
        out.append(Extraction(
            Article(aid, f"Day {day + 1}", " ".join([*sents, meet]), date(2025, 1, day + 1)),
            entities=ents,
            triples=tuple(_triple(aid, i, s, "person:ada hub", "advised", "advise", k)
                          for i, (s, k) in enumerate(zip(sents, keys, strict=True))),
            meetings=(Meeting((keys[0], keys[1]), MeetingStatus.HAPPENED,
                              _prov(aid, leaves, meet), "met", "Lyon", None, None,
                              date(2025, 1, day + 1)),),
        ))
    return out
