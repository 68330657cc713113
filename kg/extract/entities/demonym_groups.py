"""Demonyms NER tagged NORP: a country's group, a people, or just the country mentioned.

"Russian officials" is one group tied to Russia, with the noun it modifies; "the Soviets" is
a people and its country's side; "Russian language" only mentions the country, leaving the
token free so that the phrase's head decides what it denotes.

>>> from spacy.lang.en import English
>>> from spacy.tokens import Doc
>>> doc = Doc(English().vocab, words=["Russian", "officials", "met"], heads=[1, 2, 2],
...           deps=["amod", "nsubj", "ROOT"], pos=["ADJ", "NOUN", "VERB"],
...           tags=["JJ", "NNS", "VBD"], lemmas=["russian", "official", "meet"])
>>> _group_head(doc[0]).text
'officials'
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.entities.names import NameBuilder
from kg.extract.gazetteer import bare_name, country_name, demonym_country
from kg.extract.index import entity_key
from kg.model import EntityType, Mention

__all__ = ["add_norp"]

#: Collective nouns that, after a demonym, make a group tied to a country ("Russian officials").
_GROUP_NOUNS = frozenset(
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


def _group_head(tok: Token) -> Token | None:
    """The collective noun a demonym modifies, following "American and Ukrainian X"."""
    first = tok
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    head = first.head
    if first.dep_ in ("amod", "compound", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        lemma = head.lemma_.casefold()
        plural_or_collective = head.tag_ == "NNS" or lemma in _COLLECTIVE
        if lemma in _GROUP_NOUNS and plural_or_collective and head.ent_type_ in ("", "NORP"):
            return head
    return None


def add_norp(b: NameBuilder, ent: Span, sent_of: dict[int, int]) -> None:
    """Add what a NORP span names to ``b``: a country's group with the noun it modifies
    ("Russian officials"), a people written as a plural name ("the Soviets": the group and
    its country), the country of an adjective ("Russian language"), or a group by its name."""
    text = bare_name(ent.text)
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
        b.add(f"country:{country.casefold()}", country, EntityType.COUNTRY,  # "the Soviets"' side
              Mention(ent.text, ent.start_char, ent.end_char, si, "demonym"), [])
        return
    if country is not None:
        # An adjective ("Russian language"): the country is mentioned, but the token
        # stays free so that the phrase's own head decides what it denotes.
        b.add(f"country:{country.casefold()}", country, EntityType.COUNTRY,
              Mention(ent.text, ent.start_char, ent.end_char, si, "demonym"), [])
        return
    b.add(entity_key(text, EntityType.GROUP), text, EntityType.GROUP,
          Mention(ent.text, ent.start_char, ent.end_char, si, "name"), [t.i for t in ent])
