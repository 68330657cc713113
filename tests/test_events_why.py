"""The meeting-events benchmark's numbers-only causes of split and merged real meetings."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

_PATH = list(sys.path)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import events as eb  # noqa: E402

# benchmarks/ first on the path would shadow installed packages for later tests.
sys.path[:] = _PATH

PAIR = {"novak", "keller"}
NOVAK, KELLER, KELLER2 = "e/person/peter-novak", "e/person/paul-keller", "e/person/keller"


def info(att, place=None):
    return {"att": att, "place": place}


def d(day):
    return date(2026, 3, day)


def test_split_causes_in_order():
    both = {NOVAK: "novak", KELLER: "keller"}
    events = {"e1": info(both), "e2": info(both), "e3": info({NOVAK: "novak", KELLER2: "keller"}),
              "e4": info(both, "place/oslo"), "e5": info(both, "place/lima")}
    spans = {"e1": (d(2), d(2)), "e2": (d(9), d(9)), "e3": (d(2), d(2)),
             "e4": (d(2), d(2)), "e5": (d(2), d(2))}
    assert eb.split_kind(["e1", "none:r7"], PAIR, events, spans) == "a report in no event"
    assert eb.split_kind(["e1", "e3"], PAIR, events, spans) == "other entities"
    assert eb.split_kind(["e4", "e5"], PAIR, events, spans) == "places differ"
    assert eb.split_kind(["e1", "e2"], PAIR, events, spans) == "intervals apart"
    spans["e2"] = (d(1), d(3))
    assert eb.split_kind(["e1", "e2"], PAIR, events, spans) == "intervals overlap"


def test_merge_causes():
    two = {"e1": info({NOVAK: "novak", KELLER: "keller"}),
           "e2": info({NOVAK: "novak", KELLER: "keller", "e/person/lena-fischer": "fischer"})}
    near = [{"start": "2026-03-02", "end": "2026-03-02"}, {"start": "2026-03-20",
                                                          "end": "2026-03-21"}]
    far = [near[0], {"start": "2026-06-01", "end": "2026-06-01"}]
    assert eb.merge_kind("e2", near, two) == "a meeting of three or more"
    assert eb.merge_kind("e1", near, two) == "real meetings within 31 days"
    assert eb.merge_kind("e1", far, two) == "real meetings further apart"


def test_every_cause_is_printed_even_at_zero():
    assert {f"why: split, {k}" for k in eb._SPLIT_KINDS} <= set(eb._WHY)
    assert {f"why: merged, {k}" for k in eb._MERGE_KINDS} <= set(eb._WHY)
