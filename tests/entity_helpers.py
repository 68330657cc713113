"""Helpers for the entity-stage tests that need no parser: a hand-tagged Doc and span labels."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc, Span


def plain_doc(text: str, pos: dict[str, str] | None = None) -> Doc:
    """A parse-free Doc, one sentence: capitalised words proper nouns, others common nouns,
    unless ``pos`` gives a word's part of speech."""
    doc = English()(text)
    for t in doc:
        t.pos_ = (pos or {}).get(t.text, "PROPN" if t.text[:1].isupper() else "NOUN")
        t.is_sent_start = t.i == 0
    return doc


def span_labels(spans: list[Span]) -> list[tuple[str, str]]:
    """Each span's text and label, in order."""
    return [(s.text, s.label_) for s in spans]
