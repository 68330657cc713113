"""Title-only mentions ("the chancellor", "the Pakistani president") linked to the one person
named before with that title.

Precision first: every word before the title noun must occur in the person's titles, a
demonym must be the person's country, a word of another office ("deputy", "shadow") must be
in the mention too, and when more than one person fits the mention is left unresolved.

>>> title_head("Treasury Secretary")
'secretary'
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.entities.names import NameBuilder
from kg.extract.gazetteer import (
    DEPUTY_WORDS,
    LEADER_TITLES,
    demonym_country,
    is_title,
    title_words,
)

__all__ = ["modifier_words", "resolve_title_mentions", "title_head"]


def title_head(title: str) -> str:
    """The word a title is referred back by ("Treasury Secretary" -> "secretary").

    >>> title_head("Prime Minister"), title_head("special envoy")
    ('prime minister', 'envoy')
    >>> title_head("U.S. Secretary of State")
    'secretary'

    """
    if " of " in title:  # "secretary of state" is referred back as "the secretary"
        title = title.split(" of ")[0]
    words = title.casefold().split()
    if len(words) >= 2 and is_title(" ".join(words[-2:])) and words[-2] in ("prime", "vice"):
        return " ".join(words[-2:])
    return words[-1] if words else ""


def _title_phrase(tok: Token) -> str:
    # "the prime minister": the parser may make "prime" an adjective of "minister".
    mods = [c.text for c in tok.lefts if c.ent_type_ != "PERSON" and (
        c.dep_ == "compound" or c.dep_ == "amod" and c.lower_ in title_words())]
    return " ".join([*mods, tok.text]).casefold()


#: Modifiers that do not tell one holder of a title from another ("the visiting minister").
_NEUTRAL_MODIFIERS = frozenset(
    {"visiting", "new", "veteran", "outgoing", "incoming", "embattled", "top", "senior", "host",
     "two", "same", "then"}
)


def modifier_words(tok: Token) -> tuple[set[str], str | None]:
    """The words before a title noun that narrow whom it can mean, and its country."""
    words: set[str] = set()
    country = None
    for c in tok.lefts:
        if c.dep_ not in ("amod", "compound", "nmod") or c.lower_ in _NEUTRAL_MODIFIERS:
            continue
        place = demonym_country(c.text)
        if place is not None:
            country = f"country:{place.casefold()}"
        else:
            words.update(w for w in c.text.casefold().split("-") if w)
    return words, country


#: Words that make a title another office: a deputy prime minister, a shadow chancellor, a
#: former president are not "the prime minister", "the chancellor", "the president".
_OTHER_OFFICE = DEPUTY_WORDS | {"shadow", "former", "ex"}


def _holds(title: str, head: str, words: set[str]) -> bool:
    """Whether "the [words] <head>" may refer back to a holder of ``title``: it ends in that
    head (a bare "leader" or "chief" fits any leader), and names any word of another office.

    >>> _holds("Deputy Premier", "premier", set()), _holds("Premier", "leader", set())
    (False, True)
    """
    own = title_head(title)
    if not (own == head or head in ("leader", "chief") and own in LEADER_TITLES):
        return False
    qualifiers = {w for w in title.casefold().replace("-", " ").split() if w in _OTHER_OFFICE}
    return qualifiers <= words | set(head.split())


def resolve_title_mentions(doc: Doc, b: NameBuilder, sent_of: dict[int, int]) -> None:
    """Link "the [Pakistani] president" to the one person named earlier with that title.

    Precision first: every word before the title noun ("the Liberal leader", "the finance
    minister") must occur in the person's titles, a demonym must be the person's country,
    and when more than one person fits the mention is left unresolved.
    """
    known = title_words()
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in b.token_entity or tok.dep_ == "compound":
            continue
        # Both titles tried below end in this word, so unless it occurs in some title
        # neither can match, and the modifiers need not be collected.
        last = tok.text.casefold().split()
        if last and last[-1] not in known:
            continue
        phrase = _title_phrase(tok)
        if not (is_title(phrase) or is_title(tok.text)):
            continue
        kids = list(tok.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids):
            continue
        of_title = tok.i + 2 < len(doc) and is_title(doc[tok.i : tok.i + 3].text)
        if not of_title and any(c.dep_ in ("prep", "appos") for c in tok.rights):
            continue  # "the president of the bank" introduces someone new
        words, country = modifier_words(tok)
        tail = is_title(" ".join(phrase.split()[-2:]))  # "the deputy prime minister"
        head = title_head(phrase) if is_title(phrase) or tail else title_head(tok.text)
        keys: list[str] = []
        for m in b.person_mentions:
            if m.root >= tok.i or m.key in keys:
                continue
            cluster = b.person(m.key)
            if not any(_holds(t, head, words) for t in cluster.titles):
                continue
            if country is not None and cluster.country != country:
                continue
            title_text = {w for t in cluster.titles for w in t.casefold().replace("-", " ").split()}
            if not words <= title_text:
                continue
            keys.append(m.key)
        if len(keys) == 1:
            b.add_person_reference(keys[0], tok, "title")
