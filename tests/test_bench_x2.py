"""The x2 set keeps gold as offsets: pack then build gives back the annotator's lines."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

_PATH = list(sys.path)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import meetings_x2  # noqa: E402

sys.path[:] = _PATH

BODY = ("Foreign Minister Anna Moravec met\nPeter Novak in Prague on Tuesday.\n"
        "    She will see Paul Keller next week.\n")


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    rows = [{"id": "reuters-12", "title": "MORAVEC MEETS NOVAK", "published": "1987-03-04T10:00:00",
             "dateline": "PRAGUE, March 4 -", "text": BODY},
            {"id": "reuters-13", "title": "NOTHING", "published": "1987-03-04T11:00:00",
             "text": "Prices rose.\n"}]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in rows)
    return path


def test_pack_then_build_round_trips(tmp_path, corpus, monkeypatch):
    store = tmp_path / "set.json"
    store.write_text(json.dumps({"corpus": "test corpus", "articles": ["12", "13"]}))
    monkeypatch.setattr(meetings_x2, "SET", store)
    annot = tmp_path / "a1"
    annot.mkdir()
    lines = [{"article": "12", "sentence": "Foreign Minister Anna Moravec met Peter Novak in "
              "Prague on Tuesday.", "participants": ["Anna Moravec", "Peter Novak"],
              "place": "Prague", "time": "Tuesday", "status": "happened"},
             {"article": "12", "sentence": "She will see Paul Keller next week.",
              "participants": ["Anna Moravec", "Paul Keller"], "place": None,
              "time": "next week", "status": "planned"}]
    (annot / "gold.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines))
    (annot / "DONE.txt").write_text("12\t2\n13\t0\n")
    assert meetings_x2.pack(annot, "a1", corpus) == 2
    stored = json.loads(store.read_text())
    first = stored["lines"]["a1"][0]
    assert (first["start"], first["end"]) == (21, 88)  # after the title and its blank line
    assert all("sentence" not in line for line in stored["lines"]["a1"])  # no text kept
    out = tmp_path / "built"
    assert meetings_x2.build(out, "a1", corpus) == 2
    rebuilt = [json.loads(x) for x in (out / "gold.jsonl").read_text().splitlines()]
    assert rebuilt == lines
    assert (out / "DONE.txt").read_text() == "12\t2\n13\t0\n"
    assert (out / "articles" / "12.txt").read_text().startswith("MORAVEC MEETS NOVAK\n\n")


def test_pack_refuses_a_sentence_not_in_the_story(tmp_path, corpus, monkeypatch):
    store = tmp_path / "set.json"
    store.write_text(json.dumps({"corpus": "test corpus", "articles": ["12"]}))
    monkeypatch.setattr(meetings_x2, "SET", store)
    annot = tmp_path / "a2"
    annot.mkdir()
    (annot / "gold.jsonl").write_text(json.dumps(
        {"article": "12", "sentence": "Novak met Keller.", "participants": ["Peter Novak", "Paul Keller"],
         "place": None, "time": None, "status": "happened"}) + "\n")
    (annot / "DONE.txt").write_text("12\t1\n")
    with pytest.raises(SystemExit, match="not in its story"):
        meetings_x2.pack(annot, "a2", corpus)
    assert "lines" not in json.loads(store.read_text())  # nothing half-written


def test_a_second_batch_joins_the_first(tmp_path, corpus, monkeypatch):
    store = tmp_path / "set.json"
    store.write_text(json.dumps({"corpus": "test corpus", "articles": ["12", "13"]}))
    monkeypatch.setattr(meetings_x2, "SET", store)
    first, second = tmp_path / "b1", tmp_path / "b2"
    for d in (first, second):
        d.mkdir()
    (first / "gold.jsonl").write_text(json.dumps(
        {"article": "12", "sentence": "She will see Paul Keller next week.",
         "participants": ["Anna Moravec", "Paul Keller"], "place": None, "time": "next week",
         "status": "planned"}) + "\n")
    (first / "DONE.txt").write_text("12\t1\n")
    (first / "adjudication.jsonl").write_text(json.dumps(
        {"article": "12", "kind": "sentence", "first": "She will see Paul Keller next week.",
         "second": None, "decision": "She will see Paul Keller next week.", "reason": "r"}) + "\n")
    (second / "gold.jsonl").write_text("")
    (second / "DONE.txt").write_text("13\t0\n")
    meetings_x2.pack(first, "gold", corpus)
    meetings_x2.pack(second, "gold", corpus)
    stored = json.loads(store.read_text())
    assert stored["done"]["gold"] == ["12", "13"]
    assert [x["article"] for x in stored["lines"]["gold"]] == ["12"]
    decision = stored["adjudication"][0]
    assert decision["first"] == decision["decision"] and isinstance(decision["first"], list)
    assert decision["second"] is None


def test_build_writes_the_default_batches_only(tmp_path, corpus, monkeypatch):
    store = tmp_path / "set.json"
    store.write_text(json.dumps({"corpus": "test corpus", "articles": ["12", "13"],
                                 "batches": {"1": ["12"], "2": ["13"]},
                                 "default_batches": ["2"]}))
    monkeypatch.setattr(meetings_x2, "SET", store)
    annot = tmp_path / "a1"
    annot.mkdir()
    (annot / "gold.jsonl").write_text(json.dumps(
        {"article": "12", "sentence": "She will see Paul Keller next week.",
         "participants": ["Anna Moravec", "Paul Keller"], "place": None, "time": "next week",
         "status": "planned"}) + "\n")
    (annot / "DONE.txt").write_text("12\t1\n13\t0\n")
    meetings_x2.pack(annot, "gold", corpus)
    assert meetings_x2.build(tmp_path / "default", "gold", corpus) == 1
    assert (tmp_path / "default" / "gold.jsonl").read_text() == ""  # batch 2's story has none
    assert meetings_x2.build(tmp_path / "all", "gold", corpus, ["1", "2"]) == 2
    assert len((tmp_path / "all" / "gold.jsonl").read_text().splitlines()) == 1
    data = json.loads(store.read_text())
    store.write_text(json.dumps({**data, "read_by_developers": ["12"]}))
    assert meetings_x2.build(tmp_path / "read", "gold", corpus, ["1", "2"]) == 2
    assert meetings_x2.build(tmp_path / "unread", "gold", corpus, ["1", "2"], unread=True) == 1
    assert (tmp_path / "unread" / "DONE.txt").read_text() == "13\t0\n"
    store.write_text(json.dumps({**data, "excluded": ["13"]}))
    assert meetings_x2.build(tmp_path / "kept", "gold", corpus, ["1", "2"]) == 1
