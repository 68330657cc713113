"""Organs of a named body written in lower case: "the Valoria executive board" is a party.

News names a body's board, committee or council by the body's name and a lower-case noun ("the
Valoria executive board", "the Council's interim committee", "the aircraft committee of the
Organisation"); NER tags only the body, so a meeting of the organ was read as one of the body,
or, where the body's name is written another way in the story, of no party at all. The organ
is an organisation of its own, labelled as written: the body's name, its modifiers, its noun.

A company's board is the company in meeting news ("met the Acme Inc board"), so organs of
companies are left alone, and so is an organ without a word of its own kind ("the Council's
committee", "the Acme board": a named committee told again, or a company's board whose owner
is named without Corp or Inc).

>>> from spacy.lang.en import English
>>> doc = English()("the Valoria executive board met")
>>> doc[2].pos_ = "ADJ"
>>> [t.text for t in _modifiers(doc[3])]
['executive']
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.entities.names import NameBuilder
from kg.extract.gazetteer import bare_name, is_company_name
from kg.extract.index import entity_key
from kg.model import EntityType, Mention

__all__ = ["add_organs"]

#: Lower-case nouns for a body's organ.
_ORGAN_NOUNS = frozenset({"board", "committee", "subcommittee", "council", "panel",
                         "secretariat"})

#: Modifiers that leave an organ unnamed ("a special board", "the full committee") or make it
#: a company's ("the supervisory board").
_PLAIN = frozenset({"special", "full", "new", "whole", "entire", "main", "company",
                    "supervisory", "managing", "former", "old", "present", "current"})

#: Words of a meeting, not of an organ: "the Acme annual board meeting", "the board of
#: directors".
_NOT_ORGAN = frozenset({"annual", "directors", "governors", "trustees"})


def _modifiers(noun: Token) -> list[Token]:
    """The lower-case words right before ``noun`` that are its modifiers ("executive",
    "civil aircraft"): letters and hyphens only, no determiner or number."""
    doc = noun.doc
    k = noun.i
    while k > 0 and doc[k - 1].text.islower() and doc[k - 1].text.replace("-", "").isalpha() \
            and doc[k - 1].pos_ in ("ADJ", "NOUN", "VERB", "PROPN"):
        k -= 1
    return list(doc[k : noun.i])


def _body_token(noun: Token, first: int) -> Token | None:
    """The token naming the organ's body: right before its modifiers ("the Valoria executive
    board"), before a possessive ("the Council's board") or the object of "of"."""
    doc = noun.doc
    if first > 0:
        before = doc[first - 1]
        if before.text in ("'s", "’s", "'", "’") and first > 1:
            return doc[first - 2]
        if before.pos_ == "PROPN":
            return before
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def _written(b: NameBuilder, tok: Token, key: str) -> tuple[int, int]:
    """Where the body's name is written around ``tok``: its tokens that denote ``key``."""
    start = end = tok.i
    while start > 0 and b.token_entity.get(start - 1) == key:
        start -= 1
    while end + 1 < len(tok.doc) and b.token_entity.get(end + 1) == key:
        end += 1
    return start, end + 1


def add_organs(doc: Doc, b: NameBuilder, sent_of: dict[int, int]) -> None:
    """Add each lower-case organ of a named organisation that is no company as an organisation
    of its own, its noun and modifiers denoting it."""
    for noun in doc:
        if noun.lemma_.casefold() not in _ORGAN_NOUNS or noun.tag_ != "NN" \
                or not noun.text.islower() or noun.i in b.token_entity:
            continue
        mods = _modifiers(noun)
        if not {m.lower_ for m in mods} - _PLAIN:
            continue  # "the Council's committee" may be a named committee told again
        if any(t.lower_ in _NOT_ORGAN for t in [*mods, *noun.doc[noun.i + 1 : noun.i + 3]]):
            continue
        first = mods[0].i if mods else noun.i
        body = _body_token(noun, first)
        key = b.token_entity.get(body.i) if body is not None else None
        if body is None or key is None or any(m.i in b.token_entity for m in mods):
            continue
        c = b.clusters.get(key)
        if c is None or c.type is not EntityType.ORGANIZATION or is_company_name(c.label):
            continue
        words = " ".join(t.lower_ for t in [*mods, noun])
        name_start, name_end = _written(b, body, key)
        label = f"{bare_name(doc[name_start:name_end].text)} {words}"
        span = doc[min(name_start, first) : max(name_end, noun.i + 1)]
        organ = entity_key(f"{c.label} {words}", EntityType.ORGANIZATION)
        b.add(organ, label, EntityType.ORGANIZATION,
              Mention(span.text, span.start_char, span.end_char, sent_of[noun.i], "name"),
              [m.i for m in mods] + [noun.i])
        if name_end <= first:
            # "the Valoria executive board": the body's name inside the organ's phrase is the
            # organ's, or a meeting of the organ would also be one of the body
            b.token_entity.update(dict.fromkeys(range(name_start, first), organ))
