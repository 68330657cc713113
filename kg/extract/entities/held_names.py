"""People's names NER wrote into another span: an office's "of" phrase, a nationality.

spaCy's small model often takes "Secretary of Agriculture Ann Vos" as the title and one
organisation "Agriculture Ann Vos", and "the Governor of the Bank of Valoria Ann Vos" as
"the Bank of Valoria Ann Vos": the office holder then makes no person and a false
organisation is made. It also takes a nationality into a person's span ("Belgian Ann Vos"),
so that the label keeps the adjective. Each span is cut where the name begins.

>>> from spacy.lang.en import English
>>> from spacy.tokens import Doc
>>> words = "the Minister of Agriculture Ann Vos said".split()
>>> doc = Doc(English().vocab, words=words, pos=["DET", "PROPN", "ADP"] + ["PROPN"] * 3 + ["VERB"],
...           tags=["DT", "NNP", "IN"] + ["NNP"] * 3 + ["VBD"])
>>> [(s.text, s.label_) for s in office_holder(Span(doc, 3, 6, label="ORG"))]
[('Ann Vos', 'PERSON')]
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.entities.names import name_word
from kg.extract.entities.portfolios import PORTFOLIO_WORDS, ROLE_JOINERS
from kg.extract.entities.roles import PORTFOLIO_TITLES, written_words
from kg.extract.gazetteer import (
    ORG_HEADS,
    country_of,
    is_company_name,
    is_nationality,
    is_title,
)

__all__ = ["office_holder", "nationality_cut"]

#: Span labels under which NER writes an office or a body.
_BODY_LABELS = frozenset({"ORG", "GPE", "FAC", "NORP", "LOC"})
#: The most words a holder's name has here ("Ann Maria Vos"); a longer run of proper nouns is
#: more likely one body's name ("Valdor Crown Central Holdings").
_MOST_NAME_WORDS = 3


def _body_end(word: str) -> bool:
    """Whether ``word`` may end a body's name: a head ("Bank") or a country ("Bank of
    Valoria")."""
    return word.casefold().rstrip(".") in _BODY_WORDS or is_company_name(word) \
        or country_of(word) is not None


def _office_word(word: str) -> bool:
    """Whether ``word`` belongs to a minister's office ("Agriculture", "State")."""
    low = word.casefold()
    return low in PORTFOLIO_WORDS or low in _OFFICE_FILLER


def _holder_word(word: list[Token], lower: set[str]) -> bool:
    """Whether a written word (its tokens) may be part of an office holder's name: a name
    word (:func:`~kg.extract.entities.names.name_word`) that is singular ("Vos",
    "Leigh-Pemberton"), no body's last word and no office word, and no word the story also
    writes in lower case ("Research" beside "research")."""
    text = "".join(t.text for t in word)
    return name_word(word) and word[0].tag_ != "NNPS" \
        and all(t.is_alpha or t.text in ("-", "'") for t in word) \
        and not _body_end(text) and not _office_word(text) and text.casefold() not in lower


#: Small words inside a person's name ("Ann de Vos", "Ann van der Berg").
_PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "van", "von", "der", "den",
                        "ter", "la", "le", "bin", "ben", "al", "el", "dos", "das"})
#: Titles whose "of" phrase is their office, no body ("Secretary of Agriculture"): those a
#: portfolio is written before, and the chancellor's ("of the Exchequer"; a word before
#: "Chancellor" is his country, no portfolio).
_OFFICE_TITLES = PORTFOLIO_TITLES | {"chancellor"}
#: Words an office's "of" phrase holds besides portfolios ("State for Economic Affairs"); not
#: a role phrase's "new" or "former", which begin names too ("New York").
_OFFICE_FILLER = ROLE_JOINERS | {"state", "affairs", "international", "national"}
#: Words that end a body's name besides ORG_HEADS and a company's legal forms (gazetteer):
#: never a word of a person's name here ("president of the Valdor Industry Research
#: Foundation").
_BODY_WORDS = ORG_HEADS | {"foundation", "society", "federation", "institution", "university",
                           "college", "centre", "center", "trust", "league", "conference",
                           "program", "programme", "division", "bureau", "service", "court",
                           "assembly", "congress", "chamber", "club"}


def _named_again(ent: Span, surname: list[Token]) -> bool:
    """Whether the story writes ``surname`` (the span's last word) again outside ``ent``, as
    no part of an organisation's or a place's name."""
    text = "".join(t.text for t in surname)
    # compared as written words, so a hyphenated surname ("Moravec-Keller") is found again
    outside = [t for t in ent.doc if not ent.start <= t.i < ent.end]
    return any("".join(t.text for t in word) == text
               and all(t.ent_type_ not in _NOT_A_PERSON for t in word)
               for word in written_words(outside))


#: Entity types a word repeated in them does not make a person's surname.
_NOT_A_PERSON = _BODY_LABELS | {"PRODUCT", "WORK_OF_ART"}


def _title_before(ent: Span) -> Token | None:
    """The title written right before ``ent`` and its "of" ("Minister of", "Governor of
    the"), or None."""
    doc = ent.doc
    k = ent.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return doc[k - 1] if k >= 1 and doc[k].lower_ == "of" and is_title(doc[k - 1].text) \
        else None


def office_holder(ent: Span) -> list[Span] | None:
    """The pieces of a span written right after "<title> of": the holder's name at its end
    (two or three words, PERSON) and, before it, the body whose office it is (ORG, ending as
    a body does: "Bank of Valoria"); a minister's portfolio ("Agriculture", "State for
    Economic Affairs") is his office, no body, and gives no piece. None for any other span."""
    if ent.label_ not in _BODY_LABELS:
        return None
    title = _title_before(ent)
    if title is None:
        return None
    doc = ent.doc
    words = written_words(list(ent))
    lower = {t.text for t in doc if t.is_lower}
    n = 0
    while n < len(words) and _holder_word(words[len(words) - 1 - n], lower):
        n += 1
    if n > 2 and len(words) > n and words[len(words) - n - 1][0].lower_ == "of":
        # "Bank of Valoria Ann Vos": the first proper noun ends the body's name; but so it
        # does in "University of North Carolina Press": only a surname the story writes again
        # outside a body's name ("Vos said") shows the last two words are a person's
        n = 2 if _named_again(ent, words[-1]) else 0
    office = words[: len(words) - n]
    portfolio = bool(office) and title.lower_ in _OFFICE_TITLES and all(
        _office_word(t.text) for w in office for t in w)
    if n == 0:
        return [] if portfolio and ent.label_ == "ORG" else None
    if n > _MOST_NAME_WORDS or n < 2 or not office:
        return None
    cut = words[len(words) - n][0].i
    holder = Span(doc, cut, ent.end, label="PERSON")
    if portfolio:
        return [holder]
    texts = ["".join(t.text for t in w) for w in office]
    named_body = _body_end(texts[-1]) or len(texts) >= 3 and texts[-2] == "of" \
        and _body_end(texts[-3])  # "Bank of Valoria", whatever Valoria is
    if not (named_body or title.lower_ in _OFFICE_TITLES and _office_word(texts[-1])):
        return None  # "Minister of International Trade and Industry X": his ministry
    return [Span(doc, ent.start, cut, label="ORG"), holder]


def nationality_cut(ent: Span) -> list[Span] | None:
    """A PERSON span opening with a nationality word ("Belgian Ann Vos", "Frenchman Ann
    Vos") as that word (NORP, so the country is mentioned) and the name; None for any other
    span. Country names written with points ("U.S.") are left alone: NER's "U.S. Dlrs" is
    no name at all."""
    if ent.label_ != "PERSON" or len(ent) < 3:
        return None
    first, rest = ent[0], ent[1:]
    if not first.is_alpha or not is_nationality(first.text) \
            or not all(t.is_alpha and (t.text[:1].isupper() or t.lower_ in _PARTICLES)
                       or t.text == "-" for t in rest) \
            or not rest[0].text[:1].isupper() or _body_end(rest[-1].text):
        return None
    doc = ent.doc
    return [Span(doc, ent.start, ent.start + 1, label="NORP"),
            Span(doc, ent.start + 1, ent.end, label="PERSON")]
