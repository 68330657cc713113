"""The Open IE extractor: every rule family over one sentence, conjunctions split, scored.

>>> [f.__name__ for f in FAMILIES][:2]
['verbal_extractions', 'appositive_extractions']
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from kg.extract.triples.oie.appositive import appositive_extractions, title_extractions
from kg.extract.triples.oie.clauses import subject_of
from kg.extract.triples.oie.confidence import confidence
from kg.extract.triples.oie.conjunction import split_conjunctions
from kg.extract.triples.oie.nominal import nominal_extractions
from kg.extract.triples.oie.patterns import ATTRIBUTION_VERBS
from kg.extract.triples.oie.records import RawExtraction
from kg.extract.triples.oie.spans import phrase
from kg.extract.triples.oie.verbal import verbal_extractions

__all__ = ["FAMILIES", "extract_sentence"]

#: The rule families, each a function ``Span -> list[RawExtraction]``.
FAMILIES = (
    verbal_extractions,
    appositive_extractions,
    title_extractions,
    nominal_extractions,
)


def _attribution(sent: Span, r: RawExtraction) -> tuple[int, ...] | None:
    """The speaker, when ``r``'s predicate sits in the complement of a reporting verb."""
    tok = sent.doc[r.head]
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "ccomp" and anc.head.lemma_ in ATTRIBUTION_VERBS:
            speaker, _ = subject_of(anc.head)
            return phrase(speaker) if speaker is not None else None
    return None


def extract_sentence(sent: Span, weights: dict[str, float] | None = None) -> list[RawExtraction]:
    """All extractions of ``sent``, deduplicated, with confidences, best first."""
    doc = sent.doc
    seen: set[tuple] = set()
    found: list[tuple[RawExtraction, bool]] = []
    for family in FAMILIES:
        for raw in family(sent):
            parts = split_conjunctions(doc, raw)
            for r in parts:
                if r.key in seen or not r.subject:
                    continue
                seen.add(r.key)
                found.append((r, len(parts) > 1))
    speakers: dict[int, tuple[int, ...] | None] = {}  # by head: split parts share theirs
    for r, _ in found:
        if r.head not in speakers:
            speakers[r.head] = _attribution(sent, r)
    # How crowded the sentence is matters: each extraction competes for the same facts.
    n = len(found)
    memo: dict = {}  # sentence bounds -> what the confidence features read of it
    # One copy per extraction, scored before it is made: a dataclass copy costs about as
    # much as the features.
    out = [
        replace(r, attribution=speakers[r.head], split=split, siblings=n,
                confidence=confidence(doc, r, weights, memo, split=split, siblings=n))
        for r, split in found
    ]
    out.sort(key=lambda r: -r.confidence)
    return out
