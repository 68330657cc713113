"""The meetings benchmark's numbers-only breakdown of place and time errors on matched pairs."""

from __future__ import annotations

import io
import sys
from pathlib import Path

_PATH = list(sys.path)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import meetings as mb  # noqa: E402

# benchmarks/ first on the path would shadow installed packages for later tests.
sys.path[:] = _PATH

SENT = "Ann Lee met Bo Chan in Oslo on Monday."


def pair(place: str | None, time: str | None, sentence: str = SENT) -> mb.PairRecord:
    return mb.PairRecord("50", ("Ann Lee", "Bo Chan"), place, time, "happened", sentence)


def test_kinds_of_a_place_or_time():
    assert mb.attribute_kind("Oslo", "in Oslo") == "right"
    assert mb.attribute_kind("Oslo", None) == "missing"
    assert mb.attribute_kind(None, "Oslo") == "extra"
    assert mb.attribute_kind("Monday", "Monday morning") == "wider"
    assert mb.attribute_kind("Monday morning", "Monday") == "narrower"
    assert mb.attribute_kind("Oslo", "Bergen") == "different"


def test_breakdown_prints_counts_and_no_text():
    outcome = mb.Outcome()
    outcome.matched += [([pair("Oslo", "Monday")], [pair("Oslo", None)]),
                        ([pair("Oslo", "Monday")], [pair("Bergen", "Monday")]),
                        # a right value in any couple of the same sentence counts as right
                        ([pair("Oslo", "Monday")], [pair(None, None), pair("Oslo", "Monday")])]
    out = io.StringIO()
    mb.print_attribute_kinds({"validation half": outcome}, out)
    text = out.getvalue()
    assert "validation half      place right 2 (1 reports); different 1" in text
    assert "validation half      time  right 2 (1 reports); missing, in its sentence 1" in text
    assert "Oslo" not in text and "Bergen" not in text and "Monday" not in text


def test_a_missing_value_is_told_apart_by_where_the_annotator_read_it():
    elsewhere = "The two ministers met again."
    outcome = mb.Outcome()
    outcome.matched += [([pair("Oslo", "Monday")], [pair(None, None)]),
                        ([pair("Oslo", "Monday", elsewhere)], [pair(None, None, elsewhere)])]
    out = io.StringIO()
    mb.print_attribute_kinds({"validation half": outcome}, out)
    text = out.getvalue()
    assert "place missing, in its sentence 1; missing, elsewhere 1" in text
    assert "Oslo" not in text and "ministers" not in text


def test_a_kind_says_how_many_reports_its_pairs_come_from():
    outcome = mb.Outcome()
    for other in ("Cy Ode", "Di Fox", "Ed Gil"):
        g = mb.PairRecord("50", ("Ann Lee", other), "Oslo", None, "happened", SENT)
        q = mb.PairRecord("50", ("Ann Lee", other), None, None, "happened", SENT)
        outcome.matched.append(([g], [q]))
    out = io.StringIO()
    mb.print_attribute_kinds({"validation half": outcome}, out)
    assert "place missing, in its sentence 3 (1 reports)" in out.getvalue()
    assert "time  right 3 (1 reports)" in out.getvalue()


def test_by_report_counts_a_meeting_of_many_parties_once_and_prints_no_text():
    outcome = mb.Outcome()
    for other in ("Cy Ode", "Di Fox"):
        g = mb.PairRecord("50", ("Ann Lee", other), None, None, "happened", SENT)
        outcome.matched.append(([g], [g]))
    outcome.misses.append([mb.PairRecord("51", ("Eve Ruiz", "Bo Chan"), None, None, "planned",
                                         "Eve Ruiz will see Bo Chan.")])
    outcome.false_positives.append([mb.PairRecord("52", ("Fay Wu", "Gus Ma"), None, None,
                                                  "happened", "Fay Wu wrote to Gus Ma.")])
    assert mb.report_figures(outcome) == (2, 1, 2, 1)
    out = io.StringIO()
    mb.print_reports({"validation half": outcome}, out)
    text = out.getvalue()
    assert "gold    2, found    1 (R 0.500); predicted    2, right    1 (P 0.500)" in text
    assert "Ann" not in text and "Fay" not in text


def _gold(*parts: str, sentence: str = SENT) -> mb.GoldLine:
    return mb.GoldLine("50", parts, None, None, "happened", sentence)


def test_false_positive_kinds_read_the_gold_only():
    gold = [_gold("Ann Lee", "Bo Chan")]
    other = "Cy Dunn spoke to Eve Ray on Friday."
    assert mb.fp_kind(mb.PairRecord("50", ("Lee", "Cy Dunn"), None, None, "happened", SENT),
                      gold) == "a gold meeting in its sentence, one name on it"
    assert mb.fp_kind(mb.PairRecord("50", ("Cy Dunn", "Eve Ray"), None, None, "planned", other),
                      gold) == "no gold meeting in its sentence, neither name a gold participant"
    assert mb.fp_kind(mb.PairRecord("50", ("Bo Chan", "Eve Ray"), None, None, "planned", other),
                      gold) == "no gold meeting in its sentence, one name a gold participant"


def test_false_positive_breakdown_prints_counts_and_no_text():
    outcome = mb.Outcome()
    wrong = mb.PairRecord("50", ("Ann Lee", "Cy Dunn"), None, None, "planned", SENT)
    outcome.false_positives.append([wrong])
    out = io.StringIO()
    mb.print_fp_kinds({"validation half": outcome}, [_gold("Ann Lee", "Bo Chan")], out)
    text = out.getvalue()
    assert "one name on it 1 (1)" in text and "status planned 1" in text
    assert "Cy Dunn" not in text and "Oslo" not in text


def test_error_list_names_each_false_positive_kind():
    # A development article's wrong pair is listed with what the gold has in its sentence, so
    # the kinds --fp-why counts can be read case by case where reading is allowed.
    gold = [mb.GoldLine("10", ("Ann Lee", "Bo Chan"), None, None, "happened", SENT)]
    wrong = mb.PairRecord("10", ("Ann Lee", "Cy Dunn"), None, None, "happened", SENT)
    out = io.StringIO()
    mb.print_errors(gold, [wrong], ["10"], out)
    assert ("FP   Ann Lee & Cy Dunn (happened; a gold meeting in its sentence, one name on it)"
            in out.getvalue())
