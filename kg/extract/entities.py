"""Entities inside one article: NER typing, titles as roles, aliases, demonym groups and countries.

Names are grouped by the rules in :mod:`kg.extract.names`; pronouns and title-only
mentions ("the Chancellor") are resolved by :mod:`kg.extract.coref`.

>>> entity_key("Vladimir  Putin", EntityType.PERSON)
'person:vladimir putin'
>>> EntityIndex().entity_of is not None
True
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.coref import (
    resolve_first_person,
    resolve_it,
    resolve_plural,
    resolve_title_mentions,
)
from kg.extract.coref import resolve_pronouns as _pronouns
from kg.extract.gazetteer import country_name, country_of, demonym_country, is_title
from kg.extract.index import EntityIndex, entity_key
from kg.extract.names import NameBuilder, person_draft
from kg.extract.roles import glued
from kg.model import EntityType, Mention

__all__ = [
    "EntityIndex",
    "EntityComponent",
    "resolve_entities",
    "entity_key",
    "NER_TYPES",
    "GROUP_NOUNS",
]

#: spaCy NER label -> coarse entity type (GPE is refined to COUNTRY or PLACE).
NER_TYPES: dict[str, EntityType] = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.GROUP,
    "EVENT": EntityType.EVENT,
}

#: Collective nouns that, after a demonym, make a group tied to a country ("Russian officials").
GROUP_NOUNS = frozenset(
    {"delegation", "government", "team", "side", "official", "negotiator", "leader", "minister",
     "diplomat", "authority", "representative", "envoy", "force", "troop", "mission", "party",
     "counterpart", "businessman", "banker", "source", "administration", "cabinet", "president",
     "embassy", "ambassador", "army", "military", "police", "people", "lawmaker", "expert",
     "spokesman", "agent", "nurse", "politician", "student", "worker", "company",
     "firm", "bank", "investor", "trader", "producer", "parliament", "ministry", "court"}
)
#: Singular nouns that still denote a group ("the Russian government", not "Russian president").
_COLLECTIVE = frozenset(
    {"delegation", "government", "team", "side", "mission", "party", "administration", "cabinet",
     "embassy", "army", "military", "police", "parliament", "ministry", "court", "company",
     "firm", "bank", "people"}
)
#: Group nouns whose plural label reads better singular ("American delegations" -> delegation).
_SINGULAR_LABEL = frozenset({"delegation", "government", "team", "side", "mission", "party"})


#: Determiners that open a span but not a name ("his Free Democratic Party").
_DETERMINERS = ("the ", "his ", "her ", "its ", "their ", "our ")


def _strip_det(text: str) -> str:
    text = " ".join(text.split())
    for det in _DETERMINERS:
        if text.casefold().startswith(det):
            text = text[len(det) :]
            break
    for pos in ("'s", "’s", "'", "’"):
        if text.endswith(pos):
            text = text[: -len(pos)]
    return text.strip()


def _group_head(tok: Token) -> Token | None:
    """The collective noun a demonym modifies, following "American and Ukrainian X"."""
    first = tok
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    head = first.head
    if first.dep_ in ("amod", "compound", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        lemma = head.lemma_.casefold()
        plural_or_collective = head.tag_ == "NNS" or lemma in _COLLECTIVE
        if lemma in GROUP_NOUNS and plural_or_collective and head.ent_type_ in ("", "NORP"):
            return head
    return None


def _add_norp(b: NameBuilder, ent: Span, sent_of: dict[int, int]) -> None:
    text = _strip_det(ent.text)
    country = demonym_country(text) or country_name(text)
    si = sent_of[ent.start]
    head = _group_head(ent.root)
    if head is not None and country is not None:
        noun = head.lemma_.casefold() if head.lemma_.casefold() in _SINGULAR_LABEL else head.text
        label = f"{text} {noun.casefold()}"
        key = f"group:{country.casefold()} {noun.casefold()}"
        end = head.idx + len(head)
        b.add(key, label, EntityType.GROUP, Mention(label, ent.start_char, end,
                                                         si, "demonym"), [t.i for t in ent],
              country=f"country:{country.casefold()}")
        b.add_multi(head.i, key)
        b.add(f"country:{country.casefold()}", country, EntityType.COUNTRY,
              Mention(ent.text, ent.start_char, ent.end_char, si, "demonym"), [])
        return
    if country is not None and ent.root.pos_ in ("NOUN", "PROPN") and ent.root.tag_ == "NNPS":
        b.add(f"group:{text.casefold()}", text, EntityType.GROUP,
              Mention(ent.text, ent.start_char, ent.end_char, si, "name"),
              [t.i for t in ent], country=f"country:{country.casefold()}")
        return
    if country is not None:
        # An adjective ("Russian language"): the country is mentioned, but the token
        # stays free so that the phrase's own head decides what it denotes.
        b.add(f"country:{country.casefold()}", country, EntityType.COUNTRY,
              Mention(ent.text, ent.start_char, ent.end_char, si, "demonym"), [])
        return
    b.add(entity_key(text, EntityType.GROUP), text, EntityType.GROUP,
          Mention(ent.text, ent.start_char, ent.end_char, si, "name"), [t.i for t in ent])


def _is_role(text: str) -> bool:
    words = [w for w in text.split() if demonym_country(w) is None]
    phrase = " ".join(words)
    return bool(words) and (is_title(phrase) or is_title(phrase.rstrip("s")))


#: Last words of organisation names: "World Bank and IMF" is two organisations.
_ORG_HEADS = frozenset(
    {"committee", "bank", "fund", "council", "ministry", "commission", "board", "organization",
     "organisation", "union", "agency", "association", "institute", "department", "corp",
     "corporation", "company", "group", "office", "exchange", "party", "authority"}
)


def _ent_spans(doc: Doc) -> list[Span]:
    """NER spans, repaired: adjacent PERSON spans joined ("Roberto Abreu" "Sodre"), lists
    of organisations split, and people carved out of organisation spans that end in a
    title and a name ("Senate Budget Committee chairman Lawton Chiles")."""
    out: list[Span] = []
    ents = doc.ents  # built anew on every access
    taken = {i for e in ents for i in range(e.start, e.end)}
    for ent in ents:
        if ent.start > 0 and doc[ent.start - 1].text == "<" and out and out[-1].label_ == "ORG":
            continue  # a stock ticker after a company name: "CBS Inc <CBS>"
        ent = _trimmed(ent)
        if not len(ent):
            continue
        if out and ent.label_ == "ORG" and out[-1].label_ in ("ORG", "PERSON") \
                and out[-1].end + 1 == ent.start and doc[out[-1].end].lower_ in ("and", "&") \
                and ent[0].text in ("Co", "Co.", "Company", "Sons", "Partners"):
            out[-1] = Span(doc, out[-1].start, ent.end, label="ORG")  # "Merrill Lynch and Co"
            continue
        if out and ent.label_ == "PERSON" and out[-1].label_ == "PERSON" \
                and out[-1].end == ent.start:
            out[-1] = Span(doc, out[-1].start, ent.end, label="PERSON")
            continue
        if ent.label_ in ("ORG", "GPE", "NORP", "FAC") and len(ent) > 2:
            cut = _title_cut(ent)
            if cut is not None:
                if cut > ent.start and doc[cut - 1].lower_ in _ORG_HEADS | {"house", "senate"}:
                    out.append(Span(doc, ent.start, cut, label="ORG"))
                out.append(Span(doc, cut + 1, ent.end, label="PERSON"))
                continue
        if ent.label_ == "ORG" and _titled_name(ent):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Minister Nadia Kerr" (ORG)
        if ent.label_ == "PERSON":
            ent = _whole_name(ent, taken)
            out.extend(_conjoined_names(ent, taken))
        if ent.label_ == "ORG":
            parts = _split_org_list(ent)
            if parts:
                out.extend(parts)
                continue
        out.append(ent)
    out.extend(_untagged_titled_names(doc, taken))
    return sorted(out, key=lambda s: s.start)


#: Tokens that NER leaves at the edge of a span but that belong to no name ("Corp>").
_EDGE_JUNK = frozenset({"<", ">", "(", ")", "and", "&", "--", "-", ",", "'", '"'})


def _trimmed(ent: Span) -> Span:
    """``ent`` without ticker brackets, dangling "and" or dashes at its edges."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in _EDGE_JUNK - {")"}:
        start += 1
    while end > start and ent.doc[end - 1].lower_ in _EDGE_JUNK and not (
        ent.doc[end - 1].text == ")" and "(" in ent.doc[start : end - 1].text
    ):
        end -= 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(ent.doc, start, end, label=ent.label_)


def _whole_name(ent: Span, taken: set[int]) -> Span:
    """A PERSON span grown to whole written words: NER stops inside "Kim Dae-jung" or
    before the hyphenated given name of "Chung In-yong"."""
    doc = ent.doc
    end = ent.end
    while end < len(doc) and glued(doc[end]) and "-" in (doc[end].text, doc[end - 1].text):
        end += 1
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
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in _ORG_HEADS
               and not is_title(t.text) and country_of(t.text) is None for t in ent)


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
        if 2 <= len(name) <= 3 and name[-1].dep_ != "compound" and (
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
            if doc[tok.i - 1].lower_ in _ORG_HEADS and doc[tok.i + 1].text[:1].isupper():
                start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
                return [Span(doc, start, tok.i, label="ORG"),
                        Span(doc, tok.i + 1, ent.end, label="ORG")]
    return []


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def resolve_entities(doc: Doc, resolve_pronouns: bool = True) -> EntityIndex:
    """Type, name and group the entities of ``doc``; resolve aliases, titles and pronouns."""
    sent_of: dict[int, int] = {}
    for i, sent in enumerate(doc.sents):
        sent_of.update(dict.fromkeys(range(sent.start, sent.end), i))
    b = NameBuilder(sent_of)
    spans = _ent_spans(doc)
    drafts = [person_draft(ent, sent_of[ent.start]) for ent in spans if ent.label_ == "PERSON"]
    places = {_strip_det(e.text).casefold() for e in spans if e.label_ in ("GPE", "LOC")}
    # NER sometimes tags a city PERSON once and GPE elsewhere; the place reading wins.
    persons = [p for p in drafts if p is not None]
    # "Trade and Industry" in "Trade and Industry Secretary Ann Vos" is her portfolio,
    # part of her title, not an organisation of the article.
    portfolio = {i for p in persons for i in p.portfolio}
    spans = [e for e in spans if e.label_ != "ORG" or not all(t.i in portfolio for t in e)]
    surnames = {p.name.split()[-1].casefold() for p in persons if len(p.name.split()) > 1}
    places -= surnames  # "Strand" is Helen Strand's surname, though NER once took it for a place
    persons = [p for p in persons if p.name.casefold() not in places]
    b.add_persons(persons, doc)
    acronyms: dict[str, str] = {}
    for ent in spans:
        etype = NER_TYPES.get(ent.label_)
        if ent.label_ == "PERSON" and _strip_det(ent.text).casefold() in places:
            etype = EntityType.PLACE
        elif etype is None or ent.label_ == "PERSON":
            continue
        text = _strip_det(ent.text)
        if not text:
            continue
        si = sent_of[ent.start]
        draft = Mention(ent.text, ent.start_char, ent.end_char, si, "name")
        tokens = [t.i for t in ent]
        person = b.person_for_surname(text, ent.start)
        if person is not None and ent.label_ in ("ORG", "GPE", "NORP", "LOC"):
            b.add(person, "", EntityType.PERSON, Mention(ent.text, ent.start_char,
                                                              ent.end_char, si, "alias"), tokens)
            continue
        if ent.label_ == "NORP":
            _add_norp(b, ent, sent_of)
            continue
        country = country_name(text) or (country_of(text) if ent.label_ == "GPE" else None)
        if country is not None and ent.label_ in ("GPE", "ORG", "LOC"):
            b.add(f"country:{country.casefold()}", country, EntityType.COUNTRY, draft, tokens)
            continue
        if ent.label_ == "ORG" and _is_role(text):
            continue  # "Iranian Charge d'Affaires": a role NER took for an organisation
        if ent.label_ == "ORG":
            key = acronyms.get(text.casefold()) or entity_key(text, etype)
            b.add(key, text, etype, draft, tokens)
            acronyms.setdefault(_acronym(text.split()).casefold(), key)
            nxt = doc[ent.end : ent.end + 3]
            if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and nxt[1].is_upper:
                acronyms[nxt[1].text.casefold()] = key
                b.add(key, text, etype, Mention(nxt[1].text, nxt[1].idx,
                                                     nxt[1].idx + len(nxt[1]), si, "alias"),
                      [nxt[1].i])
            continue
        b.add(entity_key(text, etype), text, etype, draft, tokens)
    resolve_title_mentions(doc, b, sent_of)
    if resolve_pronouns:
        _pronouns(doc, b, sent_of)
        resolve_first_person(doc, b, sent_of)
        resolve_it(doc, b, sent_of)
        resolve_plural(doc, b, sent_of)
    return b.build()


class EntityComponent:
    """spaCy component: sets ``doc._.kg_entities`` to an :class:`EntityIndex`."""

    def __init__(self, resolve_pronouns: bool = True) -> None:
        self.resolve_pronouns = resolve_pronouns

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_entities = resolve_entities(doc, self.resolve_pronouns)
        return doc
