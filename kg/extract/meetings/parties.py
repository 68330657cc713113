"""Meeting parties: which named entities a parse token stands for, through coordination,
relative pronouns, appositions, "members of X", passive agents and inherited subjects.

>>> "delegation" in NAMED_GROUPS and "official" not in NAMED_GROUPS
True
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Doc, Token

from kg.extract.entities import swallowed as sw
from kg.extract.entities.groups import Groups
from kg.extract.entities.nationals import (
    compound_parties,
    demonym_keys,
    fuller_country,
    led_by,
    nationals,
    seat_countries,
    singular,
    stray_country,
    stray_from,
)
from kg.extract.entities.portfolios import noun_lemma
from kg.extract.entities.unnamed import STAND_FOR_COUNTRY
from kg.extract.gazetteer import title_words
from kg.extract.index import EntityIndex
from kg.extract.meetings.attribution import reporter
from kg.extract.meetings.party_words import (
    BOTH,
    EACH_OF,
    MEMBER_NOUNS,
    NAMED_GROUPS,
    OF_MEMBER_NOUNS,
    ORG_DESCRIPTORS,
    TITLE_HEADS,
)
from kg.extract.walks import conjuncts, objects_of, of_listed, stranded_subject
from kg.model import Entity, EntityType

__all__ = ["Parties"]


class Parties:
    """Turns parse tokens into entity keys of named parties."""

    def __init__(self, doc: Doc, index: EntityIndex) -> None:
        self.doc = doc
        self.index = index
        self._groups: Groups | None = None

    def eligible(self, key: str) -> bool:
        """Whether ``key`` may be a meeting party: a person, organisation, country, or a
        country's delegation or government (not "Russian officials")."""
        e = self.index.get(key)
        if e is None:
            return False
        if e.type in (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY):
            return True  # a label that is a common noun made no entity (entities.unnamed)
        head = singular(e.key.rsplit(" ", 1)[-1])
        return e.type is EntityType.GROUP and e.country is not None and (
            head in NAMED_GROUPS | STAND_FOR_COUNTRY or nationals(e))

    def of_token(self, tok: Token, depth: int = 0) -> list[str]:
        """Named parties a single token denotes (no coordination); a plural group noun
        ("counterparts", "the countries visited") stands for the article's entities that fit."""
        keys = self._named(tok, depth)
        if tok.pos_ in ("NOUN", "PROPN"):
            if self._groups is None:
                self._groups = Groups(self.doc, self.index, self)
            keys = self._groups.widen(tok, keys)
        return keys

    def _named(self, tok: Token, depth: int) -> list[str]:
        if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
            ante = tok.head.head  # "A and B, who met ...": the whole list before the pronoun
            if ante.conjuncts and all(c.i < tok.i for c in ante.conjuncts):
                return self.expand(ante, depth + 1)
            return self.of_token(ante, depth + 1)
        if tok.lower_ in EACH_OF and depth <= 2:
            # "talks with any of the striking locals", "each of the three banks": the "of" object
            objs = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                    for o in c.children if o.dep_ == "pobj"]
            if objs:
                return [k for o in objs for k in self.expand(o, depth + 1)]
        keys = [self.stand_in(k) for k in self.index.keys_of(tok) if self.eligible(k)] or [
            k for n in sw.dated_names(self.index, tok) for k in self._named(n, depth + 1)
        ] or seat_countries(self.index, tok)  # "Washington and Tokyo held talks"
        keys = led_by(self, tok) or keys  # "a Chilean delegation, led by X": X
        if any(c.lower_ == "other" for c in tok.children) and tok.dep_ == "conj":
            # "Lopez and other Spanish officials": the same side as the named conjunct.
            return [k for k in keys if getattr(self.index.get(k), "type", None)
                    is not EntityType.COUNTRY]
        head = noun_lemma(tok)[0]  # also "U.S. Officials", as wires write
        named = any(c.dep_ == "appos" and self.persons_in(c) for c in tok.children)  # "US envoy X"
        if head in STAND_FOR_COUNTRY and not named or not keys and head in NAMED_GROUPS:
            # "U.S. and Japanese negotiators", "the U.S. delegation": the modifiers' countries.
            for c in tok.children:
                if c.dep_ in ("nmod", "compound", "amod", "poss"):  # also "Norway's government"
                    # "the Swiss, Danish and European Community envoys": a body listed
                    # with countries stands for itself.
                    kinds = (EntityType.COUNTRY, EntityType.ORGANIZATION) if c.conjuncts \
                        else (EntityType.COUNTRY,)
                    for a in (c, *c.conjuncts):
                        for k in self.index.keys_of(a):
                            k = self.stand_in(k)
                            e = self.index.get(k)
                            if e is not None and e.type in kinds and k not in keys:
                                keys.append(k)
            keys += [k for k in stray_country(self.index, tok, keys) if k not in keys]
        if not keys and tok.ent_type_ == "NORP" and tok.dep_ not in ("amod", "compound", "nmod"):
            keys = demonym_keys(self.index, tok)  # "the Kuwaitis held talks"
        if not keys and head == "bank" and any(c.lower_ == "central" for c in tok.children):
            # "the Valorian central bank", "Valoria's central bank": a state's own bank stands
            # for the state.
            keys = [c for k in self.index.keys_of(tok) for c in [self.country_of(k)] if c] or [
                k for c in tok.children if c.dep_ == "poss" for k in self.index.keys_of(c)
                if getattr(self.index.get(k), "type", None) is EntityType.COUNTRY]
        if keys and _modifies_title(tok):
            return []  # "Finance" in "Finance Minister X", "Energy" in "Mines and Energy Minister"
        if keys or depth > 2 or tok.pos_ not in ("NOUN", "PROPN"):
            return keys
        lemma = tok.lemma_.casefold()
        if lemma in BOTH and any(c.lower_ in ("both", "two") for c in tok.children):
            return self.both(tok)
        titled = lemma in title_words() or lemma in TITLE_HEADS or lemma == "counterpart"
        for c in tok.children:
            if c.dep_ == "appos" and not c.is_punct:
                # "the head of the central bank, Ana Ruiz": the person, not the bank;
                # "the so-called B states - Chile, Peru and Colombia": every country;
                # "his counterpart X, Finance Minister Y and ... Z": the whole list.
                listed = [k for a in (c, *c.conjuncts) for k in self.of_token(a, depth + 1)]
                if lemma in ("country", "nation"):
                    listed = [k for k in listed if self._kind([k]) == "country"]
                elif tok.tag_ == "NNS" and len(listed) < 2:
                    listed = []  # "producers, X, manager of ..., said": the speaker
                # "finance ministers - A, B and C -": plural officials stand for the countries.
                plural = tok.tag_ == "NNS" and self._kind(listed) == "country"
                keys += [k for k in listed if (self.is_person(k) or not titled or plural)
                         and k not in keys]
        if titled and not keys:  # "its ambassador in Rome, X": X hangs on "Rome"
            keys = [k for n in sw.apposed_holder(self.index, tok) for k in self.of_token(n, 3)]
        if not keys and lemma in TITLE_HEADS:
            keys = self._served(tok, depth)  # "its chairman", "the president of the bank"
        if not keys and lemma in ORG_DESCRIPTORS:
            # "the United Auto Workers union", "the Citibank group": the named organisation.
            keys += [k for c in tok.children if c.dep_ in ("compound", "nmod")
                     for k in self.of_token(c, depth + 1) if self.is_org(k)]
        if keys or lemma not in MEMBER_NOUNS | OF_MEMBER_NOUNS:
            return keys
        # "members of the Senate panel", "House Energy members": the body; but
        # "U.S. officials" stay unnamed, while "Calmat officials" and "officials of the
        # World Bank" stand for the organisation.
        for c in tok.children:
            if c.dep_ in ("compound", "nmod") or c.dep_ == "poss" and lemma not in MEMBER_NOUNS:
                # "IMF and World Bank staff": each body; "its officials": the company.
                keys += [k for a in (c, *c.conjuncts) for k in self.of_token(a, depth + 1)
                         if self.named_body(k) and (lemma in MEMBER_NOUNS or self.is_org(k))]
        for c in [*tok.children, *stray_from(tok)]:
            # "negotiators for the union": its negotiators ("officials for" is a purpose)
            if c.dep_ == "prep" and (c.lower_ in ("of", "from")
                                     or c.lower_ == "for" and lemma in MEMBER_NOUNS):
                for obj in (g for g in c.children if g.dep_ == "pobj"):
                    keys += self.expand(obj, depth + 1)
        return keys

    def _served(self, tok: Token, depth: int) -> list[str]:
        """The organisation or country an unnamed office-holder serves, from a possessive
        ("its chairman": the company "its" stands for) or an "of" phrase ("the governor of
        the Valorian central bank": Valoria)."""
        found = [k for c in tok.children if c.dep_ == "poss" for k in self.index.keys_of(c)]
        found += [k for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ == "pobj" for k in self.expand(o, depth + 1)]
        return [k for k in dict.fromkeys(found) if self._kind([k]) in ("organization", "country")]

    def paired(self, noun: Token) -> list[str]:
        """The parties of a hyphen or slash compound on ``noun`` ("U.S./Soviet summit")."""
        return compound_parties(self, noun)

    def stand_in(self, key: str) -> str:
        """The country that a group like "French officials" stands for, else ``key``."""
        e = self.index.get(key)
        if e is not None and (singular(e.key.rsplit(" ", 1)[-1]) in STAND_FOR_COUNTRY
                              or nationals(e)):
            return self.country_of(key) or key
        return key

    def country_of(self, key: str) -> str | None:
        """The country a group of ``key`` belongs to ("the Valorian bank": Valoria)."""
        e = self.index.get(key)
        if e is None or e.type is not EntityType.GROUP or e.country is None:
            return None
        return fuller_country(self.index, e.country)

    def named_body(self, key: str) -> bool:
        """Whether ``key`` is an organisation or a person (a body members can stand for)."""
        e = self.index.get(key)
        return e is not None and e.type in (EntityType.ORGANIZATION, EntityType.PERSON)

    def expand(self, tok: Token, depth: int = 0) -> list[str]:
        """Named parties of ``tok`` and of every token coordinated with it."""
        out: list[str] = []
        for t in (tok, *conjuncts(tok), *sw.inner_conjuncts(self.index, tok)):
            for k in self.of_token(t, depth) + self.listed(t, depth):
                if k not in out:
                    out.append(k)
        return out

    def listed(self, t: Token, depth: int = 0) -> list[str]:
        """Parties a mis-parsed list hangs on ``t`` as nmod or appos ("Tom Hale and Ann
        Hale", "he, Ruiz and ... Okafor", "A, Chairman B of the bank and C", "the United
        States, Japan, France and Italy")."""
        found: list[str] = []
        own = self.of_token(t, 3)
        for c in t.children:
            # An apposed name belongs to an unnamed conjunct ("X and the head of the bank, Y,
            # met"), to a pronoun in a list ("he, Ruiz and ... Okafor"), or is a second party.
            unnamed = any(u.pos_ == "NOUN" and not self.index.keys_of(u)
                          and u.lower_ in title_words() for u in t.conjuncts)
            listed = c.dep_ == "nmod" or (c.dep_ == "appos" and (
                t.tag_ == "PRP" or unnamed or _two_of_a_kind(self, t, c)))
            if listed and c.pos_ == "PROPN" and not reporter(c):
                kind = self._kind(own) if c.dep_ == "appos" and own else "person"
                for cc in (c, *c.conjuncts):
                    # "talks with Acme Co <ACM>": the parser makes the ticker the object.
                    found += [k for k in self.of_token(cc, depth + 1)
                              if (self._kind([k]) == kind or t.text == "<") and k not in found]
        if t.pos_ in ("NOUN", "PROPN") and depth < 3:
            # "met A of Valoria and B", "A of Valoria, B of Norland and C": the parser hangs
            # the rest of the list inside the "of" phrase; people named in full there are
            # listed parties (a lone surname may end a firm's name: "X of Smith and Jones").
            for u in of_listed(t):
                if u.ent_iob_ != "I" and not any(c.dep_ == "compound" for c in u.children):
                    continue
                found += [k for k in self.of_token(u, depth + 1) + self.listed(u, depth + 1)
                          if self.is_person(k) and k not in own and k not in found]
        if own and self._kind(own) == "person":
            # "Minister A and Secretary B" read as one name: A hangs inside B's title as nmod.
            for d in t.lefts:
                for g in d.subtree:
                    if g.dep_ == "nmod" and g.pos_ == "PROPN":
                        found += [k for k in self.index.keys_of(g)
                                  if self.is_person(k) and k not in own and k not in found]
        return found

    def _kind(self, keys: list[str]) -> str:
        """ "person", "country", "organization" or "" for a list of keys of one kind."""
        kinds = {getattr(self.index.get(k), "type", None) for k in keys}
        if len(kinds) != 1:
            return ""
        kind = kinds.pop()
        return kind.value if isinstance(kind, EntityType) else ""

    def is_org(self, key: str) -> bool:
        e = self.index.get(key)
        return e is not None and e.type is EntityType.ORGANIZATION

    def is_person(self, key: str) -> bool:
        """Whether ``key`` is a person."""
        e = self.index.get(key)
        return e is not None and e.type is EntityType.PERSON

    def persons_in(self, tok: Token) -> list[str]:
        """People named in the phrase of ``tok`` (conjuncts excluded)."""
        skip = {d.i for c in tok.children if c.dep_ == "conj" for d in c.subtree}
        out: list[str] = []
        if tok.pos_ != "PROPN":
            return out
        for d in tok.subtree:
            if d.i in skip or d.dep_ == "poss" or d.head.dep_ == "poss":
                continue
            for k in self.index.keys_of(d):
                if self.is_person(k) and k not in out:
                    out.append(k)
        return out

    def both(self, tok: Token) -> list[str]:
        """ "both countries", "the two companies": the last two parties of that kind named
        together before ``tok``."""
        kind = EntityType.ORGANIZATION if tok.lemma_.casefold() in ORG_DESCRIPTORS \
            else EntityType.COUNTRY
        for prev in reversed(self.doc[: tok.i]):
            if prev.dep_ != "conj" or len(prev.conjuncts) != 1:
                continue  # two brands of "X, Y and Z" are not "the two companies"
            a, b = self.index.keys_of(prev.head), self.index.keys_of(prev)
            if a and b and all(cast(Entity, self.index.get(k[0])).type is kind for k in (a, b)):
                return [a[0], b[0]]
        return []

    def agents(self, verb: Token) -> list[str]:
        """Parties in the passive agent phrase ("was received by X"), also when the parser
        hangs "by" on a phrase of the verb ("will be joined at the summit by X")."""
        out = [k for c in verb.children if c.dep_ == "agent"
               for g in c.children if g.dep_ == "pobj" for k in self.expand(g)]
        if out or not any(c.dep_ == "auxpass" for c in verb.children):
            return out
        for b in verb.subtree:
            # "joined at the signing of treaties by X": the first "by" the parser hung below.
            if b.dep_ != "prep" or b.lower_ != "by" or b.i < verb.i:
                continue
            cur = b.head
            while cur.i != verb.i and cur.dep_ in ("pobj", "prep", "acl", "dobj") \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                cur = cur.head
            if cur.i == verb.i:
                out += [k for o in b.children if o.dep_ == "pobj" for k in self.expand(o)]
                break
        return out

    def subjects(self, verb: Token, depth: int = 0, agent: bool = True) -> list[str]:
        """Subject parties of ``verb`` (and its passive agent), inherited through xcomp,
        conj and purpose clauses."""
        out: list[str] = self.agents(verb) if agent else []
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                out += self.fronted(verb, c) or self.expand(c)
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        dated = [k for n in sw.dated_subject(self.index, verb) for k in self.expand(n, depth)]
        out, has_subject = out + dated, has_subject or bool(dated)  # "Acme Monday met Y"
        if not has_subject:
            # The small parser hangs a fronted subject on a preceding participle clause
            # ("X, working to ..., held talks"): take it from there.
            for c in verb.children:
                if c.dep_ == "advcl" and c.i < verb.i:
                    for g in c.children:
                        if g.dep_ == "nsubj" and g.i < c.i:
                            out += self.expand(g)
                            has_subject = True
        if not has_subject and (stranded := stranded_subject(verb)) is not None:
            out, has_subject = out + self.expand(stranded), True  # "A met B and C met D"
        if not has_subject and depth < 3:
            if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp"):
                out += self.subjects(verb.head, depth + 1)
            elif verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                # "X announced her willingness to negotiate ... after meeting Y": the
                # possessor of the noun, else the subject of the verb it is object of.
                noun = verb.head
                poss = [k for c in noun.children if c.dep_ == "poss" for k in self.expand(c)]
                if poss:
                    out += poss
                elif noun.dep_ == "dobj":
                    out += self.subjects(noun.head, depth + 1)
            elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                out += self.subjects(verb.head.head, depth + 1)  # "before visiting X"
            elif verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ == "PROPN":
                out += self.expand(verb.head)  # "X, speaking after meeting Y, said"
        return out

    def fronted(self, verb: Token, subj: Token) -> list[str]:
        """The real subject when the parser swallowed it into a fronted phrase: in "After
        her talks with X, A and B were joined by C" it makes "talks" the subject and A and B
        conjuncts of X; the conjuncts after the comma are the subject."""
        if subj.pos_ != "NOUN" or self.index.keys_of(subj) or not any(
                c.dep_ == "mark" and c.i < subj.i for c in verb.children):
            return []
        for prep in subj.children:
            for obj in prep.children if prep.dep_ == "prep" else ():
                comma = next((t.i for t in self.doc[obj.i : verb.i] if t.text == ","), None)
                if obj.dep_ == "pobj" and comma is not None:
                    return [k for t in obj.conjuncts if t.i > comma
                            for k in self.of_token(t) + self.listed(t)]
        return []

    def prep_objects(self, tok: Token, preps: tuple[str, ...]) -> list[str]:
        """Parties in ``tok``'s prepositional phrases headed by one of ``preps``."""
        out: list[str] = []
        for c in tok.children:
            if c.dep_ in ("prep", "prt") and c.lower_ in preps:
                for g in objects_of(c):
                    if g.dep_ != "prep":
                        out += self.expand(g)
                    elif g.dep_ == "prep" and g.lower_ == c.lower_:
                        out += self.prep_objects(c, preps)  # "talks with with X" (a typo)
                if c.lower_ == "between":  # "talks between A and B Monday": B in the date
                    out += [k for n in sw.dated_after(self.index, c) for k in self.expand(n)]
        return out

    def prep_object_tokens(self, tok: Token, preps: tuple[str, ...]) -> list[Token]:
        """The objects of ``tok``'s prepositions in ``preps``, with their conjuncts."""
        return [t for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ in preps
                for g in objects_of(c) if g.dep_ != "prep" for t in (g, *conjuncts(g))]


def _two_of_a_kind(p: Parties, a: Token, b: Token) -> bool:
    """Whether two apposed tokens name two different parties of one kind (two people, two
    countries, two organisations): then they are a list, not a name and its description."""
    ka, kb = p.of_token(a, 3), p.of_token(b, 3)
    kind = p._kind(ka)
    return bool(ka and kb) and kind != "" and p._kind(kb) == kind and not set(ka) & set(kb)


def _modifies_title(tok: Token) -> bool:
    """Whether ``tok`` is a modifier inside a title ("Treasury" in "Treasury Secretary")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("compound", "conj", "nmod") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.ent_type_ != "PERSON" and cur.lower_ in TITLE_HEADS and tok.i < cur.i:
            return True  # a modifier comes before its title: "the Minister, X, and ..." is a list
    return False
