"""A closing "..., X told reporters." that the parser made an apposition of a name before it.

The small parser hangs such an attribution on the sentence as a subjectless verb, making its
speaker an apposition of the last name before it.

>>> sorted(REPORTING)
['add', 'say', 'tell']
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["REPORTING", "reporter"]

#: Verbs a sentence-final attribution ends with.
REPORTING = frozenset({"say", "tell", "add"})


def reporter(tok: Token) -> bool:
    """Whether the name at ``tok`` is the subject of the verb of saying right after its
    phrase, which has no subject of its own: "... talks with Y, Z told reporters" (Z is
    the reporter, not a second counterpart apposed to Y)."""
    end = tok.right_edge.i + 1
    nxt = tok.doc[end] if end < len(tok.doc) else None
    return nxt is not None and nxt.pos_ == "VERB" and nxt.lemma_.casefold() in REPORTING \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children)
