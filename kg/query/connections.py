"""The saved query ``connections`` as a two-step search: shortest links first, then their facts.

``queries/connections.rq`` says what ``connections`` answers: how two entities are linked by
the fewest hops (1-3) of shared facts, with the sentences. As one SPARQL query it is exact on
any engine, but Oxigraph joins it badly between two hubs: it read the facts of the whole store
first (> 15 s on Reuters-21578; BENCHMARKS.md, "Saved queries on the whole corpus"). So ``kg``
answers it in two steps, with the same rows (its ``# plan: connections`` line):

1. the links: the pairs of entities the two names resolve to, and the middles of their
   shortest paths, walked along the corpus summary's ``kg:partner`` edges (one internal query
   per path length, ``internal/connections-{direct,middle,bridge}.rq``; each is gated so that
   a pair linked by fewer hops gets no longer paths);
2. the facts: for each link of each path, the meetings and statements the two entities share
   with their sentences (``internal/connections-facts.rq``, the IRIs passed as bindings, each
   link read once), and the labels of the middles; the rows are the paths' combinations of
   distinct facts, sorted as the saved query sorts them.

A ``kg:partner`` edge holds exactly between two entities that share a meeting or a statement,
so walking partners drops no path of the shortest length.

>>> from rdflib import Literal
>>> from kg.sample import sample_store
>>> r = connections(sample_store(), {"from": Literal("Putin"), "to": Literal("Witkoff")})
>>> r.vars[:3], [str(row[2]) for row in r.rows][:1]
(('from', 'to', 'hops'), ['1'])
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import Literal
from rdflib.term import Node

from kg.errors import QueryError, QueryTimeoutError
from kg.query.files import internal_query
from kg.query.results import QueryResult
from kg.store.base import Store

__all__ = ["Path", "COLUMNS", "shortest_paths", "connections"]

#: The columns of ``connections``, as its saved query projects them.
COLUMNS = ("from", "to", "hops", "via1", "via2", "sentence1", "sentence2", "sentence3")
_STEPS = ("connections-direct", "connections-middle", "connections-bridge")


@dataclass(frozen=True, slots=True)
class Path:
    """A shortest path between two entities: its ends, then its middles (0-2 of them)."""

    source: Node  #: the entity the ``from`` name resolved to
    target: Node  #: the entity the ``to`` name resolved to
    middles: tuple[Node, ...] = ()

    @property
    def nodes(self) -> tuple[Node, ...]:
        return (self.source, *self.middles, self.target)


def _check(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise QueryTimeoutError("query stopped at its time limit")


def shortest_paths(store: Store, source: Node, target: Node,
                   deadline: float | None = None) -> list[Path]:
    """The shortest paths (1-3 hops along ``kg:partner``) between the entities the names
    ``source`` and ``target`` resolve to, for each pair of such entities."""
    paths: list[Path] = []
    for step in _STEPS:
        _check(deadline)
        result = store.query(internal_query(step), {"from": source, "to": target},
                             deadline=deadline)
        for row in result.rows:
            a, b, *middles = row[2:]
            if a is not None and b is not None and None not in middles:
                paths.append(Path(a, b, tuple(m for m in middles if m is not None)))
    return paths


class _Facts:
    """The facts two entities share, and an entity's labels and number of partners, each read
    from the store once."""

    def __init__(self, store: Store, deadline: float | None) -> None:
        self.store = store
        self.deadline = deadline
        self._facts: dict[frozenset[Node], list[tuple[Node, Node]]] = {}
        self._entities: dict[Node, tuple[int, list[Node]]] = {}

    def shared(self, u: Node, v: Node) -> list[tuple[Node, Node]]:
        key = frozenset((u, v))
        if key not in self._facts:
            if self._entity(v)[0] < self._entity(u)[0]:
                u, v = v, u  # Oxigraph reads the facts of ?u, then looks for ?v in each
            _check(self.deadline)
            r = self.store.query(internal_query("connections-facts"), {"u": u, "v": v},
                                 deadline=self.deadline)
            self._facts[key] = [(row[2], row[3]) for row in r.rows
                                if row[2] is not None and row[3] is not None]
        return self._facts[key]

    def _entity(self, e: Node) -> tuple[int, list[Node]]:
        if e not in self._entities:
            _check(self.deadline)
            r = self.store.query(internal_query("connections-entity"), {"e": e},
                                 deadline=self.deadline)
            count = max((int(str(row[1])) for row in r.rows if row[1] is not None), default=0)
            self._entities[e] = (count, [row[2] for row in r.rows if row[2] is not None])
        return self._entities[e]

    def labels(self, e: Node) -> list[Node]:
        return self._entity(e)[1]


_Row = tuple[Node | None, ...]


def _rows(path: Path, facts: _Facts) -> set[_Row]:
    """The rows of one path without its names: (hops, via1, via2, sentence1-3)."""
    nodes = path.nodes
    if len(set(nodes)) != len(nodes):
        return set()
    links = [facts.shared(u, v) for u, v in itertools.pairwise(nodes)]
    if not all(links):
        return set()
    vias = [facts.labels(m) for m in path.middles]
    hops = len(links)
    out: set[_Row] = set()
    for chosen in itertools.product(*links):
        if len({f for f, _ in chosen}) != hops:  # one fact cannot be two links of a path
            continue
        sentences: list[Node | None] = [s for _, s in chosen]
        sentences += [None] * (3 - hops)
        for via in itertools.product(*vias):
            names: list[Node | None] = list(via)
            names += [None] * (2 - len(via))
            out.add((Literal(hops), *names, *sentences))
    return out


def _order(row: _Row) -> tuple[tuple[int, str], ...]:
    # As SPARQL's ORDER BY ?hops ?via1 ?via2 ?sentence1 ?sentence2 ?sentence3: unbound first
    # (hops is 1-3, so its string order is its number order).
    return tuple((0, "") if v is None else (1, str(v)) for v in row)


def connections(store: Store, params: Mapping[str, Node], *, max_rows: int | None = None,
                deadline: float | None = None) -> QueryResult:
    """The rows of the saved query ``connections`` for the names ``params["from"]`` and
    ``params["to"]``, found in two steps (see the module's docstring)."""
    try:
        source, target = params["from"], params["to"]
    except KeyError as e:
        raise QueryError(f"query connections needs --param {e.args[0]}=VALUE") from e
    facts = _Facts(store, deadline)
    found: set[_Row] = set()
    for path in shortest_paths(store, source, target, deadline):
        found |= _rows(path, facts)
    rows = sorted(found, key=_order)[:max_rows]
    return QueryResult("SELECT", COLUMNS, tuple((source, target, *row) for row in rows))
