"""Counterparts told apart: "met A in Geneva and B in Paris" is a meeting with each, where it was.

A list of counterparts whose items carry a place or a time of their own ("met A in Geneva and
B in Paris", "will meet A on Monday and B on Wednesday", "talks with A in Geneva and with B in
Paris") tells one meeting per item, each with its own setting; the subject, the status and
what the sentence says of all of them ("last week" after the last item) are shared. A setting
told once after the last item ("met A and B in Geneva") is the whole list's, as is one told
after an item that nothing else follows with its own ("met A of Valoria in Geneva and B").
The verb rules, the meeting nouns and the scorer split a list here; a neighbouring sentence's
echo of the meeting, sessions, hospitality and the discourse stage still read the sentence's
one setting.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.meetings.parties import Parties
from kg.extract.meetings.setting import meeting_setting
from kg.extract.walks import list_items, opens_clause

__all__ = ["Group", "groups", "gapped", "told_apart"]

#: Prepositions of a place or a time ("in Geneva", "on Monday", "at the palace").
_PREPS = frozenset({"in", "at", "on", "during", "near", "outside", "inside"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_TIMES = frozenset({"DATE", "TIME"})

#: One meeting's worth of a split list: its parties, place and time.
Told = tuple[tuple[str, ...], Span | None, str | None]


@dataclass(frozen=True)
class Group:
    """Items of a counterpart list that share a setting of their own, and the stretch of the
    sentence (``start``, ``end``) from the first of them to the end of that setting."""

    items: tuple[Token, ...]
    start: int
    end: int


def _kind(t: Token) -> str | None:
    """"place" or "time" when ``t`` heads a setting phrase: a preposition with a place or a
    date for object ("in Geneva", "on Monday"), or a bare date ("Monday", "last week")."""
    if t.dep_ == "prep" and t.lower_ in _PREPS:
        label = next((o.ent_type_ for o in t.children if o.dep_ == "pobj"), "")
    elif t.dep_ == "npadvmod":
        label = t.ent_type_
    else:
        return None
    return "place" if label in _PLACES else "time" if label in _TIMES else None


def _phrases(anchors: set[int], items: list[Token]) -> list[tuple[int, int, str]]:
    """The setting phrases after the list's first item that hang on an anchor, an item or
    another setting ("in Geneva on Monday"): their first and past-last index and kind."""
    # (or on the name apposed to an item: "Norland's king, Paul Moravec, in Oslo"; not on a
    # description: "A, the envoy in Geneva, and B in Paris" tells where A serves)
    hosts = set(anchors) | {u.i for t in items for u in (t, *t.children)
                            if u.i == t.i or u.dep_ == "appos" and u.pos_ == "PROPN"}
    out: list[tuple[int, int, str]] = []
    for t in items[0].sent:
        kind = _kind(t)
        if kind is None or t.head.i not in hosts:
            continue
        hosts |= {c.i for c in t.children if c.dep_ == "pobj"}
        if t.i > items[0].i:
            out.append((t.i, t.right_edge.i + 1, kind))
    return out


def groups(anchors: set[int], items: list[Token]) -> list[Group]:
    """The groups of the counterpart list ``items`` whose settings tell them apart, in order;
    none unless two groups have settings of their own. A kind of setting (place, time) tells
    items apart only when one comes between two items; items after the last such setting
    belong to the group before them ("met A of Valoria in Geneva and B": one meeting)."""
    items = sorted({t.i: t for t in items}.values(), key=lambda t: t.i)
    if len(items) < 2:
        return []
    phrases = _phrases(anchors, items)
    ends = [items[j + 1].left_edge.i for j in range(len(items) - 1)] + [len(items[0].doc)]
    between = {k for t, end in zip(items[:-1], ends, strict=False) for s, _, k in phrases
               if t.i < s < end}
    out: list[Group] = []
    run: list[Token] = []
    for t, end in zip(items, ends, strict=True):
        run.append(t)
        own = [e for s, e, k in phrases if t.i < s < end and k in between]
        if own:
            out.append(Group(tuple(run), run[0].left_edge.i, max(own)))
            run = []
    if run and out:
        out[-1] = Group(out[-1].items + tuple(run), out[-1].start, out[-1].end)
    return out if len(out) >= 2 else []


def _counterparts(p: Parties, objs: list[Token]) -> list[Token]:
    """The items of the lists ``objs`` head that name parties, not the place or the date of a
    setting phrase among them (a meeting noun's objects are every prepositional object)."""
    doc = objs[0].doc if objs else None
    return [doc[i] for i in sorted(list_items(objs)) if doc is not None
            and _kind(doc[i].head) is None and doc[i].ent_type_ not in _PLACES | _TIMES
            and p.of_token(doc[i])]


def gapped(p: Parties, anchors: set[int], objs: list[Token]) -> list[Token]:
    """Counterparts told with settings of their own that the parser hung elsewhere: on the
    verb ("met A of Valoria in Geneva and B of Norland in Paris"), on the first item's date
    ("will meet A on Monday and B on Wednesday") or as a "with" phrase coordinated with
    another preposition ("talks with A in Geneva on Monday and with B in Paris on Tuesday");
    none unless they make two groups."""
    items = _counterparts(p, objs)
    if not items:
        return []
    last = max(t.i for t in items)
    out: list[Token] = []
    for t in items[0].sent:
        h = t.head
        if t.i <= last or t.pos_ not in ("PROPN", "NOUN") or opens_clause(t) \
                or t.ent_type_ in _PLACES | _TIMES:
            continue
        if t.dep_ == "conj" and (h.i in anchors and h.pos_ in ("VERB", "AUX")
                                 or _kind(h.head) is not None and h.dep_ == "pobj"
                                 and h.head.head.i in anchors | {i.i for i in items}) \
                or t.dep_ == "pobj" and h.lower_ == "with" and h.dep_ == "conj" \
                and h.head.dep_ == "prep":
            # ("and Norland's king, Paul Moravec, in Oslo": the name apposed to a title)
            out += [u for u in (t, *(c for c in t.children if c.dep_ == "appos"
                                     and c.pos_ == "PROPN")) if p.of_token(u)][:1]
    return out if out and groups(anchors, items + out) else []


def told_apart(p: Parties, sent: Span, tok: Token, anchors: set[int], objs: list[Token],
               sets: list[tuple[str, ...]], place: Span | None, time: str | None) -> list[Told]:
    """Each party set of ``sets`` with its place and time: one per group of counterparts told
    apart in it, less the other groups' parties, with the group's own setting (and what the
    sentence tells outside every group: ``place`` and ``time``, read over the sentence);
    a set that names no group keeps ``place`` and ``time``."""
    extra = gapped(p, anchors, objs)  # ("talks with A in Geneva and with B in Paris")
    if extra:
        listed = {k for t in _counterparts(p, objs) for k in p.of_token(t)}
        sets = [tuple(dict.fromkeys(parts + tuple(k for t in extra for k in p.of_token(t))))
                if listed & set(parts) else parts for parts in sets]
    found = groups(anchors, _counterparts(p, objs + extra))
    if not found:
        return [(parts, place, time) for parts in sets]
    keys = [{k for t in g.items for k in p.of_token(t)} for g in found]
    own = [meeting_setting(sent.doc[g.start:g.end], anchors, tok, list(g.items))
           for g in found]
    # what the whole sentence reads as the setting is shared unless it is a group's own
    shared_place = None if place is not None and any(
        o is not None and o.root.i == place.root.i for o, _ in own) else place
    shared_time = None if time in {t for _, t in own} else time
    out: list[Told] = []
    for parts in sets:
        mine = [n for n, ks in enumerate(keys) if ks & set(parts)]
        if not mine:
            out.append((parts, place, time))
            continue
        for n in mine:
            others = set().union(*(ks for m, ks in enumerate(keys) if m != n)) - keys[n]
            own_place, own_time = own[n]
            out.append((tuple(k for k in parts if k not in others),
                        own_place or shared_place, own_time or shared_time))
    return out
