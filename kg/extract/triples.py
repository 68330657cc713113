"""Open information extraction: subject–relation–object triples from dependency parses.

(First version: verb-headed clauses with nsubj/dobj/prep. Deepened by the CaRB work.)
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Span, Token

from kg.extract.entities import EntityIndex
from kg.model import Argument, Provenance, Triple

__all__ = ["find_triples", "TripleComponent"]

log = logging.getLogger(__name__)


def _arg(span: Span, index: EntityIndex) -> Argument:
    return Argument(span.text, span.start_char, span.end_char, index.entity_of(span))


def _subtree_span(tok: Token) -> Span:
    doc = tok.doc
    return doc[tok.left_edge.i : tok.right_edge.i + 1]


def _sentence_triples(sent: Span, si: int, index: EntityIndex, article_id: str) -> list[Triple]:
    prov = Provenance(article_id, si, sent.start_char, sent.end_char, sent.text)
    out: list[Triple] = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
            continue
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            continue
        objs = [c for c in tok.children if c.dep_ in ("dobj", "attr", "dative")]
        preps = [c for c in tok.children if c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children)]
        neg = any(c.dep_ == "neg" for c in tok.children)
        aux = [c.text for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")]
        rel_words = [*aux, tok.text]
        pred = tok.lemma_.lower()
        obj_tok = objs[0] if objs else None
        if obj_tok is None and preps:
            p = preps.pop(0)
            rel_words.append(p.text)
            pred = f"{pred} {p.text.lower()}"
            obj_tok = next(g for g in p.children if g.dep_ == "pobj")
        extra = tuple(
            _arg(_subtree_span(p), index) for p in preps
        )
        out.append(
            Triple(
                subject=_arg(_subtree_span(subj[0]), index),
                relation=" ".join(rel_words),
                predicate=pred,
                object=_arg(_subtree_span(obj_tok), index) if obj_tok is not None else None,
                provenance=prov,
                confidence=0.5,
                extra=extra,
                negated=neg,
            )
        )
    return out


def find_triples(doc: Doc, index: EntityIndex) -> tuple[list[Triple], int]:
    """All triples of ``doc``, and the number of sentences skipped because they failed."""
    triples: list[Triple] = []
    skipped = 0
    for si, sent in enumerate(doc.sents):
        try:
            triples.extend(_sentence_triples(sent, si, index, doc._.kg_article_id))
        except (ValueError, IndexError, StopIteration) as e:
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
