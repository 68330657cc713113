"""Entities inside one article: NER typing, titles as roles, aliases, demonym groups and countries.

Names are grouped by the rules in :mod:`kg.extract.entities.names`, demonyms read by
:mod:`kg.extract.entities.demonym_groups`; pronouns are resolved by
:mod:`kg.extract.entities.coref`, title-only mentions ("the Chancellor") by
:mod:`kg.extract.entities.title_refs`.

>>> entity_key("Vladimir  Putin", EntityType.PERSON)
'person:vladimir putin'
>>> EntityIndex().entity_of is not None
True
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.entities.acronyms import long_forms, spelt_elsewhere
from kg.extract.entities.companies import company_prefixes
from kg.extract.entities.coref import resolve_first_person, resolve_it
from kg.extract.entities.coref import resolve_pronouns as _pronouns
from kg.extract.entities.demonym_groups import add_norp
from kg.extract.entities.descriptions import (
    resolve_descriptions,
    resolve_owned,
    resolve_subsidiaries,
)
from kg.extract.entities.groups import club_name, members_of
from kg.extract.entities.names import NameBuilder, surname_match
from kg.extract.entities.nationals import add_compounds, find_compounds
from kg.extract.entities.organs import add_organs
from kg.extract.entities.person_cues import people_by_cue
from kg.extract.entities.person_drafts import person_draft
from kg.extract.entities.plural_refs import resolve_pairs, resolve_plural
from kg.extract.entities.roles import PORTFOLIO_TITLES, is_title_word
from kg.extract.entities.spans import ner_spans
from kg.extract.entities.times import repaired_times
from kg.extract.entities.title_refs import resolve_title_mentions
from kg.extract.entities.unnamed import named_only
from kg.extract.gazetteer import (
    HONORIFICS,
    ORG_HEADS,
    bare_name,
    country_name,
    country_of,
    demonym_country,
    is_company_name,
    is_title,
    title_words,
)
from kg.extract.index import EntityIndex, entity_key
from kg.model import EntityType, Mention

__all__ = [
    "EntityIndex",
    "EntityComponent",
    "resolve_entities",
    "entity_key",
    "NER_TYPES",
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

def _is_role(text: str) -> bool:
    words = [w for w in text.split() if demonym_country(w) is None]
    phrase = " ".join(words)
    if words and words[-1][:1].isupper() and words[-1].casefold() in PORTFOLIO_TITLES \
            and not {w.casefold() for w in words} & ORG_HEADS:
        return True  # "National Economy Minister": a portfolio and a title
    return bool(words) and (is_title(phrase) or is_title(phrase.rstrip("s")))


#: Plural heads that several organisation names share ("the Energy and Interior departments").
_SHARED_HEADS = frozenset({"department", "ministry", "committee", "agency", "commission"})


def _shared_heads(doc: Doc) -> dict[int, int]:
    """Coordinated proper-noun modifiers of one plural organisation noun, each to its head:
    "the Labor and Commerce departments" names the Labor and the Commerce Department."""
    out: dict[int, int] = {}
    for tok in doc:
        if tok.tag_ != "NNS" or tok.lemma_.casefold() not in _SHARED_HEADS:
            continue
        first = next((c for c in tok.lefts if c.dep_ in ("compound", "nmod", "amod")), None)
        if first is None:
            continue
        mods = [first, *(c for c in first.conjuncts if c.i < tok.i)]
        if len(mods) < 2 or not all(
            m.pos_ == "PROPN" and m.text[:1].isupper() and country_of(m.text) is None
            and m.ent_type_ != "PERSON" for m in mods
        ):
            continue
        out.update(dict.fromkeys((m.i for m in mods), tok.i))
    return out


def _add_shared_head(b: NameBuilder, mod: Token, head: Token, sent_of: dict[int, int]) -> None:
    label = f"{mod.text} {head.lemma_.capitalize()}"
    key = entity_key(label, EntityType.ORGANIZATION)
    b.add(key, label, EntityType.ORGANIZATION,
          Mention(mod.text, mod.idx, mod.idx + len(mod), sent_of[mod.i], "name"), [mod.i])
    b.add_multi(head.i, key)


def _title_modifier(ent: Span) -> bool:
    root = ent.root
    head = root.head
    return root.dep_ in ("compound", "nmod") and head.i >= ent.end and head.pos_ == "NOUN" \
        and (is_title_word(head.text) or head.lower_ in title_words())


def _possessor_of_name(ent: Span) -> bool:
    doc = ent.doc
    return ent.end + 2 < len(doc) and doc[ent.end].text in ("'s", "’s") \
        and doc[ent.end + 1].ent_type_ == "PERSON" and doc[ent.end + 2].ent_type_ == "PERSON"


def _as_organisations(spans: list[Span]) -> list[Span]:
    """PERSON spans that modify a title ("the Lib Dem leader", "Yukos chief executive") or
    own a person ("Labour's Ann Vos") are organisations NER took for people, unless
    the same name is a person elsewhere in the article ("Putin spokesman" after "Vladimir
    Putin")."""
    people = [e for e in spans if e.label_ == "PERSON"]
    odd = {(e.start, e.end) for e in people if _title_modifier(e) or _possessor_of_name(e)}
    if not odd:
        return spans
    others = [tuple(e.text.casefold().split()) for e in people if (e.start, e.end) not in odd]
    out = []
    for e in spans:
        words = tuple(e.text.casefold().split())
        if (e.start, e.end) in odd and not any(words == o or surname_match(words, o)
                                               for o in others):
            head = e.root.head
            if _possessor_of_name(e) or head.i + 1 < len(e.doc) \
                    and e.doc[head.i + 1].ent_type_ == "PERSON":
                out.append(Span(e.doc, e.start, e.end, label="ORG"))
            # else "the Lib Dem leader": the leader is meant; no entity for the modifier
            continue
        out.append(e)
    return out


def _one_word_bodies(spans: list[Span]) -> list[Span]:
    """One-word PERSON spans of a name NER tags ORG at least as often, that no mention gives
    a first name, an honorific or a title ("Labour said", "Kestrel said"): a party
    or a company NER once took for a person. One PERSON tag used to make every mention a
    person."""
    def word(e: Span) -> str:
        return e.text.casefold()

    one = [e for e in spans if len(e) == 1 and e.label_ in ("PERSON", "ORG")]
    people = [e for e in spans if e.label_ == "PERSON"]
    named = {w for e in people if len(e) > 1 for w in e.text.casefold().split()} | {
        word(e) for e in people if e.start > 0 and (
            e.doc[e.start - 1].lower_.rstrip(".") in HONORIFICS
            or is_title_word(e.doc[e.start - 1].text))}
    votes: dict[str, int] = {}
    for e in one:
        votes[word(e)] = votes.get(word(e), 0) + (1 if e.label_ == "ORG" else -1)
    bodies = {w for w, v in votes.items() if v >= 0 and w not in named}
    return [Span(e.doc, e.start, e.end, label="ORG") if e.label_ == "PERSON" and len(e) == 1
            and word(e) in bodies else e for e in spans]


def _add_long_form(b: NameBuilder, key: str, long: Span, sent_of: dict[int, int]) -> None:
    b.add(key, "", EntityType.ORGANIZATION, Mention(long.text, long.start_char, long.end_char,
                                                    sent_of[long.start], "alias"),
          [t.i for t in long])


def _club(text: str) -> bool:
    """Whether ``text`` is the acronym of a club of countries ("G7", "EU"), not a region."""
    return (text.isupper() or any(c.isdigit() for c in text)) and members_of(text) is not None


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _other_club(acronym: str, long: str) -> bool:
    """Whether ``acronym`` is a club of countries that ``long`` does not name: its initials
    fit by chance ("EC" and the European Commission), the gazetteer says what it stands for.

    >>> _other_club("EC", "European Commission"), _other_club("EC", "EC Commission")
    (True, True)
    >>> _other_club("OPEC", "Organization of Petroleum Exporting Countries")
    False
    >>> _other_club("OPEC", "Organization of the Petroleum Exporting Countries")
    False
    >>> _other_club("ECB", "European Central Bank")
    False
    """
    club = members_of(acronym)
    return club is not None and club != members_of(long)


def resolve_entities(doc: Doc, resolve_pronouns: bool = True) -> EntityIndex:
    """Type, name and group the entities of ``doc``; resolve aliases, titles and pronouns."""
    sent_of: dict[int, int] = {}
    for i, sent in enumerate(doc.sents):
        sent_of.update(dict.fromkeys(range(sent.start, sent.end), i))
    b = NameBuilder(sent_of)
    # A person NER typed an organisation or a place, whose title or "his" shows him one.
    cued = people_by_cue(_one_word_bodies(_as_organisations(ner_spans(doc))))
    spans = cued.spans
    # "VMC", whose long form is in another sentence: an organisation wherever it is written,
    # though NER took it for a person or left it out.
    # A club of countries written by its acronym ("G8", "NATO") is a body, whatever NER took
    # it for (a person, a product, a place).
    elsewhere = {short: long for short, long in spelt_elsewhere(spans).items()
                 if not _other_club(short, long.text)}
    taken = {i for e in spans for i in range(e.start, e.end)}
    spans = sorted([Span(doc, e.start, e.end, label="ORG") if e.label_ == "PERSON"
                    and e.text.casefold() in elsewhere or _club(e.text) else e for e in spans]
                   + [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.i not in taken
                      and t.text[:1].isupper() and t.text.casefold() in elsewhere],
                   key=lambda e: e.start)
    drafts = [person_draft(ent, sent_of[ent.start]) for ent in spans if ent.label_ == "PERSON"]
    places = {bare_name(e.text).casefold() for e in spans if e.label_ in ("GPE", "LOC")}
    # NER sometimes tags a city PERSON once and GPE elsewhere; the place reading wins, unless
    # the person's own sentence shows a person ("Keller, chairman of the panel, said").
    places -= cued.shown
    persons = [p for p in drafts if p is not None]
    # "Trade and Industry" in "Trade and Industry Secretary Ann Vos" is her portfolio,
    # part of her title, not an organisation of the article.
    portfolio = {i for p in persons for i in p.portfolio}
    spans = [e for e in spans if e.label_ != "ORG" or not all(t.i in portfolio for t in e)]
    shared = _shared_heads(doc)
    compounds = find_compounds(doc, spans)  # "U.S.-Soviet talks": two countries
    inside = {i for c in compounds for i in c.claimed}
    spans = [e for e in spans if not any(t.i in shared for t in e)
             and not all(t.i in inside for t in e)]
    surnames = {p.name.split()[-1].casefold() for p in persons if len(p.name.split()) > 1}
    places -= surnames  # "Strand" is Helen Strand's surname, though NER once took it for a place
    persons = [p for p in persons if p.name.casefold() not in places]
    b.add_persons(persons, doc, cued.journeys)
    acronyms: dict[str, str] = {}
    written: dict[str, str] = {}  # an organisation's name as written -> its key
    longs = {**elsewhere, **long_forms(doc)}  # brackets first
    # "Corvane" after "Corvane Plc" is that company, where only one company fits.
    companies = {p: next(iter(f)) for p, f in company_prefixes(spans).items() if len(f) == 1}
    # NER's piece of a long form ("the Organisation for Economic Co-operation and") is no name
    spans = [e for e in spans if e.label_ == "PERSON" or not any(
        lf.start <= e.start + (e[0].lower_ == "the") and e.end <= lf.end
        and bare_name(e.text) != bare_name(lf.text) for lf in longs.values())]
    for ent in spans:
        etype = NER_TYPES.get(ent.label_)
        if ent.label_ == "PERSON" and bare_name(ent.text).casefold() in places:
            etype = EntityType.PLACE
        elif etype is None or ent.label_ == "PERSON":
            continue
        text = bare_name(ent.text)
        if not text:
            continue
        si = sent_of[ent.start]
        draft = Mention(ent.text, ent.start_char, ent.end_char, si, "name")
        tokens = [t.i for t in ent]
        # A place in the middle of a name is no first family name ("Juan Santiago Rivera"),
        # nor is that place's word in an organisation ("Santiago officials").
        middle = ent.label_ not in ("GPE", "LOC") and text.casefold() not in places
        # "will fly to Keller": a place, though a person is named so
        person = None if ent.start in cued.journeys \
            else b.person_for_surname(text, ent.start, middle)
        if person is not None and ent.label_ in ("ORG", "GPE", "NORP", "LOC"):
            b.add(person, "", EntityType.PERSON, Mention(ent.text, ent.start_char,
                                                              ent.end_char, si, "alias"), tokens)
            b.mentioned(person, ent.root)  # a surname NER took for a place: "he" may be it
            continue
        if ent.label_ == "NORP":
            add_norp(b, ent, sent_of)
            continue
        country = country_name(text) or (country_of(text) if ent.label_ == "GPE" else None)
        if country is not None and ent.label_ in ("GPE", "ORG", "LOC"):
            b.add(f"country:{country.casefold()}", country, EntityType.COUNTRY, draft, tokens)
            continue
        if ent.label_ == "ORG" and _is_role(text):
            continue  # "Iranian Charge d'Affaires": a role NER took for an organisation
        if ent.label_ == "ORG" and ent.start >= 2 and doc[ent.start - 1].lower_ == "of" \
                and is_title(doc[ent.start - 2 : ent.end].text):
            continue  # the "State" of "Secretary of State"
        if ent.label_ == "ORG":
            long = longs.get(text.replace(".", "").casefold()) if " " not in text else None
            whole = companies.get(text.casefold())
            # a body the table names ("EC", "European Community") has the table's name for key
            # in every story, however this one writes it; an acronym the story spells out is
            # what the story says it is ("the Energy Council (EC)"), and a company's short name
            # the story's company ("Nato Holdings Ltd ... Nato said")
            club = None if whole else club_name(text) if long is None \
                else club_name(bare_name(long.text))
            key = (club and entity_key(club, etype)) or acronyms.get(text.casefold()) \
                or (long is not None and acronyms.get(bare_name(long.text).casefold())) \
                or (whole and entity_key(whole, etype)) \
                or (long is not None and (written.get(bare_name(long.text).casefold()) or (
                    long.label_ == "ORG" and entity_key(bare_name(long.text), etype)))) \
                or entity_key(text, etype)
            label = bare_name(long.text) if long is not None else whole or text
            b.add(key, label, etype, draft, tokens)
            # the name as written, for a later acronym of it whose long form in brackets NER
            # did not tag ("The Valoria Trade Board (VTB)"); a long form NER tagged gives the
            # acronym its key wherever it is written, before or after
            written.setdefault(text.casefold(), key)
            if long is not None:  # the name as first written, whatever NER tagged it
                _add_long_form(b, key, long, sent_of)
                acronyms.setdefault(bare_name(long.text).casefold(), key)
            if not _other_club(_acronym(text.split()), text):
                acronyms.setdefault(_acronym(text.split()).casefold(), key)
            if is_company_name(text):  # "GM" for "General Motors Corp", wires write both
                acronyms.setdefault(_acronym(text.split()[:-1]).casefold(), key)
            nxt = doc[ent.end : ent.end + 3]
            if len(nxt) == 3 and nxt[0].text == "<" and nxt[2].text == ">":
                # A wire's stock ticker, "Acme Corp <ACME.N>": the parser often makes it the
                # head of the name's phrase, so its tokens denote the company too.
                for i in range(ent.end, ent.end + 3):
                    b.token_entity.setdefault(i, key)
            if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and nxt[1].is_upper:
                acronyms[nxt[1].text.casefold()] = key
                b.add(key, text, etype, Mention(nxt[1].text, nxt[1].idx,
                                                     nxt[1].idx + len(nxt[1]), si, "alias"),
                      [nxt[1].i])
            continue
        b.add(entity_key(text, etype), text, etype, draft, tokens)
    for mod, head in shared.items():
        _add_shared_head(b, doc[mod], doc[head], sent_of)
    add_compounds(b, compounds, sent_of)
    add_organs(doc, b, sent_of)
    resolve_title_mentions(doc, b, sent_of)
    resolve_descriptions(doc, b, sent_of)
    resolve_subsidiaries(doc, b, sent_of)
    resolve_pairs(doc, b, sent_of)
    if resolve_pronouns:
        _pronouns(doc, b, sent_of)
        resolve_first_person(doc, b, sent_of)
        resolve_it(doc, b, sent_of)
        resolve_plural(doc, b, sent_of)
        resolve_owned(doc, b, sent_of)  # "his company": whose "his" is known only now
    return named_only(b.build())  # "Ministers", "the U.S. Group": no one's name


class EntityComponent:
    """spaCy component: sets ``doc._.kg_entities`` to an :class:`EntityIndex`, after cutting
    the verbs NER took into dates (:func:`~kg.extract.entities.times.repaired_times`)."""

    def __init__(self, resolve_pronouns: bool = True) -> None:
        self.resolve_pronouns = resolve_pronouns

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = repaired_times(doc)
        doc._.kg_entities = resolve_entities(doc, self.resolve_pronouns)
        return doc
