"""Descriptions of an organisation named before: "the company", "the bank", "the union".

>>> _fits_description("firm", "Acme Corp"), _fits_description("union", "Acme Bank")
(True, False)
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.entities.employers import name_runs, title_region
from kg.extract.entities.names import NameBuilder
from kg.extract.entities.nationals import demonym_keys
from kg.extract.entities.quotes import SPEECH_VERBS
from kg.extract.entities.title_refs import modifier_words
from kg.extract.gazetteer import demonym_country, is_company_name
from kg.extract.index import EntityIndex
from kg.model import EntityType, Mention

__all__ = ["resolve_descriptions", "resolve_owned", "resolve_subsidiaries"]

#: How many sentences back "The company said" looks for the organisation that spoke last.
_BACK = 3
#: Nouns that describe an organisation whose name contains them ("the bank", "the union").
_ORG_NOUNS = frozenset(
    {"bank", "union", "party", "agency", "fund", "exchange", "committee", "council",
     "commission", "ministry", "federation", "association", "institute", "organisation",
     "organization", "board", "department", "guild"}
)
#: Heads of labour union names that do not say "Union": "the Valorian Auto Workers",
#: "the Valorian Actors Guild", "the Brotherhood of ..." are all "the union".
_UNION_HEADS = frozenset({"union", "guild", "brotherhood", "teamsters", "machinists",
                          "employees"})
#: Nouns "his" makes the country of the owner's title: "Valorian Finance Minister X said his
#: government ...".
_STATE_NOUNS = frozenset({"government", "country"})
#: Nouns "his"/"her" may put on an owner's organisation or country ("his company").
_OWNED_NOUNS = _ORG_NOUNS | _STATE_NOUNS | {"company", "firm"}
#: Nouns for a company's part in one country: "the Brazilian division of Acme Corp".
_PART_NOUNS = frozenset({"division", "unit", "subsidiary", "arm", "affiliate", "branch"})
#: Name words that say nothing about which company a subsidiary belongs to.
_NAME_FILLERS = frozenset({"of", "the", "and", "&", "ltd", "limited", "inc", "corp", "co",
                           "corporation", "plc", "sa", "ag", "nv", "bv", "gmbh", "spa"})


def _fits_description(noun: str, label: str) -> bool:
    """Whether "the <noun>" can mean the organisation ``label``: a company for "the company";
    otherwise the noun must head the name ("the exchange" is the Tokyo Stock Exchange, not
    the Securities and Exchange Commission; "the bank" is the Bank of Montreal).

    >>> _fits_description("exchange", "Securities and Exchange Commission")
    False
    >>> _fits_description("bank", "Bank of Montreal"), _fits_description("union", "Acme Union")
    (True, True)
    """
    if noun in ("company", "firm"):
        return is_company_name(label)
    if noun in ("union", "local"):
        return _union_name(label)
    words = label.casefold().replace(",", " ").split()
    for i, w in enumerate(words):
        if w in ("of", "for") and i > 0:
            words = words[:i]  # the head comes before its "of" phrase
            break
    if len(words) > 1 and is_company_name(" ".join(words)):
        words = words[:-1]
    return bool(words) and words[-1] == noun


def _union_name(label: str) -> bool:
    """Whether ``label`` names a labour union (or one of its locals): its head, before any
    "of" phrase, is "Union", "Guild", "Brotherhood", "Teamsters", "Machinists", "Employees"
    or ends in "workers"; a local keeps its number ("Auto Workers Local 12").

    >>> _union_name("United Steelworkers of Valoria"), _union_name("Auto Workers Local 12")
    (True, True)
    >>> _union_name("Valorian Workers Bank"), _union_name("Union Bank of Valoria")
    (False, False)
    """
    words = label.casefold().replace(",", " ").split()
    for i, w in enumerate(words):
        if w == "of" and i > 0:
            words = words[:i]
            break
    while len(words) > 2 and (words[-1].isdigit() or words[-1] == "local"):
        words = words[:-1]  # "... Workers Local 12": the local of the union
    return bool(words) and (words[-1] in _UNION_HEADS or words[-1].endswith("workers"))


def resolve_descriptions(doc: Doc, b: NameBuilder, sent_of: dict[int, int]) -> None:
    """Link "the company", "the bank", "the union" to the one organisation named before
    that the noun describes: a company name ends in Corp, Inc, Ltd...; a bank's name has
    "Bank" in it. Any other word before the noun must be in the name too, and when two
    organisations fit the mention stays unresolved."""
    for tok in doc:
        noun = tok.lower_
        if tok.lower_ == "locals" and tok.tag_ == "NNS":
            noun = "local"  # "the striking locals": the union's, when one union is named
        elif tok.tag_ != "NN" or noun not in _ORG_NOUNS | {"company", "firm"}:
            continue
        if tok.i in b.token_entity:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue
        if any(c.dep_ in ("prep", "appos", "relcl", "acl") for c in tok.rights):
            continue  # "the bank of the region", "the company that ..." introduce a new one
        words, country = modifier_words(tok)
        if country is not None:
            continue
        if noun in ("union", "local"):  # "the striking locals": a state, not a name's word
            words -= {c.lower_ for c in tok.lefts if c.dep_ == "amod"}
        # "The company said it met Acme Inc": a name only later in its sentence is someone
        # else ("Acme's chairman said the company ..., Acme said" is Acme).
        named = [(t.i > tok.i, b.token_entity[t.i]) for t in tok.sent
                 if t.pos_ == "PROPN" and t.i in b.token_entity]
        later = {k for after, k in named if after} - {k for after, k in named if not after}
        keys: list[str] = []
        for t in doc[: tok.i]:
            key = b.token_entity.get(t.i)
            if key is None or key in keys or b.clusters[key].type is not EntityType.ORGANIZATION:
                continue
            label = b.clusters[key].label
            if _fits_description(noun, label) and words <= set(label.casefold().split()):
                keys.append(key)
        keys = [k for k in keys if k not in later]
        if len(keys) > 1:
            keys = _speaking(doc, b, sent_of, tok, keys)
        if len(keys) == 1:
            b.add(keys[0], "", EntityType.ORGANIZATION,
                  Mention(tok.text, tok.idx, tok.idx + len(tok), sent_of[tok.i], "title"), [tok.i])


def _speaking(doc: Doc, b: NameBuilder, sent_of: dict[int, int], tok: Token,
              keys: list[str]) -> list[str]:
    """Of several organisations ``keys`` that "the company" ``tok`` may mean, the one that is
    speaking, as wire copy writes: the named subject of the saying verb that reports the
    description's clause ("Acme said the company had talks with Bolt"); for a description
    that says something itself ("The company said ..."), the one that said something last
    in the sentences before ("Acme said it ... The company said")."""
    clause = tok.head
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    if tok.dep_ == "nsubj" and clause.dep_ == "ccomp" \
            and clause.head.lemma_.casefold() in SPEECH_VERBS:
        said = [b.token_entity.get(c.i) for c in clause.head.children if c.dep_ == "nsubj"]
        return [k for k in said if k in keys] or keys
    if tok.dep_ != "nsubj" or tok.head.lemma_.casefold() not in SPEECH_VERBS:
        return keys
    for t in reversed(doc[: tok.sent.start]):
        if sent_of[t.i] < sent_of[tok.i] - _BACK:
            break
        key = b.token_entity.get(t.i)
        if t.dep_ == "nsubj" and key in keys and t.head.lemma_.casefold() in SPEECH_VERBS:
            return [key]
    return keys


def resolve_owned(doc: Doc, b: NameBuilder, sent_of: dict[int, int]) -> None:
    """Link "his company", "her bank" to the one organisation the owner's titles name: when
    "his" is a person told as "Acme chairman Peter Novak" or "Peter Novak, president of
    Acme Corp" (in this sentence or before), "his company" is Acme; "his government" or
    "his country" is the one country of the titles ("Valorian Finance Minister X"). Runs
    after the pronoun resolvers, which say whose "his" is; left alone when no such title
    names one the noun fits, or names more than one."""
    index = None
    for tok in doc:
        noun = tok.lower_
        if tok.tag_ != "NN" or noun not in _OWNED_NOUNS \
                or tok.i in b.token_entity:
            continue
        owner = next((b.token_entity.get(c.i) for c in tok.children
                      if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if owner is None or b.clusters[owner].type is not EntityType.PERSON:
            continue
        if any(c.dep_ in ("prep", "appos", "relcl", "acl") for c in tok.rights):
            continue  # "his company in Oslo", "his company, X": not simply the employer
        words, country = modifier_words(tok)
        if country is not None:
            continue  # "his Valorian bank": one of several
        if index is None:
            index = b.build()  # title phrases are read from the index's token map
        found = _employers(doc, index, owner, tok)
        if noun in _STATE_NOUNS:  # "his government": the country of his title, if no words
            keys = {k for k in found if b.clusters[k].type is EntityType.COUNTRY} \
                if not words else set()
        else:
            keys = {k for k in found if b.clusters[k].type is EntityType.ORGANIZATION
                    and _fits_description(noun, b.clusters[k].label)
                    and words <= set(b.clusters[k].label.casefold().split())}
        if len(keys) == 1:
            key = keys.pop()
            b.add(key, "", b.clusters[key].type,
                  Mention(tok.text, tok.idx, tok.idx + len(tok), sent_of[tok.i], "title"), [tok.i])


def _employers(doc: Doc, index: EntityIndex, person: str, upto: Token) -> set[str]:
    """Organisations and countries named in the title phrases of ``person``'s names up to
    ``upto``'s sentence ("Acme chairman Peter Novak", "Peter Novak, president of Acme Corp,").
    Only names count, not pronouns: a title is written next to a name."""
    out: set[str] = set()
    for sent in doc.sents:
        if sent.start > upto.i:
            break
        for a, e in name_runs(sent, person, index):
            if not any(doc[i].pos_ == "PROPN" for i in range(a, e)):
                continue  # a pronoun: a title is written next to a name
            for i in title_region(sent, a, e, index):
                k = index.token_entity.get(i)
                # "Valorian Finance Minister X": a demonym maps to no token
                for key in [k] if k is not None else demonym_keys(index, doc[i]):
                    named = index.get(key)
                    if named is not None and named.type in (EntityType.ORGANIZATION,
                                                            EntityType.COUNTRY):
                        out.add(named.key)
    return out


def _own_words(label: str, country: str) -> set[str]:
    """The words of an organisation's name that are not ``country`` (or its demonym) and not
    a legal form: what it shares with its parent company.

    >>> sorted(_own_words("Acme Motors of Valoria Ltd", "Valoria"))
    ['acme', 'motors']
    """
    words = label.replace(",", " ").replace(".", "").split()
    return {w.casefold() for w in words if w.casefold() not in _NAME_FILLERS
            and not (country and _in_country(w, country))}


def _initials(label: str) -> str:
    """The letters wires abbreviate a company to.

    >>> _initials("Acme Motors Corp")
    'am'
    """
    words = [w for w in label.replace(",", " ").split() if w.casefold() not in _NAME_FILLERS]
    return "".join(w[0] for w in words).casefold()


def resolve_subsidiaries(doc: Doc, b: NameBuilder, sent_of: dict[int, int]) -> None:
    """Link "the Brazilian division of Acme Corp" (a division, unit, subsidiary, arm or
    affiliate in a country) to the one other organisation of the story whose name holds the
    country and otherwise only words of the parent's name or its initials ("Acme Corp of
    Brazil Ltd", "AC Brazil"). Left alone when no such company, or more than one, is named:
    the parent itself is not the side that meets."""
    for tok in doc:
        if tok.lemma_.casefold() not in _PART_NOUNS or tok.tag_ != "NN" \
                or tok.i in b.token_entity:
            continue
        country = next((demonym_country(c.text) for c in tok.lefts
                        if c.dep_ in ("amod", "compound", "nmod") and demonym_country(c.text)),
                       None)
        parent = next((b.token_entity.get(o.i) for p in tok.rights
                       if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"), None)
        if country is None or parent is None \
                or b.clusters[parent].type is not EntityType.ORGANIZATION:
            continue
        label = b.clusters[parent].label
        owned = _own_words(label, "") | {_initials(label)}
        keys = [k for k, c in b.clusters.items()
                if k != parent and c.type is EntityType.ORGANIZATION
                and _in_country(c.label, country)
                and _parts_of(_own_words(c.label, country), owned)]
        if len(keys) == 1:
            b.add(keys[0], "", EntityType.ORGANIZATION,
                  Mention(tok.text, tok.idx, tok.idx + len(tok), sent_of[tok.i], "title"), [tok.i])


def _parts_of(own: set[str], owned: set[str]) -> bool:
    """Whether a subsidiary's own name words ``own`` are some and only the parent's ``owned``."""
    return bool(own) and own <= owned


def _in_country(label: str, country: str) -> bool:
    """Whether a name says its country: "Acme of Valoria", "Valorian Acme".

    >>> _in_country("Acme Motors of Canada Ltd", "Canada"), _in_country("Acme Corp", "Canada")
    (True, False)
    """
    return any(w.casefold() == country.casefold() or demonym_country(w) == country
               for w in label.replace(",", " ").split())
