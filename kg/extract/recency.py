"""Whether a held meeting with no time of its own is the story's fresh news: the lead's main
clause, in the simple past or present perfect, with no sign of a recollection.

A wire story's first sentence tells what has just happened; when it says that two people met
and gives no day, the meeting is of the last days before the story, not of any time before
it. What the issue's rule gives every held report with no time (the publication date as the
latest day) stays true; the lead only adds a coarse first day, :data:`LEAD_DAYS` before.
A meeting told in a relative or adverbial clause ("X, who met Y in ...", "since they met"),
in the pluperfect ("had met"), or in a lead with a word of an earlier time ("their last
meeting", "the first talks since", "recent talks") is a recollection and keeps the open start.

>>> from datetime import date
>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("Minister Ola Dahl met Governor Ian Moss to discuss the budget.")
>>> met = next(t for t in doc if t.text == "met")
>>> str(lead_span(next(doc.sents), met, date(2026, 3, 13)))
'2026-03-07/2026-03-13 (week)'
>>> doc = load_nlp()("Minister Ola Dahl had met Governor Ian Moss to discuss the budget.")
>>> met = next(t for t in doc if t.text == "met")
>>> lead_span(next(doc.sents), met, date(2026, 3, 13)) is None
True
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

from kg.model import DateSpan

__all__ = ["lead_span", "LEAD_DAYS"]

#: How many days before the story a meeting its lead tells with no day may be: a week, so a
#: meeting of the weekend before a Monday story, or of a trip's first days, is inside.
LEAD_DAYS = 6
#: Links that put the meeting in a subordinate clause: a recollection, a condition, a purpose.
_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "csubj", "csubjpass", "appos", "pcomp",
                          "parataxis"})
#: Words that mark the meeting as an earlier one, or the time since it.
_EARLIER = frozenset({"last", "previous", "earlier", "first", "since", "ago", "former",
                      "past", "prior", "once", "recent", "recently"})
#: Auxiliaries of a fresh report: the present perfect ("have met").
_PERFECT = frozenset({"has", "have", "'ve"})


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


def _fresh_tense(path: list[Token]) -> bool:
    """The first verb on the path is a simple past or a present perfect (not "had met",
    not "will meet", not a bare present)."""
    verb = next((t for t in path if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux - _PERFECT - {"was", "were"}:
        return False  # "had met", "will meet", "would meet", "did not meet"
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and bool(aux & _PERFECT)


def lead_span(sent: Span, trigger: Token, published: date) -> DateSpan | None:
    """The last :data:`LEAD_DAYS` days before ``published`` (precision "week") when the
    meeting of ``trigger`` is the main news of the story's first sentence, else None."""
    if sent.start != 0:
        return None
    path = _path(trigger, sent)
    if path is None or not _fresh_tense(path):
        return None
    if any(t.lower_ in _EARLIER for t in sent):
        return None  # anywhere in the lead: a recollection is not worth a wrong first day
    return DateSpan(published - timedelta(days=LEAD_DAYS), published, "week")
