"""An organisation named only in a person's title is that person's employer, not a meeting party.

"met Acme chairman Peter Novak", "the head of the Valorian Savings Bank, Peter Novak, met ...",
"Peter Novak, chief financial officer of Acme, attended the meeting": the meeting is with the
person; the organisation only says who employs him. The parser often hangs such a title phrase
on the organisation (or on the wrong name), so the title is read from the words around the
name, not from the parse: a run of title, name and modifier words next to the person's name.

>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("Paul Keller met the head of the Acme Corporation, Peter Novak, on Monday.")
>>> [m.participants for m in doc._.kg_meetings]
[('person:paul keller', 'person:peter novak')]
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.gazetteer import title_words
from kg.extract.index import EntityIndex
from kg.model import EntityType, Meeting

__all__ = ["name_runs", "title_region", "without_employers"]

#: Words a title phrase may hold besides titles and names: "the head of the", "(VSE)".
_GLUE = frozenset({"of", "the", "'s", "’s", "(", ")", "-", "&"})
_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM"})
#: Title words that are function words or too common to mark a title on their own.
_NOT_TITLE = frozenset({"of", "state", "the", "acting", "general", "leader"})


def _in_phrase(tok: Token, index: EntityIndex) -> bool:
    """Whether ``tok`` may belong to a title phrase ("chief financial officer of Acme Ltd")."""
    if tok.i in index.token_entity:
        e = index.get(index.token_entity[tok.i])
        return e is not None and e.type is not EntityType.PERSON
    # A title word may be tagged a verb ("X head Y"); wire copy breaks lines inside a phrase.
    return tok.lower_ in _GLUE or tok.pos_ in _PHRASE_POS or tok.is_space or _is_title(tok)


def _is_title(tok: Token) -> bool:
    low = tok.lower_
    return low in title_words() and low not in _NOT_TITLE or low == "officer"


def title_region(sent: Span, start: int, end: int, index: EntityIndex) -> set[int]:
    """Token indexes of the title phrases next to the name ``doc[start:end]`` in ``sent``:
    the run of title, modifier and organisation words just before it ("Acme head", "the
    head of Acme,") and an apposition after it (", chief financial officer of Acme,"); a run
    counts only if it holds a title word.

    >>> from kg.extract.pipeline import load_nlp
    >>> doc = load_nlp()("Paul Keller, chief financial officer of Acme Ltd, left.")
    >>> sorted(doc[i].text for i in title_region(doc[:], 0, 2, doc._.kg_entities))
    ['Acme', 'Ltd', 'chief', 'financial', 'of', 'officer']
    """
    doc = sent.doc
    out: set[int] = set()
    left: list[int] = []
    i = start - 1
    if i >= sent.start and doc[i].text == ",":
        i -= 1
    while i >= sent.start and _in_phrase(doc[i], index):
        left.append(i)
        i -= 1
    if any(_is_title(doc[j]) for j in left):
        out.update(left)
    right: list[int] = []
    i = end
    if i < sent.end and doc[i].text == ",":
        i += 1
        while i < sent.end and _in_phrase(doc[i], index):
            right.append(i)
            i += 1
        closed = i >= sent.end or doc[i].text in (",", ")", ".", ";")
        if closed and any(_is_title(doc[j]) for j in right):
            out.update(right)
    return out


def name_runs(sent: Span, key: str, index: EntityIndex) -> list[tuple[int, int]]:
    """The runs of tokens in ``sent`` that denote ``key``."""
    runs: list[tuple[int, int]] = []
    for tok in sent:
        if key in index.keys_of(tok):
            if runs and runs[-1][1] == tok.i:
                runs[-1] = (runs[-1][0], tok.i + 1)
            else:
                runs.append((tok.i, tok.i + 1))
    return runs


def _employer_of(sent: Span, org: str, people: list[str], index: EntityIndex) -> str | None:
    """The person whose title phrases hold every mention of ``org`` in ``sent``, if one does."""
    org_toks = {i for a, b in name_runs(sent, org, index) for i in range(a, b)}
    if not org_toks:
        return None  # named in another sentence: nothing here says it is a title
    for person in people:
        region: set[int] = set()
        runs = name_runs(sent, person, index)
        if any(a - 1 in org_toks or b in org_toks for a, b in runs):
            continue  # a word of the organisation's own name read as a person ("X and Brown")
        for a, b in runs:
            region |= title_region(sent, a, b, index)
        if org_toks <= region:
            return person
    return None


def without_employers(doc: Doc, index: EntityIndex, meetings: list[Meeting]) -> list[Meeting]:
    """``meetings`` with every organisation named only in a person's title replaced by
    that person (or dropped if the person is already a party); a meeting left with fewer
    than two parties is dropped."""
    sents = list(doc.sents)
    people = [e.key for e in index.entities if e.type is EntityType.PERSON]
    out: list[Meeting] = []
    for m in meetings:
        sent = sents[m.provenance.sentence_index]
        parts: list[str] = []
        for k in m.participants:
            e = index.get(k)
            person = (_employer_of(sent, k, people, index)
                      if e is not None and e.type is EntityType.ORGANIZATION else None)
            k = person or k
            if k not in parts:
                parts.append(k)
        if len(parts) < 2 or any(o.provenance.sentence_index == m.provenance.sentence_index
                                 and set(parts) <= set(o.participants) for o in out):
            continue  # or told already: "his talks with Acme head X" beside "met X"
        out.append(m if tuple(parts) == m.participants else replace(m, participants=tuple(parts)))
    return out
