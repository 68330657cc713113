"""Whether a meeting happened, is planned or is negated, read from the verbs that govern it.

The rules look at the clause chain above the trigger: negation and "cancel"/"refuse"
verbs negate, "will"/"would"/"expected to"/"scheduled"/"due to" plan, past tense happened.
:func:`is_hypothetical` tells apart meetings that are only wished, offered or conditional.

>>> sorted(PLAN_HEADS)[:3]
['agree', 'aim', 'arrange']
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.journeys import TRIP_NOUNS
from kg.extract.meeting_words import AFTER, NOUN_TRIGGERS, SAY
from kg.extract.meetings.clause_forms import arranged, sent_to
from kg.extract.meetings.status_words import (
    AFFIRMED_WHEN_DENIED,
    AHEAD_MODS,
    CONSENT,
    COPULAS,
    DENIALS,
    FACT_NOUNS,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    HYPOTHETICAL_HEADS,
    LAPSE_HEADS,
    LEAVE,
    NEG_HEADS,
    NEG_VERBS,
    OCCURRENCE,
    PLAN_HEADS,
    SCHEDULING,
    TAKING_PART,
    WALK_OUT,
    forms,
)
from kg.extract.meetings.trigger_syntax import (
    OUT_OF,
    POSSIBLE,
    PROPOSAL_NOUNS,
    answered,
    governor,
    verb_lemma,
)
from kg.extract.timeplace.purpose import journey_behind, journey_for
from kg.extract.timeplace.tense import time_ahead
from kg.extract.timeplace.timex import is_journey
from kg.model import MeetingStatus

__all__ = ["clause_status", "noun_status", "is_hypothetical", "aux_words", "is_negated",
           "told_as_done", "told_as_past", "left_by", "leaves"]


def aux_words(tok: Token) -> list[str]:
    return [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]


def told_as_done(verb: Token) -> bool:
    """Whether ``verb`` tells its act as done: a simple past ("met") or a perfect ("has met",
    "had met"); the one reading of a done act the status rules share."""
    return verb.tag_ == "VBD" or bool({"have", "has", "had"} & set(aux_words(verb)))


def is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def clause_status(verb: Token, time_text: str | None = None,
                  own_negation: bool = True) -> MeetingStatus:
    """The status of the event whose clause verb is ``verb`` (with ``own_negation`` False,
    a "not" or a cancelling verb of ``verb`` itself is not read: it negates something else)."""
    if own_negation and (is_negated(verb) or verb_lemma(verb) in NEG_VERBS or _denied(verb)):
        return MeetingStatus.NEGATED
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ == "no" for c in verb.head.children):
        return MeetingStatus.NEGATED  # "X has no plans to meet Y"
    aux = aux_words(verb)
    if verb.lemma_.casefold() == "be" and not verb.tag_ == "VBD" and any(
            c.dep_ == "acomp" and c.lemma_.casefold() in PLAN_HEADS
            and any(g.dep_ == "xcomp" for g in c.children) for c in verb.children):
        return MeetingStatus.PLANNED  # "talks are due to start", "the two are likely to meet"
    if verb.dep_ == "advcl" and "to" in aux and verb.head.tag_ in ("VBZ", "VBP"):
        return MeetingStatus.PLANNED  # "X is in Rome to attend": purpose, still ahead
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and "to" in aux):
        if journey_for(verb) is not None:
            return MeetingStatus.PLANNED  # "flew to Oslo to meet Y": still ahead of the journey
        head = verb.head
        lemma = head.lemma_.casefold()
        if lemma not in PLAN_HEADS and forms(head) & {"hope", "aim"}:
            lemma = "hope"  # the small model lemmatises "hopes" as "hop"
        # A denial negates the meeting through a journey or a plan made for it ("denied he
        # flew to meet Y", "denied he was sent to Valoria to meet Y"); "denied he was paid to
        # meet Y" denies the payment, not the meeting.
        denied = _denied(head)
        # ... unless the affirmation is itself denied ("denied he did not hesitate to meet Y")
        if is_negated(head) and lemma in AFFIRMED_WHEN_DENIED and not denied:
            return clause_status(head, time_text, own_negation=False)  # "did not hesitate to"
        if lemma in LAPSE_HEADS and "to" in aux and not is_negated(head):
            return MeetingStatus.NEGATED  # "forgot to meet Y" (but "forgot meeting Y")
        if lemma in NEG_HEADS or is_negated(head) or denied and (
                not any(c.dep_ == "auxpass" for c in head.children) or sent_to(head)):
            return MeetingStatus.NEGATED  # "refused to meet Y", "denied he flew to meet Y"
        if (is_journey(head) or lemma in PLAN_HEADS) and head.dep_ in ("xcomp", "advcl") \
                and clause_status(head, time_text) is MeetingStatus.NEGATED:
            return MeetingStatus.NEGATED  # "refused to fly to Oslo to meet Y": no trip, no talks
        if is_journey(head) and time_ahead(time_text, after_done=told_as_done(head)):
            return MeetingStatus.PLANNED  # "X, who flew to Oslo to meet Y tomorrow, said"
        if lemma in PLAN_HEADS and lemma not in ("be",) or (lemma == "be" and verb.dep_ == "xcomp"):
            if journey_behind([verb], head):
                return MeetingStatus.HAPPENED  # "X, who flew to Oslo to meet Y, said"
            return MeetingStatus.PLANNED
        if head.dep_ == "acomp" and head.head.pos_ in ("AUX", "VERB"):
            head = head.head  # "was able to meet": the copula's tense is the meeting's
        return clause_status(head, time_text, own_negation=not denied)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and not aux:
        if verb.head.lower_ in AFTER and verb.sent.root.tag_ == "VBD":
            return MeetingStatus.HAPPENED  # "X announced ... after meeting Y": before that
        # "before visiting X": the host's tense, not its negation or denial ("did not sign
        # before meeting X", "denied he left before meeting X": the meeting is not denied)
        return clause_status(verb.head.head, time_text, own_negation=False)
    if verb.dep_ == "conj" and not aux and verb.tag_ in ("VB", "VBG"):
        return clause_status(verb.head, time_text)
    if any(a in FUTURE_AUX for a in aux):
        return MeetingStatus.PLANNED
    if verb.lemma_.casefold() in SCHEDULING and verb.tag_ == "VBN" \
            and not any(c.dep_ == "nsubj" for c in verb.children):
        # "X is expected in town on Friday for talks with Y"; but "the ceiling X set in May
        # during talks with Y" is a past act of X's
        return MeetingStatus.PLANNED
    if told_as_done(verb):
        return MeetingStatus.HAPPENED
    # The adverb alone, not its phrase: in a clause told in the present, "meets Y two days
    # later" lies ahead as much as "meets Y later".
    if time_ahead(time_text) or any(c.dep_ in ("advmod", "npadvmod") and time_ahead(c.lower_)
                                    for c in verb.children):
        return MeetingStatus.PLANNED  # "meets Y next week", "is meeting Y soon"
    if verb.tag_ == "VB" and "to" in aux:
        return MeetingStatus.PLANNED
    if verb.tag_ in ("VBZ", "VBP") and not aux and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once", "until", "before")
        for c in verb.children
    ):
        return MeetingStatus.PLANNED  # "when he meets Okafor", "when they attend the meeting"
    if verb.tag_ in ("VBZ", "VBP") and not aux and time_text:
        return MeetingStatus.PLANNED  # news present with a time: "X leaves on April 29"
    if arranged(verb, time_text):
        return MeetingStatus.PLANNED  # "X is meeting Y on Saturday"
    return MeetingStatus.HAPPENED


def _denied(verb: Token) -> bool:
    """Whether ``verb``'s clause is what a verb of denial, itself not negated, says did not
    take place ("X denied she met Y"; not "X did not deny she met Y")."""
    return verb.dep_ == "ccomp" and verb_lemma(verb.head) in DENIALS \
        and not is_negated(verb.head)


def noun_status(noun: Token, governor: Token | None, via: str,
                time_text: str | None) -> MeetingStatus:
    """The status of a nominal meeting ("talks between X and Y") from its governing verb and
    how the noun hangs on it (``via``, both as :func:`governor` gives them)."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return MeetingStatus.NEGATED  # "no negotiations with X are under way"
    if governor is not None and leaves(governor, via):
        return MeetingStatus.NEGATED  # "X pulled out of the talks": X will not be there
    if governor is not None and (judged := _judged(noun, governor, time_text)) is not None:
        return judged  # "the talks should be harmonious", "the talks were not easy"
    if governor is not None and (reply := answered(noun, governor)) is not None:
        return reply  # "accepted an invitation for talks", "turned down a request for talks"
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "advmod", "acl", "compound")}
    if mods & {"cancelled", "canceled", "postponed", "aborted", "scrapped"}:
        return MeetingStatus.NEGATED
    # "the talks did not produce a deal": the negation is of what the talks did, not of them
    own = governor is None or noun.dep_ not in ("nsubj", "nsubjpass") \
        or _tells_occurrence(governor)
    if governor is not None and own and clause_status(governor) is MeetingStatus.NEGATED \
            and noun.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return MeetingStatus.NEGATED  # "a planned meeting ... was cancelled"
    if mods & AHEAD_MODS:
        return MeetingStatus.PLANNED
    held = governor is not None and noun.dep_ == "dobj" and told_as_done(governor)
    if not held and any(c.dep_ == "relcl" and {"will", "shall"} & set(aux_words(c))
                        for c in noun.children):
        # "the summit, which will be attended by X and Y"; but "concluded talks with X under
        # which he will join the board" were held: the clause tells what follows them
        return MeetingStatus.PLANNED
    if governor is not None and noun.dep_ == "pobj" and noun.head.lower_ == "to" \
            and governor.lemma_.casefold() in CONSENT and not is_negated(governor):
        return MeetingStatus.PLANNED  # "agreed to talks with X"
    listed = [noun] + [t for t in noun.subtree if t.dep_ == "conj" and t.head.i >= noun.i]
    if any(c.dep_ == "acl" and any(g.lower_ == "up" for g in c.children)
           for n in listed for c in n.children):
        # "the meeting coming up"; "with my meeting with X and the summit coming up": the
        # small parser hangs the participle on the list's last item
        return MeetingStatus.PLANNED
    if governor is None:
        return MeetingStatus.PLANNED if time_ahead(time_text) else MeetingStatus.HAPPENED
    # "denied he walked out of the talks": the leaving is denied, the talks took place
    status = clause_status(governor, time_text,
                           own_negation=own and not leaves(governor, via, WALK_OUT))
    if status is MeetingStatus.HAPPENED and journey_for(noun) is not None:
        # "arrived in Oslo for talks with Y": the journey is told as done, its talks are still
        # ahead of it (the guide's "arrives for talks with")
        return MeetingStatus.PLANNED
    # a past verb's "later" or "soon" follows its own time; but talks a journey is for keep
    # their own time ahead whatever the journey's tense or clause ("X, who flew to Oslo for
    # talks tomorrow, said")
    past = governor.tag_ in ("VBD", "VBN")
    if via == "for" and is_journey(governor):
        past = not time_ahead(time_text, after_done=past)
    if status is MeetingStatus.HAPPENED and time_ahead(time_text) and not past:
        return MeetingStatus.PLANNED
    return status


def _evaluative(verb: Token) -> bool:
    """Whether ``verb`` judges how the meeting noun it has as subject goes ("the talks
    should be harmonious", "the meeting was a success"), not whether it takes place."""
    return verb.lemma_.casefold() in COPULAS and any(
        c.dep_ == "nsubj" and c.lemma_.casefold() in NOUN_TRIGGERS for c in verb.children) \
        and any(c.dep_ in ("acomp", "attr") and not any(g.dep_ == "xcomp" for g in c.children)
                for c in verb.children)


def _judged(noun: Token, verb: Token, time_text: str | None) -> MeetingStatus | None:
    """The status of a meeting whose own predicate judges it: the judgement presupposes the
    meeting, so its modal or negation is not the meeting's ("the talks should be harmonious"
    are ahead, "the talks were not easy" were held); the tense dates it."""
    if noun.dep_ != "nsubj" or noun.head.i != verb.i or not _evaluative(verb):
        return None
    if told_as_done(verb):
        return MeetingStatus.HAPPENED  # "should have been easier", "was not a success"
    modal = set(aux_words(verb)) & (HYPOTHETICAL_AUX | FUTURE_AUX | POSSIBLE | {"must"})
    if modal or time_ahead(time_text):
        return MeetingStatus.PLANNED
    return MeetingStatus.HAPPENED if is_negated(verb) else None


def _tells_occurrence(verb: Token, depth: int = 0) -> bool:
    """Whether ``verb``, with a meeting noun as its subject, tells whether the meeting takes
    place ("did not take place", "was called off", "is not expected to resume")."""
    lemma = verb_lemma(verb)
    if lemma in OCCURRENCE or lemma in NEG_VERBS or lemma == "take" and any(
            c.lower_ == "place" for c in verb.children):
        return True
    return depth < 2 and any(c.dep_ == "xcomp" and _tells_occurrence(c, depth + 1)
                             for c in verb.children)


def is_hypothetical(verb: Token, wishes: bool = True) -> bool:
    """Whether the clause chain above ``verb`` only wishes, offers or conditions the meeting
    (with ``wishes=False``, for a meeting that is the setting of ``verb``: only conditions
    it; "X will seek support at the meeting" wishes for the support and "X may raise it at
    the talks" is unsure of the raising, not of the meeting)."""
    if verb.lemma_.casefold() in TAKING_PART or verb.lemma_.casefold() == "take" and any(
            c.lower_ == "part" for c in verb.children):
        wishes = True  # "urged that X be involved (invited to take part) in talks": wished
    cur: Token | None = verb
    steps = 0
    beside = False  # ``cur`` is a verb coordinated with the one below, not its governor
    while cur is not None and steps < 4:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in cur.children):
            return True
        if any(c.dep_ == "advcl" and c.i < verb.i and any(
                g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
               for c in cur.children) and (cur is not verb or any(
                a in HYPOTHETICAL_AUX | FUTURE_AUX for a in aux_words(cur))
                or forms(cur) & {"likely", "expect", "plan", "due"}):
            return True  # "if the vote passes, X is likely to meet Y"
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless")
                                         for g in c.children) for c in cur.children) \
                and any(a in HYPOTHETICAL_AUX | {"would"} for a in aux_words(cur)):
            return True  # "it would pave the way for talks if the vote passed"
        if wishes and cur.dep_ in ("relcl", "acl") and cur.head.pos_ == "NOUN" and (any(
                c.dep_ == "mark" and c.lower_ == "that" for c in cur.children)
                and cur.head.lemma_.casefold() not in FACT_NOUNS
                or cur.head.lemma_.casefold() in PROPOSAL_NOUNS):
            # "a letter proposing that they meet", "the hope that they meet"; but "reports
            # that they met" tells the meeting as a fact
            return True
        if wishes and _uncertain(cur) and not (cur is verb and _evaluative(cur)):
            # but "the talks should be harmonious" and "X may raise it at the talks"
            # presuppose the talks: the modal is on how they go or what is done at them
            return True
        if verb_lemma(cur) == "rule out" and (is_negated(cur) or cur.dep_ == "xcomp" and (
                is_negated(cur.head) or cur.head.lemma_.casefold() in NEG_HEADS)):
            return True  # "did not rule out a meeting", "refused to rule out talks": possible
        if wishes and cur is not verb and not beside and forms(cur) & HYPOTHETICAL_HEADS and not (
                forms(cur) & HYPOTHETICAL_HEADS == {"hope"} and _on_a_trip(cur)
                or forms(cur) & HYPOTHETICAL_HEADS == {"able"} and _ability_told(cur)):
            return True
        if cur.dep_ in ("xcomp", "acl", "conj", "acomp") or (
            cur.dep_ == "advcl" and "to" in aux_words(cur)
        ):
            # "could meet and talk" shares the modal; "urged cuts and met X" is no wish
            beside = cur.dep_ == "conj"
            cur = cur.head
            steps += 1
            continue
        if wishes and cur.dep_ == "ccomp" and (cur.head.lemma_.casefold() in HYPOTHETICAL_HEADS
                                               or forms(cur.head) & {"hope", "wish"}):
            # "X proposed that they meet"; but "X hopes Y will make an offer at the talks"
            # wishes for the offer, not for the talks
            return True
        break
    return False


def _uncertain(tok: Token) -> bool:
    """Whether a modal leaves ``tok`` open ("could meet", "may attend"); "could not meet"
    tells an inability, which is a negation, not a possibility."""
    modals = set(aux_words(tok)) & HYPOTHETICAL_AUX
    return bool(modals) and not (modals == {"could"} and is_negated(tok))


def _ability_told(adj: Token) -> bool:
    """Whether "able" is told as a fact by a past or future copula ("was able to meet" is
    "managed to meet", "will be able to attend" is a plan) or denied ("was not able to meet",
    "not being able to attend" are negations, as "could not meet" is), not as a possibility
    ("would be able to", "is able to")."""
    cop = adj.head
    return adj.dep_ == "acomp" and (is_negated(cop) or is_negated(adj) or (
        cop.tag_ == "VBD" or bool({"will", "shall", "'ll"} & set(aux_words(cop)))))


#: Nouns of a scheduled trip: a meeting hoped for during one is planned.
_TRIP = TRIP_NOUNS | {"stay", "stopover"}


def _on_a_trip(tok: Token) -> bool:
    """Whether ``tok``'s sentence places it on a trip ("While in Rome, he said he hopes
    to meet X", "during his visit he hopes to meet X"): the hope is then a plan."""
    doc = tok.doc
    return any(t.dep_ == "mark" and t.lower_ == "while" and t.i + 1 < len(doc)
               and doc[t.i + 1].lower_ == "in"
               or t.lemma_.casefold() in _TRIP and t.head.lower_ in ("during", "on")
               for t in tok.sent)


def told_as_past(verb: Token) -> bool:
    """Whether the clause chain above ``verb`` is in the past ("had hoped to win")."""
    cur = verb
    for _ in range(4):
        if any(c.tag_ == "VBD" for c in cur.children if c.dep_ in ("aux", "auxpass")) or (
                cur.tag_ == "VBN" and "have" in aux_words(cur)):
            return True  # "had hoped to", "should have raised it at the talks"
        if cur.dep_ == "ccomp" and cur.head.lemma_.casefold() in SAY:
            return False  # "X said she hoped to ...": the tense of reported speech, not the past
        if cur.dep_ == "ccomp" and forms(cur.head) & HYPOTHETICAL_HEADS:
            # "X urged that Y raise it at the talks": after the urging, unless it "had" been
            return "had" in aux_words(cur.head)
        if cur.tag_ == "VBD" or cur.tag_ == "VBN" and cur.dep_ == "acl":
            return True  # "an offer made at the summit": a participle of a past event
        if cur.dep_ not in ("xcomp", "acomp", "advcl", "ccomp") or cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def leaves(verb: Token, via: str, verbs: frozenset[str] = LEAVE) -> bool:
    """Whether ``verb``, governing a meeting noun through ``via`` (``governor``'s answer), is
    a leaving of ``verbs`` told as done: "pulled out of the talks", "withdrew from the
    meeting", not "threatened to pull out"; a verb with its own object moves that object
    ("withdrew a proposal from the talks")."""
    return via in ("from", OUT_OF) and verb.lemma_.casefold() in verbs \
        and verb.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in verb.children) \
        and not is_hypothetical(verb)


def left_by(noun: Token, verbs: frozenset[str]) -> Token | None:
    """The verb of ``verbs`` that ``noun`` is left by (see ``leaves``), else None."""
    verb, via = governor(noun)
    return verb if verb is not None and leaves(verb, via, verbs) else None
