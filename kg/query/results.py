"""Engine-independent SPARQL results, and their serialisations (table, CSV, TSV, JSON, XML).

Results from Oxigraph and from rdflib's in-memory engine are both turned into
:class:`QueryResult`, so every output format is written by one code path
(rdflib's standard SPARQL results serialisers).

>>> from rdflib import Literal
>>> r = QueryResult("SELECT", ("a",), ((Literal("x"),),))
>>> format_result(r, "csv").split()
['a', 'x']
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Literal as Lit

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Node

from kg.rdf.serialise import rdf_bytes

__all__ = ["QueryResult", "format_result", "FORMATS", "to_rdflib_result", "tsv_result"]

FORMATS = ("table", "csv", "tsv", "json", "xml")


@dataclass(frozen=True)
class QueryResult:
    """What a SPARQL query returned: rows for SELECT, a boolean for ASK, a graph otherwise."""

    kind: Lit["SELECT", "ASK", "CONSTRUCT"]
    vars: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = field(default=None, compare=False)

    def dicts(self) -> list[dict[str, Node]]:
        """Rows as ``{var: term}`` dicts, leaving out unbound variables."""
        return [{v: t for v, t in zip(self.vars, row, strict=True) if t is not None}
                for row in self.rows]

    def values(self, var: str) -> list[str | None]:
        """The string values of one variable, row by row (None where unbound)."""
        i = self.vars.index(var)
        return [None if row[i] is None else str(row[i]) for row in self.rows]


def to_rdflib_result(r: QueryResult) -> Result:
    """The same result as an rdflib :class:`~rdflib.query.Result`, for its serialisers."""
    res = Result(r.kind)
    if r.kind == "SELECT":
        res.vars = [Variable(v) for v in r.vars]
        res.bindings = [{Variable(k): v for k, v in d.items()}  # type: ignore[misc]
                        for d in r.dicts()]
    elif r.kind == "ASK":
        res.askAnswer = bool(r.boolean)
    else:
        res.graph = r.graph
    return res


def _cell(t: Node | None) -> str:
    if t is None:
        return ""
    if isinstance(t, URIRef | BNode):
        return str(t)
    if isinstance(t, Literal):
        return str(t)
    return str(t)


def _table(r: QueryResult) -> str:
    if r.kind == "ASK":
        return "yes" if r.boolean else "no"
    cells = [[_cell(t).replace("\n", " ") for t in row] for row in r.rows]
    widths = [max([len(v)] + [min(len(c[i]), 60) for c in cells]) for i, v in enumerate(r.vars)]

    def line(vals: list[str]) -> str:
        out = []
        for v, w in zip(vals, widths, strict=True):
            v = v if len(v) <= 60 else v[:57] + "..."
            out.append(v.ljust(w))
        return "  ".join(out).rstrip()

    rows = [line(list(r.vars)), line(["-" * w for w in widths])]
    rows += [line(c) for c in cells]
    rows.append(f"({len(r.rows)} row{'s' if len(r.rows) != 1 else ''})")
    return "\n".join(rows)


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _tsv_term(t: Node | None) -> str:
    # Turtle syntax on one line: rdflib's n3() would emit raw newlines in long literals.
    if t is None:
        return ""
    if isinstance(t, Literal):
        text = '"' + str(t).translate(_TSV_ESCAPES) + '"'
        if t.language:
            return f"{text}@{t.language}"
        if t.datatype and str(t.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f"{text}^^<{t.datatype}>"
        return text
    return t.n3()


def tsv_result(r: QueryResult) -> str:
    r"""SPARQL 1.1 TSV results (rdflib has no writer for them): terms in Turtle syntax.

    >>> tsv_result(QueryResult("SELECT", ("a", "b"), ((Literal('x\ty\n"z"'), None),)))
    '?a\t?b\n"x\\ty\\n\\"z\\""\t\n'
    """
    if r.kind == "ASK":
        return "?_askResult\n" + ("true" if r.boolean else "false") + "\n"
    lines = ["\t".join("?" + v for v in r.vars)]
    for row in r.rows:
        lines.append("\t".join(_tsv_term(t) for t in row))
    return "\n".join(lines) + "\n"


def format_result(r: QueryResult, fmt: str = "table") -> str:
    """Serialise ``r``: ``table`` for people; ``csv``, ``tsv``, ``json``, ``xml`` per the
    SPARQL 1.1 results formats; CONSTRUCT results as Turtle (``table``) or N-Triples."""
    if r.kind == "CONSTRUCT":
        assert r.graph is not None
        return rdf_bytes(r.graph, "nt" if fmt in ("csv", "tsv") else "turtle").decode("utf-8")
    if fmt == "table":
        return _table(r)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt == "tsv":
        return tsv_result(r)
    buf = io.BytesIO()
    to_rdflib_result(r).serialize(buf, format=fmt, encoding="utf-8")
    return buf.getvalue().decode("utf-8")
