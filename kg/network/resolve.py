"""Finding an entity by name in the NetworkX graph: one resolver for map focus and analytics.

Names compare case- and accent-insensitively. An exact label wins over an exact alias or IRI,
then a unique substring of a label or alias ("Putin" for "Vladimir Putin") is accepted; several
matches, or none, raise :class:`~kg.errors.EntityNotFoundError` naming the candidates or the
closest labels.

>>> from kg.network.graph import to_networkx
>>> from kg.sample import sample_store
>>> g = to_networkx(sample_store())
>>> find_entity(g, "president vladimir putin"), find_entity(g, "ZELENSKY")
('https://w3id.org/kg-news/id/person/vladimir-putin', 'https://w3id.org/kg-news/id/person/volodymyr-zelensky')
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Hashable

import networkx as nx

from kg.errors import EntityNotFoundError

__all__ = ["find_entity", "normalise"]


def normalise(s: str) -> str:
    """``s`` case-folded, without accents, with single spaces: how names compare.

    >>> normalise("  Zelenskyy  ÉLYSÉE ")
    'zelenskyy elysee'
    """
    s = unicodedata.normalize("NFKD", s)
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).casefold().split())


def _label(g: nx.Graph, n: Hashable) -> str:
    return str(g.nodes[n].get("label", n))


def _names(g: nx.Graph, n: Hashable) -> list[str]:
    return [_label(g, n), *map(str, g.nodes[n].get("aliases", ())), str(n)]


def find_entity(g: nx.Graph, name: str) -> Hashable:
    """The node whose label, alias or IRI is ``name``, else the one whose names contain it."""
    want = normalise(name)
    nodes = sorted(g, key=str)
    exact = [n for n in nodes if normalise(_label(g, n)) == want]
    if not exact:
        exact = [n for n in nodes if any(normalise(x) == want for x in _names(g, n))]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [n for n in nodes if any(want in normalise(x) for x in _names(g, n))]
    if len(partial) == 1:
        return partial[0]
    if partial:
        labels = sorted({_label(g, n) for n in partial})
        raise EntityNotFoundError(f"{name!r} matches {len(partial)} entities: "
                                  f"{', '.join(labels[:8])}")
    # Compare with each name and each word of it, so "Putn" finds "Vladimir Putin".
    words = {w: _label(g, n) for n in nodes for x in _names(g, n)
             for w in (normalise(x), *normalise(x).split())}
    close = list(dict.fromkeys(words[w] for w in
                               difflib.get_close_matches(want, list(words), n=5, cutoff=0.7)))
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise EntityNotFoundError(f"no entity called {name!r} in the graph{hint}")
