"""Group participants resolved at article level: a plural phrase stands for the entities it fits.

A plural noun phrase that names a group ("his counterparts from Asia", "EC finance ministers",
"the countries visited", "the clubs") stands for the named entities of the article that fit it.

Three families, each only when the evidence is unambiguous, else the group stays unnamed:

* office holders: "counterparts" (the office of the person whose counterparts they are),
  "finance ministers", "central bankers", "leaders", restricted by the places and bodies
  that modify them ("from Europe and Japan", "EC", "of the Group of Seven") -> the people
  of the article who hold that office for a country of those places;
* a body's members: "EC finance ministers" reads as the body; when the article names two
  or more of those members, they are the participants;
* kinds: "the countries", "the clubs", "the banks" -> the entities of that kind named
  together last (a coordination, in this or the two sentences before, reached through
  earlier mentions of the same group); "the countries visited" -> the destinations of a
  trip.

>>> sorted(KIND_NOUNS)[:3]
['airline', 'bank', 'carrier']
>>> members_of("the Group of Seven") >= {"country:japan", "country:canada"}
True
>>> members_of("European") >= {"country:france"}, members_of("Sydney")
(True, None)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Protocol

from spacy.tokens import Doc, Token

from kg.extract.entities.portfolios import (
    PORTFOLIO_WORDS,
    Office,
    group_portfolio,
    noun_lemma,
    offices,
)
from kg.extract.gazetteer import country_of
from kg.extract.index import EntityIndex, entity_key
from kg.extract.journeys import TOWARDS, VISIT, journey_to, traveller
from kg.extract.walks import first_conjunct
from kg.model import EntityType

__all__ = ["Groups", "KIND_NOUNS", "PartyReader", "club_name", "members_of"]


class PartyReader(Protocol):
    """What groups ask of the party reader (kg.extract.meetings.parties.Parties)."""

    def expand(self, tok: Token, depth: int = 0) -> list[str]: ...
    def subjects(self, verb: Token, depth: int = 0, agent: bool = True) -> list[str]: ...
    def is_person(self, key: str) -> bool: ...


#: Plural nouns for a kind of named party, and the entity type they take.
KIND_NOUNS = {
    "country": EntityType.COUNTRY, "nation": EntityType.COUNTRY,
    "club": EntityType.ORGANIZATION, "company": EntityType.ORGANIZATION,
    "firm": EntityType.ORGANIZATION, "bank": EntityType.ORGANIZATION,
    "union": EntityType.ORGANIZATION, "airline": EntityType.ORGANIZATION,
    "carrier": EntityType.ORGANIZATION, "insurer": EntityType.ORGANIZATION,
    "lender": EntityType.ORGANIZATION, "team": EntityType.ORGANIZATION,
}
#: Modifiers that say nothing about which members are meant.
_NEUTRAL = frozenset({"the", "these", "those", "its", "their", "his", "her", "our", "major",
                      "leading", "industrial", "industrialised", "industrialized", "informal",
                      "top", "senior", "central", "and", "visiting", "respective",
                      "government", "ministers", "bankers", "governors", "bank", "nations",
                      "countries", "group", "of"})
#: Modifiers that exclude or count, which a list found elsewhere cannot be checked against.
_RESTRICTING = frozenset({"other", "some", "several", "many", "few", "all", "both", "two",
                          "three", "four", "five", "most", "remaining", "former", "member"})
#: Unnamed officials, who may be those of the country a trip goes to.
_OFFICIALS = frozenset({"official", "authority", "leader"})
#: Prepositions that send a trip to its countries: "a trip to X", "a tour of X".
_TRIP_TO = TOWARDS | {"of"}
#: Prepositions of a trip whose country's officials are its hosts: "flew to X", "arrived in X".
_HOSTS_TO = _TRIP_TO | {"in"}
_WINDOW = 2  # sentences a kind noun may reach back before an earlier mention of itself


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str | None, frozenset[str]]]:
    """Lower-cased name or adjective of a region or body -> its table name if it is a body
    that may key an entity, and its member keys."""
    path = Path(__file__).resolve().parents[2] / "data" / "country_groups.tsv"
    out: dict[str, tuple[str | None, frozenset[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, members = (line.split("\t") + ["", ""])[:3]
        names = [a.strip() for a in [name, *aliases.split(";")] if a.strip()]
        keys = frozenset(entity_key(m.strip(), EntityType.COUNTRY)
                         for m in members.split(";") if m.strip())
        # A body has an acronym ("GCC"); a region ("Asia") has none. A one-word name ("Gulf")
        # is also a company's short name in other stories ("Gulf Canada Corp"): no key of it.
        body = (" " in names[0] or names[0].isupper()) \
            and any(a.isupper() and " " not in a for a in names)
        for alias in names:
            out[alias.casefold()] = (names[0] if body else None, keys)
    return out


def _entry(name: str) -> tuple[str | None, frozenset[str]] | None:
    # the gazetteer lists a long form once; wires write it with or without "the" anywhere
    return _table().get(" ".join(w for w in name.casefold().split() if w != "the"))


def members_of(name: str) -> frozenset[str] | None:
    """The country keys of a region or body ("European Community", "EC", "Asian"); the
    gazetteer lists a long form once, and the wires write it with or without "the" anywhere
    ("Organization of the Petroleum Exporting Countries").

    >>> members_of("the Organization of the Petroleum Exporting Countries") == members_of("OPEC")
    True
    """
    entry = _entry(name)
    return entry[1] if entry is not None else None


def club_name(name: str) -> str | None:
    """The one name the table gives a body however a story writes it, by its acronym or its
    long form, so that both are one entity across stories.

    >>> club_name("the Organization of Petroleum Exporting Countries"), club_name("EEC")
    ('OPEC', 'European Community')
    >>> club_name("Valoria Trade Board"), club_name("Gulf"), club_name("Asian")
    (None, None, None)
    """
    entry = _entry(name)
    return entry[0] if entry is not None else None


class Groups:
    """Resolves plural group nouns of one Doc to named entities of the article."""

    def __init__(self, doc: Doc, index: EntityIndex, parties: PartyReader) -> None:
        self.doc = doc
        self.index = index
        self.parties = parties
        self._offices: dict[str, tuple[frozenset[Office], str | None]] | None = None
        self._busy: set[int] = set()

    def widen(self, tok: Token, keys: list[str]) -> list[str]:
        """The parties ``tok`` stands for, given the ``keys`` read from its own phrase."""
        lemma, plural = noun_lemma(tok)
        if not lemma or tok.i in self._busy or not plural and lemma != "counterpart":
            return keys
        self._busy.add(tok.i)
        try:
            if lemma == "counterpart":
                if keys and not all(self._is(k, EntityType.COUNTRY) for k in keys):
                    return keys  # "his counterpart, X": named in the phrase itself
                return self._counterparts(tok, keys)
            if not keys and lemma in KIND_NOUNS:
                return self._kind(tok, KIND_NOUNS[lemma]) or keys
            if not keys and lemma in _OFFICIALS and (hosts := self._hosts(tok)):
                return hosts
            office = group_portfolio(tok)
            allowed = self._places(tok) if office is not None else None
            if allowed is None and _definite(tok):
                # "The ministers" again: the office and places of the last mention.
                office, allowed = self._antecedent(tok, office) or (office, allowed)
            if office is None or not allowed:
                return keys
            if keys and not all(self._body(k) for k in keys):
                return keys  # "French and German ministers" stand for their countries
            found = self._holders({office}, allowed, set())
            if keys and len(found) < 2:
                return keys + [k for k in found if k not in keys]
            return found or keys
        finally:
            self._busy.discard(tok.i)

    # -- office holders ------------------------------------------------------------------

    def _holders(self, wanted: set[Office], allowed: frozenset[str] | None,
                 exclude: set[str]) -> list[str]:
        if self._offices is None:
            self._offices = offices(self.doc, self.index)
        out = []
        for key, (held, country) in self._offices.items():
            if key in exclude or not held & wanted:
                continue
            if allowed is not None and country not in allowed:
                continue
            out.append(key)
        return out

    def _counterparts(self, tok: Token, keys: list[str]) -> list[str]:
        """ "X's counterparts (from P and Q)", "his Japanese counterpart": the people who
        hold X's office for another country (one, for a singular counterpart)."""
        anchors = [k for c in tok.children if c.dep_ == "poss"
                   for k in self.parties.expand(c)]
        if not anchors:
            verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
            anchors = self.parties.subjects(verb) if verb is not None else []
        people = [k for k in anchors if self.parties.is_person(k)]
        if self._offices is None:
            self._offices = offices(self.doc, self.index)
        known = [self._offices[k] for k in people if k in self._offices]
        if len(people) != 1 or len(known) != 1:
            return keys  # no one, several people, or no office: whose counterparts is unclear
        held, country = known[0]
        allowed = frozenset(keys) if keys else self._places(tok)
        if allowed == frozenset():
            return keys
        found = [k for k in self._holders(set(held), allowed, set(people))
                 if country is None or self._offices[k][1] != country]
        if not noun_lemma(tok)[1] and len(found) != 1:
            return keys  # a single counterpart, but not one person fits
        return found or keys

    def _hosts(self, tok: Token) -> list[str]:
        """ "flew to X for talks with (government) officials": the officials of X, the
        one country the trip goes to."""
        if any(c.dep_ in ("amod", "compound", "nmod", "poss", "prep") and c.lower_ not in
               ("government", "senior", "top") for c in tok.children):
            return []
        for a in tok.ancestors:
            if a.pos_ not in ("VERB", "AUX"):
                continue
            # the countries this verb travels to, or a trip "during"/"on" it goes to
            found = [k for t in a.subtree if (j := journey_to(t, _HOSTS_TO)) is not None
                     and (j.i == a.i or j.dep_ == "pobj" and j.head.lower_ in ("during", "on")
                          and j.head.head.i == a.i)
                     for k in self.index.keys_of(t) if self._is(k, EntityType.COUNTRY)]
            return found if len(set(found)) == 1 else []
        return []

    def _antecedent(self, tok: Token, office: Office | None
                    ) -> tuple[Office, frozenset[str]] | None:
        """The office and places of the last restricted mention of the same group noun,
        in this sentence or the three before ("EC farm ministers ... the ministers")."""
        floor = next((s.start for n, s in enumerate(self._sents_before(tok)) if n == 3), 0)
        for t in reversed(self.doc[floor : tok.i]):
            if noun_lemma(t) != noun_lemma(tok) or t.i in self._busy:
                continue
            found = group_portfolio(t)
            if found is None or office is not None and found != office:
                continue
            allowed = self._places(t)
            if allowed:
                return found, allowed
            if allowed is not None:
                return None  # the last mention was not understood: neither is this one
        return None

    def _sents_before(self, tok: Token) -> list:
        """The sentence of ``tok`` and those before it, nearest first."""
        return [s for s in reversed(list(self.doc.sents)) if s.start <= tok.i]

    def _is(self, key: str, kind: EntityType) -> bool:
        e = self.index.get(key)
        return e is not None and e.type is kind

    def _places(self, tok: Token) -> frozenset[str] | None:
        """The countries the modifiers of ``tok`` allow: None when nothing restricts them,
        an empty set when a modifier is not understood (the group is then left alone)."""
        first = first_conjunct(tok)  # "EC finance ministers and central bankers" share "EC"
        owner = {d.i for t in {tok, first} for c in t.children if c.dep_ == "poss"
                 for d in c.subtree}
        toks = [t for h in {tok, first} for t in self.doc[h.left_edge.i : h.i]
                if t.i not in owner]
        after = [c for c in tok.head.children if c.i == tok.right_edge.i + 1]
        # "... ministers and central bankers of the Group of Five" share the "of" phrase.
        for c in [*tok.children, *after, *(d for t in tok.conjuncts for d in t.children)]:
            # "met counterparts from Europe": the parser may hang the phrase on the verb.
            if c.dep_ == "prep" and c.lower_ in ("from", "of", "in"):
                toks += [t for g in c.children if g.dep_ == "pobj" for t in g.subtree]
        allowed: set[str] = set()
        restricted = False
        seen: set[str] = set()
        for t in toks:
            keys = self.index.keys_of(t)
            if keys:
                for k in keys:
                    if k in seen:
                        continue
                    seen.add(k)
                    e = self.index.get(k)
                    if e is None:
                        continue
                    if e.type is EntityType.COUNTRY:
                        allowed.add(k)
                    else:
                        members = members_of(e.label) or next(
                            (m for a in e.aliases if (m := members_of(a))), None)
                        if members is None:
                            return frozenset()
                        allowed |= members
                    restricted = True
                continue
            low = t.lower_
            if t.is_punct or t.is_space or low in _NEUTRAL or low in PORTFOLIO_WORDS \
                    or t.pos_ in ("DET", "CCONJ", "ADP", "NUM"):
                continue
            members = members_of(t.text)
            country = country_of(t.text)
            if members is not None:
                allowed |= members
            elif country is not None:
                allowed.add(entity_key(country, EntityType.COUNTRY))
            elif low in _RESTRICTING or t.text[:1].isupper():
                return frozenset()
            else:
                continue
            restricted = True
        return frozenset(allowed) if restricted else None

    def _body(self, key: str) -> bool:
        """Whether ``key`` is an organisation whose member countries are known."""
        e = self.index.get(key)
        return e is not None and e.type is EntityType.ORGANIZATION and (
            members_of(e.label) is not None or any(members_of(a) for a in e.aliases))

    # -- kinds ---------------------------------------------------------------------------

    def _kind(self, tok: Token, kind: EntityType) -> list[str]:
        """ "the countries (visited)", "the clubs": the last list of that kind named."""
        kids = list(tok.children)
        if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in kids):
            return []
        if any(c.dep_ in ("nummod", "poss", "relcl") or c.lower_ in _RESTRICTING
               for c in kids):
            return []
        nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
        visited = nxt is not None and nxt.lemma_.casefold() in VISIT and nxt.tag_ in (
            "VBN", "VBD")
        if any(c.dep_ == "acl" for c in kids) and not visited:
            return []  # "the countries that export oil": a restriction we cannot check
        if kind is EntityType.COUNTRY and not visited:
            return []  # economic news lists countries all the time: only a trip's stops
        allowed = self._places(tok) if kind is EntityType.COUNTRY else None
        if allowed == frozenset():
            return []
        found = self._last_list(tok, kind, visited)
        if allowed is not None:
            found = [k for k in found if k in allowed]
        return found

    def _last_list(self, tok: Token, kind: EntityType, trip: bool) -> list[str]:
        sents = list(self.doc.sents)
        si = next(n for n, s in enumerate(sents) if s.start <= tok.i < s.end)
        floor = si - _WINDOW
        n = si
        while n >= max(floor, 0):
            sent = sents[n]
            end = tok.i if n == si else sent.end
            for t in reversed(self.doc[sent.start : end]):
                if noun_lemma(t) == noun_lemma(tok):
                    floor = min(floor, n - _WINDOW)  # an earlier mention of the same group
                if t.dep_ == "conj" or not t.conjuncts:
                    continue
                keys: list[str] = []
                for c in (t, *t.conjuncts):
                    for k in self.index.keys_of(c):
                        e = self.index.get(k)
                        if e is not None and e.type is kind and k not in keys:
                            keys.append(k)
                if len(keys) < 2:
                    continue
                # a trip's stops only where someone travels: "shipments will head to X, Y
                # and Z" sends no one
                if trip and ((j := journey_to(t, _TRIP_TO, leave_for=True)) is None
                             or j.pos_ == "VERB" and not traveller(j)):
                    continue
                return keys
            n -= 1
        return []


def _definite(tok: Token) -> bool:
    """ "the ministers", "the finance ministers": definite, with no modifier but an office."""
    kids = [c for c in tok.lefts]
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in kids) and all(
        c.dep_ == "det" or c.lower_ in PORTFOLIO_WORDS for c in kids)


