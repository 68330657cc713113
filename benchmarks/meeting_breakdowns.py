"""Numbers-only breakdowns of the meeting benchmark, and the development error list.

Place/time errors by kind, false-positive pairs by what the gold has in their sentence,
recall and precision by report: counts only, so validation parts may be read this way.
``print_errors`` lists development articles only and refuses validation ones.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from meeting_scoring import (
    ATTRS,
    GoldLine,
    Outcome,
    PairRecord,
    couples,
    is_validation,
    names_match,
    norm_attr,
    same_sentence,
    score_article,
)


def attribute_kind(gold: str | None, ours: str | None) -> str:
    """How a predicted place or time differs from the gold one, in words that carry no text:
    right, missing (gold has one, we none), extra (we have one, gold none), wider (the gold
    text inside ours), narrower (ours inside the gold text), different.

    >>> attribute_kind("Monday", "on Monday"), attribute_kind("Geneva", "Geneva talks")
    ('right', 'wider')
    """
    g, q = norm_attr(gold), norm_attr(ours)
    if g == q:
        return "right"
    if not q or not g:
        return "missing" if not q else "extra"
    return "wider" if g in q else "narrower" if q in g else "different"


def print_attribute_kinds(outcomes: dict[str, Outcome], out: TextIO = sys.stdout) -> None:
    """Counts of place and time kinds on matched pairs, per split (numbers only, so the
    validation parts may be read this way)."""
    print("\nplace and time on matched pairs, by kind (counts only):", file=out)
    for name, o in outcomes.items():
        for attr in ("place", "time"):
            kinds: Counter[str] = Counter()
            # How many reports a kind's pairs come from: a meeting of many parties counts once
            # a pair, so a large count may be one sentence.
            reports: dict[str, set[tuple[str, str]]] = {}
            for gl, pl in o.matched:
                matched = couples(gl, pl)
                found = [attribute_kind(getattr(g, attr), getattr(q, attr)) for g, q in matched]
                kind = "right" if "right" in found else found[0]
                if kind == "missing":
                    # Said in the meeting's own sentence, or taken from another that refers
                    # to the same meeting (the guide allows both): two kinds of work.
                    g = matched[0][0]
                    here = norm_attr(getattr(g, attr)) in " ".join(g.sentence.split()).casefold()
                    kind = "missing, in its sentence" if here else "missing, elsewhere"
                kinds[kind] += 1
                reports.setdefault(kind, set()).add((gl[0].article, gl[0].sentence))
            print(f"{name:20} {attr:5} " + "; ".join(
                f"{k} {n}" + (f" ({len(reports[k])} reports)" if len(reports[k]) < n else "")
                for k, n in kinds.most_common()), file=out)


def fp_kind(pair: PairRecord, lines: list[GoldLine]) -> str:
    """What a false-positive pair is, from the gold alone (words that carry no text): the
    gold has no meeting in its sentence, or one that holds one name or none of the two; and
    whether its names are gold participants of the article anywhere.

    ``lines`` are the gold lines of the pair's article.

    >>> g = [GoldLine("1", ("Ann Lee", "Bo Chan"), None, None, "happened", "S one.")]
    >>> fp_kind(PairRecord("1", ("Lee", "Cy Dunn"), None, None, "happened", "S one."), g)
    'a gold meeting in its sentence, one name on it'
    >>> fp_kind(PairRecord("1", ("Eve Ray", "Cy Dunn"), None, None, "planned", "S two."), g)
    'no gold meeting in its sentence, neither name a gold participant'
    """
    here = [g for g in lines if same_sentence(g.sentence, pair.sentence)]
    if here:
        on = max(sum(any(names_match(n, p) for p in g.participants) for n in pair.names)
                 for g in here)
        return "a gold meeting in its sentence, " + (
            "no name on it", "one name on it", "both names on it")[on]
    known = sum(any(names_match(n, p) for g in lines for p in g.participants) for n in pair.names)
    return "no gold meeting in its sentence, " + (
        "neither name a gold participant", "one name a gold participant",
        "both names gold participants")[known]


def print_fp_kinds(outcomes: dict[str, Outcome], lines: list[GoldLine],
                   out: TextIO = sys.stdout) -> None:
    """Counts of false-positive pairs by kind and by predicted status, per split (numbers
    only, so the validation parts may be read this way)."""
    by_article: dict[str, list[GoldLine]] = {}
    for g in lines:
        by_article.setdefault(g.article, []).append(g)
    print("\nfalse-positive pairs, by kind (counts only; reports in brackets):", file=out)
    for name, o in outcomes.items():
        kinds: Counter[str] = Counter()
        reports: dict[str, set[tuple[str, str]]] = {}
        status: Counter[str] = Counter()
        for pl in o.false_positives:
            kind = fp_kind(pl[0], by_article.get(pl[0].article, []))
            kinds[kind] += 1
            reports.setdefault(kind, set()).add((pl[0].article, pl[0].sentence))
            status[pl[0].status] += 1
        if kinds:
            print(f"{name:20} " + "; ".join(f"{k} {n} ({len(reports[k])})"
                                          for k, n in kinds.most_common())
                  + " | status " + ", ".join(f"{k} {n}" for k, n in status.most_common()),
                  file=out)


def report_figures(o: Outcome) -> tuple[int, int, int, int]:
    """Gold reports (an article's gold sentence), those with a pair found, predicted reports
    (a sentence kg reads a non-neutral pair in) and those with a pair that is gold. A meeting
    of many parties is one report however many pairs it gives.

    >>> g = PairRecord("50", ("A", "B"), None, None, "happened", "A met B and C.")
    >>> h = PairRecord("50", ("A", "C"), None, None, "happened", "A met B and C.")
    >>> o = Outcome(matched=[([g], [g])], misses=[[h]])
    >>> report_figures(o)
    (1, 1, 1, 1)
    """
    def key(r: PairRecord) -> tuple[str, str]:
        return r.article, " ".join(r.sentence.split())

    gold = {key(g) for gl, _ in o.matched for g in gl} | {key(g) for gl in o.misses for g in gl}
    found = {key(g) for gl, _ in o.matched for g in gl}
    pred = {key(q) for _, pl in o.matched for q in pl} | {
        key(q) for pl in o.false_positives for q in pl}
    right = {key(q) for _, pl in o.matched for q in pl}
    return len(gold), len(found), len(pred), len(right)


def print_reports(outcomes: dict[str, Outcome], out: TextIO = sys.stdout) -> None:
    """Recall and precision by report rather than by pair (numbers only)."""
    print("\nby report (an article's sentence; a meeting of many parties counts once):", file=out)
    for name, o in outcomes.items():
        gold, found, pred, right = report_figures(o)
        print(f"{name:20} gold {gold:4d}, found {found:4d} (R {found / gold if gold else 0:.3f});"
              f" predicted {pred:4d}, right {right:4d} (P {right / pred if pred else 0:.3f})",
              file=out)


def print_errors(lines: list[GoldLine], pred: list[PairRecord], articles: Iterable[str],
                 out: TextIO = sys.stdout) -> None:
    """Misses, false positives (each with its ``fp_kind``) and attribute errors of development
    articles only."""
    print("\nERRORS (development articles only)", file=out)
    for art in sorted(set(articles)):
        if is_validation(art):  # second guard: never print a validation article's errors
            raise SystemExit(f"refused: article {art} is in the validation half")
        mine = [g for g in lines if g.article == art]
        o = score_article(mine, [p for p in pred if p.article == art])
        rows: list[str] = []
        for gl in o.misses:
            g = gl[0]
            rows.append(f"  MISS {' & '.join(g.names)} ({g.status})\n      {g.sentence}")
        for pl in o.false_positives:
            p = pl[0]
            rows.append(f"  FP   {' & '.join(p.names)} ({p.status}; {fp_kind(p, mine)})\n"
                        f"      {' '.join(p.sentence.split())}")
        for pl in o.neutral:
            rows.append(f"  NEUTRAL {' & '.join(pl[0].names)}")
        for gl, pl in o.matched:
            matched = couples(gl, pl)
            for attr in ATTRS:
                if not any(norm_attr(getattr(g, attr)) == norm_attr(getattr(q, attr))
                           for g, q in matched):
                    g, q = matched[0]
                    rows.append(f"  ATTR {attr}: gold {getattr(g, attr)!r} predicted "
                                f"{getattr(q, attr)!r} ({' & '.join(g.names)})\n      "
                                f"{' '.join(q.sentence.split())}")
        if rows:
            print(f"[{art}]", file=out)
            print("\n".join(rows), file=out)


def error_articles(requested: list[str] | None, all_ids: Iterable[str]) -> list[str]:
    if requested:
        bad = [a for a in requested if is_validation(a)]
        if bad:
            raise SystemExit(f"refused: {', '.join(bad)} in a validation part (odd-numbered "
                             "25-95, or an extra NEWID divisible by 3); only aggregate figures "
                             "are reported for it")
        return requested
    return [a for a in all_ids if not is_validation(a)]
