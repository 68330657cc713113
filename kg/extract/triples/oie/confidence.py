"""Confidence of an extraction: a logistic model over construction and parse features.

The weights live in ``kg/data/oie_confidence.json``; ``benchmarks/carb.py --fit`` refits
them on the CaRB dev split (never on test). Without the file a neutral prior is used.

>>> round(_sigmoid(0.0), 2)
0.5
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from kg.extract.triples.oie.records import RawExtraction

__all__ = ["features", "confidence", "load_weights", "WEIGHTS_FILE", "CONSTRUCTIONS"]

log = logging.getLogger(__name__)

WEIGHTS_FILE = "oie_confidence.json"
CONSTRUCTIONS = (
    "verb",
    "passive",
    "passive_active",
    "copula",
    "attribution",
    "relative",
    "participle",
    "xcomp",
    "conj_verb",
    "adverbial",
    "appositive",
    "title",
    "nominal",
    "possessive",
    "locative",
    "copula_of",
)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


@dataclass(frozen=True, slots=True)
class _Sentence:
    """What the features read of the sentence holding an extraction's head."""

    start: int
    end: int
    texts: tuple[str, ...]
    pos: tuple[str, ...]
    verbs: int

    def text(self, doc: Doc, i: int) -> str:
        return self.texts[i - self.start] if self.start <= i < self.end else doc[i].text

    def pos_(self, doc: Doc, i: int) -> str:
        return self.pos[i - self.start] if self.start <= i < self.end else doc[i].pos_


def _sentence(doc: Doc, head: Token, memo: dict[tuple[int, int], _Sentence] | None) -> _Sentence:
    """``head``'s sentence; ``memo`` keeps the sentences seen before, since every extraction
    of a sentence asks for the same one."""
    if memo and not doc.user_hooks and not doc.user_span_hooks:
        # Without hooks the sentences partition the Doc, so a known one holding the head is it.
        for (start, end), known in memo.items():
            if start <= head.i < end:
                return known
    # In an article the Doc holds many sentences; the features describe this one.
    sent = head.sent if doc.has_annotation("SENT_START") else doc[:]
    toks = list(sent)
    pos = tuple(t.pos_ for t in toks)
    s = _Sentence(sent.start, sent.end, tuple(t.text for t in toks), pos,
                  sum(1 for p in pos if p in ("VERB", "AUX")))
    if memo is not None:
        memo[(s.start, s.end)] = s
    return s


def features(
    doc: Doc, r: RawExtraction, memo: dict[tuple[int, int], _Sentence] | None = None, *,
    split: bool | None = None, siblings: int | None = None,
) -> dict[str, float]:
    """The named features of ``r`` that the confidence model weighs.

    ``memo`` (an empty dict at first, then reused across the extractions of one Doc)
    keeps what was read of each sentence. ``split`` and ``siblings``, when given, stand for
    ``r``'s own (the extractor scores a record before it makes the final copy).
    """
    split = r.split if split is None else split
    siblings = r.siblings if siblings is None else siblings
    head = doc[r.head]
    sent = _sentence(doc, head, memo)
    n_sent = sent.end - sent.start
    subj_len = len(r.subject)
    arg_lens = [len(a) for a in r.args]
    rel_words = len(r.relation)
    f: dict[str, float] = {"bias": 1.0, f"c:{r.construction}": 1.0}
    f["n_args"] = float(len(r.args))
    f["no_arg"] = float(not r.args)
    f["subj_len"] = math.log1p(subj_len)
    f["args_len"] = math.log1p(sum(arg_lens))
    f["rel_len"] = float(rel_words)
    f["sent_len"] = math.log1p(n_sent)
    f["inherited"] = float(r.inherited_subject)
    f["split"] = float(split)
    f["pron_subj"] = float(subj_len == 1 and sent.pos_(doc, r.subject[0]) == "PRON")
    f["negated"] = float(r.negated)
    f["modal"] = float(r.modality is not None)
    f["gappy"] = float(any(max(s) - min(s) + 1 != len(s) for s in (r.subject, *r.args) if s))
    f["root"] = float(head.dep_ == "ROOT")
    f["participle"] = float(head.tag_ in ("VBG", "VBN") and r.construction != "passive")
    f["subj_propn"] = float(any(sent.pos_(doc, i) == "PROPN" for i in r.subject))
    f["arg_comma"] = float(any(sent.text(doc, i) == "," for a in (r.subject, *r.args) for i in a))
    f["depth"] = math.log1p(sum(1 for _ in head.ancestors))
    f["verbs_in_sent"] = math.log1p(sent.verbs)
    f["siblings"] = math.log1p(siblings)
    f["long_arg"] = float(any(len(a) > 12 for a in r.args))
    f["rel_ends_prep"] = float(
        isinstance(r.relation[-1], int) and doc[r.relation[-1]].dep_ in ("prep", "agent")
    )
    return f


@lru_cache(maxsize=1)
def load_weights() -> dict[str, float]:
    """The fitted weights, or an empty model (every extraction at 0.5) if none ship."""
    try:
        text = (Path(__file__).resolve().parents[3] / "data" / WEIGHTS_FILE).read_text(
            encoding="utf-8"
        )
    except OSError:
        log.warning("no %s; Open IE confidences fall back to the prior", WEIGHTS_FILE)
        return {}
    return {str(k): float(v) for k, v in json.loads(text)["weights"].items()}


def confidence(
    doc: Doc,
    r: RawExtraction,
    weights: dict[str, float] | None = None,
    memo: dict[tuple[int, int], _Sentence] | None = None,
    *,
    split: bool | None = None,
    siblings: int | None = None,
) -> float:
    """P(correct) of ``r`` under the logistic model (``memo``, ``split`` and ``siblings`` as
    for :func:`features`)."""
    w = load_weights() if weights is None else weights
    z = sum(w.get(k, 0.0) * v
            for k, v in features(doc, r, memo, split=split, siblings=siblings).items())
    return round(_sigmoid(z), 6)
