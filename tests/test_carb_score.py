"""The CaRB scorer on small hand-made cases with exact expected figures."""

from __future__ import annotations

import pytest

from kg.eval.carb import CarbExtraction, match, normalize_key, read_gold, read_tabbed, score


def ex(rel: str, *args: str, conf: float = 1.0, sent: str = "s") -> CarbExtraction:
    return CarbExtraction(sent, rel, tuple(args), conf)


def test_extra_predicted_words_cost_precision_only():
    assert match(ex("ate", "Bob", "rice"), ex("ate", "Bob", "the rice")) == (0.75, 1.0)


def test_relation_must_share_a_word():
    assert match(ex("ate", "Bob", "rice"), ex("eats", "Bob", "rice")) == (0.0, 0.0)


def test_predicted_be_matches_any_form_of_be():
    assert match(ex("is in", "Ann", "Paris"), ex("be in", "Ann", "Paris")) == (1.0, 1.0)


def test_missing_second_argument_is_no_match():
    assert match(ex("met", "Ann", "Bob"), ex("met", "Ann")) == (0.0, 0.0)


def test_prediction_args_beyond_the_gold_slots_are_not_counted():
    assert match(ex("slept", "Ann"), ex("slept", "Ann", "well")) == (1.0, 1.0)


def test_arguments_after_the_first_are_joined():
    assert match(ex("met", "Ann", "Bob", "in Paris"), ex("met", "Ann", "Bob in Paris")) == (
        1.0,
        1.0,
    )


def test_words_are_case_sensitive_and_counted_once():
    # gold "the the" against predicted "The the": one "the" matches, "The" does not.
    p, r = match(ex("saw", "Ann", "the the"), ex("saw", "Ann", "The the"))
    assert (p, r) == (0.75, 0.75)


def test_said_type_relations_may_swap_arguments():
    gold = ex("said", "Ann", "it rained")
    assert match(gold, ex("said", "it rained", "Ann")) == (1.0, 1.0)
    # Without a said-type gold relation the swap is not tried: only the relation matches.
    assert match(ex("met", "Ann", "Bob"), ex("met", "Bob", "Ann")) == (1 / 3, 1 / 3)


def test_sentence_keys_ignore_spaces_punctuation_and_ptb_brackets():
    assert normalize_key("Bob ( Jr. ) ate .") == normalize_key("Bob -LRB- Jr. -RRB- ate")


def test_score_two_sentences_two_thresholds():
    s1, s2 = "Bob ate rice . Ann slept .", "Carl met Dan ."
    gold = {
        s1: [ex("ate", "Bob", "rice", sent=s1), ex("slept", "Ann", sent=s1)],
        s2: [ex("met", "Carl", "Dan", sent=s2)],
    }
    preds = [
        ex("ate", "Bob", "rice", conf=0.9, sent=s1),
        ex("slept", "Ann", "well", conf=0.4, sent=s1),
        ex("met", "Carl", "Eve", conf=0.4, sent=s2),
        ex("left", "Zed", conf=0.99, sent="A sentence without gold ."),  # ignored
    ]
    s = score(gold, preds)
    assert s.threshold == 0.4
    assert s.precision == pytest.approx(8 / 9)
    assert s.recall == pytest.approx(8 / 9)
    assert s.f1 == pytest.approx(8 / 9)
    # Curve: t=0.4 -> (8/9, 8/9); t=0.9 -> (P 1, R 1/3); closed at (R 0, P 1).
    assert s.auc == pytest.approx(139 / 162)
    assert [(p.precision, round(p.recall, 4)) for p in s.curve[1:3]] == [(1.0, 0.3333), (1.0, 0.0)]


def test_precision_is_one_to_one():
    gold = {"s": [ex("ate", "Bob", "rice")]}
    preds = [ex("ate", "Bob", "rice", conf=0.5), ex("ate", "Bob", "rice", conf=0.5)]
    s = score(gold, preds)
    assert (s.precision, s.recall) == (0.5, 1.0)


def test_no_prediction_scores_zero():
    s = score({"s": [ex("ate", "Bob", "rice")]}, [])
    assert (s.precision, s.recall, s.f1, s.auc) == (0.0, 0.0, 0.0, 0.0)


def test_readers(tmp_path):
    g = tmp_path / "gold.tsv"
    g.write_text("Bob ate rice .\tate\tBob\trice\tC: if hungry\n", encoding="utf-8")
    t = tmp_path / "out.tsv"
    t.write_text("Bob ate rice .\t0.7\tate\tBob\trice\n\n", encoding="utf-8")
    gold = read_gold(g)
    assert gold["Bob ate rice ."][0].args == ("Bob", "rice")
    (p,) = read_tabbed(t)
    assert (p.confidence, p.relation, p.args) == (0.7, "ate", ("Bob", "rice"))
    assert score(gold, [p]).f1 == 1.0
