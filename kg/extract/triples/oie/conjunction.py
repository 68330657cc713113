"""Conjunction splitting: one extraction per coordinated noun in a slot.

"Ann and Bob met Carl" gives (Ann; met; Carl) and (Bob; met; Carl); inside a phrase the
shared words stay: "a series of attacks and raids" gives "a series of attacks" and
"a series of raids". Coordinated verbs are separate predicates already (see ``clauses``).

>>> from spacy.tokens import Doc
>>> from spacy.vocab import Vocab
>>> d = Doc(Vocab(), words=["Ann", "and", "Bob"], heads=[0, 0, 0],
...         deps=["ROOT", "cc", "conj"], pos=["PROPN", "CCONJ", "PROPN"])
>>> split_slot(d, (0, 1, 2))
[(0,), (2,)]
"""

from __future__ import annotations

from dataclasses import replace
from itertools import product

from spacy.tokens import Doc, Token

from kg.extract.triples.oie.records import RawExtraction
from kg.extract.triples.oie.spans import trim

__all__ = ["split_slot", "split_conjunctions", "MAX_VARIANTS"]

#: Cap on the extractions one extraction may split into (coordinations multiply).
MAX_VARIANTS = 8
_SPLIT_POS = frozenset({"NOUN", "PROPN", "NUM", "PRON"})


def _chain(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in _SPLIT_POS:
            out.extend(_chain(c))
    return out


def _own(tok: Token) -> set[int]:
    """The conjunct's own words: its subtree minus the later conjuncts and connectives."""
    cut = {
        t.i
        for c in tok.children
        if (c.dep_ == "conj" and c.pos_ in _SPLIT_POS)
        or c.dep_ in ("cc", "preconj")
        or (c.dep_ == "punct" and c.i > tok.i)
        for t in c.subtree
    }
    return {t.i for t in tok.subtree} - cut


def _same_name(a: Token, b: Token) -> bool:
    """Both inside one named entity ("London, Midland and Scottish Railway")."""
    if not a.ent_type_ or a.ent_iob_ == "O":
        return False
    lo, hi = min(a.i, b.i), max(a.i, b.i)
    return all(a.doc[k].ent_iob_ == "I" for k in range(lo + 1, hi + 1))


def split_slot(doc: Doc, slot: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The variants of ``slot``, one per conjunct of its highest coordination."""
    inside = set(slot)
    toks = [doc[i] for i in slot]
    # Tokens of the slot with a coordinated noun of the slot among their children; found
    # from the conjuncts' heads, which is cheaper than walking every token's children.
    coordinating = {
        t.head.i for t in toks if t.dep_ == "conj" and t.pos_ in _SPLIT_POS and t.head.i != t.i
    }
    heads = [
        t
        for t in toks
        if t.i in coordinating and not (t.dep_ == "conj" and t.head.i in inside)
    ]
    if not heads:
        return [slot]
    h = min(heads, key=lambda t: len(list(t.ancestors)))
    conj = _chain(h)
    if any(_same_name(h, c) for c in conj[1:]):
        return [slot]
    owns = [_own(c) for c in conj]
    coordination = {t.i for t in h.subtree} & inside
    variants = []
    for own in owns:
        v = trim(sorted((inside - coordination) | (own & inside)), doc)
        if v:
            variants.extend(split_slot(doc, v))
    return variants[:MAX_VARIANTS] or [slot]


def split_conjunctions(doc: Doc, r: RawExtraction) -> list[RawExtraction]:
    """``r`` once per combination of conjuncts in its subject and first argument."""
    subjects = split_slot(doc, r.subject)
    firsts = split_slot(doc, r.args[0]) if r.args else [None]
    if len(subjects) == 1 and len(firsts) == 1:
        return [r]
    out = []
    for s, a in list(product(subjects, firsts))[:MAX_VARIANTS]:
        args = r.args if a is None else (a, *r.args[1:])
        rel = _agree(doc, r.relation, s) if len(subjects) > 1 else r.relation
        out.append(replace(r, subject=s, args=args, relation=rel))
    return out


#: Plural verb forms and their singular, for a coordinated subject split into one conjunct.
SINGULAR = {"are": "is", "were": "was", "have": "has"}


def _agree(doc: Doc, relation: tuple[int | str, ...], subject: tuple[int, ...]) -> tuple:
    """ "A and B are X" -> "A is X": the finite verb agrees with the single conjunct."""
    if not relation or not subject:
        return relation
    head = next((doc[i] for i in subject if doc[i].head.i not in subject), doc[subject[-1]])
    if head.tag_ not in ("NN", "NNP"):
        return relation
    first = relation[0]
    word = doc[first].text if isinstance(first, int) else first
    if word.lower() in SINGULAR:
        return (SINGULAR[word.lower()], *relation[1:])
    return relation
