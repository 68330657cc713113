"""Open information extraction: the :mod:`kg.extract.triples.oie` rules as ``Triple`` records.

The rules themselves (passive, copula, appositive, conjunctions, relative clauses,
attribution, nominal relations, ...) live in :mod:`kg.extract.triples.oie`, one module per
construction family; this module maps their token-indexed output onto the records.

>>> from spacy.tokens import Doc
>>> from spacy.vocab import Vocab
>>> d = Doc(Vocab(), words=["Ann", "met", "Bob", "."], heads=[1, 1, 1, 1],
...         deps=["nsubj", "ROOT", "dobj", "punct"], pos=["PROPN", "VERB", "PROPN", "PUNCT"],
...         lemmas=["Ann", "meet", "Bob", "."], sent_starts=[True, False, False, False])
>>> Doc.set_extension("kg_article_id", default="", force=True)
>>> [(t.subject.text, t.relation, t.object.text) for t in find_triples(d, EntityIndex())[0]]
[('Ann', 'met', 'Bob')]
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Span

from kg.extract.index import EntityIndex
from kg.extract.provenance import sentence_provenance
from kg.extract.triples.oie import RawExtraction, extract_sentence, relation_text
from kg.model import Argument, Provenance, Triple

__all__ = ["find_triples", "TripleComponent", "to_triple"]

log = logging.getLogger(__name__)


def _text(doc: Doc, tokens: tuple[int, ...]) -> str:
    """The words of ``tokens`` with the article's spacing; one space where words were cut out."""
    idx = sorted(tokens)
    toks = [doc[i] for i in idx]
    parts = [
        t.text + (t.whitespace_ if j == t.i + 1 else " ")
        for t, j in zip(toks, idx[1:], strict=False)
    ]
    return ("".join(parts) + toks[-1].text).strip()


def _arg(doc: Doc, tokens: tuple[int, ...], index: EntityIndex) -> Argument:
    lo, hi = min(tokens), max(tokens)
    span = doc[lo : hi + 1]
    return Argument(_text(doc, tokens), span.start_char, span.end_char, index.entity_of(span))


def to_triple(doc: Doc, r: RawExtraction, index: EntityIndex, prov: Provenance,
              memo: dict[tuple[int, ...], Argument] | None = None) -> Triple:
    """The :class:`Triple` of one raw extraction; ``memo`` (a dict kept for one sentence)
    shares the arguments that several extractions have in common."""

    def arg(tokens: tuple[int, ...]) -> Argument:
        if memo is None:
            return _arg(doc, tokens, index)
        a = memo.get(tokens)
        if a is None:
            a = memo[tokens] = _arg(doc, tokens, index)
        return a

    args = [arg(a) for a in r.args]
    return Triple(
        subject=arg(r.subject),
        relation=relation_text(doc, r.relation),
        predicate=r.predicate or relation_text(doc, r.relation).lower(),
        object=args[0] if args else None,
        provenance=prov,
        confidence=r.confidence,
        extra=tuple(args[1:]),
        negated=r.negated,
        modality=r.modality,
        attribution=_text(doc, r.attribution) if r.attribution else None,
    )


def _sentence_triples(sent: Span, si: int, index: EntityIndex, article_id: str) -> list[Triple]:
    raws = extract_sentence(sent)
    if not raws:
        return []
    prov = sentence_provenance(article_id, si, sent)
    memo: dict[tuple[int, ...], Argument] = {}
    return [to_triple(sent.doc, r, index, prov, memo) for r in raws]


def find_triples(doc: Doc, index: EntityIndex) -> tuple[list[Triple], int]:
    """All triples of ``doc``, and the number of sentences skipped because they failed."""
    triples: list[Triple] = []
    skipped = 0
    for si, sent in enumerate(doc.sents):
        try:
            triples.extend(_sentence_triples(sent, si, index, doc._.kg_article_id))
        except (ValueError, IndexError, RecursionError) as e:
            skipped += 1
            log.warning("skipped sentence %d of %r: %s", si, doc._.kg_article_id, e)
    return triples, skipped


class TripleComponent:
    """spaCy component: sets ``doc._.kg_triples`` (and counts skipped sentences)."""

    def __init__(self, min_confidence: float = 0.0) -> None:
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        index = doc._.kg_entities or EntityIndex()
        triples, skipped = find_triples(doc, index)
        doc._.kg_triples = tuple(t for t in triples if t.confidence >= self.min_confidence)
        doc._.kg_skipped = doc._.kg_skipped + skipped
        return doc
