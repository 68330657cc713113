"""Countries written as one compound of country words: "U.S./Soviet", "Franco-German".

"The U.S./Soviet summit", "Franco-German talks", "Japan-Korea trade talks" name two countries,
not one organisation or group.

A run of tokens written without spaces ("U.S.-Soviet", "Sino - British" as the tokenizer splits
it) that modifies a noun is a compound when every part between hyphens or slashes is a country
name, a nationality adjective or a combining form ("Franco", "Sino"), and at least two countries
differ. "U.S.-made" or "Japan-based" are not (a part is no country).

>>> compound_countries("U.S./Soviet"), compound_countries("Franco-German")
(['United States', 'Soviet Union'], ['France', 'Germany'])
>>> compound_countries("U.S.-made"), compound_countries("Japan-Japan")
(None, None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from kg.extract.entities.names import NameBuilder
from kg.extract.gazetteer import capital_countries, country_of
from kg.extract.index import EntityIndex, entity_key
from kg.extract.walks import first_conjunct
from kg.model import Entity, EntityType, Mention

__all__ = ["CountryCompound", "compound_countries", "find_compounds", "add_compounds",
           "compound_parties", "demonym_keys", "fuller_country", "led_by", "modified_noun",
           "nationals", "singular",
           "seat_countries", "stray_country", "stray_from"]

#: Combining forms that only occur as the first part of a compound ("Franco-German").
_COMBINING = {"franco": "French", "anglo": "British", "sino": "Chinese", "russo": "Russian",
              "italo": "Italian", "indo": "Indian", "greco": "Greek", "turco": "Turkish",
              "austro": "Austrian", "hispano": "Spanish", "luso": "Portuguese",
              "nippo": "Japanese"}
#: Groups sent to talk for a country or a body, and the verbs that name who heads one.
_MISSIONS = frozenset({"delegation", "team", "mission", "side", "group"})
_HEAD_VERBS = frozenset({"lead", "head"})
#: Modifiers that make a meeting only an idea ("a possible U.S.-Soviet summit").
_UNREAL = frozenset({"possible", "potential", "proposed", "eventual", "hypothetical"})
#: Predicates that tell a negotiation as a process under way, which the guide leaves out.
_UNDER_WAY = frozenset({"progress", "continue", "proceed", "drag", "stall"})
#: Prepositions that make a meeting the topic of another noun ("a decision on a summit").
_TOPIC = frozenset({"on", "about", "over", "regarding", "concerning"})
_SPLIT = re.compile(r"[-/\u2013]")


def _part_countries(text: str) -> list[str | None]:
    """The country of each part of ``text`` between hyphens or slashes, in order."""
    pieces = _SPLIT.split(text)
    out: list[str | None] = []
    for n, part in enumerate(pieces):
        country = country_of(part) if part else None
        if country is None and n < len(pieces) - 1 and part.casefold() in _COMBINING:
            country = country_of(_COMBINING[part.casefold()])
        out.append(country)
    return out


def compound_countries(text: str) -> list[str] | None:
    """The distinct countries of a compound of country words, or None when it is none."""
    each = _part_countries(text)
    if len(each) < 2 or None in each:
        return None
    out = list(dict.fromkeys(c for c in each if c is not None))
    return out if len(out) >= 2 else None


@dataclass(frozen=True)
class CountryCompound:
    """One compound in a Doc: the tokens that only its countries denote (NER's spans on them
    give way), and each country with the characters naming it and the tokens that do."""

    claimed: tuple[int, ...]
    parts: tuple[tuple[str, str, int, int, tuple[int, ...]], ...]
    # (country, as written, start char, end char, its tokens)


def _runs(doc: Doc) -> list[list[Token]]:
    """Runs of two or more tokens, or single tokens, written without a space between them,
    that hold a dash or a slash (no other run can write a compound of countries)."""
    out: list[list[Token]] = []
    cur: list[Token] = []
    dashed = False
    last = len(doc) - 1
    for t in doc:
        cur.append(t)
        text = t.text
        # Tested as each token goes by: a test per run afterwards cost more than the rest.
        dashed = dashed or "-" in text or "/" in text or "\u2013" in text
        if t.whitespace_ or t.i == last:
            if dashed:
                out.append(cur)
            cur = []
            dashed = False
    return out


def find_compounds(doc: Doc, spans: list[Span]) -> list[CountryCompound]:
    """Every compound of ``doc`` modifying a common noun whose parts are countries and, at
    most all but one, names NER found ("EC-Japan": the EC keeps its own entity)."""
    named = {(e.start_char, e.end_char) for e in spans}
    found = []
    for run in _runs(doc):
        while run and run[-1].is_punct and run[-1].text not in "-/":
            run = run[:-1]  # "U.S.-Soviet," : the comma is not part of it
        if not run or not any(c in t.text for t in run for c in "-/\u2013"):
            continue
        ids = {t.i for t in run}
        heads = [t for t in run if t.head.i not in ids]
        if len(heads) != 1 or modified_noun(heads[0], run[-1]) is None:
            # Only a modifier of a common noun: in "the Sino-British Joint Declaration" the
            # compound is part of a name, which keeps its own entity.
            continue
        start = run[0].idx
        text = doc.text[start : run[-1].idx + len(run[-1])]
        parts, pos, names = [], start, 0
        for piece, country in zip(_SPLIT.split(text), _part_countries(text), strict=True):
            end = pos + len(piece)
            # The tokens writing this part: one token may write several ("U.S.-Soviet").
            toks = tuple(t.i for t in run if t.idx < end and t.idx + len(t) > pos)
            if country is not None:
                parts.append((country, piece, pos, end, toks))
            elif (pos, end) in named:
                names += 1
            else:
                break
            pos = end + 1
        else:
            if parts and len({p[0] for p in parts}) + names >= 2:
                mine = {i for p in parts for i in p[4]} | {t.i for t in run if t.is_punct}
                found.append(CountryCompound(tuple(sorted(mine)), tuple(parts)))
    return found


def add_compounds(b: NameBuilder, compounds: list[CountryCompound],
                  sent_of: dict[int, int]) -> None:
    """Record each compound's countries and let the tokens naming them denote them (a token
    naming several, "U.S.-Soviet", denotes all of them)."""
    for comp in compounds:
        si = sent_of[comp.claimed[0]]
        for country, written, start, end, toks in comp.parts:
            key = f"country:{country.casefold()}"
            b.add(key, country, EntityType.COUNTRY,
                  Mention(written, start, end, si, "demonym"), [])
            for i in toks:
                b.add_multi(i, key)


class PartyReader(Protocol):
    """What compounds ask of the party reader (kg.extract.meetings.parties.Parties)."""

    index: EntityIndex

    def eligible(self, key: str) -> bool: ...
    def stand_in(self, key: str) -> str: ...
    def is_person(self, key: str) -> bool: ...
    def expand(self, tok: Token, depth: int = 0) -> list[str]: ...


def compound_parties(p: PartyReader, noun: Token) -> list[str]:
    """The parties of a hyphen or slash compound on meeting noun ``noun``: "the U.S./Soviet
    summit", "Franco-German talks", "the Reagan-Gorbachev summit" (two or more, else none)."""
    run = compound_run(noun)
    if run is None or only_named(noun):
        return []
    keys = [fuller_country(p.index, k) or k for t in run for k in p.index.keys_of(t)
            if p.eligible(k) and not spans_parts(p.index, k, run)]
    keys = [p.stand_in(k) for k in keys]
    keys = list(dict.fromkeys(keys))
    return keys if len(keys) >= 2 else []


def stray_country(index: EntityIndex, noun: Token, found: list[str]) -> list[str]:
    """A country the parser left out of a coordination of modifiers: in "U.S. And Korean
    officials met" (wire copy capitalises the word after "U.S.") it hangs "U.S." and "And"
    on the verb. Read only when the modifiers gave a country (``found``)."""
    doc = noun.doc
    left = noun.left_edge.i
    if not found or left < 2 or doc[left - 1].lower_ != "and" \
            or doc[left - 1].head.i in range(left, noun.i + 1):
        return []
    before = doc[left - 2]
    if before.head.i in range(left, noun.i + 1):
        return []
    return [k for k in index.keys_of(before)
            if getattr(index.get(k), "type", None) is EntityType.COUNTRY]


#: The roles in which a capital city is its government, not a place: a subject ("Washington
#: and Tokyo held talks"), a possessor ("Tokyo's talks with X") or the other side ("talks with
#: Bonn", "between Paris and Madrid"); "in", "to" or "from" Tokyo stay places.
_SEAT_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
_SEAT_PREPS = frozenset({"with", "between"})


def seat_countries(index: EntityIndex, tok: Token) -> list[str]:
    """The country a capital city ``tok`` stands for as a party, as the guide reads
    "Washington" for the United States; only a country the article names, and only in a
    party's role (``_SEAT_DEPS``, or the object of "with" or "between")."""
    first = first_conjunct(tok)
    if not (first.dep_ in _SEAT_DEPS
            or first.dep_ == "pobj" and first.head.lower_ in _SEAT_PREPS):
        return []
    out: list[str] = []
    for k in index.keys_of(tok):
        e = index.get(k)
        if e is None or e.type is not EntityType.PLACE:
            continue
        named = [c.key for c in index.entities if c.type is EntityType.COUNTRY
                 and c.label in capital_countries(e.label)]
        out += named if len(named) == 1 else []  # Moscow: Russia or the Soviet Union, if one
    return out


#: The dependencies of a modifier of a noun, and those the parser gives a dashed token that it
#: cannot place before a noun that may be a verb ("The U.S.-Japan talks resumed": "dep" on the
#: determiner, or "nsubj" of "talks" read as a verb).
_MODIFIERS = ("amod", "compound", "nmod")
_MISPLACED = ("dep", "nsubj")


def modified_noun(head: Token, last: Token) -> Token | None:
    """The common noun a run of tokens ending at ``last`` modifies, ``head`` being the run's
    token that hangs outside it: its head when it is a modifier, else, when the parser could
    not place it ("dep", or a subject of the noun read as a verb), the common noun written
    right after it (across that noun's compounds: "the U.S.-Japan trade talks")."""
    if head.dep_ in _MODIFIERS:
        return head.head if head.head.pos_ == "NOUN" else None
    doc = head.doc
    if head.dep_ not in _MISPLACED or last.i + 1 >= len(doc) or not last.whitespace_:
        return None
    noun = doc[last.i + 1]
    while noun.dep_ == "compound" and noun.head.i == noun.i + 1:
        noun = noun.head
    if noun.pos_ != "NOUN" or head.dep_ == "nsubj" and head.head != noun:
        return None
    return noun


def compound_run(noun: Token) -> Span | None:
    """The hyphen or slash compound written before ``noun`` as its modifier ("U.S./Soviet",
    "Reagan-Gorbachev"), else nothing."""
    doc = noun.doc
    before = noun.i - 1
    while before >= 0 and doc[before].dep_ == "compound" and doc[before].head.i == before + 1:
        before -= 1  # "U.S.-Japan trade talks": the run stands before the noun's compounds
    stray = [doc[before]] if before >= 0 \
        and modified_noun(doc[before], doc[before]) == noun else []
    for c in [*noun.lefts, *stray]:
        if c.dep_ not in _MODIFIERS and c not in stray:
            continue
        lo = hi = c.i
        while lo > 0 and not doc[lo - 1].whitespace_:
            lo -= 1
        while hi + 1 < noun.i and not doc[hi].whitespace_:
            hi += 1
        run = doc[lo : hi + 1]
        if any(ch in run.text for ch in "-/\u2013"):
            return run
    return None


def singular(noun: str) -> str:
    """A group head's singular: "authorities" -> "authority", "officials" -> "official"."""
    return noun[:-3] + "y" if noun.endswith("ies") else noun.rstrip("s")


def nationals(e: Entity) -> bool:
    """Whether group ``e`` is a people named by nationality alone ("the Soviets")."""
    return country_of(e.label) is not None


def demonym_keys(index: EntityIndex, tok: Token) -> list[str]:
    """The country of a nationality word that heads its phrase ("the Kuwaitis") when the
    index maps the token to no entity."""
    country = country_of(tok.text)
    key = entity_key(country, EntityType.COUNTRY) if country else ""
    return [key] if index.get(key) is not None else []


def only_named(noun: Token) -> bool:
    """Whether a meeting noun a compound names is only an idea, a topic or a process: "a
    possible U.S.-Soviet summit", "a decision on a new Franco-German summit", "the
    Canada-Mexico negotiations are progressing". A compound often names the kind of meeting,
    not one that is held, so these are left out."""
    if any(c.dep_ == "amod" and c.lower_ in _UNREAL for c in noun.children):
        return True
    if noun.dep_ == "nsubj" and noun.head.lemma_.casefold() in _UNDER_WAY:
        return True  # "Franco-Dutch negotiations are progressing": a process, no meeting
    top = noun
    while top.dep_ == "conj":
        top = top.head
    return top.dep_ == "pobj" and top.head.lower_ in _TOPIC and top.head.head.pos_ == "NOUN"


def spans_parts(index: EntityIndex, key: str, run: Span) -> bool:
    """Whether entity ``key`` is named by two parts of compound ``run`` at once: one
    organisation NER made of "Lee-Kahn" is no party beside Lee (the parts are the parties)."""
    e = index.get(key)
    if e is None:
        return False
    label = e.label.casefold()
    return sum(p.strip().casefold() in label for p in _SPLIT.split(run.text) if p.strip()) >= 2


def fuller_country(index: EntityIndex, key: str) -> str | None:
    """The article's country a nationality word means: the one country named with more words
    ending in the same name ("West Germany" for "German" when the article names it), else
    ``key`` itself when it is an entity of the article, else None."""
    e = index.get(key)
    if e is None:
        return None
    tail = " " + e.label.casefold()
    longer = [c.key for c in index.entities
              if c.type is EntityType.COUNTRY and c.label.casefold().endswith(tail)]
    return longer[0] if len(longer) == 1 else key


def led_by(p: PartyReader, tok: Token) -> list[str]:
    """The people an unnamed delegation is "led by" or "headed by": the named party of "a
    Chilean delegation, led by X, will meet Y" (else nothing; a body's team is the body's)."""
    if tok.pos_ != "NOUN" or tok.lemma_.casefold() not in _MISSIONS or any(
            getattr(p.index.get(k), "type", None) is EntityType.ORGANIZATION
            for c in tok.children if c.dep_ in ("compound", "nmod", "poss")
            for k in p.index.keys_of(c)):
        return []  # "a World Bank team led by X": the bank is the named party
    # The parser may hang "headed by X" on a noun of the phrase ("the team on arms headed by"),
    # or on the noun of a phrase right after it that it gave to another word.
    heads = [c for c in tok.subtree if c.dep_ == "acl" and c.lemma_.casefold() in _HEAD_VERBS]
    after = tok.right_edge.i + 1
    if not heads and after < tok.sent.end and tok.doc[after].dep_ == "prep":
        heads = [c for c in tok.doc[after].subtree
                 if c.dep_ == "acl" and c.lemma_.casefold() in _HEAD_VERBS]
    return [k for c in heads for a in c.children if a.dep_ == "agent"
            for o in a.children if o.dep_ == "pobj" for k in p.expand(o) if p.is_person(k)]


def stray_from(tok: Token) -> list[Token]:
    """A "from" phrase right after the phrase of ``tok`` that the parser hung on its head: in
    "the meeting of officials from the two countries" it goes to the meeting, though it says
    whose officials they are."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return []
    return [c for c in tok.head.head.children if c.dep_ == "prep" and c.lower_ == "from"
            and c.i == tok.right_edge.i + 1]
