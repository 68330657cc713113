"""The RDF stage: :class:`~kg.model.Extraction` → one rdflib named graph per article.

Entities are ``schema:Person``/``Organization``/``Country``/``Place`` with ``rdfs:label``,
``skos:prefLabel`` and ``skos:altLabel``; open-IE triples are reified ``rdf:Statement``
nodes (and, between two entities, also asserted directly with a ``kgr:`` property);
meetings are ``kg:Meeting`` (a ``schema:Event``) nodes with ``schema:attendee``. Every fact
points at its ``kg:Sentence`` with ``prov:wasDerivedFrom``.

>>> from kg.model import Article, Extraction
>>> g = to_rdf(Extraction(Article("a1", "Title", "Text.")))
>>> str(g.identifier)
'https://w3id.org/kg-news/id/graph/a1'
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.iri import article_iri, entity_iri, graph_iri, mint, relation_iri
from kg.model import (
    Argument,
    EntityType,
    Extraction,
    Meeting,
    MeetingStatus,
    Provenance,
    Triple,
)
from kg.vocab import KG, PREFIXES, PROV, RDF, RDFS, SDO, SKOS, XSD

__all__ = ["to_rdf", "bind_prefixes", "ENTITY_CLASSES", "STATUS_IRIS", "sentence_iri"]

#: Entity type -> RDF class (reused vocabularies first).
ENTITY_CLASSES: dict[EntityType, URIRef] = {
    EntityType.PERSON: SDO.Person,
    EntityType.ORGANIZATION: SDO.Organization,
    EntityType.COUNTRY: SDO.Country,
    EntityType.PLACE: SDO.Place,
    EntityType.GROUP: KG.Group,
    EntityType.EVENT: SDO.Event,
    EntityType.OTHER: SDO.Thing,
}

STATUS_IRIS: dict[MeetingStatus, URIRef] = {
    MeetingStatus.HAPPENED: KG.Happened,
    MeetingStatus.PLANNED: KG.Planned,
    MeetingStatus.NEGATED: KG.Negated,
}


def bind_prefixes(g: Graph) -> Graph:
    """Bind the project's prefixes on ``g`` (for readable Turtle/TriG)."""
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, replace=True)
    return g


def sentence_iri(p: Provenance) -> URIRef:
    """The IRI of the sentence a fact was derived from."""
    return mint("sentence", p.article_id, str(p.sentence_index))


def _add_sentence(g: Graph, art: URIRef, p: Provenance) -> URIRef:
    s = sentence_iri(p)
    g.add((s, RDF.type, KG.Sentence))
    g.add((s, SDO.isPartOf, art))
    g.add((s, SDO.text, Literal(p.sentence)))
    g.add((s, KG.sentenceIndex, Literal(p.sentence_index)))
    g.add((s, KG.charStart, Literal(p.start)))
    g.add((s, KG.charEnd, Literal(p.end)))
    return s


def _argument(arg: Argument) -> Node:
    return entity_iri(arg.entity) if arg.entity else Literal(arg.text)


def _triples(g: Graph, x: Extraction, sents: dict[int, URIRef], known: set[str]) -> None:
    counters: dict[int, int] = {}
    for t in x.triples:
        si = t.provenance.sentence_index
        n = counters[si] = counters.get(si, 0) + 1
        st = mint("statement", x.article.id, f"{si}-{n}")
        prop = relation_iri(t.predicate)
        subj = _argument(t.subject)
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, subj))
        g.add((st, RDF.predicate, prop))
        g.add((st, KG.relationText, Literal(t.relation)))
        g.add((st, KG.subjectText, Literal(t.subject.text)))
        if t.object is not None:
            g.add((st, RDF.object, _argument(t.object)))
            g.add((st, KG.objectText, Literal(t.object.text)))
        for extra in t.extra:
            g.add((st, KG.extraArgument, Literal(extra.text)))
        g.add((st, KG.confidence, Literal(round(t.confidence, 4), datatype=XSD.double)))
        g.add((st, PROV.wasDerivedFrom, sents[si]))
        if t.negated:
            g.add((st, KG.negated, Literal(True)))
        if t.modality:
            g.add((st, KG.modality, Literal(t.modality)))
        if t.attribution:
            g.add((st, KG.attributedTo, Literal(t.attribution)))
        g.add((prop, RDF.type, RDF.Property))
        g.add((prop, RDFS.label, Literal(t.predicate)))
        linked = (t.subject.entity in known and t.object is not None
                  and t.object.entity in known)
        if linked and not t.negated and t.object is not None and t.object.entity:
            # Asserted directly too, so that analytics and simple SPARQL need no reification.
            g.add((subj, prop, entity_iri(t.object.entity)))


def _entities(g: Graph, x: Extraction, sents: dict[int, URIRef]) -> None:
    for e in x.entities:
        node = entity_iri(e.key)
        g.add((node, RDF.type, ENTITY_CLASSES[e.type]))
        g.add((node, RDFS.label, Literal(e.label)))
        g.add((node, SKOS.prefLabel, Literal(e.label)))
        for alias in e.aliases:
            if alias != e.label:
                g.add((node, SKOS.altLabel, Literal(alias)))
        for title in e.titles:
            g.add((node, SDO.jobTitle, Literal(title)))
        if e.country:
            g.add((node, KG.country, entity_iri(e.country)))
        for m in e.mentions:
            if m.sentence_index in sents:
                g.add((sents[m.sentence_index], SDO.mentions, node))


def _meetings(g: Graph, x: Extraction, sents: dict[int, URIRef]) -> None:
    counters: dict[int, int] = {}
    for m in x.meetings:
        si = m.provenance.sentence_index
        n = counters[si] = counters.get(si, 0) + 1
        ev = mint("meeting", x.article.id, f"{si}-{n}")
        g.add((ev, RDF.type, KG.Meeting))
        g.add((ev, RDF.type, SDO.Event))
        for p in m.participants:
            g.add((ev, SDO.attendee, entity_iri(p)))
        g.add((ev, KG.status, STATUS_IRIS[m.status]))
        g.add((ev, KG.trigger, Literal(m.trigger)))
        g.add((ev, KG.confidence, Literal(round(m.confidence, 4), datatype=XSD.double)))
        g.add((ev, PROV.wasDerivedFrom, sents[si]))
        if m.place:
            g.add((ev, KG.placeText, Literal(m.place)))
        if m.place_entity:
            g.add((ev, SDO.location, entity_iri(m.place_entity)))
        if m.time:
            g.add((ev, KG.timeText, Literal(m.time)))
        if m.date:
            g.add((ev, SDO.startDate, Literal(m.date.isoformat(), datatype=XSD.date)))


def to_rdf(x: Extraction, extractor: str | None = None) -> Graph:
    """The named graph of one article's extraction (identifier: :func:`~kg.iri.graph_iri`).

    Building it twice from the same extraction gives the same triples: every IRI is
    derived from the article id, sentence index and normalised names.
    """
    a = x.article
    g = bind_prefixes(Graph(identifier=graph_iri(a.id)))
    art = article_iri(a.id)
    g.add((art, RDF.type, SDO.NewsArticle))
    g.add((art, SDO.identifier, Literal(a.id)))
    g.add((art, SDO.headline, Literal(a.title)))
    g.add((art, KG.contentHash, Literal(a.content_hash)))
    if a.published:
        g.add((art, SDO.datePublished, Literal(a.published.isoformat(), datatype=XSD.date)))
    if a.url:
        g.add((art, SDO.url, Literal(a.url, datatype=XSD.anyURI)))
    if extractor:
        g.add((art, KG.extractor, Literal(extractor)))
    sents = {p.sentence_index: _add_sentence(g, art, p) for p in _needed_sentences(x)}
    _entities(g, x, sents)
    _triples(g, x, sents, {e.key for e in x.entities})
    _meetings(g, x, sents)
    return g


def _needed_sentences(x: Extraction) -> Iterable[Provenance]:
    by_index = {p.sentence_index: p for p in x.sentences}
    facts: tuple[Triple | Meeting, ...] = (*x.triples, *x.meetings)
    for fact in facts:
        by_index.setdefault(fact.provenance.sentence_index, fact.provenance)
    return sorted(by_index.values(), key=lambda p: p.sentence_index)
