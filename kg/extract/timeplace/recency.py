"""Whether a held meeting with no time of its own is the story's fresh news, from the language
around it, and then the days it can be: the story's day or the day before, or the week before.

What the issue's rule gives every held report with no time (the publication date as the latest
day) stays true; the language only adds a first day where it says the meeting is fresh:

- talks going on as the story is written ("are holding talks", "have been holding talks",
  "is in talks", "talks continue", and in reported speech "said they were negotiating"), a
  statement, proposal or communique made at, during or after the meeting ("told reporters
  after meeting Y", "made the proposal at a meeting with Y", "a communique issued after the
  talks"), a meeting going on as a statement was made ("as the ministers ended their talks,
  diplomats said"), or a meeting told of the statement's speaker ("X, who chaired the
  meeting, said"): the story's day or the day before (a day's slack for a dateline across
  time zones);
- the main clause of the story's first sentence, in the simple past or present perfect
  (also passive, "talks have been ended", and as a statement reports it, "said it had ended
  talks"): a wire story's lead tells what has just happened, so the last :data:`LEAD_DAYS`
  days before the story. A meeting told there in a relative or adverbial clause ("X, who met
  Y in ...", "when they met"), in the pluperfect of its own ("had met"), or in a clause with a
  word of an earlier time ("their last meeting", "the first talks since", "recent talks") is a
  recollection and keeps the open start.

>>> from datetime import date
>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("Minister Ola Dahl met Governor Ian Moss to discuss the budget.")
>>> met = next(t for t in doc if t.text == "met")
>>> str(fresh_span(next(doc.sents), met, date(2026, 3, 13)))
'2026-03-07/2026-03-13 (week)'
>>> doc = load_nlp()("Minister Ola Dahl had met Governor Ian Moss to discuss the budget.")
>>> met = next(t for t in doc if t.text == "met")
>>> fresh_span(next(doc.sents), met, date(2026, 3, 13)) is None
True
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

# the present perfect's auxiliaries mark a fresh report ("have met")
from kg.extract.timeplace.tense import PERFECT
from kg.extract.walks import clause_verb, first_conjunct
from kg.model import DateSpan

__all__ = ["fresh_span", "ongoing", "progressive", "said_at", "in_main_clause", "NOT_PURPOSE",
           "REPORT", "LEAD_DAYS", "VISIT_DAYS"]

#: How many days after an arrival or a departure a meeting it is the purpose of may fall
#: (and before a return): a state visit's talks are on its first days, not always its first.
VISIT_DAYS = 3
#: How many days before the story a meeting its lead tells with no day may be: a week, so a
#: meeting of the weekend before a Monday story, or of a trip's first days, is inside.
LEAD_DAYS = 6
#: Links a journey's purpose, or a statement's occasion, is not reached through: "X, who met
#: Y, will fly on Monday", "X said the accord was reached at a meeting with Y".
NOT_PURPOSE = frozenset({"relcl", "nsubj", "nsubjpass", "ccomp", "parataxis", "appos",
                         "csubj", "acl"})
#: Links that put the meeting in a subordinate clause: a recollection, a condition, a purpose.
_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "csubj", "csubjpass", "appos", "pcomp",
                          "parataxis"})
#: Words that mark the meeting as an earlier one, or the time since it.
_EARLIER = frozenset({"last", "previous", "earlier", "first", "since", "ago", "former",
                      "past", "prior", "once", "recent", "recently"})
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
#: Verbs of a statement, and nouns of one made with "make" ("made the proposal at a meeting").
_SAY = frozenset({"say", "tell", "speak", "suggest", "propose", "recommend", "urge", "advise",
                  "announce", "explain"})
_SAID = frozenset({"recommendation", "proposal", "suggestion", "statement", "remark", "comment",
                   "announcement", "appeal", "offer", "communique", "declaration", "briefing",
                   "interview", "address", "speech"})
#: Words a statement is linked to the meeting by: made after, at, during, in, to, or just before
#: it ("told this to a meeting of analysts", "speaking before entering the meeting").
_OCCASION = frozenset({"after", "following", "at", "during", "in", "to", "before"})
#: Participles of a statement's speaker at the meeting: "Opening the meeting, X said".
_AT_MEETING = frozenset({"open", "close", "address", "chair", "leave", "enter", "attend"})
#: Verbs that put out a statement noun: "a communique issued after the talks".
_ISSUE = frozenset({"make", "issue", "release", "publish"})
#: Verbs that report what someone said, whose clause keeps the tense of its time of saying:
#: "said they were negotiating" tells talks going on when it was said.
REPORT = _SAY | {"add", "state", "confirm", "report", "disclose"}
#: Marks of a clause that happens while, or just before, the statement it hangs on: "as they
#: ended the talks, X said", "X told reporters after he had met Y".
_WHILE = frozenset({"as", "while", "after"})


def ongoing(trigger: Token) -> bool:
    """Whether the meeting's clause is in the present progressive ("are meeting", "is
    holding talks", "is attending the meeting")."""
    return progressive(clause_verb(trigger))


def progressive(verb: Token) -> bool:
    """Whether ``verb`` is a present progressive ("is meeting", "are holding")."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in _PRESENT_BE
                                      for c in verb.children)


def _reported(verb: Token) -> bool:
    """Whether ``verb``'s clause is what someone was reported to have said ("said they were
    negotiating", "adding that it was holding talks"): its past tense is the time of saying."""
    verb = first_conjunct(verb)
    return verb.dep_ == "ccomp" and verb.head.pos_ in ("VERB", "AUX") \
        and verb.head.lemma_.casefold() in REPORT and verb.head.tag_ not in ("VBZ", "VBP")


def _going_on(trigger: Token) -> bool:
    """Whether the talks are told as going on when the story was written: the present
    progressive, the present perfect progressive ("have been holding talks"), "be in talks",
    "talks continue", "are continuing to meet", and the past of these in what someone is
    reported to have said ("said they were negotiating", "said the talks were continuing")."""
    if ongoing(trigger):
        return True
    verb = clause_verb(trigger)
    if verb.dep_ == "xcomp" and verb.head.lemma_.casefold() == "continue":
        verb = verb.head  # "are continuing to meet"
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.dep_ == "advcl":
        return False  # "so long as the talks continue": a condition, not a report of them
    if aux - PERFECT - _PRESENT_BE - {"been", "was", "were"}:
        return False  # "will continue", "had been holding", "did not continue"
    lemma = verb.lemma_.casefold()
    in_talks = lemma == "be" and trigger.dep_ == "pobj" and trigger.head.lower_ == "in" \
        and trigger.head.head.i == verb.i
    if verb.tag_ == "VBG" and aux & _PRESENT_BE:
        return True
    if verb.tag_ == "VBG" and "been" in aux:
        return bool(aux & PERFECT)  # "have been holding talks"
    if verb.tag_ == "VBG" and aux & {"was", "were"} or (in_talks or lemma == "continue") \
            and verb.tag_ == "VBD":
        return _reported(verb)
    return (in_talks or lemma == "continue") and verb.tag_ in ("VBZ", "VBP")


def _while_said(trigger: Token) -> bool:
    """Whether the meeting is told in a clause going on as a statement was made, or just
    before it: "as the ministers ended their talks, diplomats said", "X told reporters after
    he had met Y"."""
    verb = clause_verb(trigger)
    return verb.dep_ == "advcl" and _statement(verb.head) \
        and any(c.dep_ == "mark" and c.lower_ in _WHILE for c in verb.children)


def _statement(verb: Token) -> bool:
    """A verb of saying, a statement noun ("a statement following the talks"), or "make" or
    "issue" with a statement noun as its object or subject."""
    if verb.pos_ == "NOUN":  # "a briefing after the talks", "a news conference after them"
        return verb.lemma_.casefold() in _SAID or verb.lemma_.casefold() == "conference" \
            and any(c.lower_ in ("news", "press") for c in verb.children)
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.casefold()
    return lemma in _SAY or lemma in _ISSUE and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.casefold() in _SAID for c in verb.children)


def _speaker_who(trigger: Token) -> bool:
    """Whether the meeting is told of the speaker of the story's statement: "X, who chaired
    the meeting, said", "X, who also had talks with Y, said"."""
    rel = next((a for a in (trigger, *trigger.ancestors) if a.dep_ == "relcl"), None)
    verb = rel.head.head if rel is not None else trigger
    return rel is not None and rel.head.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX") \
        and verb.lemma_.casefold() in ("say", "tell")


def _said_after(trigger: Token) -> bool:
    """Whether the meeting is what a statement came after or was made at: "X told reporters
    after meeting Y", "X said after the talks", "X was speaking at a meeting with Y", "X made
    the proposal at a meeting with Y", "X told Y during their talks", "X told a briefing
    following talks with Y", "Opening the meeting, X said"."""
    head = trigger.head
    if trigger.dep_ == "dobj" and head.tag_ == "VBG" and head.dep_ == "advcl" \
            and head.lemma_.casefold() in _AT_MEETING:
        return _statement(head.head)  # "Opening the meeting, X said"
    cur = trigger
    for _ in range(3):
        if cur.dep_ in NOT_PURPOSE or cur.head.i == cur.i:
            return False
        if cur.head.lower_ in _OCCASION:
            return _statement(cur.head.head)
        cur = cur.head
    return False


def said_at(trigger: Token) -> bool:
    """Whether the meeting ``trigger`` names is the occasion of a statement: made at, during or
    just after it, as it went on, or by a speaker it is told of (see the module's docstring)."""
    return _said_after(trigger) or _speaker_who(trigger) or _while_said(trigger)


def _path(trigger: Token, sent: Span) -> list[Token] | None:
    """The tokens from the meeting word up to the sentence's root, or None when a link on the
    way makes it a subordinate clause."""
    path = [trigger]
    cur = trigger
    while cur.head.i != cur.i and cur.head.i >= sent.start:
        if cur.dep_ in _SUBORDINATE:
            return None
        cur = cur.head
        path.append(cur)
    return path


def in_main_clause(tok: Token, sent: Span) -> bool:
    """Whether ``tok`` is told in the sentence's main clause, or a clause coordinated with or
    reported by it, not in a relative, adverbial or other subordinate one ("X, who came for
    a meeting, said")."""
    return _path(tok, sent) is not None


def _fresh_tense(path: list[Token]) -> bool:
    """The first verb on the path is a simple past or a present perfect, active or passive
    ("have been ended"), or the pluperfect a reported statement turns it into ("said it had
    ended talks"); not "had met" told for itself, not "will meet", not a bare present."""
    verb = next((t for t in path if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    # A reported pluperfect of what was done ("said it had ended talks"), not of what the
    # meeting was ("said her meeting had been useful": a judgment of any past meeting).
    perfect = bool(aux & PERFECT) or "had" in aux and _reported(verb) \
        and verb.lemma_.casefold() != "be"
    if aux - PERFECT - {"was", "were"} - ({"had", "been"} if perfect else set()):
        return False  # "had met", "will meet", "would meet", "did not meet"
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and perfect


def _lead_news(sent: Span, trigger: Token) -> bool:
    """Whether the meeting is the main news of the story's first sentence."""
    if sent.start != 0:
        return False
    path = _path(trigger, sent)
    return path is not None and _fresh_tense(path) \
        and not any(t.lower_ in _EARLIER for t in _clause_words(trigger))


def _clause_words(trigger: Token) -> list[Token]:
    """The words of the meeting's clause, without the clauses coordinated with it or reported
    in it ("X met Y and many said a recent forecast was wrong": "recent" is not the meeting's)."""
    verb = clause_verb(trigger)
    away = {t.i for c in verb.children if c.dep_ in ("conj", "ccomp", "parataxis")
            and c.i != trigger.i and not c.is_ancestor(trigger) for t in c.subtree}
    return [t for t in verb.subtree if t.i not in away]


def fresh_span(sent: Span, trigger: Token, published: date) -> DateSpan | None:
    """The days a held meeting with no time of its own can be when the language says it is
    the story's fresh news (see the module's docstring), else None."""
    if _going_on(trigger) or said_at(trigger):
        return DateSpan(published - timedelta(days=1), published, "day")
    if _lead_news(sent, trigger):
        return DateSpan(published - timedelta(days=LEAD_DAYS), published, "week")
    return None
