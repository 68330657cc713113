"""Words that say how a phrase names a meeting's party: groups, titles, members, kinds of body.

A leaf: the party readers (:mod:`kg.extract.meetings.parties`) import it, and it imports
nothing of kg's.

>>> "member" in MEMBER_NOUNS and "official" in OF_MEMBER_NOUNS
True
>>> "delegation" in NAMED_GROUPS and "officials" not in NAMED_GROUPS
True
"""

from __future__ import annotations

__all__ = ["BOTH", "EACH_OF", "MEMBER_NOUNS", "NAMED_GROUPS", "OF_MEMBER_NOUNS", "ORG_DESCRIPTORS",
           "TITLE_HEADS"]

#: Group heads that name a party ("the American delegation"); "officials" do not.
NAMED_GROUPS = frozenset({"delegation", "government", "team", "administration", "cabinet",
                          "parliament", "ministry", "negotiator", "side", "mission"})

#: Member nouns of an organisation's "of" phrase: "officials of Acme" act for Acme.
OF_MEMBER_NOUNS = frozenset({"official", "executive", "boss", "head", "chief"})
#: Title heads a possessive or "of" phrase names the holder of: "Acme's chairman".
TITLE_HEADS = frozenset({"minister", "secretary", "president", "chairman", "governor", "director",
                         "spokesman", "head", "chief", "undersecretary", "ambassador"})
#: Plural heads "both" or "the two" may stand on for two parties named before: "both sides".
BOTH = frozenset({"country", "side", "nation", "government", "company", "firm", "bank",
                  "group", "union", "party"})
#: Common nouns naming a kind of organisation: "the United Auto Workers union" is the union.
ORG_DESCRIPTORS = frozenset({"union", "company", "firm", "group", "bank", "corporation", "party",
                             "committee", "agency", "council", "club", "association", "body",
                             "federation", "ministry", "department", "board", "fund",
                             "commission", "organisation", "organization", "consortium",
                             "institute", "cartel", "subsidiary", "unit", "local"})
#: Quantifiers that stand for every member of their "of" phrase ("one of" picks only one).
EACH_OF = frozenset({"any", "each", "all", "both"})
#: Nouns for the members of a body: "members of the committee" meet as the committee.
MEMBER_NOUNS = frozenset({"member", "representative", "delegation", "delegate", "minister",
                          "leader", "envoy", "team", "negotiator", "diplomat", "ambassador"})
