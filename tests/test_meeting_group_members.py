"""The group-members benchmark: which candidate pairs a body's members make, and their verdicts."""

from __future__ import annotations

import sys
from pathlib import Path

_PATH = list(sys.path)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import meeting_group_members as gm  # noqa: E402
import meetings as mb  # noqa: E402

# benchmarks/ first on the path would shadow installed packages for later tests.
sys.path[:] = _PATH

SENT = "Finance ministers of the Valoria Union met in Oslo on Monday."


def test_a_body_pairs_with_each_member_and_a_person_not_with_his_own_country():
    found = [("country:valoria", "country", "country:valoria"),
             ("person:peter novak", "person", "country:valoria"),
             ("person:anna moravec", "person", "country:ostria")]
    pairs = dict(gm._pairs(found, "organization:union"))
    assert pairs[("organization:union", "country:valoria")] == "body x country"
    assert pairs[("organization:union", "person:peter novak")] == "body x person"
    assert ("country:valoria", "person:peter novak") not in pairs
    assert pairs[("country:valoria", "person:anna moravec")] == "country x person"
    assert pairs[("person:peter novak", "person:anna moravec")] == "person x person"


def test_verdicts_follow_the_gold_and_the_neutral_rule():
    gold = [mb.GoldLine("50", ("Valoria Union", "Peter Novak"), "Oslo", "Monday", "happened",
                        SENT),
            mb.GoldLine("50", ("Valoria Union", "Anna Moravec"), "Oslo", "Monday", "happened",
                        SENT),
            mb.GoldLine("50", ("Paul Keller", "Peter Novak"), None, None, "planned",
                        "Paul Keller will see Novak.")]
    assert gm._verdict(("Valoria Union", "Novak"), gold, SENT) == "gold, its sentence"
    assert gm._verdict(("Keller", "Peter Novak"), gold, SENT) == "gold, another sentence"
    assert gm._verdict(("Peter Novak", "Anna Moravec"), gold, SENT) == "neutral"
    assert gm._verdict(("Anna Moravec", "Paul Keller"), gold, SENT) == "wrong"
