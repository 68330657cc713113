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

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from kg.extract.gazetteer import HONORIFICS, bare_name, country_of, is_company_name, is_title
from kg.extract.index import EntityIndex

__all__ = ["company_prefixes", "companies_not_people", "called_companies", "untagged_companies",
           "suffixed_companies", "own_meeting", "not_own"]


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


#: NER labels of no entity that the first words of a company's name get as often as a person's
#: or a place's ("Corvane said" tagged a product, a law or a work of art): the company.
_NO_ENTITY_LABELS = frozenset({"PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "LANGUAGE"})


def companies_not_people(spans: list[Span]) -> list[Span]:
    """PERSON, place or no-entity spans (a building too: "Dunmore" for "Dunmore Oil Ltd"; a
    product or a law: "Corvane said" tagged PRODUCT) that name a company of the article: the
    first words of a company's name ("Corvane" after "Corvane Corp"; a place only where no
    preposition makes it one, "Halvern said" but not "a plant in Halvern"), or a PERSON span
    that ends as a company's ("Trevisano SpA"), unless a longer person's name holds the words
    ("Ann Corvane" for "Corvane"). How often NER tags the words ORG decides nothing: it tags a
    minister named by his surname alone ORG as often as not.

    >>> from spacy.lang.en import English
    >>> doc = English()("Corvane Plc said Corvane agreed")
    >>> spans = [Span(doc, 0, 2, label="ORG"), Span(doc, 3, 4, label="PRODUCT")]
    >>> [s.label_ for s in companies_not_people(spans)]
    ['ORG', 'ORG']
    """
    prefixes = company_prefixes(spans)
    heads = {tuple(p.split()) for p in prefixes}
    only = {tuple(p.split()) for p, f in prefixes.items() if len(f) == 1}
    held = _held(p for p in spans if p.label_ == "PERSON" and not is_company_name(p.text))

    def company(s: Span) -> bool:
        w = _words(s)
        if s.label_ in _NO_ENTITY_LABELS:
            return w in only  # "Corvane Mines" after Corvane Mines and Corvane Oil: no company's
        if s.label_ == "PERSON":
            return (w in heads or len(w) > 1 and is_company_name(
                s.text) and s[-1].text[:1].isupper()) and w not in held
        return s.label_ in ("GPE", "LOC", "FAC") and w in heads and country_of(s.text) is None \
            and not (s.start > 0 and (s.doc[s.start - 1].pos_ == "ADP"
                                      or s.doc[s.start - 1].lower_ in _PLACE_PREPOSITIONS))

    return [Span(s.doc, s.start, s.end, label="ORG") if company(s) else s for s in spans]


#: Nouns for a company or a trade body that wires write right before its name ("the state oil
#: company Valdor", "steel group Corvane", "lobby organisation Agrofed"); no person is called so.
_COMPANY_NOUNS = frozenset({"company", "firm", "concern", "corporation", "conglomerate", "group",
                            "bank", "subsidiary", "affiliate", "airline", "carrier", "utility",
                            "insurer", "retailer", "brokerage", "manufacturer", "organisation",
                            "organization", "consortium", "multinational"})


def called_companies(spans: list[Span]) -> list[Span]:
    """``spans`` with each PERSON span that the story calls a company, a lower-case company
    noun right before it ("oil company Valdor said"), made an organisation, and so every
    PERSON span of the same words (the story's later "Valdor"), unless a longer person's
    name holds them. A name that is the subject of a clause after the noun is a person ("the
    company Ann Vos founded", "told the firm Ann Vos would leave").

    >>> from spacy.lang.en import English
    >>> doc = English()("the steel group Corvane said Corvane agreed")
    >>> spans = [Span(doc, 3, 4, label="PERSON"), Span(doc, 5, 6, label="PERSON")]
    >>> [s.label_ for s in called_companies(spans)]
    ['ORG', 'ORG']
    """
    called: set[tuple[str, ...]] = set()
    grown: list[tuple[tuple[str, ...], Span]] = []
    # where a tagged company begins: an "and" before it joins two companies, not one name
    starts = frozenset(s.start for s in spans if s.label_ == "ORG"
                       and s[-1].lower_ in _SUFFIXES)
    for s in spans:
        if s.label_ != "PERSON" or s.start == 0:
            continue
        noun = s.doc[s.start - 1]
        if noun.text in _COMPANY_NOUNS and not (s.root.dep_ in ("nsubj", "nsubjpass")
                                                 and noun.head != s.root):
            called.add(_words(s))
            grown.append((_words(s), _to_suffix(s, starts)))
    held = _held(p for p in spans if p.label_ == "PERSON" and _words(p) not in called)
    out = [Span(s.doc, s.start, s.end, label="ORG")
           if s.label_ == "PERSON" and _words(s) in called and _words(s) not in held else s
           for s in spans]
    for words, g in grown:
        if words in held:
            continue
        out = [s for s in out if s.end <= g.start or g.end <= s.start] + [g]
    return sorted(out, key=lambda s: s.start)


def _held(people: Iterable[Span]) -> set[tuple[str, ...]]:
    """Every shorter run of words inside a person's name: "Corvane" is held by "Ann Corvane"."""
    return {w[k:j] for p in people for w in [_words(p)]
            for k in range(len(w)) for j in range(k + 1, len(w) + 1) if j - k < len(w)}


def _to_suffix(name: Span, company_starts: frozenset[int] = frozenset()) -> Span:
    """``name`` as an organisation, grown to the corporate word that ends it where only name
    words and "and" come between: after a company noun the name begins for sure ("subsidiary
    Corvane Mining and Smelting Ltd", which NER cut at "and")."""
    doc, end = name.doc, name.end
    while end < len(doc) and not doc[end].is_sent_start:
        tok = doc[end]
        if tok.lower_ in _SUFFIXES and tok.text[:1].isupper():
            return Span(doc, name.start, end + 1, label="ORG")
        if tok.lower_ in _AND and end + 1 in company_starts and end - name.start < 2:
            # "the airline Kestrava and Bolt Co": one word, then a company NER tagged whole,
            # is two companies; NER cuts one name at "and" after two ("Kestrava Mining")
            break
        if not (tok.lower_ in _AND_JOINERS or tok.is_alpha and tok.is_title):
            break
        end += 1
    return Span(doc, name.start, name.end, label="ORG")


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


#: Last words that make capitalised words before them a company's name ("Corvane Products Inc").
_SUFFIXES = frozenset({"corp", "corp.", "inc", "inc.", "ltd", "ltd.", "plc", "co", "co.",
                       "corporation", "spa", "s.p.a.", "ag", "nv", "n.v.", "sa", "s.a.", "gmbh",
                       "bancorp", "llc", "pty"})
#: Legal forms whose own spelling mixes cases: written in capitals after a name in mixed case
#: ("Corvane SPA", a press agency's initials) they are an acronym, not the form.
_MIXED_FORMS = frozenset({"spa", "gmbh"})
#: Small words inside a company's name between capitalised words ("Bank of Valoria Ltd").
_JOINERS = frozenset({"of", "&", "de", "du", "des", "del", "-"})
#: Words before "of" inside a company's name: "Bank of Valoria Ltd", "Acme Co of Valoria Inc", not
#: "Ann Vos of Acme Inc".
_OF_HEADS = frozenset({"bank", "banque", "banco", "trust", "society", "corporation", "company",
                       "insurance", "assurance", "authority", "investment", "investments"})
#: NER labels a piece of a company's name gets that the whole name overrides.
_PIECES = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART",
                     "LAW", "EVENT"})


def _company_word(tok: Token) -> bool:
    """A capitalised word that may begin or continue a company's name: a proper noun, or any
    capitalised word inside the sentence ("Corvane Products Inc"), but no title or honorific,
    no "U.S.-based" and no ticker ("<ACM.N>/Acme")."""
    text = tok.text
    return text[:1].isupper() and not is_title(text) and tok.lower_ not in HONORIFICS \
        and not _hyphenated_lower(tok) and not any(c in text for c in "<>/") \
        and (tok.pos_ == "PROPN" or not tok.is_sent_start and tok.pos_ in ("NOUN", "ADJ", "NUM"))


def _hyphenated_lower(tok: Token) -> bool:
    return any(p[:1].islower() for p in tok.text.split("-")[1:])


def _unsure_edge(doc: Doc, start: int) -> bool:
    """Whether the word before a name's first word may belong to it, so that where the name
    begins is unknown: a capitalised word that is no name word (a sentence's first noun,
    "Partners Valdor Ltd"; a title), or "and" or a bracket after one ("Acme Tire and Rubber Co" or
    "Bolt and Acme Co"; "Acme (Rubber Co)")."""
    first = doc[start].sent.start
    if start <= first:
        return False
    before = doc[start - 1]
    if before.lower_ in _AND or before.text in ("(", "/"):
        # "Acme Co and Bolt Inc": a company word ends the name before "and"
        return start - 2 >= first and doc[start - 2].text[:1].isupper() \
            and not (before.lower_ in _AND and doc[start - 2].lower_ in _SUFFIXES)
    return before.text[:1].isupper() and any(c.isalpha() for c in before.text) \
        and before.pos_ not in _FUNCTION_WORDS and not _hyphenated_lower(before)


#: "And" in the languages of company names ("Minas de Corvo y Valdera SA").
_AND = frozenset({"and", "&", "y", "e", "et", "und"})
_AND_JOINERS = _AND | _JOINERS
#: Parts of speech of a capitalised word that cannot begin a name ("The", "Under", "It").
_FUNCTION_WORDS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "ADV",
                             "PUNCT", "INTJ"})


def _suffixed_name(doc: Doc, end: int) -> Span | None:
    """The capitalised words before the corporate word at ``end``, with it: "Corvane Products
    Inc", "Bank of Valoria Ltd"; None where only corporate words precede ("Co Inc") or where
    the name may begin earlier ("Partners Valdor Ltd" with a noun "Partners")."""
    start, first = end, doc[end].sent.start
    while start > first:
        prev = doc[start - 1]
        if _company_word(prev) or prev.lower_ in _JOINERS and start - 2 >= first \
                and doc[start - 2].pos_ == "PROPN" and doc[start - 2].text[:1].isupper() \
                and (prev.lower_ != "of" or doc[start - 2].lower_ in _OF_HEADS | _SUFFIXES) \
                and (prev.text != "-" or not prev.whitespace_ and not doc[start - 2].whitespace_):
            start -= 1
        else:
            break
    while start < end and doc[start].lower_ in _JOINERS:
        start += 1
    if all(t.lower_ in _SUFFIXES for t in doc[start:end]) or _unsure_edge(doc, start):
        return None
    if end + 2 < len(doc) and doc[end + 1].lower_ == "of" and doc[end + 2].text[:1].isupper():
        return None  # "Halvern Power Co of Valoria": the name goes on
    return Span(doc, start, end + 1, label="ORG")


def suffixed_companies(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` with each company name that ends in a corporate word ("Corp", "Inc", "Plc")
    made whole where NER missed it, cut it ("Courier Corp" of "Kestrel Courier Corp" as a
    person) or took it for a product: wires name every company that way once.

    >>> from spacy.lang.en import English
    >>> doc = English()("Shares of Corvane Freight Corp rose")
    >>> for t in doc:
    ...     t.pos_ = "PROPN" if t.text[0].isupper() and t.i else "NOUN"
    ...     t.is_sent_start = t.i == 0
    >>> [s.text for s in suffixed_companies(doc, [Span(doc, 3, 5, label="PERSON")])]
    ['Corvane Freight Corp']
    """
    out = list(spans)
    for tok in doc:
        if tok.lower_ not in _SUFFIXES or not tok.text[:1].isupper() \
                or tok.lower_ in _MIXED_FORMS and tok.text.isupper() and tok.i > 0 \
                and not doc[tok.i - 1].text.isupper() \
                or tok.i > 0 and doc[tok.i - 1].text == "<" \
                or tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_:
            continue  # a ticker, or a word of "Co-op"
        name = _suffixed_name(doc, tok.i)
        if name is None:
            continue
        near = [s for s in out if s.start < name.end and name.start < s.end]
        if any(s.start == name.start and s.end < name.end - 1
               and s.label_ in ("GPE", "NORP", "LOC") for s in near):
            continue  # "U.S. Builder Acme Inc": the wire's capitals hide where it begins
        if any(s.start <= name.start and name.end <= s.end and s.label_ == "ORG" for s in near) \
                or any(s.start < name.start or name.end < s.end or s.label_ not in _PIECES
                       for s in near):
            continue  # whole already, or a span across its edge: leave NER's reading
        out = [s for s in out if s not in near] + [name]
    return sorted(out, key=lambda s: s.start)


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
