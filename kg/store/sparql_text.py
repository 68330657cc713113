"""SPARQL text for a remote server: bindings placed as a ``VALUES`` block, prefixes, JSON terms.

Query bindings are never formatted into the query text as strings. Each bound term is
serialised by rdflib (which escapes every delimiter), checked by parsing it back alone
inside a ``VALUES`` block and comparing the parsed term with the original, and only then
placed in a ``VALUES`` block opening the query's top-level ``WHERE`` group and the group of
every sub-``SELECT``, found by a SPARQL-aware scan that skips IRIs, strings and comments. The
whole query is then parsed again before it is sent.

>>> from rdflib import Literal
>>> with_values("SELECT ?x WHERE { ?x ?p ?name }", {"name": Literal('a"} } DROP ALL #')})
'SELECT ?x WHERE { VALUES (?name) { ("a\\\\"} } DROP ALL #") } ?x ?p ?name }'
>>> with_values("SELECT ?e { { SELECT ?e { ?e ?p ?n } } }", {"n": Literal("x")})
'SELECT ?e { VALUES (?n) { ("x") } { SELECT ?e { VALUES (?n) { ("x") } ?e ?p ?n } } }'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.rdf.vocab import PREFIXES

__all__ = ["with_values", "with_prefixes", "from_json"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# --- binding injection -------------------------------------------------------------------------

_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_IRI_CHARS = re.compile(r"""[^<>"{}|^`\\\x00-\x20]*""")
# One lexical unit of SPARQL that may contain braces or keywords we must not act on.
_SKIP = re.compile(
    r"""#[^\n]*"""                                   # comment
    r"""|'''(?:[^'\\]|\\.|'(?!''))*'''"""             # long strings
    r'''|"""(?:[^"\\]|\\.|"(?!""))*"""'''
    r"""|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*\""""   # short strings
    r"""|<[^<>"{}|^`\\\x00-\x20]*>"""                # IRI reference
    r"""|[?$:]?[A-Za-z_][\w.:-]*""",                 # names, variables, prefixed names
    re.DOTALL,
)


def _where_braces(sparql: str) -> list[int]:
    """Indexes of the ``{`` opening the query's top-level WHERE group (first; absent: no
    index) and the group of each sub-``SELECT``."""
    depth_b = depth_p = 0
    first_brace = top = -1
    after_where = False
    subs: list[int] = []
    sub_select: int | None = None  # the parenthesis depth of a sub-SELECT awaiting its group
    i = 0
    while i < len(sparql):
        m = _SKIP.match(sparql, i)
        if m:
            word = m.group(0).upper()
            if depth_b == 0 and depth_p == 0 and word == "WHERE":
                after_where = True
            elif depth_b > 0 and word == "SELECT":
                sub_select = depth_p
            i = m.end()
            continue
        ch = sparql[i]
        if ch == "(":
            depth_p += 1
        elif ch == ")":
            depth_p -= 1
        elif ch == "{":
            if depth_b == 0 and depth_p == 0 and top < 0:
                if after_where:
                    top = i
                elif first_brace < 0:
                    first_brace = i
            elif sub_select is not None and depth_p == sub_select:
                subs.append(i)
                sub_select = None
            depth_b += 1
        elif ch == "}":
            depth_b -= 1
        i += 1
    # WHERE is optional before the group in SELECT and ASK; CONSTRUCT always has it.
    top = top if top >= 0 else first_brace
    return [top, *subs] if top >= 0 else []


def _term(t: Node) -> str:
    """``t`` as one SPARQL token, proven by parsing it back alone."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    if not isinstance(t, URIRef | Literal):
        raise QueryError(f"cannot bind {t!r}: only IRIs and literals can be bound")
    if isinstance(t, URIRef) and not _IRI_CHARS.fullmatch(str(t)):
        raise QueryError(f"cannot bind {t!r}: not a valid IRI")
    text = t.n3()
    try:
        q = prepareQuery("SELECT * WHERE { VALUES (?v) { (" + text + ") } }")
    except (ParseException, ValueError, TypeError, KeyError) as e:
        raise QueryError(f"cannot bind {t!r}: it does not serialise to one SPARQL term") from e
    back = q.algebra["p"]["p"]["p"]["res"]
    if len(back) != 1 or list(back[0].values()) != [t]:
        raise QueryError(f"cannot bind {t!r}: it does not serialise to one SPARQL term")
    return text


def with_values(sparql: str, bindings: Mapping[str, Node]) -> str:
    """``sparql`` with ``bindings`` as a ``VALUES`` block opening its top-level WHERE group and
    the group of each sub-SELECT."""
    if not bindings:
        return sparql
    names = list(bindings)
    for n in names:
        if not _VARNAME.fullmatch(n):
            raise QueryError(f"bad variable name {n!r}")
    braces = _where_braces(sparql)
    if not braces:
        raise QueryError("cannot bind variables: the query has no WHERE group")
    block = (" VALUES (" + " ".join("?" + n for n in names) + ") { ("
             + " ".join(_term(bindings[n]) for n in names) + ") }")
    # Also in every sub-SELECT: a subquery is evaluated before the group around it, so a
    # name resolved in one (as the saved queries do) would not see a binding of the top group
    # alone. Oxigraph's and rdflib's bindings reach it too; joining a one-row VALUES where the
    # variable is unused changes nothing.
    for at in sorted(braces, reverse=True):
        sparql = sparql[:at + 1] + block + sparql[at + 1:]
    return sparql


def with_prefixes(sparql: str) -> str:
    """Declare kg's standard prefixes the query uses without declaring (Oxigraph's behaviour)."""
    declared = {m.lower() for m in re.findall(r"(?i)\bprefix\s+([\w-]*):", sparql)}
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in declared)
    return head + sparql


# --- results -----------------------------------------------------------------------------------

def from_json(v: dict[str, str] | None) -> Node | None:
    """A term of a SPARQL JSON result as an rdflib term (``xsd:string`` literals plain)."""
    if v is None:
        return None
    kind, value = v["type"], v["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in v:
        return Literal(value, lang=v["xml:lang"])
    dt = v.get("datatype")
    return Literal(value) if not dt or dt == _XSD_STRING else Literal(value, datatype=URIRef(dt))
