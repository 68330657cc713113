"""The dependency labels and word lists that the Open IE rules are written in (data, not code).

>>> "nsubjpass" in SUBJECT_DEPS and "dobj" in OBJECT_DEPS
True
"""

from __future__ import annotations

__all__ = [
    "SUBJECT_DEPS",
    "PASSIVE_SUBJECT_DEPS",
    "OBJECT_DEPS",
    "COMPLEMENT_DEPS",
    "PREP_DEPS",
    "ADJUNCT_ARG_DEPS",
    "RELATION_LEFT_DEPS",
    "ARG_EXCLUDED_DEPS",
    "RELATIVIZERS",
    "MODALS",
    "NEGATIONS",
    "ATTRIBUTION_VERBS",
    "EDGE_TRIM_DEPS",
]

#: Children of a predicate that name its subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
#: Children that are the predicate's first (direct) object, in preference order.
OBJECT_DEPS = ("dative", "dobj", "attr", "oprd")
#: Children that complete a copula or a light verb ("is happy", "became famous").
COMPLEMENT_DEPS = frozenset({"acomp", "attr", "oprd"})
#: Children that are prepositional arguments; ``agent`` is the "by" of the passive.
PREP_DEPS = frozenset({"prep", "agent"})
#: Noun-phrase adjuncts kept as further arguments ("Earlier this year", "last week").
ADJUNCT_ARG_DEPS = frozenset({"npadvmod", "tmod"})
#: Children that go into the relation phrase, left of the verb.
RELATION_LEFT_DEPS = frozenset({"aux", "auxpass", "neg"})
#: Modifiers cut out of every argument: they are extracted on their own.
ARG_EXCLUDED_DEPS = frozenset({"relcl", "appos"})
#: Tokens trimmed from the edges of an argument.
EDGE_TRIM_DEPS = frozenset({"punct", "cc", "mark", "preconj", "case"})

#: Relative pronouns that must never surface as a subject.
RELATIVIZERS = frozenset({"who", "whom", "which", "that", "whose", "what"})
#: Modal auxiliaries, kept in the relation and recorded as modality.
MODALS = frozenset({"may", "might", "can", "could", "will", "would", "shall", "should", "must"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
#: Reporting verbs whose clausal complement is an attributed statement.
ATTRIBUTION_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "claim",
        "report",
        "announce",
        "argue",
        "believe",
        "insist",
        "note",
        "write",
        "think",
        "suggest",
        "indicate",
        "warn",
        "explain",
        "acknowledge",
        "confirm",
        "deny",
        "assert",
        "maintain",
        "declare",
        "predict",
        "reveal",
    }
)
