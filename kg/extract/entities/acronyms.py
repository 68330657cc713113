"""Acronyms and the long forms written with them in brackets, "Long Name (LN)" or "LN (Long Name)".

News introduces a body once by its full name and its acronym side by side, then uses the
acronym; a reader (and the annotation guide) names the body by the full name as first
written. spaCy's small model often tags only the acronym as an organisation and the long form
as a law or a work of art ("the General Agreement on ..."), or nothing, so the pairing is read
here from the brackets and the initials, not from NER labels.

>>> from spacy.lang.en import English
>>> doc = English()("Delegates of the Pacific Salmon Fishing Council (PSFC) met.")
>>> {k: (v.text, v.start, v.end) for k, v in long_forms(doc).items()}
{'psfc': ('Pacific Salmon Fishing Council', 3, 7)}
>>> initials_fit("PSFC", ["Pacific", "Salmon", "Fishing", "Council"])
True
>>> initials_fit("WTO", ["the", "World", "Trade", "Office", "Agency"])
False

Some stories never put the two side by side: "VMC said ..." and, later, "Valdor Motor Corp
plans ..." (:func:`spelt_elsewhere`).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span

__all__ = ["long_forms", "initials_fit", "spelt_elsewhere"]

#: Lower-case words a long form may contain without giving its acronym a letter
#: ("Organisation for Economic ..."), though some acronyms take them ("... and Development").
_CONNECTORS = frozenset({"of", "on", "for", "and", "the", "de", "du", "des", "la", "fur", "für",
                         "in", "to", "&"})
_MAX_WORDS = 10


def initials_fit(acronym: str, words: list[str]) -> bool:
    """Whether ``acronym`` spells the initials of ``words``: every capitalised word gives its
    first letter (perhaps a second one from inside it, "Co-operation"), a connector may give one.
    """
    letters = acronym.replace(".", "").casefold()
    if not 2 <= len(letters) <= 8 or not letters.isalpha():
        return False
    ws = tuple(w.casefold() for w in words)
    caps = tuple(w[:1].isupper() for w in words)

    @cache
    def fit(i: int, j: int) -> bool:
        if j == len(ws):
            return i == len(letters)
        w = ws[j]
        if not caps[j] and w in _CONNECTORS:
            if fit(i, j + 1):
                return True
        elif not caps[j]:
            return False  # a lower-case word that is no connector ends the name
        if i == len(letters) or letters[i] != w[:1]:
            return False
        if fit(i + 1, j + 1):
            return True
        # a second letter from inside the word: "Co-operation" -> CO, "KfW" style names
        rest = w[1:]
        return i + 1 < len(letters) and letters[i + 1] in rest and fit(i + 2, j + 1)

    return fit(0, 0)


def _is_acronym(text: str) -> bool:
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 8 and bare.isalpha() and sum(c.isupper() for c in bare) >= 2 \
        and bare[0].isupper()


def _name_before(doc: Doc, end: int, acronym: str) -> Span | None:
    """The shortest run of name words ending at ``end`` whose initials spell ``acronym``."""
    if end > 0 and doc[end - 1].text in ("'s", "’s"):
        end -= 1  # "the Andean Rivers Authority's (ARA) board": the name without the 's
    for start in range(end - 1, max(end - 3 * _MAX_WORDS, 0) - 1, -1):
        if start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text != "(":
            continue  # inside a written word ("Co-operation")
        words = doc[start:end].text.split()
        if len(words) > _MAX_WORDS or doc[start].is_sent_end or doc[start].text[:1] in "(\"'":
            return None
        first = words[0]
        if not first[:1].isupper():
            if first.casefold() in _CONNECTORS:
                continue
            return None
        if len(words) >= 2 and initials_fit(acronym, words):
            return doc[start:end]
    return None


def long_forms(doc: Doc) -> dict[str, Span]:
    """Each acronym of ``doc`` (case-folded) -> the long form first written with it in brackets.

    Both orders count: "Long Name (LN)" and "LN (Long Name)".
    """
    out: dict[str, Span] = {}
    for tok in doc:
        if tok.text != "(" or tok.i + 2 >= len(doc) or tok.i == 0:
            continue
        close = next((t.i for t in doc[tok.i + 1 : tok.i + 2 + _MAX_WORDS] if t.text == ")"),
                     None)
        if close is None:
            continue
        inside = doc[tok.i + 1 : close]
        if len(inside) == 1 and _is_acronym(inside.text):
            long = _name_before(doc, tok.i, inside.text)
            if long is not None:
                out.setdefault(inside.text.replace(".", "").casefold(), long)
        elif len(inside) >= 2 and _is_acronym(doc[tok.i - 1].text) and \
                inside[0].text[:1].isupper() and initials_fit(doc[tok.i - 1].text,
                                                              inside.text.split()):
            out.setdefault(doc[tok.i - 1].text.replace(".", "").casefold(), inside)
    return out


def spelt_elsewhere(spans: list[Span]) -> dict[str, Span]:
    """Acronyms among one-word NER spans -> the one longer organisation span of the story
    whose initials spell them, written before or after, with no brackets. NER may take the
    acronym for a person: then its letters must be exactly the capitals of the long form.

    >>> from spacy.lang.en import English
    >>> doc = English()("Gat declined to comment. Grand Atlantic Textiles shares fell.")
    >>> spans = [Span(doc, 0, 1, label="PERSON"), Span(doc, 5, 8, label="ORG")]
    >>> {k: v.text for k, v in spelt_elsewhere(spans).items()}
    {'gat': 'Grand Atlantic Textiles'}
    """
    longs = [e for e in spans if len(e) >= 2 and e.label_ == "ORG"]
    out: dict[str, Span] = {}
    for e in spans:
        short = e.text
        if e.label_ not in ("ORG", "PERSON") or len(e) != 1 or not short[:1].isupper() \
                or short.casefold() in out:
            continue
        fits = {lf.text: lf for lf in longs if initials_fit(short, lf.text.split()) and (
            e.label_ == "ORG" or short.casefold() == "".join(
                w[0] for w in lf.text.split() if w[:1].isupper()).casefold())}
        if len(fits) == 1:  # two long forms that fit: which one is meant is not known
            out[short.casefold()] = next(iter(fits.values()))
    return out
