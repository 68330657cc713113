"""The status of a meeting told by a noun: from its governor, how the noun hangs on it
("after", "ahead of", "for"), its own time and the publication date.

:mod:`kg.extract.meetings.status` reads the verbs; this module weighs what the noun's phrase
adds: "ahead of the summit" is planned unless the summit is dated before the report,
"agreed to merge following talks" happened, "an April 5-6 summit" in a March story is planned.

>>> from datetime import date
>>> calendar_status(date(1987, 4, 6), date(1987, 3, 2), MeetingStatus.HAPPENED).value
'planned'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from spacy.tokens import Token

from kg.extract.meeting_words import (
    AFTER,
    BEFORE_AFTER,
    DEAL_WITH,
    HOLD_SESSION,
    SETTING,
    SPEAK_TO,
    TAKE_PART,
    TELL,
    TOPIC,
)
from kg.extract.meetings.status import (
    aux_words,
    is_hypothetical,
    is_negated,
    noun_status,
    told_as_done,
    told_as_past,
)
from kg.extract.meetings.status_words import (
    AHEAD_MODS,
    BEHIND_MODS,
    CONSENT,
    FUTURE_AUX,
    NEG_VERBS,
    PLAN_HEADS,
    SCHEDULING,
    forms,
)
from kg.extract.meetings.trigger_syntax import verb_lemma
from kg.extract.timeplace.purpose import journey_behind
from kg.extract.timeplace.recency import REPORT
from kg.extract.timeplace.tense import time_ahead
from kg.extract.timeplace.timex import normalise_date
from kg.model import MeetingStatus

__all__ = ["nominal_status"]


def calendar_day(time: str | None, published: date | None) -> date | None:
    """The calendar day a meeting's own time names, read once for the rules that weigh it;
    None for relative words ("Monday"), which are left to the verbs.

    >>> calendar_day("April 6", date(1987, 3, 2)), calendar_day("Monday", date(1987, 3, 2))
    (datetime.date(1987, 4, 6), None)
    """
    if not time or published is None or not any(ch.isdigit() for ch in time):
        return None
    return normalise_date(time, published, future=None)


def calendar_status(day: date | None, published: date | None,
                    status: MeetingStatus) -> MeetingStatus:
    """An explicit calendar ``day`` (:func:`calendar_day`) after publication makes a meeting
    planned ("an April 5-6 summit" in a March article)."""
    return MeetingStatus.PLANNED if day is not None and published is not None \
        and day > published else status


def _clause_chain(verb: Token, deps: tuple[str, ...] = ("xcomp", "advcl", "conj")
                  ) -> Iterator[Token]:
    """``verb`` and up to three verbs above it, climbing while the dependency is one of
    ``deps`` ("could cancel", "wants to sign and will ...")."""
    cur = verb
    for _ in range(4):
        yield cur
        if cur.dep_ not in deps or cur.head.i == cur.i:
            return
        cur = cur.head


def _will(verb: Token, deps: tuple[str, ...] = ("xcomp", "advcl", "conj")) -> bool:
    """Whether the clause chain of ``verb`` is still ahead with "will" or the like."""
    return any(a in FUTURE_AUX for c in _clause_chain(verb, deps) for a in aux_words(c))


def after_status(governor: Token, status: MeetingStatus) -> MeetingStatus:
    """A meeting the governing event comes after ("agreed to merge following talks") has
    happened, unless that event is itself still ahead with "will" ("will sign after talks")."""
    if _will(governor, ("xcomp", "conj")):
        return status
    return MeetingStatus.HAPPENED if status is MeetingStatus.PLANNED else status


#: A day of the month written as a number ("March 2", "2 March"), not a year.
_DAY_OF_MONTH = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


def _behind(gov: Token, time: str | None, day: date | None, published: date | None) -> bool:
    """Whether a meeting that ``gov`` comes before ("rates rose ahead of the meeting") is
    itself told as past: its calendar ``day`` is before the report ("ahead of the March 2
    meeting" in a later story), or ``gov`` is in the pluperfect ("before the talks on
    Monday there had been doubts"), unless its time is still ahead."""
    if time_ahead(time):
        return False
    # only a named day: "the 1987 summit" or "the June meeting" is read as the month's or
    # the year's first day, which says nothing of whether it is over
    if time and day is not None and published is not None and _DAY_OF_MONTH.search(time) \
            and day < published:
        return True
    return any("had" in aux_words(c) and c.tag_ == "VBN" for c in _clause_chain(gov))


def _up_to(noun: Token, gov: Token) -> list[Token]:
    """The words from ``noun`` up its heads to ``gov`` (not included): "talks" -> "for"."""
    path = [noun]
    while path[-1].head.i not in (gov.i, path[-1].i) and len(path) < 8:
        path.append(path[-1].head)
    return path


def _fronted(noun: Token, verb: Token) -> bool:
    """Whether the phrase of ``noun`` sets the scene before the subject of ``verb`` ("In
    talks with X, he did not ask for cuts"): the negation is of what was done there."""
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and noun.head.i < min(subjects) and noun.head.head.i == verb.i


#: Acts done at a meeting, with the others there: what is taken up, told, said or announced
#: ("agreed to announce the merger at a meeting": the announcing is at it, still ahead); the
#: statement verbs are the report verbs but "add", which also adds a clause or a member.
_DONE_AT = DEAL_WITH | TELL | SPEAK_TO | TAKE_PART | (REPORT - {"add"})


def _agreed_there(noun: Token, gov: Token, via: str, time: str | None,
                  published: date | None) -> bool:
    """Whether the meeting ``noun`` is where a past agreement or decision was made: in
    "A and B agreed to cut output at a meeting on Monday" the parser hangs the meeting on
    "cut", but the agreeing took place there. Not when what was agreed is done at a meeting
    ("agreed to discuss it at a meeting", "agreed to announce it at the summit") unless the
    meeting is dated behind the story ("at a meeting last week": over, the agreeing was
    there), nor when the meeting is dated or marked ahead ("at the next meeting")."""
    head = gov.head
    return via in ("at", "during", "in") and gov.dep_ == "xcomp" \
        and bool(forms(head) & (CONSENT | {"decide"})) and not is_negated(head) \
        and told_as_done(head) \
        and not time_ahead(time) and not _marked_ahead(noun) \
        and (verb_lemma(gov) not in _DONE_AT or _dated_behind(noun, gov, time, published))


def _dated_behind(noun: Token, gov: Token, time: str | None, published: date | None) -> bool:
    """Whether the meeting ``noun`` (hung on ``gov``) is dated before the story: a word of
    its own or of ``gov``'s time phrases ("last week", "yesterday", "at the last meeting"), a
    clause of its own told as done ("which ended without a deal"), or a named day or year
    before publication ("on March 2", "in 1998"); the parse often leaves such a date out of
    the meeting's ``time``, so the phrases are read too."""
    own = list(noun.subtree) + [t for c in gov.children
                                if c.dep_ in ("npadvmod", "advmod", "prep") for t in c.subtree]
    # the parser often hangs the meeting's relative clause on the place after it ("a meeting
    # in Geneva, which ended ..."): a place does not end
    if any(t.lower_ in BEHIND_MODS and _dates_meeting(t, noun, gov) for t in own) or any(
            t.dep_ in ("relcl", "acl") and told_as_done(t)
            and verb_lemma(t) not in SCHEDULING | PLAN_HEADS
            and (t.head == noun or t.head.ent_type_ in ("GPE", "LOC", "FAC"))
            for t in noun.subtree):
        return True
    if published is None:
        return False
    dates = [time] if time else []
    dates += [e.text for e in noun.doc.ents if e.label_ == "DATE" and e[0] in own]
    for text in dates:
        day = calendar_day(text, published)
        # a named day before the story, or a year wholly before it ("in 1998"); a month or
        # the story's own year says nothing of whether the meeting is over
        if day is not None and (day < published if _DAY_OF_MONTH.search(text)
                                else day.year < published.year):
            return True
    return False


def _dates_meeting(word: Token, noun: Token, gov: Token) -> bool:
    """Whether the time word ``word`` ("last", "yesterday") dates the meeting ``noun`` or its
    verb ``gov`` itself ("the last meeting", "last week's meeting", "a meeting last week",
    "a meeting held last week"), not another event nested in their phrases ("after last
    week's vote", "which was arranged last week")."""
    ent = next((e for e in word.sent.ents
                if e.label_ == "DATE" and e.start <= word.i < e.end), None)
    root = word if ent is None else ent.root
    # a clause of the meeting's own holding ("held", "opened", "took place") dates it as the
    # meeting does; any other tells of another event: its planning, its announcing, its
    # putting off ("a meeting announced last week", "postponed last week")
    hosts = {noun.i, gov.i} | {c.i for c in noun.children if c.dep_ in ("relcl", "acl")
                                and verb_lemma(c) in HOLD_SESSION | {"take"}}
    return root.head.i in hosts or root.head.dep_ == "prep" and root.head.head.i in hosts


def _marked_ahead(noun: Token) -> bool:
    """Whether the meeting noun's own words put it ahead: a modifier before it ("at next
    week's meeting", "at the next meeting"), or one of its own ("a meeting scheduled for May",
    "a meeting to be held"). Words of a phrase after it tell something else: "a meeting on the
    proposed pipeline" is not a proposed meeting."""
    own = [c for left in noun.lefts for c in left.subtree] + list(noun.rights)
    return any(c.lower_ in AHEAD_MODS or c.dep_ in ("acl", "relcl") and {"to", "will"} & set(
        aux_words(c)) for c in own)


def nominal_status(noun: Token, gov: Token | None, via: str, time: str | None,
                   published: date | None) -> MeetingStatus:
    """The status of a meeting noun from its governor, the way it hangs on it (``via``:
    "after", "ahead", "for" ...), its time and the publication date."""
    status = noun_status(noun, gov, via, time)
    if status is MeetingStatus.PLANNED and gov is not None \
            and _agreed_there(noun, gov, via, time, published):
        status = MeetingStatus.HAPPENED
    if status is MeetingStatus.NEGATED and gov is not None \
            and ((via in ("at", "during", "in") and (not is_negated(gov) or _fronted(noun, gov))
                  or via in TOPIC) and verb_lemma(gov) not in NEG_VERBS | {"be"}
                 or via in BEFORE_AFTER | {"prior"}) \
            and not any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        # "failed to reach a deal during talks last week": the deal failed, the talks were held;
        # "declined to comment on the talks": the comment is refused, not the talks; "could
        # cancel the tariffs ahead of the summit": the summit only dates the cancelling.
        status = MeetingStatus.PLANNED if _will(gov) else MeetingStatus.HAPPENED
    if any(c.dep_ == "amod" and c.lower_ == "following" for c in noun.children):
        via = "following"  # "agreed to merge following talks"
    if gov is not None and via in AFTER:
        status = after_status(gov, status)
    if gov is not None and via in SETTING and status is not MeetingStatus.NEGATED \
            and is_hypothetical(gov):
        # "is ready to offer concessions at talks with X": the meeting is as far ahead as the
        # wish; "had hoped to settle it during the talks": they were held; but "have said X
        # might clash with Y at next week's summit": the summit's own time puts it ahead.
        status = MeetingStatus.HAPPENED if told_as_past(gov) and not time_ahead(time) \
            else MeetingStatus.PLANNED
    # Only a held meeting is checked against the calendar: parse its day for no other.
    day = calendar_day(time, published) if status is MeetingStatus.HAPPENED else None
    if status is MeetingStatus.HAPPENED and gov is not None and (
        via in ("ahead", "before") and not _behind(gov, time, day, published)
        or (via == "for" and gov.tag_ != "VBD" and not journey_behind(_up_to(noun, gov), gov))
    ):
        status = MeetingStatus.PLANNED  # "groundwork for talks", "ahead of talks"
    if status is MeetingStatus.HAPPENED and (gov is None or gov.tag_ != "VBD"):
        status = calendar_status(day, published, status)
    return status
