"""``kg extract --sentences FILE --format carb|tsv|jsonl`` and the seed article's triples."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli

SENTENCES = (
    "The bridge was designed by a young engineer .\n\nPittsburgh 's mayor opened the library .\n"
)


@pytest.fixture()
def sentence_file(tmp_path):
    p = tmp_path / "sentences.txt"
    p.write_text(SENTENCES, encoding="utf-8")
    return p


@pytest.mark.model
def test_carb_format(sentence_file):
    r = CliRunner().invoke(cli, ["extract", "--sentences", str(sentence_file), "--format", "carb"])
    assert r.exit_code == 0, r.output
    rows = [line.split("\t") for line in r.output.splitlines()]
    assert [
        "The bridge was designed by a young engineer .",
        "was designed by",
        "The bridge",
        "a young engineer",
    ] in [[row[0], *row[2:]] for row in rows]
    # The tokenisation of the input line is kept: "Pittsburgh 's" stays two tokens.
    assert any(row[0] == "Pittsburgh 's mayor opened the library ." for row in rows)
    assert all(0.0 < float(row[1]) < 1.0 for row in rows)


@pytest.mark.model
def test_jsonl_and_tsv_formats(sentence_file):
    r = CliRunner().invoke(cli, ["extract", "--sentences", str(sentence_file), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in r.output.splitlines()]
    assert {"was designed by", "opened"} <= {x["relation"] for x in recs}
    assert {x["line"] for x in recs} == {1, 3}
    r = CliRunner().invoke(cli, ["extract", "--sentences", str(sentence_file), "--format", "tsv"])
    assert r.exit_code == 0
    assert r.output.splitlines()[0].startswith("line\tconfidence\tsubject\trelation")


def test_missing_sentence_file_is_one_error_line(tmp_path):
    r = CliRunner().invoke(cli, ["extract", "--sentences", str(tmp_path / "nope.txt")])
    assert r.exit_code == 1
    assert r.output.count("\n") == 1 and "cannot read sentences" in r.output


def test_carb_format_needs_sentences(tmp_path):
    r = CliRunner().invoke(cli, ["extract", str(tmp_path / "a.txt"), "--format", "carb"])
    assert r.exit_code == 2


@pytest.mark.model
def test_seed_article_triples():
    from pathlib import Path

    from kg.extract.pipeline import load_nlp, set_doc_context

    nlp = load_nlp()
    text = (
        Path(__file__).resolve().parents[1] / "seeds" / "001-us-envoy-heads-to-moscow.txt"
    ).read_text(encoding="utf-8")
    doc = nlp(set_doc_context(nlp.make_doc(text), "seed"))
    ts = doc._.kg_triples
    meet = [t for t in ts if t.predicate == "meet with"]
    assert any(
        t.subject.entity == "person:vladimir putin"
        and t.object is not None
        and t.object.entity == "person:steve witkoff"
        and t.relation == "is expected to meet with"
        for t in meet
    )
    envoy = [t for t in ts if t.relation == "is special envoy of"]
    assert any(
        t.subject.text.startswith("Steve Witkoff") and "Trump" in t.object.text for t in envoy
    )
    assert not any(t.subject.text.lower() in ("who", "which", "that") for t in ts)
    assert all("\n" not in t.subject.text for t in ts if t.confidence > 0.1)


@pytest.mark.model
def test_a_failing_sentence_is_warned_about_and_counted(monkeypatch, caplog):
    import kg.extract.openie as openie
    from kg.extract.pipeline import load_nlp

    real = openie.extract_sentence

    def flaky(sent, weights=None):
        if sent[0].text == "Bad":
            raise ValueError("boom")
        return real(sent, weights)

    monkeypatch.setattr(openie, "extract_sentence", flaky)
    r = openie.extract_sentences(load_nlp(), ["Bad things happen .", "Ann met Bob ."])
    assert (r.sentences, r.skipped) == (2, 1)
    assert {t.line for t in r.triples} == {2}
    assert "skipped line 1" in caplog.text


def test_sentences_and_paths_together_are_a_usage_error(sentence_file):
    r = CliRunner().invoke(cli, ["extract", "a.txt", "--sentences", str(sentence_file)])
    assert r.exit_code == 2 and "not both" in r.output
