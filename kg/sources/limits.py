"""Size limits that keep one pathological article from costing unbounded time or memory.

Two limits apply before parsing: an article longer than the pipeline's ``nlp.max_length``
characters is skipped with a reason, and a run of more than :data:`MAX_SENTENCE_TOKENS`
tokens without a sentence boundary is cut into pieces (spaCy's parser keeps pre-set
boundaries), because the extraction rules walk whole sentences.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp.make_doc("word " * 450)
>>> cap_sentences(doc), [t.i for t in doc if t.is_sent_start]
(2, [0, 200, 400])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy takes seconds to import
    from spacy.tokens import Doc

__all__ = ["MAX_SENTENCE_TOKENS", "MAX_ARTICLE_CHARS", "cap_sentences", "length_problem"]

#: A longer stretch without a boundary is split; real news sentences stay under ~100 tokens.
MAX_SENTENCE_TOKENS = 200
#: The article length limit when the pipeline sets none (spaCy's own default).
MAX_ARTICLE_CHARS = 1_000_000

_ENDS = frozenset(".!?;…")

def cap_sentences(doc: Doc, max_tokens: int = MAX_SENTENCE_TOKENS) -> int:
    """Mark a sentence start after every ``max_tokens`` tokens that pass without a likely
    boundary (sentence punctuation or a blank line); return how many cuts were made.

    Must run on an unparsed doc (after ``make_doc``, before the pipeline).

    >>> import spacy
    >>> d = spacy.blank("en").make_doc("One. " * 300)
    >>> cap_sentences(d, 5)
    0
    """
    cuts = 0
    run = 0
    tokens = iter(doc)
    first = next(tokens, None)
    if first is None:
        return 0
    # The previous token's last character and whitespace, carried along, not looked up again.
    prev_end, prev_ws = first.text[-1:], first.whitespace_
    for tok in tokens:
        text = tok.text
        if prev_end in _ENDS or "\n" in prev_ws or "\n" in text:
            run = 0
        else:
            run += 1
        if run >= max_tokens and text not in _ENDS:  # a full stop stays with its words
            tok.is_sent_start = True
            cuts += 1
            run = 0
        prev_end, prev_ws = text[-1:], tok.whitespace_
    return cuts


def length_problem(text: str, max_chars: int = MAX_ARTICLE_CHARS) -> str | None:
    """Why ``text`` is too long to parse, or None.

    >>> length_problem("x" * 12, max_chars=10)
    '12 characters is over the 10-character limit per article (split it into several articles)'
    """
    if len(text) > max_chars:
        return (f"{len(text):,} characters is over the {max_chars:,}-character limit per "
                "article (split it into several articles)")
    return None
