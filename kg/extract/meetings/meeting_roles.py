"""Roles of named parties around a meeting word: how each hangs from the word in the
dependency parse (the steps up to the lowest common head, then the first step down,
prepositions folded in) and whether two roles can be the two sides of one meeting.

>>> r = Role("|nsubj", "subj", 1, False, (), ("nsubj",), False)
>>> linked(r, Role("|prep_with", "with", 2, False, (), ("prep", "pobj"), False), False)
True
>>> linked(r, r, coordinated=False), gate(r, r, False, True)
(False, 'same_side')
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.meeting_words import BEFORE_AFTER
from kg.extract.meetings.trigger_syntax import looked_through

__all__ = ["Role", "role_of", "rank", "noun_up", "linked", "gate", "NOUN_UP", "PATH_DEPS",
           "GATES"]

_MAX_PATH = 5
#: Steps along a list: not counted in a path's length.
_LIST_DEPS = frozenset({"conj", "appos", "cc"})
#: How a meeting noun may hang from the verb its parties hang from: its object ("X held
#: talks"), its subject ("talks brought together X and Y"), or a place in it ("at the summit").
NOUN_UP = frozenset({(), ("dobj",), ("nsubj",), ("nsubjpass",), ("pobj", "prep"), ("attr",)})
#: Prepositions of a topic: a meeting noun after them is what is told, not a setting.
_TOPIC = frozenset({"on", "about", "over", "concerning", "regarding"})
_COMPANION = frozenset({"with", "between", "among", "along"})
_ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent", "compound", "nmod",
                        "amod", "pobj", "attr", "appos", "iobj", "dative", "npadvmod"})
#: "along with Y" puts Y beside the subject ("X, along with Y, attended the summit").
_SIDES = {"nsubj": "subj", "nsubjpass": "obj", "dobj": "obj", "agent": "agent", "poss": "poss",
          "prep_with": "with", "prep_along": "subj", "prep_between": "between",
          "prep_among": "between", "prep_of": "of", "prep_by": "agent", "prep_for": "for",
          "prep_on": "on", "compound": "mod", "nmod": "mod", "amod": "mod"}
#: Dependencies that cross a clause or a list on the way from the trigger to the party.
PATH_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "xcomp", "conj", "appos",
                        "pcomp", "npadvmod", "dobj", "pobj", "prep", "nsubj", "attr"})


@dataclass(frozen=True)
class Role:
    """How a party hangs from a trigger: the label ("dobj|nsubj": the trigger is the object of
    a verb whose subject is the party), its side, the path length and the dependencies
    crossed."""

    label: str
    side: str
    length: int
    through: bool
    up: tuple[str, ...]
    down: tuple[str, ...]
    speaker: bool  # the reporter of the meeting, or a party of another clause
    elsewhere: bool = False  # a meeting noun hanging from a verb that is not its event


def role_of(trigger: Token, party: Token) -> Role | None:
    """The party's role relative to the trigger, or None when they are too far apart."""
    up: list[Token] = []
    cur = trigger
    anc = {party.i: 0}
    for k, a in enumerate(party.ancestors, 1):
        anc[a.i] = k
    while cur.i not in anc:
        up.append(cur)
        if cur.head.i == cur.i or len(noun_up(up)) > _MAX_PATH:
            return None
        cur = cur.head
    lca, down_len = cur, anc[cur.i]
    if not up and not down_len:
        return None
    down: list[Token] = []
    t = party
    while t.i != lca.i:
        down.append(t)
        t = t.head
    down.reverse()
    # The members of a list are as close as its first: "met A, B, C and D" reaches D.
    if len(noun_up(up)) + sum(1 for d in down if d.dep_ not in _LIST_DEPS) > _MAX_PATH:
        return None
    # "brief X on Y's visit": the noun's event is not the verb's (often; the parser also
    # hangs "X said talks with Y had helped" this way, so it is a gate the scorer may pass).
    steps = noun_up(up)
    elsewhere = trigger.pos_ in ("NOUN", "PROPN") and (
        steps not in NOUN_UP or (steps == ("pobj", "prep") and up[-1].lower_ in _TOPIC))
    through = False
    first = ""
    for d in down:
        if d.dep_ in ("conj", "appos", "cc") or (d.dep_ == "nmod" and d.pos_ == "PROPN"
                                                  and d.head.pos_ == "PROPN"):
            through = True  # a list, also one the parser read as a name ("A and B C")
            continue
        if d.dep_ == "prep":
            first = "prep_" + d.lower_
            break
        if d.dep_ in _ROLE_DEPS:
            first = d.dep_
            break
        first = first or d.dep_
    # "conferred at length with X": the companion preposition decides, wherever it is.
    companion = [d for d in down if d.dep_ == "prep" and d.lower_ in _COMPANION]
    if companion:
        # "along with Y" (the parser hangs "with" on "along"): Y is beside the subject.
        along = companion[0].head.lower_ == "along"
        first = "prep_along" if along else "prep_" + companion[0].lower_
    if not down:
        first = "self"
        if up and up[-1].dep_ == "relcl":
            # "X, who met Y": X is what the relative pronoun is in its clause.
            rel = [c for c in up[-1].children if c.tag_ in ("WP", "WDT", "WP$")]
            first = rel[0].dep_ if rel else first
    up_label = up[0].dep_ if up else ""
    if up and up[0].dep_ == "pobj" and up[0].head.dep_ == "prep":
        up_label = "in_" + up[0].head.lower_  # "at the summit", "during talks"
    side = _SIDES.get(first, "other")
    if first == "nsubjpass" and up and up[-1].dep_ == "xcomp":
        side = "subj"  # "X is expected to attend": X is the one who attends
    if up_label.startswith("in_") and first == "nsubj":
        side = "present"  # "X said at the meeting", "X arrived for talks"
    # "X said (that) Y would meet Z", "X noted Y is to meet Z": X only reports it.
    speaker = first == "nsubj" and any(u.dep_ in ("ccomp", "parataxis") for u in up)
    # A party inside another clause below the meeting word ("talks ..., forming X"), other
    # than a participle on the meeting noun itself ("talks held by X").
    speaker = speaker or any(d.pos_ in ("VERB", "AUX") and not (d.dep_ == "acl"
                                                                and d.head.i == trigger.i)
                             for d in down[:-1])
    # A clause with a subject of its own on the way up ("Y left after Z started talks"):
    # the party belongs to another event.
    speaker = speaker or any(u.pos_ in ("VERB", "AUX") and u.dep_ not in ("relcl", "acl")
                             and any(c.dep_ in ("nsubj", "nsubjpass") for c in u.children)
                             for u in up)
    return Role(f"{up_label}|{first}", side, len(up) + down_len, through,
                tuple(u.dep_ for u in up), tuple(d.dep_ for d in down), speaker, elsewhere)


def rank(r: Role) -> tuple[bool, int]:
    """Which of a party's mentions speaks for it: one in a meeting role, then the closest
    ("his stay" is no role in "during his stay, X conferred with him")."""
    return (r.side == "other" or r.speaker or r.elsewhere, r.length)


def noun_up(up: list[Token]) -> tuple[str, ...]:
    """The steps up from a meeting noun, measure and part nouns looked through ("two days of
    talks", "at the end of the meeting")."""
    out: list[str] = []
    skip = False
    for u in up:
        if skip:
            skip = False  # the "of"
            continue
        if u.dep_ == "pobj" and looked_through(u.head):
            skip = True
            continue
        out.append(u.dep_)
    return tuple(out)


def linked(a: Role, b: Role, coordinated: bool, reciprocal: bool = True) -> bool:
    """Whether two roles can be the two sides of one meeting: a subject and an object or
    companion ("X met Y", "X's talks with Y"), the two objects of "between", parties of one
    meeting noun ("a meeting of X and Y", "the X-Y summit"), or the coordinated subjects of a
    reciprocal word ("X and Y met"); never the reporter, never co-attendees or co-travellers
    ("X and Y attended the summit", "X and Y will visit Japan")."""
    if a.speaker or b.speaker or a.elsewhere or b.elsewhere or "other" in (a.side, b.side):
        return False
    if _timed(a) and _timed(b):
        return False  # "X will succeed Y after the meeting": the meeting only dates the verb
    if a.side == b.side:
        if a.side in ("between", "mod") or (a.side == "of" and coordinated):
            return True
        return coordinated and reciprocal and a.side == "subj" and a.up == b.up == ()
    return True





def _timed(r: Role) -> bool:
    """Whether the party hangs from a verb the meeting noun only dates ("after the meeting")."""
    return r.label.split("|")[0] in {"in_" + w for w in BEFORE_AFTER}


#: The structural gates :func:`gate` names, which a fitted model may let its scorer weigh.
GATES = ("elsewhere", "speaker", "other", "same_side")


def gate(a: Role, b: Role, coordinated: bool, reciprocal: bool) -> str | None:
    """The first structural gate two roles fail (one of :data:`GATES`), None when they are
    the two sides of one meeting."""
    if a.elsewhere or b.elsewhere or (_timed(a) and _timed(b)):
        return "elsewhere"
    if a.speaker or b.speaker:
        return "speaker"
    if "other" in (a.side, b.side):
        return "other"
    return None if linked(a, b, coordinated, reciprocal) else "same_side"
