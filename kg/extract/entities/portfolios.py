"""Portfolios of office holders: which office a role phrase names.

So "finance ministers" or "his counterparts" can be matched with the people an article names.

A portfolio is a coarse office class: "finance" (finance minister, treasury secretary,
chancellor of the exchequer), "foreign" (foreign minister, secretary of state), "trade",
"central bank" (central bank governor, Bundesbank president), "leader" (president, prime
minister, chancellor), or the portfolio word of any other minister ("agriculture",
"oil"). A rank tells deputies from the office holders themselves.

>>> portfolio_of("Chancellor of the Exchequer"), portfolio_of("U.S. Treasury Secretary")
(('finance', ''), ('finance', ''))
>>> portfolio_of("Deputy Foreign Minister"), portfolio_of("Secretary of State")
(('foreign', 'deputy'), ('foreign', ''))
>>> portfolio_of("Treasury spokesman") is None, portfolio_of("West German Chancellor")
(True, ('leader', ''))
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from kg.extract.entities.roles import read_role
from kg.extract.gazetteer import DEPUTY_WORDS, country_of
from kg.extract.index import EntityIndex, entity_key
from kg.model import EntityType

__all__ = ["Office", "PORTFOLIO_WORDS", "ROLE_JOINERS", "portfolio_of", "group_portfolio",
           "offices", "noun_lemma"]

#: (portfolio, rank): rank is "" for the office holder, "deputy" for deputies and juniors.
Office = tuple[str, str]

#: Words that name a portfolio, and the portfolio they name.
PORTFOLIO_WORDS = {
    "finance": "finance", "treasury": "finance", "exchequer": "finance", "fiscal": "finance",
    "foreign": "foreign", "external": "foreign", "trade": "trade", "oil": "oil",
    "petroleum": "oil", "energy": "energy", "agriculture": "agriculture",
    "agricultural": "agriculture", "farm": "agriculture", "defence": "defence",
    "defense": "defence", "economy": "economy", "economics": "economy",
    "economic": "economy", "industry": "industry", "labour": "labour", "labor": "labour",
    "justice": "justice", "interior": "interior", "health": "health",
    "environment": "environment", "education": "education", "transport": "transport",
    "commerce": "commerce",
}
_MINISTERS = frozenset({"minister", "ministers", "secretary", "secretaries", "chancellor",
                        "chancellors", "representative", "representatives"})
_LEADERS = frozenset({"president", "presidents", "premier", "premiers", "chancellor",
                      "chancellors", "king", "queen", "emir", "sultan", "taoiseach", "leader",
                      "leaders"})
_BANK_HEADS = frozenset({"governor", "governors", "president", "chairman", "head", "chief"})
_CENTRAL_BANK = re.compile(r"\b(central bank|bundesbank|federal reserve|reserve bank"
                           r"|bank of [a-z]+)\b")
#: The small words inside a role phrase or an office's name ("Minister of Trade and Industry",
#: "the Secretary for Energy").
ROLE_JOINERS = frozenset({"the", "of", "and", "&", "for"})
#: Words a role phrase may carry besides its office ("the", "U.S.", "then").
_FILLER = ROLE_JOINERS | {"then", "former", "acting", "new"}


def portfolio_of(phrase: str) -> Office | None:
    """The office a role phrase names ("Italian Treasury Minister" -> finance), or None
    when it names none or several."""
    low = " ".join(phrase.replace("-", " ").split()).casefold()
    words = [w for w in re.split(r"[\s/]+", low) if w]
    rank = "deputy" if set(words) & DEPUTY_WORDS or "minister of state" in low else ""
    if "secretary of state" in low:
        return "foreign", rank
    if "prime minister" in low:
        return "leader", rank
    if _CENTRAL_BANK.search(low) and set(words) & _BANK_HEADS:
        return "central bank", rank
    if set(words) & _MINISTERS and not (set(words) & {"chancellor", "chancellors"}
                                        and not set(words) & set(PORTFOLIO_WORDS)):
        found = [PORTFOLIO_WORDS[w] for w in words if w in PORTFOLIO_WORDS]
        if not found:
            return None
        if "representative" in words and found[0] != "trade":
            return None  # "the finance ministry's representative" is no minister
        return found[0], rank
    rest = [w for w in _without_countries(words) if w not in _FILLER]
    if rest and rest[-1] in _LEADERS and all(w in _LEADERS | DEPUTY_WORDS for w in rest):
        return "leader", rank
    return None


#: Common nouns wire copy capitalises ("U.S. Officials", "G-7 Finance Ministers").
_CAPITALISED_NOUNS = frozenset({
    "minister", "secretary", "official", "counterpart", "banker", "governor", "leader",
    "negotiator", "representative", "delegate", "diplomat", "envoy", "authority",
    "country", "nation", "club", "company", "bank", "union"})


def noun_lemma(tok: Token) -> tuple[str, bool]:
    """A common noun's lemma and whether it is plural, also when wire copy capitalises it
    and the tagger reads it as a name ("U.S. Officials"); ("", False) for anything else.

    >>> from spacy.lang.en import English
    >>> noun_lemma(English()("Officials")[0])
    ('official', True)
    """
    if tok.pos_ == "NOUN":
        return tok.lemma_.casefold(), tok.tag_ == "NNS"
    if tok.pos_ == "PROPN" and tok.is_lower and tok.is_alpha:
        # The tagger's slip after a possessive name ("Japan's foreign ministry"): wire copy
        # writes no name in lower case.
        return tok.lemma_.casefold(), tok.tag_ == "NNPS" or tok.lower_.endswith("ies")
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.pos_ not in ("PROPN", "") or tok.dep_ in ("compound", "nmod", "appos") \
            or nxt is not None and nxt.ent_type_ == "PERSON":
        return "", False  # "Trade Representative X": a title before a name
    low = tok.lower_
    if low in _CAPITALISED_NOUNS:
        return low, False
    stem = low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") else ""
    return (stem, True) if stem in _CAPITALISED_NOUNS else ("", False)


def _without_countries(words: list[str]) -> list[str]:
    """``words`` without the (up to three-word) country names and demonyms among them."""
    out: list[str] = []
    i = 0
    while i < len(words):
        n = next((n for n in (3, 2, 1) if i + n <= len(words)
                  and country_of(" ".join(words[i : i + n])) is not None), 0)
        if n == 0:
            out.append(words[i])
        i += n or 1
    return out


def group_portfolio(noun: Token) -> Office | None:
    """The office of a plural group noun with its modifiers: "finance ministers",
    "central bankers", "central bank governors", "leaders"; None for anything else."""
    lemma = noun_lemma(noun)[0]
    mods = [c.lower_ for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")]
    if lemma == "banker" and "central" in mods:
        return "central bank", ""
    if lemma == "governor" and "bank" in mods:
        return "central bank", ""
    if lemma == "leader" and all(m[:1].isupper() for m in
                                  (c.text for c in noun.lefts if c.dep_ in ("compound", "amod"))):
        return "leader", ""  # "EC leaders", "Arab leaders"; not "church leaders"
    if lemma in ("minister", "secretary"):
        found = [PORTFOLIO_WORDS[m] for m in mods if m in PORTFOLIO_WORDS]
        rank = "deputy" if set(mods) & DEPUTY_WORDS else ""
        return (found[0], rank) if len(set(found)) == 1 else None
    return None


def _role_tokens(doc: Doc, start: int) -> list[Token]:
    """The capitalised role words written right before token ``start`` ("British Chancellor
    of the Exchequer" before a name), within the sentence."""
    out: list[Token] = []
    j = start - 1
    floor = doc[start].sent.start
    while j >= floor and len(out) < 8:
        t = doc[j]
        if t.is_space:
            j -= 1
            continue
        if t.ent_type_ == "PERSON" or t.is_punct and t.text not in ("-", ".") \
                or not (t.text[:1].isupper() or t.lower_ in _FILLER):
            break
        out.insert(0, t)
        j -= 1
    while out and out[0].lower_ in _FILLER:
        out.pop(0)
    return out


def offices(doc: Doc, index: EntityIndex) -> dict[str, tuple[frozenset[Office], str | None]]:
    """Each named person's offices and country key, read from the entity's titles and from
    the role words before every mention of the person in ``doc``."""
    out: dict[str, tuple[frozenset[Office], str | None]] = {}
    for e in index.entities:
        if e.type is not EntityType.PERSON:
            continue
        found: set[Office] = set()
        country = e.country
        for title in e.titles:
            office = portfolio_of(title)
            if office is not None:
                found.add(office)
        for m in e.mentions:
            if m.kind not in ("name", "alias"):
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            first = e.label.split()[0].casefold()
            inner = [t for t in span if t.i < span.end - 1]
            cut = next((k for k, t in enumerate(inner) if t.lower_ == first), len(inner))
            toks = _role_tokens(doc, span.start) + inner[:cut]
            if not toks:
                continue
            office = portfolio_of(" ".join(t.text for t in toks))
            if office is not None:
                found.add(office)
            if country is None:
                name = read_role(toks).country
                if name is not None:
                    key = entity_key(name, EntityType.COUNTRY)
                    country = key if index.get(key) is not None else country
        if found:
            out[e.key] = (frozenset(found), country)
    return out
