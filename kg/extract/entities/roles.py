"""Role phrases written before a name, read as the article writes them.

"South Korean President", "Trade and Industry Secretary", "Vice-President": a title, the
country it belongs to and, for ministers and secretaries, the portfolio before the title
word. Text always comes from the source's character offsets, so hyphenated words keep
their hyphens ("Kim Dae-jung", never "Kim Dae - jung").

>>> is_title_word("Vice-President"), is_title_word("Industry")
(True, False)
>>> PORTFOLIO_TITLES >= {"secretary", "minister"}
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.gazetteer import HONORIFICS, country_of, is_title, title_words

__all__ = [
    "PERSON_NOUNS",
    "PORTFOLIO_TITLES",
    "Role",
    "glued",
    "is_title_word",
    "person_noun",
    "portfolio_start",
    "read_role",
    "surface",
    "written_words",
]

#: Nouns for a person that wire copy leaves unnamed ("a company spokesman", "one dealer").
PERSON_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "dealer", "analyst", "economist",
     "trader", "banker", "source", "aide", "lawyer", "negotiator", "diplomat", "observer",
     "expert", "strategist", "broker", "consultant", "steward", "man", "woman", "person"}
)
#: Titles a portfolio is written before ("Trade and Industry Secretary", "Energy Minister").
PORTFOLIO_TITLES = frozenset(
    {"secretary", "minister", "commissioner", "undersecretary", "spokesman", "spokeswoman",
     "spokesperson", "secretaries", "ministers", "representative"}
)
#: Words that join the words of a portfolio ("Trade and Industry", "Work and Pensions").
_PORTFOLIO_JOINERS = frozenset({"and", "&"})
_MAX_PORTFOLIO = 6


def surface(doc: Doc, start: int, end: int) -> str:
    """The article's own text of tokens ``start``..``end`` (exclusive), whitespace collapsed.

    >>> from spacy.lang.en import English
    >>> doc = English()("Kim Dae-jung met Jean-Claude Juncker.")
    >>> surface(doc, 0, 4), [t.text for t in doc[0:4]]
    ('Kim Dae-jung', ['Kim', 'Dae', '-', 'jung'])
    """
    if end <= start:
        return ""
    # The span's own text is the article's characters for those tokens; Doc.text would
    # rebuild the whole article's string at every call.
    return " ".join(doc[start:end].text.split())


def glued(tok: Token) -> bool:
    """Whether ``tok`` is written without a space after the token before it ("Dae" "-")."""
    return tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def written_words(tokens: Sequence[Token]) -> list[list[Token]]:
    """Consecutive tokens grouped into the words a reader sees ("Vice", "-", "President")."""
    words: list[list[Token]] = []
    for tok in tokens:
        if words and words[-1][-1].i == tok.i - 1 and glued(tok):
            words[-1].append(tok)
        else:
            words.append([tok])
    return words


def is_title_word(text: str) -> bool:
    """A title on its own, or a hyphenated compound of title words ("Secretary-General")."""
    low = text.casefold()
    if is_title(low):
        return True
    parts = [p for p in low.split("-") if p]
    return len(parts) > 1 and all(p in title_words() for p in parts)


def person_noun(t: Token) -> bool:
    """Whether ``t`` is a noun for an unnamed person ("its chairman", "a spokesman")."""
    return t.pos_ == "NOUN" and (t.lemma_.casefold() in PERSON_NOUNS or is_title_word(t.text))


@dataclass(frozen=True, slots=True)
class Role:
    """The title and country read from the words before (and opening) a name."""

    title: str | None
    country: str | None


def _country_runs(words: list[list[Token]]) -> list[tuple[int, int, str]]:
    """Longest runs of words (up to three) that name a country or are its demonym."""
    runs = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            chunk = words[i : i + n]
            doc = chunk[0][0].doc
            text = surface(doc, chunk[0][0].i, chunk[-1][-1].i + 1)
            tags = {t.pos_ for w in chunk for t in w}
            if text.casefold() in title_words() or not tags & {"ADJ", "PROPN", "NOUN"}:
                continue
            country = country_of(text)
            if country is not None:
                runs.append((i, i + n, country))
                i += n
                break
        else:
            i += 1
    return runs


def read_role(tokens: Sequence[Token]) -> Role:
    """Title and country of the contiguous role tokens before a name.

    Country names and demonyms, however many words ("South Korean", "New Zealand"), give
    the country; the other words, honorifics dropped, are the title if the last of them is
    a title word.
    """
    words = written_words(tokens)
    runs = _country_runs(words)
    country = runs[0][2] if runs else None
    in_country = {k for a, b, _ in runs for k in range(a, b)}
    kept = [w for k, w in enumerate(words) if k not in in_country
            and surface(w[0].doc, w[0].i, w[-1].i + 1).casefold() not in HONORIFICS]
    if not kept:
        return Role(None, country)
    texts = [surface(w[0].doc, w[0].i, w[-1].i + 1) for w in kept]
    # The last word is a title ("Finance Minister"), or the words end in a known title
    # whose last word is not one ("Secretary of State").
    if not is_title_word(texts[-1]) and not any(
        is_title(" ".join(texts[k:])) for k in range(max(0, len(texts) - 4), len(texts) - 1)
    ):
        return Role(None, country)
    # Adjacent kept words are written as one phrase; a country between two parts of a
    # title ("Deputy U.S. Trade Representative") leaves the parts joined by one space.
    pieces: list[str] = []
    run: list[list[Token]] = []
    for w in kept:
        if run and run[-1][-1].i + 1 != w[0].i:
            pieces.append(surface(run[0][0].doc, run[0][0].i, run[-1][-1].i + 1))
            run = []
        run.append(w)
    pieces.append(surface(run[0][0].doc, run[0][0].i, run[-1][-1].i + 1))
    return Role(" ".join(pieces), country)


def portfolio_start(doc: Doc, first: int, floor: int) -> int:
    """Where a portfolio written before the title word at ``first`` begins.

    "Trade and Industry Secretary": capitalised proper-noun words, joined by "and" or "&",
    directly before a secretary or minister belong to the title. Returns ``first`` when
    there is none. Never goes below ``floor`` (the sentence start) or into a person's name.
    """
    if doc[first].lower_ not in PORTFOLIO_TITLES:
        return first
    start = first
    j = first - 1
    while j >= floor and first - j <= _MAX_PORTFOLIO:
        tok = doc[j]
        if tok.lower_ in _PORTFOLIO_JOINERS and start == j + 1 < first:
            j -= 1
            continue
        if tok.ent_type_ == "PERSON" or not tok.text[:1].isupper() or tok.is_punct:
            break
        if tok.pos_ != "PROPN" and tok.ent_type_ not in ("ORG", "NORP", "GPE"):
            break
        start = j
        j -= 1
    return start
