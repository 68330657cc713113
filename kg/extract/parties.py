"""Meeting parties: which named entities a parse token stands for, through coordination,
relative pronouns, appositions, "members of X", passive agents and inherited subjects.

>>> "delegation" in NAMED_GROUPS and "official" not in NAMED_GROUPS
True
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Doc, Token

from kg.extract.gazetteer import title_words
from kg.extract.index import EntityIndex
from kg.model import Entity, EntityType

__all__ = ["Parties", "NAMED_GROUPS", "MEMBER_NOUNS"]

#: Group heads that name a party ("the American delegation"); "officials" do not.
NAMED_GROUPS = frozenset({"delegation", "government", "team", "administration", "cabinet",
                          "parliament", "ministry", "negotiator", "side", "mission"})
_OF_MEMBER_NOUNS = frozenset({"official", "executive"})
_TITLE_HEADS = frozenset({"minister", "secretary", "president", "chairman", "governor", "director",
                          "spokesman", "head", "chief", "undersecretary", "ambassador"})
_BOTH = frozenset({"country", "side", "nation", "government"})
#: Nouns for the members of a body: "members of the committee" meet as the committee.
MEMBER_NOUNS = frozenset({"member", "representative", "delegation", "delegate", "minister",
                          "leader", "envoy", "team", "negotiator", "diplomat", "ambassador"})


class Parties:
    """Turns parse tokens into entity keys of named parties."""

    def __init__(self, doc: Doc, index: EntityIndex) -> None:
        self.doc = doc
        self.index = index

    def eligible(self, key: str) -> bool:
        """Whether ``key`` may be a meeting party: a person, organisation, country, or a
        country's delegation or government (not "Russian officials")."""
        e = self.index.get(key)
        if e is None:
            return False
        if e.type in (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY):
            return True
        if e.type is EntityType.GROUP and e.country is not None:
            head = e.key.rsplit(" ", 1)[-1]
            return head.rstrip("s") in NAMED_GROUPS or head in NAMED_GROUPS
        return False

    def of_token(self, tok: Token, depth: int = 0) -> list[str]:
        """Named parties a single token denotes (no coordination)."""
        if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
            return self.of_token(tok.head.head, depth + 1)
        keys = [k for k in self.index.keys_of(tok) if self.eligible(k)]
        if keys and _modifies_title(tok):
            return []  # "Finance" in "Finance Minister X", "Energy" in "Mines and Energy Minister"
        if keys or depth > 2 or tok.pos_ not in ("NOUN", "PROPN"):
            return keys
        lemma = tok.lemma_.casefold()
        if lemma in _BOTH and any(c.lower_ in ("both", "two") for c in tok.children):
            return self.both(tok)
        for c in tok.children:
            if c.dep_ == "appos" and not c.is_punct:
                # "the head of the central bank, Miguel Mancera": the person, not the bank.
                keys += [k for k in self.of_token(c, depth + 1) if self.is_person(k)]
        if keys or lemma not in MEMBER_NOUNS | _OF_MEMBER_NOUNS:
            return keys
        # "members of the House committee", "Senate Agriculture members": the body; but
        # "U.S. officials" stay unnamed, while "Calmat officials" and "officials of the
        # World Bank" stand for the organisation.
        for c in tok.children:
            if c.dep_ == "compound":
                keys += [k for k in self.of_token(c, depth + 1) if self.named_body(k)
                         and (lemma in MEMBER_NOUNS or self._is_org(k))]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                for obj in (g for g in c.children if g.dep_ == "pobj"):
                    keys += self.expand(obj, depth + 1)
        return keys

    def named_body(self, key: str) -> bool:
        """Whether ``key`` is an organisation or a person (a body members can stand for)."""
        e = self.index.get(key)
        return e is not None and e.type in (EntityType.ORGANIZATION, EntityType.PERSON)

    def expand(self, tok: Token, depth: int = 0) -> list[str]:
        """Named parties of ``tok`` and of every token coordinated with it."""
        out: list[str] = []
        for t in (tok, *tok.conjuncts):
            found = self.of_token(t, depth)
            # A mis-parsed list ("Reagan and Nancy Reagan", "he, Baker and ... Poehl")
            # hangs further people on a conjunct as nmod or appos.
            for c in t.children:
                # An apposed name belongs to an unnamed conjunct ("X and the head of
                # the bank, Y, met") or to a pronoun in a list ("he, Baker and ... Poehl").
                unnamed = any(u.pos_ == "NOUN" and not self.index.keys_of(u)
                              and u.lower_ in title_words() for u in t.conjuncts)
                listed = c.dep_ == "nmod" or (c.dep_ == "appos" and (t.tag_ == "PRP" or unnamed))
                if listed and c.pos_ == "PROPN":
                    found += [k for k in self.of_token(c, depth + 1)
                              if self.is_person(k) and k not in found]
                    for cc in c.conjuncts:
                        found += [k for k in self.of_token(cc, depth + 1) if self.is_person(k)]
            for k in found:
                if k not in out:
                    out.append(k)
        return out

    def _is_org(self, key: str) -> bool:
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
        """ "both countries": the last two countries named together before ``tok``."""
        for prev in reversed(self.doc[: tok.i]):
            if prev.dep_ != "conj":
                continue
            a, b = self.index.keys_of(prev.head), self.index.keys_of(prev)
            if a and b and all(cast(Entity, self.index.get(k[0])).type is EntityType.COUNTRY
                               for k in (a, b)):
                return [a[0], b[0]]
        return []

    def agents(self, verb: Token) -> list[str]:
        """Parties in the passive agent phrase ("was received by X")."""
        return [k for c in verb.children if c.dep_ == "agent"
                for g in c.children if g.dep_ == "pobj" for k in self.expand(g)]

    def subjects(self, verb: Token, depth: int = 0, agent: bool = True) -> list[str]:
        """Subject parties of ``verb`` (and its passive agent), inherited through xcomp,
        conj and purpose clauses."""
        out: list[str] = self.agents(verb) if agent else []
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                out += self.expand(c)
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        if not has_subject:
            # The small parser hangs a fronted subject on a preceding participle clause
            # ("X, working to ..., held talks"): take it from there.
            for c in verb.children:
                if c.dep_ == "advcl" and c.i < verb.i:
                    for g in c.children:
                        if g.dep_ == "nsubj" and g.i < c.i:
                            out += self.expand(g)
                            has_subject = True
        if not has_subject and depth < 3:
            if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp"):
                out += self.subjects(verb.head, depth + 1)
            elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                out += self.subjects(verb.head.head, depth + 1)  # "before visiting X"
        return out

    def prep_objects(self, tok: Token, preps: tuple[str, ...]) -> list[str]:
        """Parties in ``tok``'s prepositional phrases headed by one of ``preps``."""
        out: list[str] = []
        for c in tok.children:
            if c.dep_ in ("prep", "prt") and c.lower_ in preps:
                for g in c.children:
                    if g.dep_ == "pobj":
                        out += self.expand(g)
                    elif g.dep_ == "prep" and g.lower_ == c.lower_:
                        out += self.prep_objects(c, preps)  # "talks with with X" (a typo)
        return out

    def prep_object_tokens(self, tok: Token, preps: tuple[str, ...]) -> list[Token]:
        """The objects of ``tok``'s prepositions in ``preps``, with their conjuncts."""
        return [t for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ in preps
                for g in c.children if g.dep_ == "pobj" for t in (g, *g.conjuncts)]


def _modifies_title(tok: Token) -> bool:
    """Whether ``tok`` is a modifier inside a title ("Treasury" in "Treasury Secretary")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("compound", "conj", "nmod") or cur.head is cur:
            return False
        cur = cur.head
        if cur.ent_type_ != "PERSON" and cur.lower_ in _TITLE_HEADS:
            return True
    return False
