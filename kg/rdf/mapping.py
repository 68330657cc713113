"""The RDF stage: :class:`~kg.model.Extraction` → one rdflib named graph per article.

Entities are ``schema:Person``/``Organization``/``Country``/``Place`` with ``rdfs:label``,
``skos:prefLabel`` and ``skos:altLabel``; open-IE triples are reified ``rdf:Statement``
nodes (and, between two entities, also asserted directly with a ``kgr:`` property);
meetings are ``kg:Meeting`` (a ``schema:Event``) nodes with ``schema:attendee``. Every fact
points at its ``kg:Sentence`` with ``prov:wasDerivedFrom``. A web page's byline is
``schema:author`` (a ``schema:Person``) and ``schema:publisher`` (a ``schema:Organization``),
stated in the article's own named graph beside its ``schema:url`` and ``kg:contentHash``.

>>> from kg.model import Article, Extraction
>>> g = to_rdf(Extraction(Article("a1", "Title", "Text.")))
>>> str(g.identifier)
'https://w3id.org/kg-news/id/graph/a1'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.model import (
    Argument,
    DateSpan,
    EntityType,
    Extraction,
    Meeting,
    MeetingStatus,
    Provenance,
    Triple,
)
from kg.rdf.iri import article_iri, entity_iri, graph_iri, mint, relation_iri
from kg.rdf.vocab import KG, PREFIXES, PROV, RDF, RDFS, SDO, SKOS, XSD

__all__ = ["to_rdf", "rdf_triples", "bind_prefixes", "ENTITY_CLASSES", "STATUS_IRIS",
           "sentence_iri", "RdfTriple"]

#: One RDF triple as the mapping emits it.
RdfTriple = tuple[Node, Node, Node]
# The mapping functions emit through ``add`` (a list's append): rdflib's indexed Graph.add
# cost more than the mapping itself, and `kg build` only needs the triples as N-Quads.
_Add = Callable[[RdfTriple], None]

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


def _add_sentence(add: _Add, art: URIRef, p: Provenance) -> URIRef:
    s = sentence_iri(p)
    add((s, RDF.type, KG.Sentence))
    add((s, SDO.isPartOf, art))
    add((s, SDO.text, Literal(p.sentence)))
    add((s, KG.sentenceIndex, Literal(p.sentence_index)))
    add((s, KG.charStart, Literal(p.start)))
    add((s, KG.charEnd, Literal(p.end)))
    return s


def _argument(arg: Argument) -> Node:
    return entity_iri(arg.entity) if arg.entity else Literal(arg.text)


def _triples(add: _Add, x: Extraction, sents: dict[int, URIRef], known: set[str]) -> None:
    # A DefinedNamespace makes a new term at every attribute access (about 1 us), and an
    # article writes thousands of statements: the loop reads each term once.
    rdf_type, statement, subject_p, predicate_p, object_p = (
        RDF.type, RDF.Statement, RDF.subject, RDF.predicate, RDF.object)
    relation_text, subject_text, object_text, extra_argument = (
        KG.relationText, KG.subjectText, KG.objectText, KG.extraArgument)
    confidence, derived_from, double, rdf_property, label = (
        KG.confidence, PROV.wasDerivedFrom, XSD.double, RDF.Property, RDFS.label)
    counters: dict[int, int] = {}
    for t in x.triples:
        si = t.provenance.sentence_index
        n = counters[si] = counters.get(si, 0) + 1
        st = mint("statement", x.article.id, f"{si}-{n}")
        prop = relation_iri(t.predicate)
        subj = _argument(t.subject)
        add((st, rdf_type, statement))
        add((st, subject_p, subj))
        add((st, predicate_p, prop))
        add((st, relation_text, Literal(t.relation)))
        add((st, subject_text, Literal(t.subject.text)))
        if t.object is not None:
            add((st, object_p, _argument(t.object)))
            add((st, object_text, Literal(t.object.text)))
        for extra in t.extra:
            add((st, extra_argument, Literal(extra.text)))
        add((st, confidence, Literal(round(t.confidence, 4), datatype=double)))
        add((st, derived_from, sents[si]))
        if t.negated:
            add((st, KG.negated, Literal(True)))
        if t.modality:
            add((st, KG.modality, Literal(t.modality)))
        if t.attribution:
            add((st, KG.attributedTo, Literal(t.attribution)))
        add((prop, rdf_type, rdf_property))
        add((prop, label, Literal(t.predicate)))
        linked = (t.subject.entity in known and t.object is not None
                  and t.object.entity in known)
        if linked and not t.negated and t.object is not None and t.object.entity:
            # Asserted directly too, so that analytics and simple SPARQL need no reification.
            add((subj, prop, entity_iri(t.object.entity)))


def _entities(add: _Add, x: Extraction, sents: dict[int, URIRef]) -> None:
    for e in x.entities:
        node = entity_iri(e.key)
        add((node, RDF.type, ENTITY_CLASSES[e.type]))
        add((node, RDFS.label, Literal(e.label)))
        add((node, SKOS.prefLabel, Literal(e.label)))
        for alias in e.aliases:
            if alias != e.label:
                add((node, SKOS.altLabel, Literal(alias)))
        for title in e.titles:
            add((node, SDO.jobTitle, Literal(title)))
        if e.country:
            add((node, KG.country, entity_iri(e.country)))
        for m in e.mentions:
            if m.sentence_index in sents:
                add((sents[m.sentence_index], SDO.mentions, node))


def _meetings(add: _Add, x: Extraction, sents: dict[int, URIRef]) -> None:
    counters: dict[int, int] = {}
    for m in x.meetings:
        si = m.provenance.sentence_index
        n = counters[si] = counters.get(si, 0) + 1
        ev = mint("meeting", x.article.id, f"{si}-{n}")
        add((ev, RDF.type, KG.Meeting))
        add((ev, RDF.type, SDO.Event))
        for p in m.participants:
            add((ev, SDO.attendee, entity_iri(p)))
        add((ev, KG.status, STATUS_IRIS[m.status]))
        add((ev, KG.trigger, Literal(m.trigger)))
        add((ev, KG.confidence, Literal(round(m.confidence, 4), datatype=XSD.double)))
        add((ev, PROV.wasDerivedFrom, sents[si]))
        if m.place:
            add((ev, KG.placeText, Literal(m.place)))
        if m.place_entity:
            add((ev, SDO.location, entity_iri(m.place_entity)))
        if m.time:
            add((ev, KG.timeText, Literal(m.time)))
        if m.date:
            add((ev, SDO.startDate, Literal(m.date.isoformat(), datatype=XSD.date)))
        if m.span is not None:
            _span(add, ev, m.span)


def _span(add: _Add, ev: URIRef, span: DateSpan) -> None:
    if span.start:
        add((ev, KG.earliestDate, Literal(span.start.isoformat(), datatype=XSD.date)))
    if span.end:
        add((ev, KG.latestDate, Literal(span.end.isoformat(), datatype=XSD.date)))
    add((ev, KG.datePrecision, Literal(span.precision)))


def rdf_triples(x: Extraction, extractor: str | None = None) -> list[RdfTriple]:
    """The triples of one article's graph, without an rdflib Graph (some may repeat).

    >>> from kg.model import Article, Extraction
    >>> len(rdf_triples(Extraction(Article("a1", "Title", "Text."))))
    4
    """
    out: list[RdfTriple] = []
    add = out.append
    a = x.article
    art = article_iri(a.id)
    add((art, RDF.type, SDO.NewsArticle))
    add((art, SDO.identifier, Literal(a.id)))
    add((art, SDO.headline, Literal(a.title)))
    add((art, KG.contentHash, Literal(a.content_hash)))
    if a.published:
        add((art, SDO.datePublished, Literal(a.published.isoformat(), datatype=XSD.date)))
    if a.dateline:
        add((art, SDO.locationCreated, Literal(a.dateline)))
    if a.url or a.canonical_url:
        add((art, SDO.url, Literal(a.url or a.canonical_url, datatype=XSD.anyURI)))
    _byline(add, art, a.author, a.site_name)
    if extractor:
        add((art, KG.extractor, Literal(extractor)))
    sents = {p.sentence_index: _add_sentence(add, art, p) for p in _needed_sentences(x)}
    _entities(add, x, sents)
    _triples(add, x, sents, {e.key for e in x.entities})
    _meetings(add, x, sents)
    return out


def _byline(add: Callable[[RdfTriple], None], art: URIRef, author: str | None,
            publisher: str | None) -> None:
    # Named with schema:name, not rdfs:label: a byline is metadata of the page, and the
    # map and network show only the entities found in the text (they select rdfs:label).
    for name in filter(None, (n.strip() for n in (author or "").split(";"))):
        person = entity_iri(f"person:{name}")
        add((art, SDO.author, person))
        add((person, RDF.type, SDO.Person))
        add((person, SDO.name, Literal(name)))
    if publisher:
        org = entity_iri(f"organization:{publisher}")
        add((art, SDO.publisher, org))
        add((org, RDF.type, SDO.Organization))
        add((org, SDO.name, Literal(publisher)))


def to_rdf(x: Extraction, extractor: str | None = None) -> Graph:
    """The named graph of one article's extraction (identifier: :func:`~kg.rdf.iri.graph_iri`).

    Building it twice from the same extraction gives the same triples: every IRI is
    derived from the article id, sentence index and normalised names.
    """
    g = bind_prefixes(Graph(identifier=graph_iri(x.article.id)))
    for t in rdf_triples(x, extractor):
        g.add(t)
    return g


def _needed_sentences(x: Extraction) -> Iterable[Provenance]:
    by_index = {p.sentence_index: p for p in x.sentences}
    facts: tuple[Triple | Meeting, ...] = (*x.triples, *x.meetings)
    for fact in facts:
        by_index.setdefault(fact.provenance.sentence_index, fact.provenance)
    return sorted(by_index.values(), key=lambda p: p.sentence_index)
