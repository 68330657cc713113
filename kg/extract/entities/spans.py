"""NER spans repaired before they become entities: joined, split, trimmed, grown.

spaCy's small model cuts names inside hyphenated words, joins lists of organisations,
takes a title and a name for one organisation, and leaves ticker brackets at the edges;
each repair here is a general rule about how news writes names.

>>> from spacy.lang.en import English
>>> doc = English()("Shares of <Arab Banking Corp> rose.")
>>> _trimmed(doc[2:6]).text
'Arab Banking Corp'
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from kg.extract.entities.companies import (
    called_companies,
    companies_not_people,
    suffixed_companies,
    untagged_companies,
)
from kg.extract.entities.held_names import nationality_cut, office_holder
from kg.extract.entities.names import name_word
from kg.extract.entities.not_names import no_name
from kg.extract.entities.roles import glued
from kg.extract.gazetteer import HONORIFICS, ORG_HEADS, is_company_name, is_title
from kg.extract.walks import spaced_dash

__all__ = ["ner_spans"]


def ner_spans(doc: Doc) -> list[Span]:
    """NER spans, repaired: adjacent PERSON spans joined ("Maria Santos" "Lima"), lists
    of organisations split, and people carved out of organisation spans that end in a
    title and a name ("Senate Finance Committee chairman Joe Brandt")."""
    out: list[Span] = []
    ents = _hyphen_pairs(_joined_of(doc.ents))  # doc.ents is built anew on every access
    halves = {(e.start, e.end) for e in ents} - {(e.start, e.end) for e in doc.ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    bracketed = _bracketed_companies(doc)
    inner = {i for s in bracketed for i in range(s.start, s.end)}
    for ent in ents:
        if any(t.i in inner for t in ent):
            # NER's piece of a bracketed company ("<Bolt Inc>" as a person "Bolt Inc>",
            # "Valoria" of "<Valoria Realty Co>"): the whole bracket is the name
            continue
        if ent.start > 0 and doc[ent.start - 1].text == "<" and out and out[-1].label_ == "ORG":
            continue  # a stock ticker after a company name: "CBS Inc <CBS>"
        ent = _honoured(_trimmed(ent))
        if not len(ent) or no_name(ent):  # "mln U.S. Dlrs", "cts"
            continue
        if out and ent.label_ == "ORG" and out[-1].label_ in ("ORG", "PERSON") \
                and out[-1].end + 1 == ent.start and doc[out[-1].end].lower_ in ("and", "&") \
                and ent[0].text in ("Co", "Co.", "Company", "Sons", "Partners"):
            out[-1] = Span(doc, out[-1].start, ent.end, label="ORG")  # "Brown Shipley and Co"
            continue
        if out and ent.label_ == "PERSON" and out[-1].label_ == "PERSON" \
                and out[-1].end == ent.start:
            out[-1] = Span(doc, out[-1].start, ent.end, label="PERSON")
            continue
        held = office_holder(ent)  # "Minister of Trade Ann Vos", "Belgian Ann Vos"
        held = nationality_cut(ent) if held is None else held
        if held is not None:
            out.extend(held)
            continue
        if ent.label_ in ("ORG", "GPE", "NORP", "FAC") and len(ent) > 2:
            cut = _title_cut(ent)
            if cut is not None:
                if cut > ent.start and doc[cut - 1].lower_ in ORG_HEADS | {"house", "senate"}:
                    out.append(Span(doc, ent.start, cut, label="ORG"))
                out.append(Span(doc, cut + 1, ent.end, label="PERSON"))
                continue
        if ent.label_ == "ORG" and (_titled_name(ent) or _apposed_to_title(ent)):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Minister Nadia Kerr" (ORG)
        if ent.label_ == "PERSON":
            if (ent.start, ent.end) not in halves:  # "Hale" of "Hale-Okafor" stays
                ent = _whole_name(ent, taken)
            out.extend(_conjoined_names(ent, taken))
        if ent.label_ == "ORG":
            parts = _split_org_list(ent)
            if parts:
                out.extend(parts)
                continue
        out.append(ent)
    out.extend(_untagged_titled_names(doc, taken))
    groups = _numbered_groups(doc)
    inside = {i for g in groups for i in range(g.start, g.end)}
    out = [s for s in out if not inside & set(range(s.start, s.end))] + groups
    out.extend(bracketed)
    out = called_companies(companies_not_people(suffixed_companies(doc, out)))
    return sorted(out + untagged_companies(doc, out), key=lambda s: s.start)


#: Small words inside a company's name ("Banque du Nord", "Bolt and Sons Ltd").
_NAME_PARTICLES = frozenset({"and", "of", "de", "du", "des", "del", "la", "le", "et", "the",
                             "for", "von", "van", "da", "di", "do", "y", "e"})


def _bracketed_companies(doc: Doc) -> list[Span]:
    """Wire copy writes a company without a ticker in angle brackets ("<Acme Freight> said");
    NER misses most of them, or takes them for people or cuts them. Tickers ("<ACM.N>") are
    not names.

    >>> from spacy.lang.en import English
    >>> [s.text for s in _bracketed_companies(English()("<Acme Freight> said <ACM.N> rose"))]
    ['Acme Freight']
    """
    out = []
    for tok in doc:
        if tok.text != "<":
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 7 and doc[end].text != ">":
            end += 1
        inner = doc[tok.i + 1 : end]
        if end >= len(doc) or not len(inner) or not inner[0].text[:1].isupper() \
                or any("." in t.text[1:-1] and t.is_upper for t in inner) \
                or len(inner) == 1 and inner[0].is_upper \
                or any(t.is_alpha and t.is_lower and t.lower_ not in _NAME_PARTICLES
                       or t.text == "<" for t in inner) \
                or inner.text.count("(") != inner.text.count(")"):
            continue  # a ticker, or no name: "<ACM), and two other companies"
        out.append(Span(doc, tok.i + 1, end, label="ORG"))
    return out


def _honoured(ent: Span) -> Span:
    """A name after an honorific is a person's whatever NER typed it ("Mr Straw" as a
    product, "Mr Hale at Downing Street" as one organisation), up to the first word that
    is not a capitalised name.

    >>> from spacy.lang.en import English
    >>> doc = English()("Mr Hale at Downing Street")
    >>> s = _honoured(Span(doc, 0, 5, label="ORG"))
    >>> s.text, s.label_
    ('Mr Hale', 'PERSON')
    """
    doc = ent.doc
    if ent.label_ == "PERSON" or not len(ent):
        return ent
    if ent[0].lower_ in _HONORIFICS:
        start = ent.start
    elif ent.start > 0 and doc[ent.start - 1].lower_ in _HONORIFICS:
        start = ent.start - 1
    else:
        return ent
    end = start + 1
    while end < ent.end and (doc[end].text[:1].isupper() and doc[end].is_alpha or (
            doc[end].text in ("-", "'") and end + 1 < ent.end
            and doc[end + 1].text[:1].isupper())):  # "Mr Kilroy-Silk", "Mr O'Neill"
        end += 1
    return Span(doc, start, end, label="PERSON") if end > start + 1 else ent


#: Numbers that name a club of countries written in lower case: "the group of seven". Written
#: "Group of", any number does ("Group of 24", "Group of Thirty").
_GROUP_NUMBERS = frozenset({"three", "five", "seven", "eight", "ten", "twenty", "77",
                            "3", "5", "7", "8", "10", "20"})


def _numbered_groups(doc: Doc) -> list[Span]:
    """ "the group of seven rich democracies", written in lower case, names the
    Group of Seven as much as the capitalised name does; NER finds only the latter, and at
    times only its first word ("Group" tagged alone before "of 24").

    >>> from spacy.lang.en import English
    >>> [s.text for s in _numbered_groups(English()("a meeting of the group of seven"))]
    ['group of seven']
    """
    out = []
    for tok in doc[: len(doc) - 2]:
        if tok.lower_ != "group" or doc[tok.i + 1].lower_ != "of":
            continue
        the = doc[tok.i - 1] if tok.i and doc[tok.i - 1].lower_ == "the" else None
        number = doc[tok.i + 2]
        # a club's name is capitalised or definite: "a group of 15 banks" is a count
        named = tok.text == "Group" and number.like_num \
            or the is not None and number.lower_ in _GROUP_NUMBERS
        if named and all(t.ent_type_ in ("", "CARDINAL") for t in doc[tok.i + 1 : tok.i + 3]) \
                and (tok.ent_type_ in ("", "CARDINAL") or tok.ent_iob_ == "B"
                     or the is not None and the.ent_iob_ == "B"):
            out.append(Span(doc, tok.i, tok.i + 3, label="ORG"))
    return out


#: Tokens that NER leaves at the edge of a span but that belong to no name ("Corp>").
_EDGE_JUNK = frozenset({"<", ">", "(", ")", "and", "&", "--", "-", ",", "'", '"', "of"})


def _trimmed(ent: Span) -> Span:
    """``ent`` without ticker brackets, an indefinite article, dangling "and" or dashes at its
    edges, a bracket left open ("International Tin Council (ITC") or a dateline before a dash
    ("NEW YORK - Firm")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    for k in range(start + 1, end):
        if doc[k].text == "<" or doc[k].text == "(" and ")" not in doc[k:end].text:
            end = k
            break
    for k in range(start + 1, end - 1):
        before = [t for t in doc[start:k] if t.is_alpha]
        if spaced_dash(doc[k]) and before and all(t.is_upper for t in before):
            start = k + 1
    while start < end and (doc[start].lower_ in _EDGE_JUNK - {")"} or end - start > 1
                           and doc[start].lower_ in ("a", "an") and doc[start].pos_ == "DET"):
        start += 1  # "An Acme Fund team": the article is no word of the name
    while end > start and doc[end - 1].lower_ in _EDGE_JUNK and not (
        doc[end - 1].text == ")" and "(" in doc[start : end - 1].text
    ):
        end -= 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


def _hyphen_pairs(ents: Sequence[Span]) -> list[Span]:
    """A person span that is one hyphenated word of two names ("the Hale-Okafor
    summit"), split in two when one of the names is a person elsewhere in the article.
    A double-barrelled surname ("Robert Kilroy-Silk") is never split: its parts are not
    people of their own, and it ends a longer name; written twice, it is still one person.

    >>> from spacy.lang.en import English
    >>> doc = English()("Founder Nikos Papa-Dimitriou spoke. Then Papa-Dimitriou left.")
    >>> [s.text for s in _hyphen_pairs([Span(doc, 2, 5, label="PERSON"),
    ...                                 Span(doc, 8, 11, label="PERSON")])]
    ['Papa-Dimitriou', 'Papa-Dimitriou']
    """
    people = [e for e in ents if e.label_ == "PERSON"]
    names = {t.text for e in people for t in e if t.text != "-"}
    longer = {e.text.split()[-1] for e in people if len(e.text.split()) > 1}
    out: list[Span] = []
    for ent in ents:
        toks = list(ent)
        if ent.label_ == "PERSON" and len(toks) == 3 and toks[1].text == "-" \
                and glued(toks[1]) and glued(toks[2]) and ent.text not in longer \
                and not (ent.start > 0 and ent.doc[ent.start - 1].lower_ in _HONORIFICS) \
                and all(t.text[:1].isupper() and t.is_alpha for t in (toks[0], toks[2])):
            # the same double-barrelled name written again is no other person
            elsewhere = {t.text for e in people if ent.text not in e.text for t in e}
            if (toks[0].text in elsewhere or toks[2].text in elsewhere) and names:
                out.append(Span(ent.doc, ent.start, ent.start + 1, label="PERSON"))
                out.append(Span(ent.doc, ent.end - 1, ent.end, label="PERSON"))
                continue
        out.append(ent)
    return out


def _joined_of(ents: Sequence[Span]) -> list[Span]:
    """An organisation span that stops at "of" joined with the name after it ("Public
    Service Company of" "New Hampshire", "Group of" "Five")."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "ORG" and prev.end == ent.start \
                and ent.doc[prev.end - 1].lower_ == "of" \
                and ent.label_ in ("GPE", "LOC", "ORG", "CARDINAL", "NORP"):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="ORG")
            continue
        out.append(ent)
    taken = {i for e in out for i in range(e.start, e.end)}
    for k, ent in enumerate(out):
        doc = ent.doc
        if ent.label_ != "ORG" or doc[ent.end - 1].lower_ != "of":
            continue
        end = ent.end
        while end < len(doc) and end - ent.end < 3 and end not in taken \
                and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if end > ent.end:  # "Public Service Company of" + untagged "New Hampshire"
            out[k] = Span(doc, ent.start, end, label="ORG")
    return out


def _whole_name(ent: Span, taken: set[int]) -> Span:
    """A PERSON span grown to whole written words: NER stops inside "Kim Dae-jung" or
    before the hyphenated given name of "Park Min-soo"."""
    doc = ent.doc
    end = ent.end
    while end < len(doc) and glued(doc[end]) and "-" in (doc[end].text, doc[end - 1].text):
        end += 1
    if set(range(ent.end, end)) & taken:
        end = ent.end  # "Hale" "-" "Okafor": two names NER found apart
    nxt = end
    if nxt < len(doc) and nxt not in taken and doc[nxt].text[:1].isupper() \
            and doc[nxt].pos_ == "PROPN" and not is_title(doc[nxt].text):
        word = nxt + 1
        while word < len(doc) and glued(doc[word]):
            word += 1
        parts = doc[nxt:word]
        if len(parts) == 3 and parts[1].text == "-" and parts[2].text.isalpha() \
                and parts[2].text.islower() and not (set(range(nxt, word)) & taken):
            end = word
    if end == ent.end:
        return ent
    taken.update(range(ent.end, end))
    return Span(doc, ent.start, end, label="PERSON")


def _titled_name(ent: Span) -> bool:
    """An ORG span that is really a name: two or three capitalised words after a title."""
    doc = ent.doc
    if not 2 <= len(ent) <= 3 or ent.start == 0 or not is_title(doc[ent.start - 1].text):
        return False
    return all(name_word([t]) for t in ent)


def _plain_name(ent: Span) -> bool:
    return all(name_word([t]) and t.is_alpha for t in ent) and not is_company_name(ent.text)


def _apposed_to_title(ent: Span) -> bool:
    """An ORG span of two or three plain names in apposition with a title is a person:
    "the chairman, Somchai Raknam of Thailand," and "Ann Vos, the committee's chairman,"."""
    if not 2 <= len(ent) <= 3 or not _plain_name(ent):
        return False
    root = ent.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and is_title(root.head.text):
        return True
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and is_title(c.text)
               for c in root.children)


#: Words before a surname alone: the gazetteer's honorifics, knights and dames, and British
#: peers, who are "Lord X" and "Baroness Y" throughout a story.
_HONORIFICS = HONORIFICS | {"sir", "dame", "lord", "lady", "baroness"}


def _untagged_titled_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Names NER missed right after a title ("Irish Taoiseach Bertie Ahern")."""
    out = []
    for tok in doc:
        if tok.i in taken or not tok.text[:1].isupper() or not is_title(tok.text):
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 3 and doc[end].pos_ == "PROPN" \
                and doc[end].text[:1].isupper() and doc[end].i not in taken \
                and not is_title(doc[end].text):
            end += 1
        name = doc[tok.i + 1 : end]
        # After an honorific one word is a name ("Mr Hale"); after a title it may be a
        # portfolio or a place ("Minister Ryan", "President Lincoln" are rarer than
        # "Secretary General" or "Governor Park").
        shortest = 1 if tok.lower_ in _HONORIFICS else 2
        if shortest <= len(name) <= 3 and name[-1].dep_ != "compound" and (
            end == len(doc) or doc[end].i not in taken
        ):
            out.append(Span(doc, tok.i + 1, end, label="PERSON"))
            taken.update(range(tok.i + 1, end))
    return out


def _conjoined_names(ent: Span, taken: set[int]) -> list[Span]:
    """Untagged proper names coordinated with a person ("Angela Merkel and Theresa May")."""
    doc = ent.doc
    out = []
    for conj in ent.root.conjuncts:
        if conj.i in taken or conj.pos_ != "PROPN" or not conj.text[:1].isupper():
            continue
        start = conj.i
        while start - 1 > ent.root.i and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in taken:
            start -= 1
        span = doc[start : conj.i + 1]
        if 2 <= len(span) <= 3 and not any(is_title(t.text) for t in span):
            out.append(Span(doc, start, conj.i + 1, label="PERSON"))
    return out


def _title_cut(ent: Span) -> int | None:
    """Index of the last title word in ``ent`` when proper names follow it."""
    for j in range(ent.end - 2, ent.start - 1, -1):
        tok = ent.doc[j]
        if tok.lower_ in ("chairman", "president", "secretary", "minister", "director", "governor",
                          "chief", "head", "spokesman", "ambassador", "envoy", "premier"):
            rest = ent.doc[j + 1 : ent.end]
            if all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest) and len(rest) >= 1:
                return j
            return None
    return None


def _split_org_list(ent: Span) -> list[Span]:
    doc = ent.doc
    for tok in ent:
        if tok.lower_ == "and" and tok.i > ent.start and tok.i + 1 < ent.end:
            if doc[tok.i - 1].lower_ in ORG_HEADS and doc[tok.i + 1].text[:1].isupper():
                start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
                return [Span(doc, start, tok.i, label="ORG"),
                        Span(doc, tok.i + 1, ent.end, label="ORG")]
    return []
