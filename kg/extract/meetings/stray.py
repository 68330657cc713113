"""Phrases the parser hung away from the meeting word they belong to.

A verb's "with" phrase hung on a word in between ("met in the residence with X"). A meeting
noun's "between" phrase hung on the verb above the noun: when a time word follows the noun
("before talks later today between X and Y", "talks here today with X"), the small parser
often makes the time word and the phrase after it modifiers of the governing verb; people or
organisations are not "between" anything a verb does, and a "with" phrase right after the
meeting's own phrase names its other side, so such a phrase is the meeting's.

>>> TIME_WORDS >= {"here", "later", "today"}
True
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.meetings.parties import Parties

__all__ = ["TIME_WORDS", "STRAY_PATH", "stray_between", "stray_with"]

#: Words that may stand between a meeting noun and its phrase without being a party.
TIME_WORDS = frozenset({"here", "there", "later", "earlier", "early", "late", "today",
                        "tomorrow", "yesterday", "tonight", "next", "last", "this", "on", "in"})


def stray_between(parties: Parties, noun: Token, word: str = "between") -> list[str]:
    """The named parties of a "between" phrase (or one of ``word``: "talks here today with
    X") right after ``noun``, only time words in between, that hangs on one of the noun's
    governing heads instead of the noun."""
    doc = noun.doc
    heads = {a.i for a in noun.ancestors}
    nxt = noun.i + 1
    while nxt < noun.sent.end and (doc[nxt].ent_type_ in ("DATE", "TIME") or doc[nxt].is_space
                                   or doc[nxt].lower_ in TIME_WORDS):
        nxt += 1
    if nxt >= noun.sent.end or nxt == noun.i + 1:
        return []  # no time word: the parser's own attachment stands
    prep = doc[nxt]
    if prep.lower_ != word or prep.dep_ != "prep" or prep.head.i == noun.i:
        return []
    head = prep.head
    if head.i not in heads and not (head.i > noun.i and head.head.i in heads):
        return []  # hung on a word that is neither above the noun nor its time word
    return [k for g in prep.children if g.dep_ == "pobj" for k in parties.expand(g)]


STRAY_PATH = frozenset({"pobj", "prep", "advcl", "npadvmod", "advmod", "compound"})


def stray_with(verb: Token, through: frozenset[str] | None = None) -> list[Token]:
    """ "with" phrases below ``verb`` that the parser hung on a word in between ("met in the
    residence with X", "met after the vote ended with X"); with ``through``, only across
    those prepositions ("talks at the embassy with X", not "talks on relations with X")."""
    out = []
    for t in verb.subtree:
        if t.dep_ != "prep" or t.lower_ != "with" or t.head.i == verb.i or t.i < verb.i:
            continue
        cur = t.head
        while cur.i != verb.i and cur.dep_ in STRAY_PATH and cur.head.i != cur.i:
            if through is not None and cur.dep_ == "prep" and cur.lower_ not in through:
                break
            cur = cur.head
        if cur.i == verb.i:
            out.append(t)
    return out
