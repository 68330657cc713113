"""Companies as wires name them: the first words of a company's name, and its own meetings.

Wire stories name a company in full once and then by its first word, which spaCy's small
model often tags PERSON or GPE; each such mention would otherwise become a person or a
place of the article, and a company's meetings would be lost or given to a stranger. A
company's annual or board meeting is its own: a shareholder at it does not meet it.

>>> from spacy.lang.en import English
>>> from spacy.tokens import Span
>>> doc = English()("Corvane Plc said Corvane agreed")
>>> spans = [Span(doc, 0, 2, label="ORG"), Span(doc, 3, 4, label="PERSON")]
>>> [s.label_ for s in companies_not_people(spans)]
['ORG', 'ORG']
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.gazetteer import bare_name, country_of, is_company_name
from kg.extract.index import EntityIndex

__all__ = ["company_prefixes", "companies_not_people", "untagged_companies", "own_meeting",
           "not_own"]


def _words(span: Span) -> tuple[str, ...]:
    return tuple(bare_name(span.text).casefold().split())


def company_prefixes(spans: list[Span]) -> dict[str, frozenset[str]]:
    """The first words of each company's name, casefolded -> the names they begin: a wire
    names a company in full once, then by its first words.

    >>> from spacy.lang.en import English
    >>> doc = English()("Corvane Plc and Corvane Rail Ltd")
    >>> heads = company_prefixes([Span(doc, 0, 2, label="ORG"), Span(doc, 3, 6, label="ORG")])
    >>> sorted(heads["corvane"]), sorted(heads["corvane rail"])
    (['Corvane Plc', 'Corvane Rail Ltd'], ['Corvane Rail Ltd'])
    """
    fits: dict[str, set[str]] = {}
    for s in spans:
        name = bare_name(s.text)
        if s.label_ == "ORG" and is_company_name(name):
            words = name.casefold().split()
            for k in range(1, len(words)):
                fits.setdefault(" ".join(words[:k]), set()).add(name)
    return {p: frozenset(f) for p, f in fits.items()}


#: Words before a place name that make it a place ("a depot in Corvane").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "to", "into", "outside", "of"})


def companies_not_people(spans: list[Span]) -> list[Span]:
    """PERSON or place spans (a building too: "Dunmore" for "Dunmore Oil Ltd") that name a
    company of the article: the first words of a company's name ("Corvane" after "Corvane
    Corp"; a place only where no preposition makes it one, "Halvern said" but not "a plant in
    Halvern"), or a PERSON span that ends as a company's ("Trevisano SpA"), unless a longer
    person's name holds the words ("Ann Corvane" for "Corvane"). How often NER tags the words
    ORG decides nothing: it tags a minister named by his surname alone ORG as often as not."""
    heads = {tuple(p.split()) for p in company_prefixes(spans)}
    held = {w[k:j] for p in spans if p.label_ == "PERSON" and not is_company_name(p.text)
            for w in [_words(p)]
            for k in range(len(w)) for j in range(k + 1, len(w) + 1) if j - k < len(w)}

    def company(s: Span) -> bool:
        w = _words(s)
        if s.label_ == "PERSON":
            return (w in heads or len(w) > 1 and is_company_name(
                s.text) and s[-1].text[:1].isupper()) and w not in held
        return s.label_ in ("GPE", "LOC", "FAC") and w in heads and country_of(s.text) is None \
            and not (s.start > 0 and (s.doc[s.start - 1].pos_ == "ADP"
                                      or s.doc[s.start - 1].lower_ in _PLACE_PREPOSITIONS))

    return [Span(s.doc, s.start, s.end, label="ORG") if company(s) else s for s in spans]


def untagged_companies(doc: Doc, spans: list[Span]) -> list[Span]:
    """Words NER left untagged that are the first word of one company of the article, used
    as a name of their own ("Corvane held talks" after "Corvane Plc"): that company.

    >>> from spacy.lang.en import English
    >>> doc = English()("Corvane Plc rose. Corvane met Bolt .")
    >>> for t in doc:
    ...     t.pos_ = "PROPN" if t.text[0].isupper() else "X"
    >>> [s.text for s in untagged_companies(doc, [Span(doc, 0, 2, label="ORG")])]
    ['Corvane']
    """
    firsts = {p for p, f in company_prefixes(spans).items() if len(f) == 1 and " " not in p}
    taken = {i for s in spans for i in range(s.start, s.end)}
    return [Span(doc, t.i, t.i + 1, label="ORG") for t in doc
            if t.i not in taken and t.pos_ == "PROPN" and t.lower_ in firsts
            and t.text[:1].isupper() and not t.is_upper
            # a word of a longer name ("Corvane Bay", "Port Corvane") is not the company
            and not (t.i > 0 and doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].is_title)
            and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"
                     and doc[t.i + 1].is_title)]


#: Modifiers of a company's own meeting of its shareholders or board ("the Acme Inc annual
#: meeting"): a shareholder or director at it does not meet the company.
_OWN_MEETING = frozenset({"annual", "shareholders", "stockholders", "shareholder", "stockholder",
                          "board", "special", "general"})


def own_meeting(index: EntityIndex, noun: Token, key: str) -> bool:
    """Whether the meeting ``noun`` is company ``key``'s own annual or board meeting."""
    e = index.get(key)
    return e is not None and is_company_name(e.label) and any(
        c.lower_ in _OWN_MEETING for c in noun.children if c.dep_ in ("amod", "compound", "nmod"))


def not_own(index: EntityIndex, noun: Token, keys: list[str]) -> list[str]:
    """``keys`` without the companies whose own annual or board meeting ``noun`` is ("the
    annual meeting of Acme Corp" is Acme's, not a meeting with Acme)."""
    return [k for k in keys if not own_meeting(index, noun, k)]
