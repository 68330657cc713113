"""Words that tell a meeting's status: heads that plan, negate or only wish it, and the
stems the small model's lemmas miss. A leaf: :mod:`kg.extract.meetings.status` reads it.

>>> sorted(PLAN_HEADS)[:3]
['agree', 'aim', 'arrange']
>>> sorted(forms(_Word("hoping", "hop", "VERB")))
['hop', 'hope']
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

__all__ = ["AFFIRMED_WHEN_DENIED", "LAPSE_HEADS", "PLAN_HEADS", "NEG_HEADS", "DENIALS",
           "AHEAD_MODS", "BEHIND_MODS", "NEG_VERBS", "HYPOTHETICAL_HEADS",
           "HYPOTHETICAL_AUX", "FACT_NOUNS", "FUTURE_AUX", "SCHEDULING", "CONSENT", "OCCURRENCE",
           "TAKING_PART", "COPULAS", "LEAVE", "WALK_OUT", "LEAVING", "forms"]


class _Tok(Protocol):
    @property
    def lower_(self) -> str: ...
    @property
    def lemma_(self) -> str: ...
    @property
    def pos_(self) -> str: ...


class _Word(NamedTuple):
    """A token's three attributes :func:`forms` reads (for the doctest)."""

    lower_: str
    lemma_: str
    pos_: str


#: "X is expected to meet": the head verb (or adjective) makes the meeting planned.
PLAN_HEADS = frozenset(
    {"expect", "schedule", "due", "plan", "agree", "set", "intend", "arrange", "be", "go",
     "prepare", "decide", "leave", "travel", "fly", "come", "return", "likely", "slate",
     "suppose", "hope", "aim"}
)
#: "X refused to meet": the head verb negates the meeting ("denied meeting Y": a gerund or
#: infinitive of the head).
NEG_HEADS = frozenset({"refuse", "decline", "fail", "reject", "deny", "unable"})
#: Head verbs whose negation affirms what they govern ("did not hesitate to meet Y", "did not
#: fail to meet Y": he met Y).
AFFIRMED_WHEN_DENIED = frozenset({"hesitate", "fail", "neglect", "forget"})
#: Head verbs whose infinitive did not take place ("forgot to meet Y"); their gerund did
#: ("forgot meeting Y"), so they are no NEG_HEADS.
LAPSE_HEADS = frozenset({"forget", "neglect"})
#: Verbs whose "that" clause says that what it tells did not take place ("X denied she flew
#: to Oslo to meet Y", "denied that he had met Y"): a report of the meeting, negated. "deny"
#: is in NEG_HEADS too, for the gerund it governs; this set is read for its clause.
DENIALS = frozenset({"deny"})
#: Verbs that themselves say a meeting did not, or will not, take place.
NEG_VERBS = frozenset({"cancel", "boycott", "skip", "postpone", "scrap", "snub", "abandon",
                       "shun", "miss", "rule out"})
#: Verbs of pulling out of a meeting ("X pulled out of the talks", "Y withdrew from the
#: meeting"): the party will not be there.
LEAVE = frozenset({"pull", "withdraw"})
#: Verbs of walking out of a meeting ("X walked out of the talks"): leaving after being there,
#: so the party was at it (the guide's "happened": the meeting took place with them).
WALK_OUT = frozenset({"walk", "storm"})
#: Either way of leaving a meeting, as the meeting rules read both.
LEAVING = LEAVE | WALK_OUT
#: Heads that make a meeting only wished for, offered or possible: not a meeting yet.
HYPOTHETICAL_HEADS = frozenset(
    {"happy", "willing", "ready", "prepared", "eager", "glad", "keen", "offer", "invite",
     "propose", "want", "hope", "wish", "like", "seek", "ask", "urge", "suggest", "consider",
     "request", "push", "press", "try", "call", "demand", "invitation", "proposal", "possible",
     "able", "love", "welcome", "willingness", "readiness", "desire", "eagerness",
     "threaten"}
)
#: Modifiers that put a meeting noun ahead ("the upcoming talks", "at the next meeting").
AHEAD_MODS = frozenset({"next", "upcoming", "forthcoming", "coming", "planned", "scheduled",
                        "proposed"})
#: Words that date a meeting behind the story ("at the last meeting", "a meeting last week").
BEHIND_MODS = frozenset({"last", "previous", "earlier", "ago", "yesterday"})
#: Modals that leave a meeting open ("could meet", "may attend").
HYPOTHETICAL_AUX = frozenset({"could", "might", "should", "may"})
#: Nouns whose "that" clause reports something as so, not as wished or proposed; with the
#: nouns of telling the parser hangs a verb's "that" clause on ("told X in an interview that").
FACT_NOUNS = frozenset({"news", "report", "remark", "statement", "announcement", "word",
                        "confirmation", "fact", "comment", "disclosure", "revelation",
                        "admission", "indication", "sign", "interview", "answer", "reply",
                        "speech", "appearance", "briefing", "testimony"})
#: Auxiliaries that put a clause ahead of the report ("will meet", "would attend").
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
#: Verbs that schedule a meeting ("expected to", "scheduled for").
SCHEDULING = frozenset({"expect", "schedule", "plan", "slate", "set"})
#: "agreed to talks": the talks are ahead.
CONSENT = frozenset({"agree", "consent", "commit"})
#: Verbs that, negated with a meeting noun as subject, say it did not take place ("the talks
#: did not take place", "the summit will not go ahead", "talks are not scheduled"); another
#: predicate negated is what the meeting did not do ("the talks did not produce a deal").
OCCURRENCE = frozenset({"happen", "occur", "hold", "be", "go", "start", "begin", "open",
                        "resume", "proceed", "materialise", "materialize", "convene",
                        "continue", "come", "get"}) | SCHEDULING
#: Verbs whose "in" phrase is the meeting one takes part in, not a setting ("involved in talks").
TAKING_PART = frozenset({"involve", "participate", "engage"})
#: Verbs that link a meeting to a judgement of how it goes ("the talks were difficult").
COPULAS = frozenset({"be", "seem", "prove", "remain", "appear", "look", "become"})


def forms(tok: _Tok) -> set[str]:
    """The lemma and crude stems of a word: the small model lemmatises "hopes" as "hop". A
    verb's own spelling is left out: "prepared to fly" plans where "is prepared to" wishes."""
    low = tok.lower_
    out = {tok.lemma_.casefold()} | ({low} if tok.pos_ != "VERB" else set())
    for suffix, keep in (("s", 1), ("d", 1), ("ed", 2), ("ing", 3)):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.add(low[: -keep])
    if low.endswith("ing") and len(low) > 5:
        out.add(low[:-3] + "e")  # "hoping": "hope" as well as "hop"
    return out
