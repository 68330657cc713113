"""Argument phrases: a head token's subtree, minus clauses extracted on their own, trimmed.

>>> from spacy.tokens import Doc
>>> from spacy.vocab import Vocab
>>> d = Doc(Vocab(), words=["the", "man", ",", "who", "ran", ","], heads=[1, 1, 1, 4, 1, 1],
...         deps=["det", "ROOT", "punct", "nsubj", "relcl", "punct"])
>>> phrase(d[1])  # a non-restrictive relative clause is cut out
(0, 1)
>>> d = Doc(Vocab(), words=["the", "man", "who", "ran"], heads=[1, 1, 3, 1],
...         deps=["det", "ROOT", "nsubj", "relcl"])
>>> phrase(d[1])  # a restrictive one identifies the man and stays
(0, 1, 2, 3)
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extract.triples.oie.patterns import ARG_EXCLUDED_DEPS, EDGE_TRIM_DEPS

__all__ = ["phrase", "subtree", "trim", "conjuncts"]


def subtree(tok: Token, skip: Iterable[Token] = ()) -> list[int]:
    """Token indices of ``tok``'s subtree, leaving out the subtrees of ``skip``."""
    skipped = {t.i for s in skip for t in s.subtree}
    return [t.i for t in tok.subtree if t.i not in skipped]


def trim(tokens: list[int], doc_tokens) -> tuple[int, ...]:
    """Drop punctuation, conjunctions and markers from both edges."""
    toks = sorted(tokens)
    while toks and doc_tokens[toks[0]].dep_ in EDGE_TRIM_DEPS:
        toks.pop(0)
    while toks and doc_tokens[toks[-1]].dep_ in EDGE_TRIM_DEPS:
        toks.pop()
    return tuple(toks)


#: The dependents that :func:`_cut_out` may cut out (besides ``extra_excluded`` ones).
_CANDIDATE_DEPS = ARG_EXCLUDED_DEPS | {"acl", "conj"}


def _cut_out(t: Token, deps: frozenset[str]) -> bool:
    """Whether the descendant ``t`` heads a clause cut out of the phrase."""
    dep = t.dep_
    if dep in deps and (dep != "relcl" or _non_restrictive(t)):
        return True
    if dep == "acl":
        return _non_restrictive(t)
    # A verb coordinated with a noun ("planted corn and harvested wheat") is a clause of its own.
    return dep == "conj" and t.pos_ == "VERB"


def _non_restrictive(clause: Token) -> bool:
    """A relative or participial clause set off by a comma adds information and is cut out;
    one without identifies the noun ("the man who won it", "a plan shaped in May") and stays."""
    first = min(t.i for t in clause.subtree)
    return first > 0 and clause.doc[first - 1].text in (",", "(", "-", "--")


def phrase(
    tok: Token, drop: Iterable[Token] = (), extra_excluded: frozenset[str] = frozenset()
) -> tuple[int, ...]:
    """The argument phrase headed by ``tok``; ``drop`` children are also left out."""
    deps, candidates = ARG_EXCLUDED_DEPS, _CANDIDATE_DEPS
    if extra_excluded:
        deps = ARG_EXCLUDED_DEPS | extra_excluded
        candidates = deps | _CANDIDATE_DEPS
    # Walk the subtree once and keep the tokens, instead of once for the cut-outs, once
    # for the words and once more per index.
    nodes = list(tok.subtree)
    tok_i = tok.i
    skip = [t for t in nodes if t.dep_ in candidates and t.i != tok_i and _cut_out(t, deps)]
    skip.extend(drop)
    skipped = {t.i for s in skip for t in s.subtree}
    kept = [t for t in nodes if t.i not in skipped]
    inside = {t.i for t in kept}
    lo, hi = min(inside, default=0), max(inside, default=0)

    def orphan_punct(t: Token) -> bool:
        # A comma left next to a cut-out clause ("Witkoff , [who ...] , in").
        if not t.is_punct:
            return False
        i = t.i
        return (lo < i and i - 1 not in inside) or (i < hi and i + 1 not in inside)

    return trim([t.i for t in kept if not t.is_space and not orphan_punct(t)], tok.doc)


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the nouns coordinated with it ("A, B and C"), in order."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
            out.extend(conjuncts(c))
    return out
