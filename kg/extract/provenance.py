"""Provenance of a sentence span, trimmed of the whitespace that spaCy keeps at sentence ends.

>>> import spacy
>>> nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
<...>
>>> doc = nlp("Ann met Bo.\\n\\nThey talked.")
>>> [(p.start, p.end, p.sentence) for p in map(lambda s: sentence_provenance("a", 0, s), doc.sents)]
[(0, 11, 'Ann met Bo.'), (13, 25, 'They talked.')]
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.model import Provenance

__all__ = ["sentence_provenance"]


def sentence_provenance(article_id: str, index: int, sent: Span) -> Provenance:
    """The provenance of sentence ``index`` of an article: its stripped text and exact span."""
    text = sent.text
    stripped = text.strip()
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return Provenance(article_id, index, start, start + len(stripped), stripped)
