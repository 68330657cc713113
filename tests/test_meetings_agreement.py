"""The annotator-agreement benchmark on two tiny hand-made annotations with exact figures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

_PATH = list(sys.path)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import meetings_agreement as ma  # noqa: E402

# The benchmark scripts put benchmarks/ first on the path, where benchmarks/distributed.py
# would shadow the Dask package for every later test: restore the path once imported.
sys.path[:] = _PATH

S1 = "Ann Lee met Bo Chan in Oslo on Monday."
S2 = "Cy Dunn and Di Fox held talks with Ed Gray."


def annotator(root: Path, name: str, done: list[str], lines: list[dict]) -> Path:
    d = root / name
    (d / "articles").mkdir(parents=True)
    (d / "DONE.txt").write_text("".join(f"{n}\t1\n" for n in done))
    (d / "gold.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    return d


def line(article: str, parts: list[str], sentence: str) -> dict:
    return {"article": article, "sentence": sentence, "participants": parts, "place": None,
            "time": None, "status": "happened"}


@pytest.fixture
def pair_of_annotations(tmp_path: Path) -> tuple[Path, Path]:
    # Article 4 (extra dev): both give Lee-Chan; the first also gives a joint meeting of three
    # that the second writes as one pair. Article 5 is in neither annotator's gold.
    first = annotator(tmp_path, "first", ["4", "5", "7"], [
        line("4", ["Ann Lee", "Bo Chan"], S1),
        line("4", ["Cy Dunn", "Di Fox", "Ed Gray"], S2)])
    second = annotator(tmp_path, "second", ["4", "5"], [
        line("4", ["Lee", "Chan"], S1),
        line("4", ["Cy Dunn", "Ed Gray"], S2)])
    return first, second


def test_second_annotator_scored_against_the_first(pair_of_annotations, capsys):
    first, second = pair_of_annotations
    assert ma.main([str(second), "--extra", str(first), "--no-system"]) == 0
    out = capsys.readouterr().out
    # Only the articles both finished count (7 is the first's alone).
    assert out.startswith("2 articles annotated by both (0 in extra validation)")
    block = out.split("second annotator against the first")[1].split("first annotator")[0]
    row = next(r for r in block.splitlines() if r.startswith("extra dev"))
    gold, pred, hit = (int(x) for x in row.split()[2:5])
    # The first's four pairs (Lee-Chan and the joint meeting's three); the second gives two.
    assert (gold, pred, hit) == (4, 2, 2)


def test_both_keeps_only_pairs_the_two_annotators_share(pair_of_annotations):
    first, second = pair_of_annotations
    only = {"x4", "x5"}
    shared = ma.both(ma.lines_of(first, only), ma.lines_of(second, only))
    assert sorted(tuple(sorted(g.participants)) for g in shared) == [
        ("Ann Lee", "Bo Chan"), ("Cy Dunn", "Ed Gray")]
