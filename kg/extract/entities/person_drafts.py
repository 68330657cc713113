"""A PERSON span split into the name and the titles written around it.

"U.S. Treasury Secretary Tom Hale", "Ann Vos, the Dutch foreign minister": the name is
"Tom Hale" or "Ann Vos"; the role words before it or in apposition are the person's titles,
with the country they belong to and, for a secretary or minister, the portfolio's tokens.
:class:`~kg.extract.entities.names.NameBuilder` groups the drafts into people.

>>> from spacy.lang.en import English
>>> nlp = English()
>>> _ = nlp.add_pipe("sentencizer")
>>> doc = nlp("Mr Tom Hale")
>>> d = person_draft(doc[0:3], 0)
>>> d.name, d.titles, d.gender
('Tom Hale', (), 'm')
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.entities.roles import (
    PORTFOLIO_TITLES,
    Role,
    glued,
    is_title_word,
    portfolio_start,
    read_role,
    surface,
)
from kg.extract.gazetteer import (
    FEMALE_HONORIFICS,
    HONORIFICS,
    MALE_HONORIFICS,
    country_of,
    is_misspelt_title,
    is_title,
    is_title_abbreviation,
    title_words,
)
from kg.model import Mention

__all__ = ["PersonDraft", "person_draft"]

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True, slots=True)
class PersonDraft:
    """A PERSON mention with its title words split off into ``titles``."""

    name: str
    tokens: tuple[int, ...]
    root: int
    mention: Mention
    titles: tuple[str, ...] = ()
    country: str | None = None
    gender: str | None = None
    #: Tokens of a portfolio written into the title ("Trade and Industry" Secretary).
    portfolio: tuple[int, ...] = ()


def _is_title_token(tok: Token) -> bool:
    low = tok.text.casefold()
    return low in HONORIFICS or tok.text[:1].isupper() and (
        low in title_words() or is_title_abbreviation(tok.text))


def _role_chunk(ent: Span) -> list[Token]:
    """Tokens left of a name that modify it ("U.S. Treasury Secretary" Tom Hale)."""
    doc = ent.doc
    sent_start = ent.sent.start  # Span.sent scans for the boundaries on every access
    chunk = _modifiers_before(ent, ent.start - 1, [], sent_start)
    # A known title the parser splits ("Secretary of State" Ann Vos).
    for k in range(5, 2, -1):
        begin = ent.start - k
        if begin >= sent_start and (not chunk or begin < chunk[0].i) \
                and is_title(surface(doc, begin, ent.start)):
            chunk = _modifiers_before(ent, begin - 1, list(doc[begin : ent.start]), sent_start)
            break
    if chunk and chunk[0].text == "-":
        chunk.pop(0)
    j = ent.start - 1
    if not chunk and j >= sent_start and doc[j].text[:1].isupper() and is_title_word(doc[j].text):
        # The parser attached the title elsewhere ("X and Treasury Secretary Y" read as
        # a coordination of X and "Secretary"): read it from the words themselves.
        chunk = [doc[j]]
        while j - 1 >= sent_start and country_of(doc[j - 1].text) is not None:
            j -= 1
            chunk.insert(0, doc[j])
    if chunk:
        # The portfolio of a secretary or minister ("Trade and Industry Secretary"), which
        # the parser often attaches elsewhere.
        first = next((t for t in chunk if country_of(t.text) is None), chunk[0])
        begin = portfolio_start(doc, first.i, sent_start)
        if begin < chunk[0].i:
            chunk = [*doc[begin : chunk[0].i], *chunk]
    return chunk


def _modifiers_before(ent: Span, j: int, chunk: list[Token], sent_start: int) -> list[Token]:
    """``chunk`` grown leftwards from token ``j`` over the modifiers of the name."""
    doc = ent.doc
    while j >= sent_start:
        tok = doc[j]
        # A name inside the role is an organisation NER took for a person ("Lib Dem
        # leader X", "Yukos chief executive Y"); before any title word it is another person.
        if tok.ent_type_ == "PERSON" and not any(is_title_word(t.text) for t in chunk):
            break
        # A hyphen inside a written word ("Vice-President") is part of the role.
        inner = tok.text == "-" and glued(tok) and not tok.whitespace_ and chunk
        if not inner and (tok.is_punct and tok.text != "." or tok.dep_ not in
                          ("compound", "amod", "nmod") or not j < tok.head.i < ent.end):
            break
        chunk.insert(0, tok)
        j -= 1
    return chunk


def _appos_roles(ent: Span) -> list[Role]:
    """Roles in apposition to the name ("Ann Vos, the Dutch foreign minister")."""
    root = ent.root
    heads = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        heads.append(root.head)
    out = []
    for h in heads:
        if h.text.casefold() in title_words():
            mods = [c for c in h.lefts if c.dep_ in ("amod", "compound") and c.pos_ != "PROPN"
                    or c.dep_ == "amod" and country_of(c.text) is not None]
            role = read_role([*mods, h])
            if role.title:
                out.append(role)
    return out


def person_draft(ent: Span, sentence_index: int) -> PersonDraft | None:
    """Split a PERSON span into name and titles; None when nothing name-like is left."""
    toks = [t for t in ent if not t.is_space]
    while toks and toks[0].text.casefold() == "the":
        toks.pop(0)
    stripped: list[Token] = []
    # A misspelt title is no part of the name either ("Prime Minsiter Ann Vos"), but only
    # before two more words: a one-word name after it may be the slip's own word.
    while len(toks) > 1 and _is_title_token(toks[0]) \
            or len(toks) > 2 and is_misspelt_title(toks[0].text):
        stripped.append(toks.pop(0))
    while toks and (toks[-1].text in _POSSESSIVE or toks[-1].is_punct):
        toks.pop()
    if not toks or not any(t.text[:1].isalpha() for t in toks):
        return None
    chunk = _role_chunk(ent)
    # Given names NER left out between the title and the name ("boss Ivan" Petrov).
    last = max((k for k, t in enumerate(chunk) if is_title_word(t.text)), default=None)
    if last is not None and not stripped:
        given = chunk[last + 1 :]
        if given and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha
                         and country_of(t.text) is None and t.ent_type_ in ("", "PERSON")
                         for t in given):
            chunk = chunk[: last + 1]
            toks = [*given, *toks]
    role = read_role([*chunk, *stripped])
    country = role.country
    titles = [role.title] if role.title else []
    for extra in _appos_roles(ent):
        titles.append(str(extra.title))
        country = country or extra.country
    for child in ent.root.children:
        if child.dep_ == "prep" and child.text == "of":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ == "GPE":
                country = country or country_of(" ".join(t.text for t in obj.subtree))
    words = {t.text.casefold() for t in [*chunk, *stripped]}
    gender = "m" if words & MALE_HONORIFICS else "f" if words & FEMALE_HONORIFICS else None
    first = min([t.i for t in [*chunk, *stripped]] + [ent.start])
    start = ent.doc[first].idx
    portfolio: tuple[int, ...] = ()
    if role.title and (role.title.split()[-1].casefold() in PORTFOLIO_TITLES
                       or is_title(role.title)):
        portfolio = tuple(t.i for t in [*chunk, *stripped])
    return PersonDraft(
        # The article's own text, so that "Kim Dae-jung" keeps its hyphen.
        name=surface(ent.doc, toks[0].i, toks[-1].i + 1),
        tokens=tuple(t.i for t in toks),
        root=ent.root.i,
        mention=Mention(surface(ent.doc, first, toks[-1].i + 1), start, ent.end_char,
                        sentence_index, "name"),
        titles=tuple(titles),
        country=country,
        gender=gender,
        portfolio=portfolio,
    )
