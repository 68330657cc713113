"""Names the parser hid inside another phrase: a name made a compound of a date ("talks
between A and B Monday", "Acme Thursday night met Y"), a list member hung on a word inside a
multiword name ("a meeting of the Group of Seven and Spain"), and a title's holder apposed to
the title's place or body ("its ambassador in Rome, X").

>>> "monday" in DATE_WORDS and "night" in DATE_WORDS
True
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.gazetteer import WEEKDAYS
from kg.extract.index import EntityIndex
from kg.model import EntityType

__all__ = ["DATE_WORDS", "dated_names", "dated_subject", "dated_after",
           "inner_conjuncts", "apposed_holder"]

#: Words of a date or time a name may be swallowed into when NER did not tag them.
DATE_WORDS = frozenset(WEEKDAYS.keys() | {"today", "yesterday", "tomorrow", "night", "morning",
                                          "afternoon", "evening"})


def _is_date(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.text.casefold() in DATE_WORDS


def dated_names(index: EntityIndex, tok: Token) -> list[Token]:
    """The named tokens a date token ``tok`` swallowed as its compound: in "between A and B
    Monday" the parser makes "Monday" the conjunct and B its compound. Only a date that
    stands in a list or before a verb, where a name is expected."""
    if not _is_date(tok) or tok.dep_ not in ("conj", "npadvmod", "nsubj"):
        return []
    return _names_in(index, tok)


def _names_in(index: EntityIndex, tok: Token) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.i > tok.i:
            continue
        if c.dep_ == "compound" and _is_date(c):
            out += _names_in(index, c)  # "B Thursday night"
        elif c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and index.keys_of(c):
            out.append(c)
    return out


def dated_subject(index: EntityIndex, verb: Token) -> list[Token]:
    """The name swallowed into a date before a verb without a subject: "Acme Thursday
    night met with Y" has no subject but the npadvmod "night"."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [n for c in verb.children if c.dep_ == "npadvmod" and c.i < verb.i
            for n in dated_names(index, c)]


def dated_after(index: EntityIndex, prep: Token) -> list[Token]:
    """The names swallowed into a date after a list of ``prep`` ("talks between A, B and C
    Monday", the date hung on "talks" with C inside it)."""
    return [n for d in prep.head.children if d.dep_ == "npadvmod" and d.i > prep.i
            for n in dated_names(index, d)]


def inner_conjuncts(index: EntityIndex, tok: Token) -> list[Token]:
    """Conjuncts the parser hung on a word inside the multiword name of ``tok``: in "the
    Group of Seven and Spain" Spain is a conjunct of "Seven", not of "Group"."""
    key = index.token_entity.get(tok.i)
    if key is None:
        return []
    mention = {tok.i}
    for step in (-1, 1):
        i = tok.i + step
        while 0 <= i < len(tok.doc) and index.token_entity.get(i) == key:
            mention.add(i)
            i += step
    return [c for i in sorted(mention - {tok.i}) for c in tok.doc[i].conjuncts
            if c.i not in mention and c.i > max(mention)]


def apposed_holder(index: EntityIndex, title: Token) -> list[Token]:
    """The person holding ``title`` whom the parser apposed to the title's own place or body:
    in "its ambassador in Rome, X" and "chairman of the finance committee X" the name hangs on
    "Rome" and "committee", not on the title; in "Governor of the Bank of Valoria X" the name
    is written right after the body, and the parser hangs it anywhere in the phrase."""
    out: list[Token] = []
    for p in title.children:
        if p.dep_ != "prep" or p.text.casefold() not in _TITLE_PREPS:
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            if not _person(index, o):
                out += [a for a in o.children if a.dep_ == "appos" and _person(index, a)]
            out += [t for t in o.subtree if t not in out and _after_body(index, t)]
    return out


def _after_body(index: EntityIndex, tok: Token) -> bool:
    """Whether ``tok`` is the root of a person's name written right after another entity's
    name ("the Bank of Valoria Ann Vos": "Vos")."""
    key = index.token_entity.get(tok.i)
    if key is None or not _person(index, tok) or index.token_entity.get(tok.head.i) == key \
            and tok.head is not tok:
        return False
    first = tok.i
    while first > 0 and index.token_entity.get(first - 1) == key:
        first -= 1
    before = index.token_entity.get(first - 1) if first > 0 else None
    return before is not None and not _person(index, tok.doc[first - 1])


#: Prepositions of a title's place or body ("ambassador in", "chairman of").
_TITLE_PREPS = frozenset({"of", "in", "at", "to", "from"})


def _person(index: EntityIndex, tok: Token) -> bool:
    key = index.token_entity.get(tok.i)
    e = index.get(key) if key else None
    return e is not None and e.type is EntityType.PERSON
