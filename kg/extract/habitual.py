"""Habitual, generic and many-at-once meetings: no one meeting event the guide counts.

"X meets Y regularly", "regular talks", "any talks" and "a number of discussions took place
between A and B" tell of meetings in general or of many told as one; "a venture under discussion
between A and B" is a topic still negotiated. None of them is a meeting of its own.

>>> "regularly" in _HABITUAL_ADV, "number" in _SERIES
(True, True)
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["is_habitual"]

_HABITUAL_ADV = frozenset({"regularly", "often", "usually", "frequently", "routinely",
                           "occasionally", "periodically", "sometimes", "always", "annually"})
_HABITUAL_ADJ = frozenset({"regular", "periodic", "routine", "frequent", "weekly", "monthly",
                           "occasional", "ongoing", "current", "continuing"})
#: "a number of discussions", "a series of meetings": many meetings told as one, none of them
#: an event of its own ("rounds" and "hours of talks" are one meeting's parts, not these).
_SERIES = frozenset({"number", "series", "string", "spate", "flurry", "succession"})


def is_habitual(tok: Token) -> bool:
    """Whether ``tok`` (a trigger verb or noun) is habitual or generic ("meet regularly",
    "regular talks", "any talks"), or a topic under negotiation ("a venture under discussion
    between A and B": the guide leaves ongoing negotiations out)."""
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "under":
        return True
    if tok.tag_ == "NNS" and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.lemma_.casefold() in _SERIES:
        return True  # "a number of discussions took place between A, B and C"
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
