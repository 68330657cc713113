"""Habitual, generic and many-at-once meetings: no one meeting event the guide counts.

"X meets Y regularly", "regular talks", "any talks" and "a number of discussions took place
between A and B" tell of meetings in general or of many told as one; "a venture under discussion
between A and B" is a topic still negotiated, and "talks with X are continuing" (the guide's
own example), "negotiations are under way", "continues to negotiate with X" tell a process
going on with no meeting event, unless a day or a place of its own makes one ("talks
continued in Oslo on Tuesday"); "decided after consultation with X" tells how a decision was
reached. None of them is a meeting of its own.

>>> "regularly" in _HABITUAL_ADV, "number" in _SERIES, "continue" in _GOING_ON
(True, True, True)
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.gazetteer import WEEKDAYS

__all__ = ["is_habitual"]

_HABITUAL_ADV = frozenset({"regularly", "often", "usually", "frequently", "routinely",
                           "occasionally", "periodically", "sometimes", "always", "annually"})
_HABITUAL_ADJ = frozenset({"regular", "periodic", "routine", "frequent", "weekly", "monthly",
                           "occasional", "ongoing", "current", "continuing"})
#: "a number of discussions", "a series of meetings": many meetings told as one, none of them
#: an event of its own ("rounds" and "hours of talks" are one meeting's parts, not these).
_SERIES = frozenset({"number", "series", "string", "spate", "flurry", "succession"})
#: Negotiation words (not "meeting" or "summit", which name an event) and the predicates
#: that tell them as a process going on.
_TALK_NOUNS = frozenset({"talk", "negotiation", "discussion", "consultation"})
_TALK_VERBS = frozenset({"negotiate", "talk", "discuss", "consult", "bargain", "meet"})
_GOING_ON = frozenset({"continue", "proceed"})
_STRETCH = frozenset({"for", "since", "over", "throughout"})
_DAYS = WEEKDAYS.keys() | {"today", "yesterday", "tomorrow", "tonight"}
#: "after consultation with X", "in negotiation with X": how a decision was reached, not a
#: meeting held (the bare singular noun; "after a consultation with X on Monday" is one).
_MANNER = frozenset({"after", "in", "following", "without", "through", "upon"})


def is_habitual(tok: Token) -> bool:
    """Whether ``tok`` (a trigger verb or noun) is habitual or generic ("meet regularly",
    "regular talks", "any talks"), or a topic under negotiation ("a venture under discussion
    between A and B": the guide leaves ongoing negotiations out)."""
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "under":
        return True
    if tok.tag_ == "NNS" and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.lemma_.casefold() in _SERIES:
        return True  # "a number of discussions took place between A, B and C"
    if _going_on(tok):
        return True
    if tok.lemma_.casefold() in _TALK_NOUNS and tok.tag_ == "NN" and tok.dep_ == "pobj" \
            and tok.head.lower_ in _MANNER \
            and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in _HABITUAL_ADV:
            return True
        if c.dep_ == "amod" and c.lower_ in _HABITUAL_ADJ:
            return True
        if c.dep_ == "npadvmod" and any(g.lower_ in ("every", "each") for g in c.children):
            return True
        if c.dep_ == "det" and c.lower_ in ("any", "every", "each", "all") and tok.pos_ == "NOUN" \
                and not any(a.lemma_.casefold() in ("deny", "without")
                            or any(g.dep_ == "neg" for g in a.children) for a in tok.ancestors):
            return True  # "a force in any trade talks": talks in general ("did not hold any
            # talks with X" is one negated meeting)
    return False


def _going_on(tok: Token) -> bool:
    """Whether negotiations are told only as a process going on ("talks with X are
    continuing", "negotiations were under way", "have reached an advanced stage", "is
    continuing to negotiate with X", "will be continuing its talks with X"), with no day or
    place of their own."""
    lemma = tok.lemma_.casefold()
    head = tok.head
    if tok.pos_ == "NOUN" and lemma in _TALK_NOUNS and tok.tag_ == "NNS":
        hl = head.lemma_.casefold()
        process = tok.dep_ in ("nsubj", "nsubjpass") and (
            hl in _GOING_ON
            or hl == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children)
            or hl == "be" and any(c.dep_ == "prep" and c.lower_ in ("under", "in") and any(
                g.lower_ in ("way", "progress") for g in c.children) for c in head.children)
            or hl == "reach" and any(c.dep_ == "dobj" and c.lemma_.casefold() == "stage"
                                     for c in head.children)) \
            or tok.dep_ == "dobj" and hl in _GOING_ON
    elif tok.pos_ in ("VERB", "AUX") and lemma in _TALK_VERBS:
        process = tok.dep_ == "xcomp" and head.lemma_.casefold() in _GOING_ON
    else:
        return False
    return process and not _dated_or_placed(head) and not _dated_or_placed(tok)


def _dated_or_placed(tok: Token) -> bool:
    """Whether ``tok`` has a time ("on Tuesday", "last week", "today") or a place ("in Oslo")
    of its own; a stretch of time ("for years", "since 1979") is no time of a meeting."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _STRETCH:
            continue
        for g in (c, *(g for g in c.children if c.dep_ == "prep")):
            if g.lower_ in _DAYS or g.ent_type_ in ("DATE", "TIME") \
                    or g.ent_type_ in ("GPE", "LOC", "FAC") and c.lower_ in ("in", "at"):
                return True
    return False
