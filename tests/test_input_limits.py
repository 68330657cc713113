"""Documented limits: overlong sentences are cut before parsing, overlong articles and
foreign-language articles are refused with a reason (kg.sources.limits, kg.sources.language)."""

from __future__ import annotations

import random

import pytest
import spacy
from click.testing import CliRunner

from kg.cli import cli
from kg.sources.language import language_problem
from kg.sources.limits import MAX_SENTENCE_TOKENS, cap_sentences, length_problem

WORDS = ("the minister said that officials from the ministry met with delegates in the "
         "capital and discussed the plan for new roads schools and farms").split()


def _run_on(n: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def test_cap_keeps_real_sentence_boundaries_and_cuts_only_long_runs():
    nlp = spacy.blank("en")
    text = "Short one. " * 20 + _run_on(450) + ". Another short one."
    doc = nlp.make_doc(text)
    assert cap_sentences(doc) == 2
    starts = [t.i for t in doc if t.is_sent_start]
    run_start = 20 * 3
    assert starts[1:] == [run_start + 200, run_start + 400]


def test_newline_counts_as_a_boundary():
    nlp = spacy.blank("en")
    text = "\n\n".join(_run_on(150, s) for s in range(4))
    assert cap_sentences(nlp.make_doc(text)) == 0


def test_length_problem_names_the_limit():
    assert length_problem("x" * 10) is None
    assert "1,000,001 characters is over the 1,000,000-character limit" in length_problem(
        "x" * 1_000_001)


@pytest.mark.parametrize("text,code", [
    ("Le président de la République a rencontré lundi à Paris le chancelier allemand pour "
     "discuter de la guerre en Ukraine, de la défense européenne et des relations commerciales "
     "entre les deux pays, a indiqué l'Élysée dans un communiqué.", "fr"),
    ("El presidente del Gobierno se reunió el lunes en Madrid con el primer ministro portugués "
     "para hablar de la crisis energética, de la inmigración y de los fondos europeos, según "
     "informó la Moncloa en un comunicado.", "es"),
    ("Der Bundeskanzler traf sich am Montag in Berlin mit dem französischen Präsidenten, um über "
     "den Krieg in der Ukraine, die europäische Verteidigung und die Handelsbeziehungen zwischen "
     "beiden Ländern zu sprechen, teilte die Regierung mit.", "de"),
])
def test_foreign_prose_is_refused_with_the_detected_language(text, code):
    reason = language_problem(text)
    assert reason and f"looks like {code}" in reason and "--lang any" in reason
    assert language_problem(text, code) is None  # --lang CODE accepts that language
    assert language_problem(text, "any") is None


@pytest.mark.parametrize("text", [
    "Vladimir Putin met Steve Witkoff and Jared Kushner in Moscow on Tuesday, the Kremlin said, "
    "as talks on a peace plan for Ukraine continued in Miami and Geneva this week.",
    "Müller, Østergård and Nuñez met Zelensky in Kyiv; Erdoğan and Lula joined by video link "
    "from Ankara and Brasília on Monday to discuss grain exports and the energy crisis.",
    "Le Monde said so.",  # too short to judge
])
def test_english_with_foreign_names_and_short_texts_are_kept(text):
    assert language_problem(text) is None


@pytest.mark.model
@pytest.mark.slow
def test_a_10000_token_sentence_is_cut_and_built(tmp_path):
    f = tmp_path / "run-on.txt"
    f.write_text("A very long sentence\n\n" + _run_on(10_000) + ".\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["build", str(f), "--store", "memory:"])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("built 1 articles")
    cuts = 10_000 // MAX_SENTENCE_TOKENS - 1
    assert f"kg: split {cuts} overlong sentence(s) at 200 tokens before parsing" in r.stderr


@pytest.mark.model
def test_parsed_sentences_respect_the_cut(nlp):
    from kg.ingest.build import extract_articles
    from kg.model import Article

    (x,) = extract_articles([Article("r", "T", _run_on(700) + ".")], nlp)
    assert max(len(nlp.make_doc(s.sentence)) for s in x.sentences) <= MAX_SENTENCE_TOKENS


def test_ordinary_english_prose_is_passed_without_running_langid(monkeypatch):
    """langid costs ~8 ms an article on the build's parent process; prose whose English
    function-word share is normal passes on that share alone, and only the rest is classified."""
    import kg.sources.language as lang

    def no_langid():
        raise AssertionError("langid was consulted")

    monkeypatch.setattr(lang, "_identifier", no_langid)
    prose = ("The minister said on Monday that the talks with the union would resume in the "
             "spring, and that the government was ready to offer a new proposal to end it.")
    assert lang.language_problem(prose) is None
    table = "Shr 45 cts vs 58 cts Net 1,234,000 vs 1,456,000 Revs 12.3 mln vs 11.8 mln " * 3
    with pytest.raises(AssertionError, match="langid was consulted"):
        lang.language_problem(table)


def test_stop_word_lists_load_without_their_language_package():
    from kg.sources.language import _stop_words

    assert "the" in (_stop_words("en") or ())
    assert "und" in (_stop_words("de") or ())
    assert _stop_words("xx-not-a-code") is None and _stop_words("../en") is None


def test_an_english_earnings_table_is_not_refused_as_occitan():
    """langid calls Reuters tables Occitan with p = 0.99; spaCy has no Occitan function words
    to confirm it, so the table is kept (it yields little, but it is English)."""
    table = ("Shr loss six cts vs not available\n    Net loss 562,231 vs profit 10,253\n"
             "    Revs 8,871,874 vs 9,549,308\n    Year\n    Shr loss 60 cts vs loss nine cts\n"
             "    Net loss 5,058,145 vs loss 766,185\n    Revs 34.3 mln vs 35.5 mln\n")
    from kg.sources.language import guess_language

    assert guess_language(table).detected_share is None  # the premise: no list for the guess
    assert language_problem(table) is None
