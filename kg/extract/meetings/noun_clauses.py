"""Who a clause on a meeting noun names as its parties: "a meeting hosted by X", "the talks X
held with Y", "X, speaking after talks with Y", "those attending were X and Y", and the
organisation named before a meeting noun.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.index import EntityIndex
from kg.extract.meeting_words import HELD, SAY
from kg.extract.meetings.party_view import PartiesOf
from kg.extract.meetings.trigger_syntax import inside_party
from kg.model import EntityType

__all__ = ["clause_parties", "copular_subject", "org_before"]


def org_before(index: EntityIndex, n: Token, agents: list[str]) -> list[str]:
    """The last organisation named earlier in ``n``'s sentence, other than the agents
    and their own ("Acme chairman X will go to the meeting": not Acme)."""
    before = n.doc[n.sent.start : n.i]
    own = {k for t in before if inside_party(t, agents, index) for k in index.keys_of(t)}
    for t in reversed(before):
        h = t
        while h.dep_ in ("compound", "det", "amod", "nmod") and h.head.i != h.i:
            h = h.head  # the head of the name's phrase
        if h.dep_ in ("dobj", "dative") and h.head.lemma_.casefold() in SAY:
            continue  # "X told Reuters that Y will attend the meeting": the press
        keys = [k for k in index.keys_of(t) if k not in agents and k not in own
                and getattr(index.get(k), "type", None) is EntityType.ORGANIZATION]
        if keys:
            return keys[:1]
    return []


_HOSTED = frozenset({"host", "chair", "attend", "convene", "organise", "organize"})
#: Participles on a meeting noun whose object names its parties ("the talks, involving A and B").
_INVOLVE = frozenset({"involve"})
#: Verbs of a relative clause whose subject took part in the meeting the clause is on.
_HELD_BY = frozenset({"hold", "have", "conduct", "attend", "host", "chair", "open", "begin",
                      "start", "resume", "convene"})


def clause_parties(parties: PartiesOf, noun: Token) -> tuple[list[str], list[str]]:
    """Who a clause on a meeting noun says held it, and with whom: "a meeting hosted (chaired,
    convened, organised, attended) by X", "the talks (that) X held with Y" give ([X], []) and
    ([X], [Y]); "the talks scheduled in Rome between X and Y" ([X, Y], []), where the parser
    hung the noun's phrase on the participle."""
    agents: list[str] = []
    with_: list[str] = []
    host = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun
    stray = [c for c in host.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i > noun.i
             and c.lemma_.casefold() in _HOSTED
             and any(g.dep_ == "agent" for g in c.children)] if host is not noun else []
    for c in [*noun.children, *stray]:
        lemma = c.lemma_.casefold()
        if c.dep_ == "acl" and lemma in _HOSTED or c in stray:
            # "at a meeting ..., also attended by Y" hung on the verb: the meeting's
            agents += parties.subjects(c)
        elif c.dep_ == "acl" and lemma in _INVOLVE and c.tag_ == "VBG":
            # "the meeting, involving A, B and C, ...": its parties.
            agents += [k for g in c.children if g.dep_ == "dobj" for k in parties.expand(g)]
        elif c.dep_ == "acl" and lemma in HELD and c.tag_ == "VBN":
            for g in c.children:  # also read as a passive agent: "planned for May between"
                if g.dep_ in ("prep", "agent") and g.lower_ in ("between", "with"):
                    (agents if g.lower_ == "between" else with_).extend(
                        k for o in g.children if o.dep_ == "pobj" for k in parties.expand(o))
        elif c.dep_ == "relcl" and lemma in _HELD_BY and not any(
                g.dep_ == "dobj" and g.tag_ not in ("WDT", "WP") for g in c.children):
            # The noun is the clause's object ("that X held", "X had"), not its subject.
            agents += [k for g in c.children if g.dep_ == "nsubj" and g.tag_ not in ("WDT", "WP")
                       for k in parties.subjects(c)]
            # a passive clause on the meeting ("the session, to be attended by A and B"): its agents
            agents += parties.agents(c) if lemma in _HOSTED else []
            with_ += parties.prep_objects(c, ("with",))
    return agents, with_


def copular_subject(parties: PartiesOf, verb: Token) -> list[str]:
    """Who the subject of a participle on a noun is: the named noun itself ("X, speaking
    after talks with Y, said"), or whom a copula names for "those attending" ("One of the
    people attending the talks was X", "Among those attending were X and Y")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i:
        if verb.head.pos_ == "PROPN":
            return parties.expand(verb.head)
        # "the head of the union, X, meeting with Y": the name apposed to the title
        named = [k for c in verb.head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                 and c.i < verb.i for k in parties.expand(c)]
        if named:
            return named
    if verb.dep_ != "acl" or verb.head.lower_ not in ("those", "people"):
        return []
    cur = verb.head
    for _ in range(4):
        if cur.lemma_.casefold() == "be":
            return [k for c in cur.children if c.dep_ in ("attr", "nsubj")
                    and c.i > verb.i for k in parties.expand(c)]
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return []
