"""Cross-article linking in the store: a surname alone gets the IRI of the full name.

A person known only as "Putin" in one article gets the IRI of the "Vladimir Putin" that other
articles name in full.

It runs over the stored graphs after a build, so the result does not depend on the order
in which articles were ingested, nor on how they were extracted (one process, several, or
a Dask cluster). A short name that fits two known people ("Baker": James or Howard Baker)
is left alone. The short form is kept as ``skos:altLabel`` of the full-name entity.

Names are compared without the words a writer puts before a name (a title, abbreviated or
misspelt, or a nationality: :func:`~kg.extract.gazetteer.name_core`): a person written
"Minsiter Ann Vos" once is the "Ann Vos" of every other article, and gets the IRI minted from
"Ann Vos", with the label most of the graphs give that name. The IRI depends only on the set of
names in the store, so a build in steps and a build at once give the same one.

>>> from kg.sample import sample_extraction
>>> from kg.rdf.mapping import to_rdf
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> store.replace_article(to_rdf(sample_extraction()))
>>> relink_people(store)
0
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS
from rdflib.term import Node

from kg.extract.entities.names import surname_match
from kg.extract.gazetteer import name_core
from kg.extract.index import entity_key
from kg.model import EntityType
from kg.query.files import internal_query
from kg.rdf.iri import entity_iri
from kg.rdf.mapping import RdfTriple
from kg.rdf.nquads import triples_nquads
from kg.store import Store

__all__ = ["person_links", "preferred_labels", "relink_people", "relink_people_graphs"]

log = logging.getLogger(__name__)


def _words(label: str) -> tuple[str, ...]:
    return tuple(label.casefold().replace(".", "").split())


def _core(label: str) -> str:
    """The name a label writes, without the title or nationality words before it."""
    return " ".join(name_core(tuple(label.split())))


def _form(labels: Mapping[str, int]) -> str:
    """The label most graphs give (ties: one not in capitals, then the smallest)."""
    return min(labels.items(), key=lambda kv: (-kv[1], kv[0].isupper(), kv[0]))[0]


def person_links(people: Mapping[str, Mapping[str, int]]) -> dict[str, str]:
    """Person IRI -> the IRI it is the same person as: the IRI of its name without the words
    before it, and for a short name the one full name that ends with it.

    ``people``: each person IRI's labels, with how many graphs give each.

    >>> p = lambda label: str(entity_iri(entity_key(label, EntityType.PERSON)))
    >>> links = person_links({p("Putin"): {"Putin": 2}, p("Vladimir Putin"): {"Vladimir Putin": 1},
    ...                       p("Baker"): {"Baker": 1}, p("James Baker"): {"James Baker": 1},
    ...                       p("Howard Baker"): {"Howard Baker": 1}})
    >>> links == {p("Putin"): p("Vladimir Putin")}
    True
    >>> person_links({p("Sen Ann Vos"): {"Sen Ann Vos": 1}}) == {p("Sen Ann Vos"): p("Ann Vos")}
    True
    """
    home: dict[str, str] = {}  # IRI -> the IRI of its name without the words before it
    for iri, labels in people.items():
        written = tuple(_form(labels).split())
        core = name_core(written)
        # Only a stripped name moves: every other IRI keeps the one it was minted with.
        home[iri] = iri if core == written else str(
            entity_iri(entity_key(" ".join(core), EntityType.PERSON)))
    cores: dict[str, tuple[str, ...]] = {}
    for iri, labels in people.items():
        cores.setdefault(home[iri], _words(_core(_form(labels))))
    by_last: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for target, words in cores.items():
        if len(words) > 1:
            by_last[words[-1]].append((target, words))
    found = {target: {f for f, longer in by_last.get(words[-1], ()) if f != target
                      and surname_match(words, longer)} if words else set()
             for target, words in cores.items()}
    full = {target: next(iter(fs)) for target, fs in found.items() if len(fs) == 1}

    def final(target: str) -> str:
        while target in full:  # links only ever go to longer names: no cycle
            target = full[target]
        return target

    # "Vos" fits "Ann Vos" and "Mary Ann Vos", but both are one person: link it there now,
    # not at the next build (the result is then the same however often it runs). Longer
    # names first, so that every name a shorter one fits is already resolved.
    for target, fs in sorted(found.items(), key=lambda kv: (-len(cores[kv[0]]), kv[0])):
        ends = {final(f) for f in fs}
        if len(fs) > 1 and len(ends) == 1:
            full[target] = ends.pop()
    links = {iri: final(home[iri]) for iri in people}
    return {iri: t for iri, t in links.items() if t != iri}


def preferred_labels(people: Mapping[str, Mapping[str, int]], links: Mapping[str, str]
                     ) -> dict[str, str]:
    """The label each link target gets: among the names of the IRIs linked to it whose name
    is the target's own (surnames and other short forms do not count), the form most graphs
    give, without the words before the name.

    >>> preferred_labels({"a": {"Minsiter Ann Vos": 1}, "b": {"Ann Vos": 3}, "c": {"Vos": 9}},
    ...                  {"a": "b", "c": "b"})
    {'b': 'Ann Vos'}
    """
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    targets = set(links.values())
    for iri, labels in people.items():
        target = links.get(iri, iri)
        if target not in targets:
            continue
        for label, graphs in labels.items():
            forms[target][_core(label)] += graphs
    out = {}
    for target, counts in forms.items():
        longest = max(len(_words(f)) for f in counts)
        out[target] = _form({f: n for f, n in counts.items() if len(_words(f)) == longest})
    return out


def _rewrite(triples: Iterable[RdfTriple], links: dict[Node, URIRef],
             labels: dict[str, str]) -> list[RdfTriple]:
    out: list[RdfTriple] = []
    for s, p, o in triples:
        s2 = links.get(s, s)
        if p in (RDFS.label, SKOS.prefLabel) and str(s2) in labels:
            # The graph's own form stays a name of the entity; its label is the chosen one.
            if str(o) != labels[str(s2)]:
                out.append((s2, SKOS.altLabel, o))
            continue
        out.append((s2, p, links.get(o, o)))
    subjects = {t[0] for t in out}
    for full in set(links.values()) & subjects:
        out.append((full, RDFS.label, Literal(labels[str(full)])))
        out.append((full, SKOS.prefLabel, Literal(labels[str(full)])))
    return list(dict.fromkeys(out))


def relink_people(store: Store) -> int:
    """Rewrite stored article graphs so short-named people use their full-name IRI.

    Returns the number of article graphs rewritten; each is replaced as a unit.
    """
    return len(relink_people_graphs(store))


def relink_people_graphs(store: Store) -> list[str]:
    """:func:`relink_people`, returning the IRIs of the article graphs it rewrote."""
    q = internal_query("people")
    rows = store.query(q).rows
    people: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        people[str(r[0])][str(r[1])] += 1
    links = person_links(people)
    if not links:
        return []
    labels = preferred_labels(people, links)
    graphs = sorted({str(r[2]) for r in rows if str(r[0]) in links})
    iri_links: dict[Node, URIRef] = {URIRef(k): URIRef(v) for k, v in links.items()}
    for gname in graphs:
        triples = _rewrite(store.graph_triples(gname), iri_links, labels)
        store.replace_article_nquads(gname, triples_nquads(gname, triples))
    log.info("linked %d short names across %d articles", len(links), len(graphs))
    return graphs
