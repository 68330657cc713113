"""Meetings the rules did not find: candidate pairs (:mod:`kg.extract.meetings.meeting_candidates`)
scored by a logistic model, in sentences where the rules found no meeting (or, if the model
says so, also beside the rules' meetings: pairs the rules did not give).

The weights, the threshold and which structural gates the scorer may weigh live in
``kg/data/meeting_scorer.json``; ``benchmarks/meetings_fit.py`` refits them on development
articles only (never on a validation part). Without the file no meeting is added.

>>> round(probability({"bias": 1.0}, {"bias": 0.0}), 2)
0.5
>>> Model({"bias": -1.0}, 0.5).threshold
0.5
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from kg.extract.index import EntityIndex
from kg.extract.meetings.apart import told_apart
from kg.extract.meetings.meeting_candidates import Candidate, candidates
from kg.extract.meetings.meeting_record import meeting_record
from kg.extract.meetings.parties import Parties
from kg.extract.meetings.setting import meeting_setting
from kg.extract.meetings.status import clause_status, noun_status
from kg.extract.meetings.trigger_syntax import chain, governor
from kg.model import Meeting

__all__ = ["WEIGHTS_FILE", "Model", "load_model", "probability", "scored_meetings",
           "sentence_candidates", "rule_context"]

log = logging.getLogger(__name__)

WEIGHTS_FILE = "meeting_scorer.json"



@dataclass(frozen=True)
class Model:
    """The fitted scorer: weights, the acceptance threshold, the gates the candidate
    generator lets through for it, and whether it also adds pairs beside rule meetings."""

    weights: dict[str, float]
    threshold: float
    loose: frozenset[str] = frozenset()
    beside_rules: bool = False


def probability(features: dict[str, float], weights: dict[str, float]) -> float:
    """P(meeting) of a candidate under the logistic model."""
    z = sum(weights.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The fitted weights and threshold; an empty model (nothing accepted) if none ship."""
    try:
        text = (Path(__file__).resolve().parents[2] / "data" / WEIGHTS_FILE).read_text(
            encoding="utf-8")
    except OSError:
        log.warning("no %s; the meeting scorer adds nothing", WEIGHTS_FILE)
        return Model({}, 1.0)
    data = json.loads(text)
    return Model({str(k): float(v) for k, v in data["weights"].items()},
                 float(data["threshold"]), frozenset(data.get("loose", ())),
                 data.get("mode", "empty") == "all")


def sentence_candidates(doc: Doc, index: EntityIndex, skip: frozenset[int] = frozenset(),
                        loose: frozenset[str] = frozenset()
                        ) -> list[tuple[int, Span, Candidate]]:
    """Every candidate of ``doc`` with its sentence index and sentence, except in the
    sentences numbered in ``skip``; ``loose`` as in :func:`candidates`."""
    p = Parties(doc, index)
    return [(si, sent, c) for si, sent in enumerate(doc.sents) if si not in skip
            for c in candidates(sent, p, index, loose)]


def rule_context(parties: tuple[str, ...], given: list[frozenset[str]]) -> dict[str, float]:
    """Features of what the rules found in the candidate's sentence (``given``: the
    participants of each rule meeting there): this very pair, another pair, one of its parties.

    >>> rule_context(("a", "b"), [frozenset({"a", "c"})])
    {'rules_here': 1.0, 'rules_pair': 0.0, 'rules_party': 1.0}
    """
    if not given:
        return {}
    return {"rules_here": 1.0,
            "rules_pair": float(any(set(parties) <= g for g in given)),
            "rules_party": float(any(k in g for k in parties for g in given))}


def scored_meetings(doc: Doc, index: EntityIndex, found: list[Meeting],
                    model: Model | None = None) -> list[Meeting]:
    """Meetings of accepted candidates in the sentences where ``found`` has none (in any
    sentence, for pairs ``found`` lacks there, when the model is fitted so)."""
    model = load_model() if model is None else model
    if not model.weights:
        return []
    by_sentence: dict[int, list[frozenset[str]]] = {}
    for m in found:
        by_sentence.setdefault(m.provenance.sentence_index, []).append(
            frozenset(m.participants))
    skip = frozenset() if model.beside_rules else frozenset(by_sentence)
    published: date | None = doc._.kg_published
    out: list[Meeting] = []
    for si, sent, c in sentence_candidates(doc, index, skip, model.loose):
        given = by_sentence.get(si, [])
        if any(set(c.parties) <= p for p in given):
            continue  # the rules gave this pair here already
        pr = probability({**c.features, **rule_context(c.parties, given)}, model.weights)
        if pr >= model.threshold:
            out.append(to_meeting(doc, index, si, sent, c, pr, published))
    return out


def to_meeting(doc: Doc, index: EntityIndex, si: int, sent: Span, c: Candidate, confidence: float,
               published: date | None) -> Meeting:
    """The meeting record of an accepted candidate: status, place and time read by the same
    modules the rules use (its place and time by the rules' own :func:`meeting_setting`)."""
    tok = doc[c.trigger]
    verbal = tok.pos_ in ("VERB", "AUX")
    gov, via = (None, "") if verbal else governor(tok)
    anchors = chain(tok) if verbal else {tok.i} | (chain(gov) if gov is not None else set())
    objs = [doc[i] for i in c.tokens if i > tok.i]  # a place or time may hang on them
    place, time = meeting_setting(sent, anchors, tok, objs, journey_days=True)
    # "met A in Geneva and B in Paris": the setting of the group the pair's counterpart is in
    _, place, time = told_apart(Parties(doc, index), sent, tok, anchors, objs, [c.parties],
                                place, time)[0]
    status = clause_status(tok, time) if verbal else noun_status(tok, gov, via, time)
    return meeting_record(doc, index, si, sent, tok, c.parties, status, place, time,
                          round(confidence, 4), published)

