"""Small walks over a dependency parse that several extraction stages share.

A leaf module (spaCy only), so any stage may use it without an import cycle.

>>> from spacy.tokens import Doc
>>> from spacy.vocab import Vocab
>>> d = Doc(Vocab(), words=["Ann", ",", "Bo", "and", "Cy", "met"], heads=[5, 0, 0, 2, 2, 5],
...         deps=["nsubj", "punct", "conj", "cc", "conj", "ROOT"])
>>> first_conjunct(d[4]).text, first_conjunct(d[0]).text
('Ann', 'Ann')
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["first_conjunct"]


def first_conjunct(tok: Token) -> Token:
    """The first item of the coordination ``tok`` is in ("Bo" in "Ann, Bo and Cy" gives
    "Ann"), whose dependency says what the whole list is; ``tok`` itself if it is none."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok
