"""Meeting candidates: every pair of named parties in a sentence that the parse links to a
meeting word, with the general features the meeting scorer (:mod:`kg.extract.meeting_scorer`)
weighs.

A party's *role* is read off the dependency path from the meeting word to the party: the steps
up from the word to the lowest common head (``dobj`` when "talks" is the object of "held"),
then the first step down, prepositions folded in ("prep_with"); conjunctions and appositions
are looked through and flagged.

>>> trigger_class("meet", "VERB"), trigger_class("summit", "NOUN"), trigger_class("eat", "VERB")
('v_meet', 'n_meeting', None)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.index import EntityIndex
from kg.extract.meeting_words import LIGHT_VERBS, SAY, SETTING, TALK_MEDIA
from kg.extract.parties import Parties
from kg.extract.status import (
    HYPOTHETICAL_HEADS,
    clause_status,
    is_habitual,
    is_hypothetical,
    noun_status,
)
from kg.extract.trigger_syntax import chain, governor, looked_through, proposed, verb_lemma
from kg.model import EntityType, MeetingStatus

__all__ = ["Candidate", "VERB_CLASSES", "NOUN_CLASSES", "trigger_class", "candidates",
           "role_of", "Role", "linked", "excluded"]

#: Trigger verbs by class: the scorer weighs the class, not the word.
VERB_CLASSES: dict[str, str] = {
    **dict.fromkeys(("meet", "confer", "huddle", "encounter", "reunite"), "v_meet"),
    **dict.fromkeys(("talk", "negotiate", "discuss", "consult", "parley"), "v_talk"),
    **dict.fromkeys(("host", "receive", "welcome", "greet", "entertain", "see"), "v_host"),
    **dict.fromkeys(("visit", "call"), "v_visit"),
    # Not "join": one joins a person in doing something, not in meeting.
    **dict.fromkeys(("attend", "chair", "boycott", "skip", "convene"), "v_attend"),
}
#: Trigger nouns by class.
NOUN_CLASSES: dict[str, str] = {
    **dict.fromkeys(("meeting", "summit", "conference", "session", "gathering", "encounter",
                     "audience", "forum", "get-together", "tete-a-tete"), "n_meeting"),
    **dict.fromkeys(("talk", "negotiation", "consultation", "discussion", "dialogue",
                     "parley", "deliberation"), "n_talks"),
    **dict.fromkeys(("visit", "reception", "dinner", "lunch", "luncheon", "breakfast",
                     "banquet", "call"), "n_visit"),
}
#: Words that make a sentence's "meeting" something else: a call, a letter, a proposal.
CUES: dict[str, str] = {
    **dict.fromkeys(("phone", "telephone", "telephoned", "phoned", "videoconference",
                     "video"), "cue_phone"),
    **dict.fromkeys(("letter", "message", "wrote", "cable"), "cue_letter"),
    **dict.fromkeys(("invitation", "invite", "invited", "invites", "inviting"), "cue_invite"),
    **dict.fromkeys(("proposal", "propose", "proposed", "proposes", "suggest", "suggested",
                     "offer", "offered", "urge", "urged", "want", "wants", "hope", "hopes",
                     "call", "called", "calls", "seek", "seeks", "sought"), "cue_propose"),
    **dict.fromkeys(("if", "unless", "whether"), "cue_if"),
    **dict.fromkeys(("would", "could", "might", "may", "should"), "cue_modal"),
    **dict.fromkeys(("said", "says", "told", "say", "according"), "cue_said"),
    **dict.fromkeys(("press", "news", "interview", "speech", "statement"), "cue_press"),
}
_MAX_PATH = 5
#: Steps along a list: not counted in a path's length.
_LIST_DEPS = frozenset({"conj", "appos", "cc"})
#: Verbs of talking at a distance: a meeting word below them is what was talked about.
_REMOTE = frozenset({"telephone", "phone", "call", "write", "cable", "email", "fax", "ring"})
#: How a meeting noun may hang from the verb its parties hang from: its object ("X held
#: talks"), its subject ("talks brought together X and Y"), or a place in it ("at the summit").
_NOUN_UP = frozenset({(), ("dobj",), ("nsubj",), ("nsubjpass",), ("pobj", "prep"), ("attr",)})
_RECIPROCAL = frozenset({"v_meet", "v_talk"})
_COMPANION = frozenset({"with", "between", "among", "along"})
_ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent", "compound", "nmod",
                        "amod", "pobj", "attr", "appos", "iobj", "dative", "npadvmod"})
_TYPE_CODES = {EntityType.PERSON: "PER", EntityType.ORGANIZATION: "ORG",
               EntityType.COUNTRY: "CTY", EntityType.GROUP: "GRP"}


def trigger_class(lemma: str, pos: str) -> str | None:
    """The class of a meeting word, or None when it is none."""
    if pos in ("VERB", "AUX"):
        return VERB_CLASSES.get(lemma)
    if pos in ("NOUN", "PROPN"):
        return NOUN_CLASSES.get(lemma)
    return None


@dataclass(frozen=True)
class Candidate:
    """Two named parties linked to one meeting word of a sentence, and their features."""

    parties: tuple[str, ...]  # two; more for a joint session (kg.extract.sessions)
    trigger: int  # token index of the meeting word
    tokens: tuple[int, ...]  # the token of each party's mention (none for a session)
    status: MeetingStatus
    features: dict[str, float]


_SIDES = {"nsubj": "subj", "nsubjpass": "obj", "dobj": "obj", "agent": "agent", "poss": "poss",
          "prep_with": "with", "prep_along": "with", "prep_between": "between",
          "prep_among": "between", "prep_of": "of", "prep_by": "agent", "prep_for": "for",
          "prep_on": "on", "compound": "mod", "nmod": "mod", "amod": "mod"}
#: Dependencies that cross a clause or a list on the way from the trigger to the party.
_PATH_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "xcomp", "conj", "appos",
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


def role_of(trigger: Token, party: Token) -> Role | None:
    """The party's role relative to the trigger, or None when they are too far apart."""
    up: list[Token] = []
    cur = trigger
    anc = {party.i: 0}
    for k, a in enumerate(party.ancestors, 1):
        anc[a.i] = k
    while cur.i not in anc:
        up.append(cur)
        if cur.head is cur or len(_noun_up(up)) > _MAX_PATH:
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
    if len(_noun_up(up)) + sum(1 for d in down if d.dep_ not in _LIST_DEPS) > _MAX_PATH:
        return None
    if trigger.pos_ in ("NOUN", "PROPN") and _noun_up(up) not in _NOUN_UP:
        return None  # "brief X on Y's visit": the noun's event is not the verb's
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
        first = "prep_" + companion[0].lower_
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
                tuple(u.dep_ for u in up), tuple(d.dep_ for d in down), speaker)


def _rank(r: Role) -> tuple[bool, int]:
    """Which of a party's mentions speaks for it: one in a meeting role, then the closest
    ("his stay" is no role in "during his stay, X conferred with him")."""
    return (r.side == "other" or r.speaker, r.length)


def _noun_up(up: list[Token]) -> tuple[str, ...]:
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
    if a.speaker or b.speaker or "other" in (a.side, b.side):
        return False
    if a.side == b.side:
        if a.side in ("between", "mod") or (a.side == "of" and coordinated):
            return True
        return coordinated and reciprocal and a.side == "subj" and a.up == b.up == ()
    return True


def _mentions(sent: Span, p: Parties) -> dict[str, list[Token]]:
    """The tokens of ``sent`` that name each eligible party (the head of each mention)."""
    out: dict[str, list[Token]] = {}
    for tok in sent:
        # Depth 3: the token's own parties, with the rules' readings of "other U.S.
        # officials" and of a title's modifiers ("Finance" in "Finance Minister X").
        for k in p.of_token(tok, 3):
            toks = out.setdefault(k, [])
            if tok.head in toks:
                continue  # a word inside a mention already seen ("Kim" of "Kim Dae-jung")
            toks[:] = [t for t in toks if t.head.i != tok.i] + [tok]
    return out


def _cues(sent: Span) -> set[str]:
    return {CUES[t.lower_] for t in sent if t.lower_ in CUES}


def _status(tok: Token) -> MeetingStatus:
    if tok.pos_ in ("VERB", "AUX"):
        return clause_status(tok)
    return noun_status(tok, governor(tok)[0], None)


def _features(trig: Token, cls: str, a: Role, b: Role, ta: Token, tb: Token, types: str,
              cues: set[str], status: MeetingStatus, sent: Span,
              p: Parties) -> dict[str, float]:
    ra, rb = sorted((a.label, b.label))
    sides = "-".join(sorted((a.side, b.side)))
    kind = cls[0]
    f: dict[str, float] = {"bias": 1.0, f"cls:{cls}": 1.0, f"role:{ra}": 1.0,
                           f"role:{rb}": 1.0, f"types:{types}": 1.0,
                           f"status:{status.value}": 1.0, f"sides:{sides}": 1.0,
                           f"sides:{kind}:{sides}": 1.0}
    for d in set(a.up + a.down + b.up + b.down) & _PATH_DEPS:
        f[f"path:{d}"] = 1.0
    f["same_side"] = float(a.side == b.side)
    f["coord"] = float(_listed(ta, tb))
    f["through"] = float(a.through or b.through)
    f["path"] = math.log1p(a.length + b.length)
    f["gap"] = math.log1p(abs(ta.i - tb.i))
    f["pronoun"] = float(ta.pos_ == "PRON" or tb.pos_ == "PRON")
    gov = None if kind == "v" else governor(trig)[0]
    clause = trig if gov is None else gov
    f["hypothetical"] = float(clause.pos_ in ("VERB", "AUX") and is_hypothetical(clause))
    f["proposed"] = float(gov is not None and proposed(trig, gov))
    f["habitual"] = float(is_habitual(trig))
    if gov is not None:
        glemma = gov.lemma_.casefold()
        f["gov_light"] = float(glemma in LIGHT_VERBS)
        f["gov_say"] = float(glemma in SAY)
    f["said_clause"] = float(clause.dep_ == "ccomp" and clause.head.lemma_.casefold() in SAY)
    f["unnamed_other"] = float(_unnamed_other(trig, gov, p))
    f["of_org"] = float(any(c.dep_ == "prep" and c.lower_ == "of" for c in trig.children))
    f["root_trigger"] = float(clause.dep_ == "ROOT")
    f["sent_len"] = math.log1p(len(sent))
    for c in cues:
        f[c] = 1.0
    return f


def _unnamed_other(trig: Token, gov: Token | None, p: Parties) -> bool:
    """Whether the meeting's other side is a phrase that names no party ("talks with the
    banks", "met bankers")."""
    for head in (trig, gov):
        if head is None:
            continue
        for c in head.children:
            objs = [c] if c.dep_ == "dobj" and head is trig else \
                [g for g in c.children if g.dep_ == "pobj"] \
                if c.dep_ == "prep" and c.lower_ in ("with", "between") else []
            for o in objs:
                if o.pos_ in ("NOUN", "PROPN") and not p.expand(o):
                    return True
    return False


def _governed_hypothetical(noun: Token) -> bool:
    gov = governor(noun)[0]
    return gov is not None and is_hypothetical(gov)


def candidates(sent: Span, p: Parties, index: EntityIndex) -> list[Candidate]:
    """Every pair of named parties of ``sent`` that one meeting word links (the closest
    word per pair), with its features."""
    triggers = [(t, cls) for t in sent
                if (cls := trigger_class(t.lemma_.casefold(), t.pos_)) is not None
                and not (t.lemma_.casefold() == "talk" and t.pos_ == "NOUN" and t.tag_ != "NNS")]
    if not triggers:
        return []  # most sentences: nothing more to read
    mentions = _mentions(sent, p)
    if len(mentions) < 2:
        return []
    cues: set[str] | None = None
    best: dict[tuple[str, str], tuple[int, Candidate]] = {}
    for trig, cls in triggers:
        if excluded(trig):
            continue
        roles: dict[str, Role] = {}
        heads: dict[str, Token] = {}
        for k, toks in mentions.items():
            for t in toks:
                r = role_of(trig, t) if t.i != trig.i else None
                if r is not None and (k not in roles or _rank(r) < _rank(roles[k])):
                    roles[k], heads[k] = r, t
        if len(roles) < 2:
            continue
        if cues is None:
            cues = _cues(sent)
        status = _status(trig)
        gov = None if trig.pos_ in ("VERB", "AUX") else governor(trig)[0]
        unnamed = _unnamed_other(trig, gov, p)
        keys = sorted(roles)
        for i, ka in enumerate(keys):
            for kb in keys[i + 1:]:
                ta, tb = heads[ka], heads[kb]
                if ta.i == tb.i or not linked(roles[ka], roles[kb], _listed(ta, tb),
                                                 cls in _RECIPROCAL):
                    continue
                if unnamed and roles[ka].side == roles[kb].side:
                    continue  # "X and Y met bankers": one side, the other is unnamed
                length = roles[ka].length + roles[kb].length
                if (ka, kb) in best and best[(ka, kb)][0] <= length:
                    continue
                types = "-".join(sorted(_type(index, k) for k in (ka, kb)))
                f = _features(trig, cls, roles[ka], roles[kb], ta, tb, types, cues, status,
                              sent, p)
                best[(ka, kb)] = (length, Candidate((ka, kb), trig.i, (ta.i, tb.i), status, f))
    return [c for _, c in best.values()]


def _listed(a: Token, b: Token) -> bool:
    """Whether two mentions are in one list: conjuncts, or apposed or nested names the
    parser made of a list."""
    return a in b.conjuncts or any(x.head.i == y.i and x.dep_ in ("appos", "nmod")
                                   for x, y in ((a, b), (b, a)))


def excluded(trig: Token) -> bool:
    """What the rules never read as a meeting, whatever the parties: a conditional, wished
    or proposed meeting, a habitual one, and calls or letters ("phone talks")."""
    if is_habitual(trig) or any(g.lower_ in TALK_MEDIA for c in trig.children
                                for g in c.subtree):
        return True
    if any(trig.doc[i].lemma_.casefold() in _REMOTE for i in chain(trig)):
        return True  # "telephoned X to discuss the talks": a call, not a meeting
    if trig.pos_ in ("VERB", "AUX"):
        return is_hypothetical(trig)
    gov, via = governor(trig)
    if gov is not None and verb_lemma(gov) in HYPOTHETICAL_HEADS and via not in SETTING:
        return True  # "will seek further talks", "called for a summit"
    # A wish about what is done at a meeting ("hopes to win support at talks with X") does not
    # make the meeting itself a wish; only a condition does.
    return gov is not None and (is_hypothetical(gov, wishes=via not in SETTING)
                                or proposed(trig, gov))


def _type(index: EntityIndex, key: str) -> str:
    e = index.get(key)
    return _TYPE_CODES.get(e.type, "OTH") if e is not None else "OTH"
