"""CaRB scoring (Bhardwaj et al., 2019), reimplemented from its published matching rules.

The rules, as CaRB's default ``binary_linient_tuple_match`` applies them:

* the gold and the predicted extraction are each reduced to three slots: arg1, the
  relation, and the rest of the arguments joined by spaces;
* words are whitespace tokens compared case-sensitively, each gold word consuming at
  most one predicted word (a bag-of-words overlap); stop words are *not* removed;
* the relation must share at least one word (a predicted ``be`` also matches any form
  of *be* in the gold), otherwise the pair scores (0, 0);
* a prediction with fewer argument slots than the gold scores (0, 0);
* precision is matched words over predicted words, recall over gold words, summed over
  the slots; when the gold relation is a *said*-type verb, arg1 and the rest may also be
  swapped, and the better pair (compared as [precision, recall]) wins;
* per sentence and confidence threshold, recall sums each gold's best recall over all
  predictions at or above it; precision matches gold and predictions greedily one to one
  by best precision; sentences without gold are ignored;
* the reported point is the threshold with the best F1; AUC is the trapezoidal area under
  the precision–recall curve closed with the point (recall 0, precision 1).

>>> g = CarbExtraction("Bob ate rice .", "ate", ("Bob", "rice"))
>>> p = CarbExtraction("Bob ate rice .", "ate", ("Bob", "the rice"), 0.9)
>>> match(g, p)
(0.75, 1.0)
>>> s = score({"Bob ate rice .": [g]}, [p])
>>> round(s.precision, 3), s.recall, round(s.f1, 3)
(0.75, 1.0, 0.857)
"""

from __future__ import annotations

import logging
import re
import string
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError

__all__ = [
    "CarbExtraction",
    "CurvePoint",
    "CarbScore",
    "normalize_key",
    "match",
    "read_gold",
    "read_tabbed",
    "score",
]

log = logging.getLogger(__name__)

_FORMS_OF_BE = ("be", "is", "am", "are", "was", "were", "been", "being")
_SAID_VERBS = ("said", "told", "added", "adds", "says")
_PUNCT = re.compile(f"[{re.escape(string.punctuation)}]")
_PTB_ESCAPES = (
    ("(", "-LRB-"),
    (")", "-RRB-"),
    ("[", "-LSB-"),
    ("]", "-RSB-"),
    ("{", "-LCB-"),
    ("}", "-RCB-"),
)


@dataclass(frozen=True, slots=True)
class CarbExtraction:
    """One extraction as CaRB sees it: sentence, relation, arguments, confidence.

    ``tag`` names the construction that produced a predicted extraction; the scorer
    ignores it and only carries it through to the error analysis.
    """

    sentence: str
    relation: str
    args: tuple[str, ...]
    confidence: float = 1.0
    tag: str = ""


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """Precision and recall when keeping the predictions with confidence >= ``threshold``."""

    threshold: float
    precision: float
    recall: float


@dataclass(frozen=True, slots=True)
class CarbScore:
    """The CaRB figures, the curve, and per-extraction credit at the best-F1 threshold.

    ``gold_credit`` pairs each gold extraction with its best recall; ``pred_credit``
    pairs each kept prediction with the precision it earned in the one-to-one matching
    (0.0 when it matched nothing).
    """

    auc: float
    precision: float
    recall: float
    f1: float
    threshold: float
    curve: tuple[CurvePoint, ...] = ()
    gold_credit: tuple[tuple[CarbExtraction, float], ...] = field(default=(), repr=False)
    pred_credit: tuple[tuple[CarbExtraction, float], ...] = field(default=(), repr=False)


def normalize_key(sentence: str) -> str:
    """The key under which CaRB pairs gold and predicted sentences.

    >>> normalize_key("Pittsburgh 's mayor -LRB- acting -RRB- .")
    'Pittsburghsmayoracting'
    """
    s = sentence.replace(" ", "")
    for plain, escaped in _PTB_ESCAPES:
        s = s.replace(escaped, plain)
    return _PUNCT.sub("", s)


def _overlap(gold_words: list[str], predicted_words: list[str]) -> int:
    """Matched words; each gold word consumes one predicted word (``predicted_words`` shrinks)."""
    n = 0
    for w in gold_words:
        if w in predicted_words:
            n += 1
            predicted_words.remove(w)
    return n


def _lenient(
    gold_rel: str, gold_args: Sequence[str], rel: str, args: Sequence[str]
) -> tuple[float, float]:
    pred_words = rel.split()
    gold_words = gold_rel.split()
    p_num, p_den = 0, len(pred_words)
    r_num, r_den = 0, len(gold_words)
    m = _overlap(gold_words, pred_words)
    if "be" in pred_words:
        # CaRB lets a leftover "be" stand for any form of "be" in the gold relation.
        for form in _FORMS_OF_BE:
            if form in gold_words:
                m += 1
                pred_words.remove("be")
                break
    if m == 0:
        return (0.0, 0.0)
    p_num += m
    r_num += m
    for i, garg in enumerate(gold_args):
        gw = garg.split()
        r_den += len(gw)
        if len(args) <= i:
            if i < 2:
                return (0.0, 0.0)
            continue
        pw = args[i].split()
        p_den += len(pw)
        m = _overlap(gw, pw)
        p_num += m
        r_num += m
    return (p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0)


def _binary(args: Sequence[str]) -> tuple[str, ...]:
    return (args[0], " ".join(args[1:])) if len(args) >= 2 else tuple(args)


def match(gold: CarbExtraction, pred: CarbExtraction) -> tuple[float, float]:
    """(precision, recall) of ``pred`` against ``gold`` under CaRB's default matcher.

    >>> g = CarbExtraction("s", "said", ("Ann", "it rained"))
    >>> match(g, CarbExtraction("s", "said", ("it rained", "Ann")))
    (1.0, 1.0)
    >>> match(g, CarbExtraction("s", "told", ("Ann", "it rained")))
    (0.0, 0.0)
    """
    gargs = _binary(gold.args)
    straight = _lenient(gold.relation, gargs, pred.relation, _binary(pred.args))
    if not any(v in gold.relation for v in _SAID_VERBS):
        return straight
    if len(pred.args) >= 2:
        swapped: tuple[str, ...] = (" ".join(pred.args[1:]), pred.args[0])
    else:
        swapped = tuple(pred.args)
    return max(straight, _lenient(gold.relation, gargs, pred.relation, swapped))


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read {path}: {e}") from e


def read_gold(path: str | Path) -> dict[str, list[CarbExtraction]]:
    """Gold extractions by sentence; ``C:`` context arguments are dropped as CaRB does."""
    gold: dict[str, list[CarbExtraction]] = defaultdict(list)
    for n, line in enumerate(_read_lines(Path(path)), 1):
        data = line.strip().split("\t")
        if len(data) < 2:
            log.warning("gold line %d has no relation; skipped", n)
            continue
        text, rel = data[0].strip(), data[1].strip()
        args = tuple(a.strip() for a in data[2:] if "C: " not in a)
        gold[text].append(CarbExtraction(text, rel, args))
    return dict(gold)


def read_tabbed(path: str | Path) -> list[CarbExtraction]:
    """Predictions in CaRB's tabbed format: sentence, confidence, relation, arg1, arg2, ..."""
    out: list[CarbExtraction] = []
    for n, line in enumerate(_read_lines(Path(path)), 1):
        if not line.strip():
            continue
        data = line.strip().split("\t")
        try:
            conf = float(data[1])
            out.append(CarbExtraction(data[0], data[2], tuple(data[3:]), conf))
        except (IndexError, ValueError) as e:
            raise InputError(f"{path}:{n}: not a tabbed extraction: {e}") from e
    return out


def _greedy_precision(
    scores: list[list[tuple[float, float]]], cols: list[int]
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold, prediction) picked by best precision, ties to the first."""
    rows_taken: set[int] = set()
    cols_taken: set[int] = set()
    pairs = []
    for _ in range(min(len(scores), len(cols))):
        best, bi, bj = -1.0, -1, -1
        for i, row in enumerate(scores):
            if i in rows_taken:
                continue
            for j in cols:
                if j not in cols_taken and row[j][0] > best:
                    best, bi, bj = row[j][0], i, j
        rows_taken.add(bi)
        cols_taken.add(bj)
        pairs.append((bi, bj))
    return pairs


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else float("nan")


def _auc(recalls: list[float], precisions: list[float]) -> float:
    xs, ys = [*recalls, 0.0], [*precisions, 1.0]
    area = sum((xs[k] - xs[k + 1]) * (ys[k] + ys[k + 1]) / 2 for k in range(len(xs) - 1))
    return abs(area)


def _group(
    gold: dict[str, list[CarbExtraction]], predicted: Iterable[CarbExtraction]
) -> tuple[dict[str, list[CarbExtraction]], dict[str, list[CarbExtraction]]]:
    g = {normalize_key(k): v for k, v in gold.items()}
    by_text: dict[str, list[CarbExtraction]] = defaultdict(list)
    for e in predicted:
        by_text[e.sentence].append(e)
    p = {normalize_key(k): v for k, v in by_text.items()}
    return g, p


def score(gold: dict[str, list[CarbExtraction]], predicted: Iterable[CarbExtraction]) -> CarbScore:
    """Score ``predicted`` against ``gold`` (from :func:`read_gold`) as CaRB does."""
    g, p = _group(gold, predicted)
    thresholds = sorted({e.confidence for exs in p.values() for e in exs})
    pos = {c: k for k, c in enumerate(thresholds)}
    n = len(thresholds)
    p_num, p_den, r_num, r_den = ([0.0] * n for _ in range(4))
    matrices: dict[str, list[list[tuple[float, float]]]] = {}
    for key, golds in g.items():
        preds = p.get(key, [])
        scores = [[match(ge, pe) for pe in preds] for ge in golds]
        matrices[key] = scores
        prev = 0
        for conf in sorted({e.confidence for e in preds}):
            c = pos[conf]
            cols = [j for j, e in enumerate(preds) if e.confidence >= conf]
            rec = sum(max((row[j][1] for j in cols), default=0.0) for row in scores)
            prec = sum(scores[i][j][0] for i, j in _greedy_precision(scores, cols))
            for k in range(prev, c + 1):
                p_num[k] += prec
                p_den[k] += len(cols)
                r_num[k] += rec
                r_den[k] += len(scores)
            prev = c + 1
        for k in range(prev, n):
            r_den[k] += len(scores)
    precs = [a / b if b > 0 else 1.0 for a, b in zip(p_num, p_den, strict=True)]
    recs = [a / b if b > 0 else 0.0 for a, b in zip(r_num, r_den, strict=True)]
    f1s = [_f1(a, b) for a, b in zip(precs, recs, strict=True)]
    valid = [k for k in range(n) if f1s[k] == f1s[k]]
    if not valid:
        return CarbScore(0.0, 0.0, 0.0, 0.0, 0.0)
    best = max(valid, key=lambda k: (f1s[k], -k))
    curve = tuple(CurvePoint(t, a, b) for t, a, b in zip(thresholds, precs, recs, strict=True))
    gold_credit, pred_credit = _credit(g, p, matrices, thresholds[best])
    return CarbScore(
        auc=_auc(recs, precs),
        precision=precs[best],
        recall=recs[best],
        f1=f1s[best],
        threshold=thresholds[best],
        curve=curve,
        gold_credit=gold_credit,
        pred_credit=pred_credit,
    )


def _credit(
    g: dict[str, list[CarbExtraction]],
    p: dict[str, list[CarbExtraction]],
    matrices: dict[str, list[list[tuple[float, float]]]],
    threshold: float,
) -> tuple[tuple[tuple[CarbExtraction, float], ...], tuple[tuple[CarbExtraction, float], ...]]:
    gold_credit: list[tuple[CarbExtraction, float]] = []
    pred_credit: list[tuple[CarbExtraction, float]] = []
    for key, golds in g.items():
        preds = p.get(key, [])
        scores = matrices[key]
        cols = [j for j, e in enumerate(preds) if e.confidence >= threshold]
        for i, ge in enumerate(golds):
            gold_credit.append((ge, max((scores[i][j][1] for j in cols), default=0.0)))
        earned = dict.fromkeys(cols, 0.0)
        for i, j in _greedy_precision(scores, cols):
            earned[j] = scores[i][j][0]
        pred_credit.extend((preds[j], v) for j, v in earned.items())
    return tuple(gold_credit), tuple(pred_credit)
