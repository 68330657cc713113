"""Open IE rules on hand-built parses (no trained model): each rule family in isolation."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.index import EntityIndex
from kg.extract.triples.oie import extract_sentence, phrase_text, relation_text
from kg.extract.triples.oie.conjunction import split_slot
from kg.extract.triples.triples import find_triples

VOCAB = Vocab()


def parse(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """rows: (word, head index, dep, pos, tag, lemma)."""
    words, heads, deps, pos, tags, lemmas = zip(*rows, strict=True)
    return Doc(
        VOCAB,
        words=list(words),
        heads=list(heads),
        deps=list(deps),
        pos=list(pos),
        tags=list(tags),
        lemmas=list(lemmas),
        sent_starts=[True] + [False] * (len(rows) - 1),
    )


def slots(doc: Doc) -> set[tuple[str, ...]]:
    return {
        (phrase_text(doc, r.subject), relation_text(doc, r.relation))
        + tuple(phrase_text(doc, a) for a in r.args)
        for r in extract_sentence(doc[:], weights={})
    }


PASSIVE = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("treaty", 3, "nsubjpass", "NOUN", "NN", "treaty"),
    ("was", 3, "auxpass", "AUX", "VBD", "be"),
    ("signed", 3, "ROOT", "VERB", "VBN", "sign"),
    ("by", 3, "agent", "ADP", "IN", "by"),
    ("France", 4, "pobj", "PROPN", "NNP", "France"),
    ("in", 3, "prep", "ADP", "IN", "in"),
    ("1990", 6, "pobj", "NUM", "CD", "1990"),
    (".", 3, "punct", "PUNCT", ".", "."),
]


def test_passive_and_its_active_reading():
    assert slots(parse(PASSIVE)) == {
        ("The treaty", "was signed by", "France", "in 1990"),
        ("France", "signed", "The treaty", "in 1990"),
    }


def test_relative_pronoun_never_becomes_the_subject():
    doc = parse(
        [
            ("the", 1, "det", "DET", "DT", "the"),
            ("man", 5, "nsubj", "NOUN", "NN", "man"),
            ("who", 3, "nsubj", "PRON", "WP", "who"),
            ("won", 1, "relcl", "VERB", "VBD", "win"),
            ("it", 3, "dobj", "PRON", "PRP", "it"),
            ("left", 5, "ROOT", "VERB", "VBD", "leave"),
        ]
    )
    # Restrictive (no comma): the clause stays in the phrase of the main clause's subject.
    assert slots(doc) == {("the man", "won", "it"), ("the man who won it", "left")}


def test_copula_with_negation_and_modal():
    doc = parse(
        [
            ("Bob", 3, "nsubj", "PROPN", "NNP", "Bob"),
            ("may", 3, "aux", "AUX", "MD", "may"),
            ("not", 3, "neg", "PART", "RB", "not"),
            ("be", 3, "ROOT", "AUX", "VB", "be"),
            ("happy", 3, "acomp", "ADJ", "JJ", "happy"),
        ]
    )
    (r,) = extract_sentence(doc[:], weights={})
    assert relation_text(doc, r.relation) == "may not be"
    assert (r.negated, r.modality, r.construction) == (True, "may", "copula")


def test_split_slot_keeps_shared_words():
    doc = parse(
        [
            ("a", 1, "det", "DET", "DT", "a"),
            ("series", 1, "ROOT", "NOUN", "NN", "series"),
            ("of", 1, "prep", "ADP", "IN", "of"),
            ("rocket", 4, "compound", "NOUN", "NN", "rocket"),
            ("attacks", 2, "pobj", "NOUN", "NNS", "attack"),
            ("and", 4, "cc", "CCONJ", "CC", "and"),
            ("raids", 4, "conj", "NOUN", "NNS", "raid"),
        ]
    )
    got = [phrase_text(doc, s) for s in split_slot(doc, tuple(range(7)))]
    assert got == ["a series of rocket attacks", "a series of raids"]


def test_possessive_appositive():
    doc = parse(
        [
            ("Witkoff", 6, "nsubj", "PROPN", "NNP", "Witkoff"),
            (",", 0, "punct", "PUNCT", ",", ","),
            ("Trump", 4, "poss", "PROPN", "NNP", "Trump"),
            ("'s", 2, "case", "PART", "POS", "'s"),
            ("envoy", 0, "appos", "NOUN", "NN", "envoy"),
            (",", 0, "punct", "PUNCT", ",", ","),
            ("left", 6, "ROOT", "VERB", "VBD", "leave"),
        ]
    )
    got = slots(doc)
    assert ("Witkoff", "is envoy of", "Trump") in got
    assert ("Witkoff", "left") in got


def test_find_triples_fills_records_and_entities():
    Doc.set_extension("kg_article_id", default="", force=True)
    doc = parse(PASSIVE)
    doc._.kg_article_id = "a1"
    index = EntityIndex(token_entity={5: "country:france"})
    triples, skipped = find_triples(doc, index)
    assert skipped == 0
    t = next(t for t in triples if t.relation == "signed")
    assert (t.subject.text, t.subject.entity, t.predicate) == ("France", "country:france", "sign")
    assert t.object is not None and t.object.text == "The treaty"
    assert [a.text for a in t.extra] == ["in 1990"]
    assert t.provenance.article_id == "a1" and t.provenance.sentence == doc[:].text


@pytest.mark.parametrize("weights", [{}, {"bias": 2.0}])
def test_weights_drive_confidence(weights):
    confs = {r.confidence for r in extract_sentence(parse(PASSIVE)[:], weights=weights)}
    assert confs == ({0.5} if not weights else {round(1 / (1 + 2.718281828459045**-2), 6)})


def test_appositive_whose_head_is_left_empty_gives_no_extraction():
    # A fixture list ("Rovers v Albion") parsed with "v" as a noun and the second team as its
    # appositive: without the name nothing is left of the head, so no (Albion; is; ) with an
    # empty argument, which made the whole sentence's triples fail.
    from kg.extract.triples.oie.appositive import appositive_extractions

    d = Doc(Vocab(), words=["Rovers", "v", "Albion", "won"], heads=[3, 0, 1, 3],
            deps=["nsubj", "punct", "appos", "ROOT"], pos=["PROPN", "NOUN", "PROPN", "VERB"])
    assert appositive_extractions(d[:]) == []
    # while a common noun with a name in apposition still gives its copula
    d = Doc(Vocab(), words=["the", "ship", "Valoria", "sank"], heads=[1, 3, 1, 3],
            deps=["det", "nsubj", "appos", "ROOT"], pos=["DET", "NOUN", "PROPN", "VERB"])
    assert [(r.subject, r.args) for r in appositive_extractions(d[:])] == [((2,), ((0, 1),))]
