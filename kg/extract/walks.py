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

__all__ = ["first_conjunct", "objects_of"]


def first_conjunct(tok: Token) -> Token:
    """The first item of the coordination ``tok`` is in ("Bo" in "Ann, Bo and Cy" gives
    "Ann"), whose dependency says what the whole list is; ``tok`` itself if it is none."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def objects_of(prep: Token) -> list[Token]:
    """The objects of ``prep``, and its typo repeat ("with with X"); when the parser left
    it with none, the noun phrase right after it that it hung elsewhere ("met with
    officials of the countries visited", officials read as the subject of "visited")."""
    kids = [g for g in prep.children if g.dep_ == "pobj"
            or g.dep_ == "prep" and g.lower_ == prep.lower_]
    if kids or prep.dep_ != "prep" or prep.i + 1 >= len(prep.doc) \
            or any(g.dep_ != "advmod" for g in prep.children):
        return kids
    start = prep.doc[prep.i + 1]
    top = None
    for t in (start, *start.ancestors):
        if t.left_edge.i != start.i or t.i <= prep.i:
            break
        if t.pos_ in ("NOUN", "PROPN"):
            top = t
    return [top] if top is not None else []
