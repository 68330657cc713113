"""Saved SPARQL queries (``queries/*.rq``, shipped as ``kg/query/saved/``) and running them.

A saved query starts with a header comment: its first line says what it answers, and
``# param: NAME - text`` lines name its parameters. A parameter must also be projected
(``SELECT ?name ...``): Oxigraph substitutes only projected variables (SEP-0007).
Parameters reach the engine as bindings (rdflib ``initBindings``, Oxigraph
``substitutions``), never by string formatting. A ``# plan: NAME`` line says that ``kg``
answers the query with one of its own functions (:data:`PLANS`) that gives the same rows
faster than the engine evaluates the text (``connections``: a path search); the text stays the
query's definition, and runs as it is on any other SPARQL engine.

>>> q = parse_saved("x", "# Who is who.\\n# param: name - a label\\nSELECT * WHERE {}")
>>> q.description, q.params
('Who is who.', ('name',))
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Literal
from rdflib.term import Node

from kg.errors import QueryError, QueryNotFoundError
from kg.query.connections import connections
from kg.query.files import SAVED_DIR
from kg.query.results import QueryResult
from kg.store import Store

__all__ = [
    "SavedQuery",
    "QUERIES_ENV",
    "queries_dir",
    "parse_saved",
    "saved_queries",
    "load_query",
    "run_query",
    "parse_params",
    "PLANS",
]

#: Setting that points at another folder of saved queries.
QUERIES_ENV = "KG_QUERIES"
_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s*(\(optional\))?\s*(?:[-–:]\s*(.*))?$")
_PLAN = re.compile(r"^#\s*plan:\s*([\w-]+)")

#: The functions a saved query's ``# plan: NAME`` line may name: each takes the store and the
#: parameters (and ``max_rows``, ``deadline``) and returns the rows the query's text defines.
PLANS: dict[str, Callable[..., QueryResult]] = {"connections": connections}


@dataclass(frozen=True, slots=True)
class SavedQuery:
    """A SPARQL query with its name, one-line description and parameter names."""

    name: str
    text: str
    description: str = ""
    params: tuple[str, ...] = ()
    param_help: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()  #: parameters the query reads as "all" when left unset
    plan: str | None = None  #: the function of :data:`PLANS` that answers it, if any


def queries_dir() -> Path:
    """Where saved queries live: ``$KG_QUERIES``, else ``./queries``, else the package's own."""
    env = os.environ.get(QUERIES_ENV)
    if env:
        return Path(env)
    local = Path.cwd() / "queries"
    if local.is_dir() and any(local.glob("*.rq")):
        return local
    return SAVED_DIR


def parse_saved(name: str, text: str) -> SavedQuery:
    """Read the header comment of a saved query."""
    desc: list[str] = []
    params: list[str] = []
    helps: list[str] = []
    optional: list[str] = []
    plan: str | None = None
    for line in text.splitlines():
        s = line.strip()
        if not s.startswith("#"):
            if s:
                break
            continue
        m = _PARAM.match(s)
        p = _PLAN.match(s)
        if p:
            plan = p.group(1)
        elif m:
            params.append(m.group(1))
            helps.append((m.group(3) or "").strip())
            if m.group(2):
                optional.append(m.group(1))
        elif not params and s.lstrip("# ").strip():
            desc.append(s.lstrip("# ").strip())
    return SavedQuery(name, text, desc[0] if desc else "", tuple(params), tuple(helps),
                      tuple(optional), plan)


def saved_queries(directory: Path | None = None) -> list[SavedQuery]:
    """Every saved query, sorted by name."""
    d = directory or queries_dir()
    return [parse_saved(p.stem, p.read_text(encoding="utf-8")) for p in sorted(d.glob("*.rq"))]


def load_query(spec: str, directory: Path | None = None) -> SavedQuery:
    """A query from a ``.rq`` path, a saved query name, or literal SPARQL text.

    >>> q = load_query("meetings-of")
    >>> q.name, q.params
    ('meetings-of', ('name',))
    >>> load_query("SELECT * WHERE { ?s ?p ?o }").name
    '<inline>'
    """
    # Inline SPARQL often holds "/" (IRIs, division) but always braces or spaces; a path rarely.
    if (spec.endswith(".rq") and "{" not in spec) or (
            os.sep in spec and not re.search(r"[\s{}]", spec)):
        p = Path(spec)
        if not p.is_file():
            raise QueryNotFoundError(f"no query file {spec}")
        return parse_saved(p.stem, p.read_text(encoding="utf-8"))
    if re.fullmatch(r"[\w.-]+", spec):
        p = (directory or queries_dir()) / f"{spec}.rq"
        if p.is_file():
            return parse_saved(spec, p.read_text(encoding="utf-8"))
        names = ", ".join(q.name for q in saved_queries(directory)) or "none"
        raise QueryNotFoundError(f"no saved query {spec!r} (saved queries: {names})")
    return SavedQuery("<inline>", spec)


def parse_params(pairs: list[str] | tuple[str, ...]) -> dict[str, Node]:
    """``["k=v", ...]`` as bindings of plain literals.

    >>> parse_params(["name=Vladimir Putin"])
    {'name': rdflib.term.Literal('Vladimir Putin')}
    """
    out: dict[str, Node] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"parameter {pair!r} is not of the form key=value")
        out[key.strip()] = Literal(value)
    return out


def run_query(store: Store, query: SavedQuery | str,
              params: Mapping[str, Node] | None = None, **options: Any) -> QueryResult:
    """Run ``query`` on ``store`` with ``params`` bound as variables.

    ``options`` go to :meth:`~kg.store.Store.query` (dataset, ``max_rows``, ``deadline``).

    A parameter the query does not declare is refused, and so is a declared one left unset,
    because an unbound parameter silently matches everything, unless the query declares it
    ``(optional)`` and reads an unset one as "no filter" (``meeting-events``).

    >>> from rdflib import Literal
    >>> from kg.sample import sample_store
    >>> params = {"name": Literal("Vladimir Putin")}
    >>> r = run_query(sample_store(), load_query("meetings-of"), params)
    >>> r.values("partner"), r.values("status")
    (['Steve Witkoff'], ['planned'])
    """
    q = query if isinstance(query, SavedQuery) else SavedQuery("<inline>", query)
    params = dict(params or {})
    if q.params:
        unknown = sorted(set(params) - set(q.params))
        if unknown:
            raise QueryError(f"query {q.name} has no parameter {', '.join(unknown)} "
                             f"(it takes: {', '.join(q.params)})")
        missing = [p for p in q.params if p not in params and p not in q.optional]
        if missing:
            raise QueryError(f"query {q.name} needs --param {missing[0]}=VALUE")
    if q.plan is not None:
        if q.plan not in PLANS:
            raise QueryError(f"query {q.name} names an unknown plan {q.plan!r} "
                             f"(known: {', '.join(sorted(PLANS))})")
        dataset = sorted(set(options) - {"max_rows", "deadline"})
        if dataset:
            raise QueryError(f"query {q.name} reads the whole store; it takes no {dataset[0]}")
        return PLANS[q.plan](store, params, **options)
    return store.query(q.text, params, **options)
