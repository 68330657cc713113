"""Meeting candidates: every pair of named parties in a sentence that the parse links to a
meeting word, with the general features the meeting scorer
(:mod:`kg.extract.meetings.meeting_scorer`) weighs.

A party's *role* (:mod:`kg.extract.meetings.meeting_roles`) is read off the dependency path from the
meeting word to the party. Pairs whose roles fail a structural gate (a reporter, a noun hanging
from another verb, two parties on one side, an unnamed other side, a meeting word the rules
exclude) are left out unless the model names the gate in its ``loose`` list: then the gate is
one more feature the scorer weighs.

>>> trigger_class("meet", "VERB"), trigger_class("summit", "NOUN"), trigger_class("eat", "VERB")
('v_meet', 'n_meeting', None)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.index import EntityIndex
from kg.extract.journeys import TRIP_NOUNS, visits_places
from kg.extract.meeting_words import LIGHT_VERBS, PRESUPPOSED, SAY, TALK_MEDIA, TOPIC
from kg.extract.meetings.habitual import is_habitual
from kg.extract.meetings.meeting_roles import PATH_DEPS, Role, gate, rank, role_of
from kg.extract.meetings.parties import Parties
from kg.extract.meetings.status import clause_status, is_hypothetical, noun_status
from kg.extract.meetings.status_words import HYPOTHETICAL_HEADS
from kg.extract.meetings.trigger_syntax import chain, governor, proposed, verb_lemma
from kg.model import EntityType, MeetingStatus

__all__ = ["Candidate", "VERB_CLASSES", "NOUN_CLASSES", "TRIGGER_GATES", "trigger_class",
           "candidates", "excluded", "by_medium"]

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
#: Verbs of talking at a distance: a meeting word below them is what was talked about.
_REMOTE = frozenset({"telephone", "phone", "call", "write", "cable", "email", "fax", "ring"})
_RECIPROCAL = frozenset({"v_meet", "v_talk"})
#: Gates of the generator itself, beside the roles' (``meeting_roles.GATES``): a meeting word
#: the rules exclude (:func:`excluded`), and one side of parties facing an unnamed other.
TRIGGER_GATES = ("excluded", "unnamed")
_TYPE_CODES = {EntityType.PERSON: "PER", EntityType.ORGANIZATION: "ORG",
               EntityType.COUNTRY: "CTY", EntityType.GROUP: "GRP"}


def trigger_class(lemma: str, pos: str) -> str | None:
    """The class of a meeting word, or None when it is none."""
    if pos in ("VERB", "AUX"):
        return VERB_CLASSES.get(lemma)
    if pos == "NOUN" or pos == "PROPN" and NOUN_CLASSES.get(lemma) != "n_visit":
        return NOUN_CLASSES.get(lemma)  # a capitalised "Breakfast with X" is a programme
    return None


@dataclass(frozen=True)
class Candidate:
    """Two named parties linked to one meeting word of a sentence, and their features."""

    parties: tuple[str, ...]  # two; more for a joint session (kg.extract.meetings.sessions)
    trigger: int  # token index of the meeting word
    tokens: tuple[int, ...]  # the token of each party's mention (none for a session)
    status: MeetingStatus
    features: dict[str, float]


def _mentions(sent: Span, p: Parties) -> dict[str, list[Token]]:
    """The tokens of ``sent`` that name each eligible party (the head of each mention)."""
    out: dict[str, list[Token]] = {}
    for tok in sent:
        if tok.lower_.endswith(("self", "selves")):
            continue  # "talked himself into a corner": the subject again, no counterpart
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
    return noun_status(tok, *governor(tok), None)


def _features(trig: Token, cls: str, a: Role, b: Role, ta: Token, tb: Token, types: str,
              cues: set[str], status: MeetingStatus, sent: Span,
              p: Parties) -> dict[str, float]:
    ra, rb = sorted((a.label, b.label))
    sides = "-".join(sorted((a.side, b.side)))
    kind = cls[0]
    f: dict[str, float] = {"bias": 1.0, f"cls:{cls}": 1.0, f"lem:{trig.lemma_.casefold()}": 1.0,
                           f"role:{ra}": 1.0,
                           f"role:{rb}": 1.0, f"types:{types}": 1.0,
                           f"status:{status.value}": 1.0, f"sides:{sides}": 1.0,
                           f"sides:{kind}:{sides}": 1.0}
    for d in set(a.up + a.down + b.up + b.down) & PATH_DEPS:
        f[f"path:{d}"] = 1.0
    for r in (a, b):  # each party's path, truncated: the first steps carry the construction
        f[f"pa:{'.'.join(r.up[:2])}/{'.'.join(r.down[:2])}"] = 1.0
    f["same_side"] = float(a.side == b.side)
    f["coord"] = float(_listed(ta, tb))
    f["through"] = float(a.through or b.through)
    f["path"] = math.log1p(a.length + b.length)
    f["gap"] = math.log1p(abs(ta.i - tb.i))
    between = sent.doc[min(ta.i, tb.i) + 1:max(ta.i, tb.i)]
    f["verbs_between"] = math.log1p(sum(1 for t in between if t.pos_ == "VERB"))
    f["say_between"] = float(any(t.lemma_.casefold() in SAY for t in between))
    f["trigger_between"] = float(min(ta.i, tb.i) < trig.i < max(ta.i, tb.i))
    # A party that is the subject of a verb of saying tells of the meeting ("..., X said").
    f["party_says"] = float(any(t.dep_ == "nsubj" and t.head.lemma_.casefold() in SAY
                                for t in (ta, tb)))
    f["trigger_name"] = float(trig.pos_ == "PROPN")  # "Breakfast" of a programme's name
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
    banks", "met bankers", "talked to reporters")."""
    for head in (trig, gov):
        if head is None:
            continue
        for c in head.children:
            objs = [c] if c.dep_ == "dobj" and head is trig else \
                [g for g in c.children if g.dep_ == "pobj"] \
                if c.dep_ == "prep" and c.lower_ in ("with", "between", "to") else []
            for o in objs:
                if o.pos_ in ("NOUN", "PROPN") and not p.expand(o):
                    return True
    return False


def _governed_hypothetical(noun: Token) -> bool:
    gov = governor(noun)[0]
    return gov is not None and is_hypothetical(gov)


def candidates(sent: Span, p: Parties, index: EntityIndex,
               loose: frozenset[str] = frozenset()) -> list[Candidate]:
    """Every pair of named parties of ``sent`` that one meeting word links (the closest
    word per pair, a word whose roles pass every gate first), with its features; pairs that
    fail a gate of ``loose`` are kept, the gate named in their features."""
    triggers = [(t, cls) for t in sent
                if (cls := trigger_class(t.lemma_.casefold(), t.pos_)) is not None
                and not (t.lemma_.casefold() == "talk" and t.pos_ == "NOUN" and t.tag_ != "NNS")]
    if not triggers:
        return []  # most sentences: nothing more to read
    mentions = _mentions(sent, p)
    if len(mentions) < 2:
        return []
    cues: set[str] | None = None
    best: dict[tuple[str, str], tuple[tuple[bool, int], Candidate]] = {}
    for trig, cls in triggers:
        out = excluded(trig)
        if out and "excluded" not in loose:
            continue
        roles: dict[str, Role] = {}
        heads: dict[str, Token] = {}
        for k, toks in mentions.items():
            for t in toks:
                r = role_of(trig, t) if t.i != trig.i else None
                if r is not None and (k not in roles or rank(r) < rank(roles[k])):
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
                why = gate(roles[ka], roles[kb], _listed(ta, tb), cls in _RECIPROCAL)
                if why is None and unnamed and roles[ka].side == roles[kb].side:
                    why = "unnamed"  # "X and Y met bankers": one side, the other is unnamed
                why = why or ("excluded" if out else None)
                if ta.i == tb.i or (why is not None and why not in loose):
                    continue
                key = (why is not None, roles[ka].length + roles[kb].length)
                if (ka, kb) in best and best[(ka, kb)][0] <= key:
                    continue
                types = "-".join(sorted(_type(index, k) for k in (ka, kb)))
                f = _features(trig, cls, roles[ka], roles[kb], ta, tb, types, cues, status,
                              sent, p)
                if why is not None:
                    f[f"gate:{why}"] = 1.0
                if out:
                    f["excluded"] = 1.0
                best[(ka, kb)] = (key, Candidate((ka, kb), trig.i, (ta.i, tb.i), status, f))
    return [c for _, c in best.values()]


def _listed(a: Token, b: Token) -> bool:
    """Whether two mentions are in one list: conjuncts, or apposed or nested names the
    parser made of a list."""
    return a in b.conjuncts or any(x.head.i == y.i and x.dep_ in ("appos", "nmod")
                                   for x, y in ((a, b), (b, a)))


#: A "press conference" or "news conference" faces reporters: no meeting by the guide.
_PRESS = frozenset({"press", "news"})


def excluded(trig: Token, subject_acts: bool = False) -> bool:
    """What the rules never read as a meeting, whatever the parties: a conditional, wished
    or proposed meeting, a habitual one, and calls or letters ("phone talks"). With
    ``subject_acts``, a meeting noun that is the subject of a verb no condition or wish governs
    acts itself ("the meeting will call for talks": the call is the meeting's, not a call for
    one), so its verb's wish words do not exclude it; the other gates still do."""
    if is_habitual(trig) or by_medium(trig):
        return True
    if any(trig.doc[i].lemma_.casefold() in _REMOTE for i in chain(trig)):
        return True  # "telephoned X to discuss the talks": a call, not a meeting
    if visits_places(trig):
        return True  # a tour of towns, though NER may call one of them a person
    if any(c.dep_ in ("compound", "amod") and c.lower_ in _PRESS for c in trig.children):
        return True  # "appeared at a news conference with X": the guide's press conference
    if trig.lemma_.casefold() in TRIP_NOUNS and any(
            c.dep_ in ("acl", "relcl") and c.lemma_.casefold() not in VERB_CLASSES
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            for c in trig.children):
        return True  # "a visit to support X": a campaign stop, X is not who is visited
    if trig.pos_ in ("VERB", "AUX"):
        return is_hypothetical(trig)
    gov, via = governor(trig)
    if subject_acts and gov is not None and via == "nsubj" and not is_hypothetical(gov):
        return False
    if gov is not None and verb_lemma(gov) in HYPOTHETICAL_HEADS and via not in PRESUPPOSED:
        return True  # "will seek further talks", "called for a summit"
    # A wish about what is done at a meeting ("hopes to win support at talks with X") or about
    # a thing of it ("welcomed the outcome of the talks") does not make the meeting itself a
    # wish; only a condition does.
    return gov is not None and (is_hypothetical(gov, wishes=via not in PRESUPPOSED)
                                or proposed(trig, gov))


#: Prepositions of a medium: "by telephone", "over the phone", "in a letter", "via video".
_THROUGH = frozenset({"by", "over", "on", "in", "via", "through"})


def by_medium(trig: Token) -> bool:
    """Whether a meeting word is done by telephone, letter, radio or video: the medium is a
    phrase of the word itself ("telephone talks", "talked by telephone", "in a telephone
    conversation with X", "received a letter from X"), not a word of a name, a topic or a
    clause below it ("talks with the Telephone Workers Union", "talks on the telephone
    network", "met to discuss the telephone company")."""
    for m in trig.subtree:
        if m.lower_ in TALK_MEDIA and not m.ent_type_ and m.pos_ != "PROPN" \
                and _medium_phrase(m, trig):
            return True
    return False


def _medium_phrase(m: Token, trig: Token) -> bool:
    cur = m
    while cur.i != trig.i:
        head = cur.head
        if cur.dep_ == "pobj":
            # "over the phone" (the medium itself), "in a telephone conversation"; not "on
            # the telephone merger", "with telephone executives"
            if head.lower_ not in _THROUGH or cur is not m and head.lower_ in TOPIC:
                return False
        elif cur.dep_ == "dobj" and cur is m and head.i == trig.i:
            return True  # "received a letter from X"
        elif cur.dep_ not in ("compound", "amod", "nmod", "prep") \
                or head.pos_ in ("VERB", "AUX") and head.i != trig.i:
            return False
        cur = head
    return True


def _type(index: EntityIndex, key: str) -> str:
    e = index.get(key)
    return _TYPE_CODES.get(e.type, "OTH") if e is not None else "OTH"
