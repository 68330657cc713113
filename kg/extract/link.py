"""Cross-article linking: a bare "Putin" in one article becomes the "Vladimir Putin" of others.

Inside an article, :mod:`kg.extract.names` already joins "Putin" to "Vladimir Putin"
when both are written there. Across articles the store knows the full names;
:func:`link_across` rewrites an extraction's person keys to the one known person whose
name ends with the short name, keeping the short form as an alias.

>>> from kg.model import Article, Entity, EntityType, Extraction
>>> short = Entity("person:putin", "Putin", EntityType.PERSON)
>>> x = Extraction(Article("a2", "T", "Putin spoke."), entities=(short,))
>>> y = link_across(x, [("person:vladimir putin", "Vladimir Putin")])
>>> y.entities[0].key, y.entities[0].label, y.entities[0].aliases
('person:vladimir putin', 'Vladimir Putin', ('Putin',))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import overload

from kg.extract.names import surname_match
from kg.model import Argument, Entity, EntityType, Extraction

__all__ = ["link_across", "link_map"]


def _words(label: str) -> tuple[str, ...]:
    return tuple(label.casefold().replace(".", "").split())


def link_map(entities: Iterable[Entity], known: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Old key -> known key, for people whose name ends exactly one known, longer name.

    ``known`` holds ``(key, label)`` of entities already stored (from earlier articles).
    A short name that fits two known people ("Baker": James or Howard) stays as it is.

    >>> link_map([Entity("person:baker", "Baker", EntityType.PERSON)],
    ...          [("person:james baker", "James Baker"), ("person:howard baker", "Howard Baker")])
    {}
    """
    people = [(k, _words(label)) for k, label in known if k.startswith("person:")]
    out: dict[str, str] = {}
    for e in entities:
        if e.type is not EntityType.PERSON:
            continue
        words = _words(e.label)
        targets = {k for k, full in people if surname_match(words, full)}
        if len(targets) == 1 and e.key not in {k for k, _ in people}:
            out[e.key] = targets.pop()
    return out


@overload
def _arg(a: Argument, mapping: dict[str, str]) -> Argument: ...


@overload
def _arg(a: Argument | None, mapping: dict[str, str]) -> Argument | None: ...


def _arg(a: Argument | None, mapping: dict[str, str]) -> Argument | None:
    if a is None or a.entity not in mapping:
        return a
    return replace(a, entity=mapping[a.entity])


def link_across(extraction: Extraction, known: Iterable[tuple[str, str]]) -> Extraction:
    """``extraction`` with its short-named people linked to known full names.

    Call it before :func:`kg.rdf.mapping.to_rdf`, with ``known`` = ``(key, label)`` pairs of the
    people already in the store (or in the articles built before this one).
    """
    known = list(known)
    mapping = link_map(extraction.entities, known)
    if not mapping:
        return extraction
    labels = dict(known)
    merged: dict[str, Entity] = {}
    for e in extraction.entities:
        key = mapping.get(e.key, e.key)
        if key == e.key:
            merged[key] = merged.get(key) or e
            continue
        label = labels[key]
        aliases = tuple(sorted({*e.aliases, e.label} - {label}))
        prev = merged.get(key)
        if prev is not None:
            aliases = tuple(sorted({*prev.aliases, *aliases} - {label}))
            e = replace(prev, mentions=prev.mentions + e.mentions,
                        titles=tuple(dict.fromkeys(prev.titles + e.titles)))
        merged[key] = replace(e, key=key, label=label, aliases=aliases)
    meetings = []
    for m in extraction.meetings:
        parts = tuple(dict.fromkeys(mapping.get(k, k) for k in m.participants))
        if len(parts) >= 2:
            meetings.append(replace(m, participants=parts))
    triples = tuple(
        replace(t, subject=_arg(t.subject, mapping), object=_arg(t.object, mapping),
                extra=tuple(_arg(a, mapping) for a in t.extra))
        for t in extraction.triples
    )
    return replace(extraction, entities=tuple(merged.values()), meetings=tuple(meetings),
                   triples=triples)
