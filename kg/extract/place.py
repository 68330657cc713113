"""The place of an event: a locative phrase ("in Moscow") or compound ("Moscow talks") on it."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

__all__ = ["attached_place"]

_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside"})


def attached_place(sent: Span, anchors: set[int], after: Iterable[Token]) -> Span | None:
    """The place of the event: a locative PP on an anchor, or on a party named before it.

    ``after`` are party tokens: "meet X in Moscow" may attach "in Moscow" to X.
    """
    parties = {t.i for t in after}
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        root = ent.root
        if root.dep_ == "compound" and root.head.i in anchors:
            return ent  # "Moscow talks"
        if root.dep_ != "pobj" or root.head.lower_ not in _LOCATIVE:
            continue
        host = root.head.head
        if host.i in anchors or (host.i in parties and root.head.i > host.i):
            return ent
    return None
