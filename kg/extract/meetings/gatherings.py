"""A meeting of an unnamed group ("coffee producers"), its host, and how those told as coming pair.

Wire copy reports a meeting of producers, exporting countries or negotiators that no named body
holds ("Peru will host a meeting of tin producers in May", "exporting countries will meet in
Lima") and says in other sentences who comes ("Chile is expected to attend the meeting", "tin
producers include A, B and C", "the countries which confirmed their presence were A and B").
The guide writes such a meeting star-wise around its host, or as one joint line of up to four
parties (a larger one paired with the first named). kg.extract.meetings.sessions reads the
sentences; this module says which meeting is one and how its parties pair.

>>> gathered_pairs(["country:peru"], [("country:chile", None)], None)
[(('country:peru', 'country:chile'), None)]
>>> gathered_pairs([], [("a", None), ("b", None)], None)
[(('a', 'b'), None)]
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.index import EntityIndex
from kg.extract.meeting_words import SAY
from kg.extract.meetings.parties import Parties
from kg.extract.meetings.presence import Told
from kg.extract.meetings.status import is_hypothetical
from kg.extract.meetings.trigger_syntax import governor
from kg.model import EntityType, MeetingStatus

__all__ = ["GROUP_NOUNS", "gathered_pairs", "group_session", "told_whom"]

#: Plural nouns of an unnamed group that meets ("a meeting of coffee producers", "exporting
#: countries will meet"); "officials" or "bankers" meet too, but no story lists them by name.
GROUP_NOUNS = frozenset({"producer", "exporter", "importer", "consumer", "country", "nation",
                         "state", "negotiator", "government"})
#: The largest joint meeting the guide writes as one line; a larger one pairs with the first.
_JOINT = 4
#: The parties of one meeting, and the status its own clause gives (None: the meeting's).
_Pair = tuple[tuple[str, ...], MeetingStatus | None]


def group_session(trig: Token, p: Parties, index: EntityIndex,
                  verbs: frozenset[str]) -> tuple[list[str], frozenset[str]] | None:
    """Who hosts the meeting of an unnamed group that ``trig`` names, and the group's noun, if
    it is what the sentence reports ("X will host a meeting of exporting countries",
    "producers will meet" with ``verbs`` the verbs of a session; not "officials met", not "a
    meeting of OPEC ministers": a body's session). The caller checks that a noun is a
    session's."""
    if trig.pos_ == "VERB" and trig.lemma_.casefold() in verbs:
        if any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("with", "between")
               for c in trig.children):
            return None  # "met X", "met with X": the rules' meeting
        groups = [c for c in trig.children if c.dep_ == "nsubj"]
    elif trig.pos_ == "NOUN":
        groups = [g for c in trig.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
    else:
        return None
    if len(groups) != 1 or groups[0].lemma_.casefold() not in GROUP_NOUNS \
            or groups[0].tag_ != "NNS" or not _reported(trig) \
            or any(k for t in groups[0].subtree if not told_whom(t) for k in index.keys_of(t)
                   if (e := index.get(k)) is not None and e.type is not EntityType.GROUP):
        return None
    hosts = p.subjects(trig.head) if trig.dep_ == "dobj" \
        and trig.head.lemma_.casefold() == "host" else []
    return list(dict.fromkeys(hosts)), frozenset({groups[0].lemma_.casefold()})


def told_whom(tok: Token) -> bool:
    """Whether a name the parser hung on a reported subject is whom it was told ("traders told
    Reuters coffee producers will meet")."""
    return tok.i > 0 and tok.dep_ == "compound" and tok.i == tok.head.left_edge.i \
        and tok.doc[tok.i - 1].lemma_.casefold() == "tell"


def _reported(trig: Token) -> bool:
    """Whether a meeting is what its sentence reports, also as a reported clause ("traders
    told Reuters producers will meet")."""
    top = trig if trig.pos_ == "VERB" else governor(trig)[0] or trig
    while top.dep_ == "conj":
        top = top.head
    if top.dep_ == "ccomp" and top.head.lemma_.casefold() in SAY | {"tell"}:
        top = top.head
    return top.dep_ == "ROOT" and not is_hypothetical(top) and not is_hypothetical(trig)


def gathered_pairs(hosts: list[str], told: list[Told], host_status: MeetingStatus | None,
                   same: Callable[[str, str], bool] = lambda a, b: a == b) -> list[_Pair]:
    """The meetings of a group's meeting: with one host, the host with each party told as
    coming (dated by the host's clause, ``host_status``) or as not coming (negated); else
    one joint meeting of those coming, more than four paired with the first named. ``same``
    says whether two keys are one party written twice."""
    came: list[str] = []
    for k, st in told:
        if st is not MeetingStatus.NEGATED and not any(same(k, h) for h in hosts + came):
            came.append(k)
    out: list[_Pair] = []
    if len(hosts) == 1:
        out += [((hosts[0], k), host_status) for k in came]
        out += [((hosts[0], k), st) for k, st in told
                if st is MeetingStatus.NEGATED and not same(k, hosts[0])]
        return out
    if len(came) > _JOINT:
        status = dict(told)
        out += [((came[0], k), status.get(k)) for k in came[1:] if not same(k, came[0])]
        return out
    return [(tuple(came), None)] if len(came) > 1 else []
