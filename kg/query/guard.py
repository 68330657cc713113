"""Vets SPARQL before evaluation: read-only queries that make the server fetch nothing.

The query is parsed with rdflib's SPARQL grammar and its parse tree is inspected, so a
keyword inside a string or a comment does not trip the check and an obfuscated one
(``SeRvIcE``, odd whitespace) does not slip past it. Refused before any engine sees them:

* SPARQL Update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ...): the endpoint is read-only;
* ``SERVICE``: federated queries make the server open outbound connections (SSRF);
* ``FROM`` / ``FROM NAMED``: rdflib fetches a dataset IRI it does not hold, which reads URLs
  and ``file:`` paths; the protocol's ``default-graph-uri``/``named-graph-uri`` parameters
  select stored graphs instead, without any loading.

>>> check_query("SELECT ?s WHERE { ?s ?p 'SERVICE' }").kind
'SELECT'
>>> check_query("ask { ?s ?p ?o }").kind
'ASK'
>>> check_query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.errors.QueryRefusedError: SERVICE is refused: this endpoint never makes outbound requests
>>> check_query("LOAD <file:///etc/passwd>")
Traceback (most recent call last):
...
kg.errors.QueryRefusedError: SPARQL Update is refused: this endpoint is read-only
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kg.errors import QueryError, QueryRefusedError

__all__ = [
    "CheckedQuery", "check_query", "MAX_QUERY_NESTING", "query_nesting", "query_nesting_problem",
]

#: Deeper SPARQL nesting is refused: rdflib's parser overflows Python's recursion limit at
#: ~30 nested parentheses and Oxigraph's overflows the C stack (a segfault) at a few thousand.
MAX_QUERY_NESTING = 24
# Strings, IRIs and comments are skipped when counting brackets.
_OPAQUE = re.compile(
    r'"""[\s\S]*?"""' r"|'''[\s\S]*?'''"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>' r"|#[^\n]*"
)


@dataclass(frozen=True, slots=True)
class CheckedQuery:
    """A query that passed the checks, with its form: SELECT, ASK, CONSTRUCT or DESCRIBE."""

    text: str
    kind: str


def _nodes(node: Any) -> Iterator[Any]:
    """Every node of an rdflib parse tree (CompValues are dicts, ParseResults are sequences)."""
    from pyparsing import ParseResults

    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, dict):
            stack.extend(n.values())
        elif isinstance(n, ParseResults | list | tuple):
            stack.extend(n)


def _is_update(text: str) -> bool:
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except ParseException:
        return False
    return True


@functools.lru_cache(maxsize=512)
def check_query(text: str) -> CheckedQuery:
    """Parse ``text`` and refuse it unless it is a read-only query that fetches nothing.

    Raises :class:`~kg.errors.QueryRefusedError` for updates, ``SERVICE`` and ``FROM``,
    and :class:`~kg.errors.QueryError` with the parser's message for malformed SPARQL.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    # rdflib's parser raises RecursionError (an HTTP 500) at ~30 nested brackets.
    if problem := query_nesting_problem(text):
        raise QueryError(f"malformed SPARQL: {problem}")
    try:
        parsed = parseQuery(text)
    except ParseException as e:
        if _is_update(text):
            raise QueryRefusedError("SPARQL Update is refused: this endpoint is read-only") from e
        raise QueryError(f"malformed SPARQL: {e}") from e
    query = parsed[1]
    if "datasetClause" in query:
        raise QueryRefusedError("FROM and FROM NAMED are refused: select stored graphs with "
                                "the default-graph-uri and named-graph-uri parameters")
    for n in _nodes(query):
        if getattr(n, "name", None) == "ServiceGraphPattern":
            raise QueryRefusedError("SERVICE is refused: this endpoint never makes "
                                    "outbound requests")
    return CheckedQuery(text, query.name.removesuffix("Query").upper())


def query_nesting(sparql: str) -> int:
    """How deeply ``{ ( [`` nest in ``sparql``, outside strings, IRIs and comments.

    >>> query_nesting("SELECT * WHERE { ?s <http://x/{y}> '{{' . FILTER((?s)) } # {{{")
    3
    """
    depth = deepest = 0
    for ch in _OPAQUE.sub(" ", sparql):
        if ch in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "})]":
            depth = max(depth - 1, 0)
    return deepest


def query_nesting_problem(sparql: str, max_depth: int = MAX_QUERY_NESTING) -> str | None:
    """Why ``sparql`` nests too deeply to parse safely, or None.

    >>> query_nesting_problem("ASK {" + "{" * 30 + "}" * 31)
    'query nests brackets 31 deep; the limit is 24'
    """
    depth = query_nesting(sparql)
    if depth > max_depth:
        return f"query nests brackets {depth} deep; the limit is {max_depth}"
    return None
