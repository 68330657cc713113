"""The RDF mapping: shape of entities, statements and meetings; stable, safe IRIs."""

from __future__ import annotations

from dataclasses import replace

from fixtures import extraction, person
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS

from kg.rdf.iri import entity_iri, graph_iri
from kg.rdf.mapping import to_rdf
from kg.rdf.vocab import KG


def test_one_named_graph_per_article():
    g = to_rdf(extraction("art-7"))
    assert g.identifier == graph_iri("art-7")


def test_entities_typed_labelled_with_aliases_and_titles():
    g = to_rdf(extraction())
    alice = entity_iri("person:alice archer")
    assert (alice, RDF.type, SDO.Person) in g
    assert (alice, RDFS.label, Literal("Alice Archer")) in g
    assert {str(o) for o in g.objects(alice, SKOS.altLabel)} == {"Ms. Archer", "Archer"}
    carol = entity_iri("person:carol chen")
    assert (carol, SDO.jobTitle, Literal("Minister")) in g
    assert (entity_iri("organization:acme corp"), RDF.type, SDO.Organization) in g


def test_meeting_is_an_n_ary_event_with_provenance():
    g = to_rdf(extraction())
    meetings = set(g.subjects(RDF.type, KG.Meeting))
    assert len(meetings) == 2
    happened = next(m for m in meetings if (m, KG.status, KG.Happened) in g)
    assert set(g.objects(happened, SDO.attendee)) == {
        entity_iri("person:alice archer"), entity_iri("person:bob baker")}
    assert (happened, RDF.type, SDO.Event) in g
    assert (happened, KG.placeText, Literal("Paris")) in g
    assert (happened, SDO.location, entity_iri("place:paris")) in g
    assert (happened, KG.timeText, Literal("Monday")) in g
    sent = g.value(happened, PROV.wasDerivedFrom)
    assert str(g.value(sent, SDO.text)) == "Alice Archer met Bob Baker in Paris on Monday."
    assert int(g.value(sent, KG.charStart)) == 0
    assert int(g.value(sent, KG.sentenceIndex)) == 0


def test_statements_are_reified_and_entity_pairs_asserted():
    g = to_rdf(extraction())
    sts = list(g.subjects(RDF.type, RDF.Statement))
    assert len(sts) == 2
    lead = next(s for s in sts if str(g.value(s, KG.relationText)) == "leads")
    bob, acme = entity_iri("person:bob baker"), entity_iri("organization:acme corp")
    assert g.value(lead, RDF.subject) == bob and g.value(lead, RDF.object) == acme
    prop = g.value(lead, RDF.predicate)
    assert (bob, prop, acme) in g
    assert float(g.value(lead, KG.confidence)) == 0.9
    assert g.value(lead, PROV.wasDerivedFrom) is not None


def test_negated_statement_is_not_asserted_directly():
    x = extraction()
    neg = replace(x.triples[0], negated=True)
    g = to_rdf(replace(x, triples=(neg,)))
    bob, acme = entity_iri("person:bob baker"), entity_iri("organization:acme corp")
    assert not list(g.triples((bob, None, acme)))
    st = next(g.subjects(RDF.type, RDF.Statement))
    assert g.value(st, KG.negated) == Literal(True)


def test_same_extraction_gives_identical_graph():
    a, b = to_rdf(extraction()), to_rdf(extraction())
    assert set(a) == set(b)  # no blank nodes: identical, not only isomorphic
    assert isomorphic(a, b)


def test_hostile_names_give_valid_iris_and_roundtrip():
    from rdflib import Dataset

    hostile = '<script>alert("x")</script>\n\u200b\u202eevil 😀'
    x = extraction()
    g = to_rdf(replace(x, entities=(*x.entities, person(hostile))))
    node = entity_iri(f"person:{hostile.casefold()}")
    assert isinstance(node, URIRef)
    assert not any(c in str(node) for c in '<>"\n {}|\\^`')
    ds = Dataset()
    ds.graph(g.identifier).__iadd__(g)
    data = ds.serialize(format="nquads")
    back = Dataset()
    back.parse(data=data, format="nquads")
    assert isomorphic(back.graph(g.identifier), g)


def test_build_fast_path_writes_exactly_the_quads_of_to_rdf() -> None:
    """kg build serialises rdf_triples() without an rdflib Graph; it must be the same graph."""
    from kg.rdf.iri import graph_iri
    from kg.rdf.mapping import rdf_triples
    from kg.rdf.nquads import graph_nquads, triples_nquads
    from kg.sample import sample_extraction

    x = sample_extraction()
    fast = triples_nquads(str(graph_iri(x.article.id)), rdf_triples(x, "m 1.0"))
    slow = graph_nquads(to_rdf(x, "m 1.0"))
    assert len(fast.splitlines()) == len(set(fast.splitlines()))  # repeats written once
    assert set(fast.splitlines()) == set(slow.splitlines())
    assert len(fast.splitlines()) > 50
