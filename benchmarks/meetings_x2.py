"""The x2 meetings set: Reuters stories annotated blind, kept in the repo as offsets, no text.

``benchmarks/data/meetings-x2.json`` holds which Reuters-21578 stories were annotated, every gold
line as character offsets into the story (``TITLE``, a blank line, ``BODY``, the meetings-dev
form) with participants, place, time and status, each annotator's own lines the same way, and
the adjudication of their disagreements. No article text is stored: ``build`` writes a
directory in the meetings-dev format (``articles/``, ``gold.jsonl``, ``DONE.txt``) from the
corpus, which ``meetings.py --extra DIR`` and the other benchmarks read (NEWID % 3 == 0 is the
validation part; see ``meetings_extra.py``). ``pack`` turns an annotator's directory of that
format back into offsets.

    .venv/bin/python -P benchmarks/meetings_x2.py build OUT [--corpus PATH] [--lines gold|a1|a2]
        [--batch N ...] [--unread]
    .venv/bin/python -P benchmarks/meetings_x2.py pack DIR --lines gold|a1|a2 [--corpus PATH]

>>> text = "TALKS\\n\\nPeter Novak met\\nPaul Keller  on Monday. Then he left."
>>> span = locate(text, "Peter Novak met Paul Keller on Monday.")
>>> span, collapsed(text[span[0]:span[1]])
((7, 46), 'Peter Novak met Paul Keller on Monday.')
>>> locate(text, "Anna Moravec met") is None
True
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DEFAULT_CORPUS, say  # noqa: E402

__all__ = ["SET", "build", "collapsed", "locate", "pack", "story_text"]

SET = Path(__file__).resolve().parent / "data" / "meetings-x2.json"
KEYS = ("participants", "place", "time", "status")


def collapsed(text: str) -> str:
    """Whitespace runs as one space, as the guide writes a gold sentence."""
    return " ".join(text.split())


def locate(text: str, sentence: str) -> tuple[int, int] | None:
    """Offsets in ``text`` of a whitespace-collapsed ``sentence``, None if it is not there."""
    words = sentence.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def story_text(record: dict) -> str:
    """A corpus record as meetings-dev writes a Reuters article: title, blank line, body."""
    return f"{record['title']}\n\n{record['text']}"


def stories(corpus: Path, newids: set[int]) -> dict[int, dict]:
    """The corpus records of ``newids``, by NEWID."""
    out: dict[int, dict] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            newid = int(record["id"].split("-")[1])
            if newid in newids:
                out[newid] = record
    return out


def pack(directory: Path, which: str, corpus: Path) -> int:
    """Store ``directory``'s lines (meetings-dev format) as ``which``; lines stored.

    Lines of stories the directory does not list in its ``DONE.txt`` stay as they were, so a
    second batch annotated in another directory joins the first. A gold directory's
    ``adjudication.jsonl`` (its decisions) joins the set the same way, sentences as offsets.
    """
    data = json.loads(SET.read_text(encoding="utf-8"))
    done = [line.split("\t")[0].strip()
            for line in (directory / "DONE.txt").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    texts = {n: story_text(r) for n, r in stories(corpus, {int(x) for x in done}).items()}

    def offsets(article: str, sentence: str) -> tuple[int, int]:
        span = locate(texts[int(article)], sentence)
        if span is None:
            raise SystemExit(f"meetings_x2: a sentence of {article} is not in its story")
        return span

    lines = []
    for row in _rows(directory / "gold.jsonl"):
        if str(row["article"]) in done:
            start, end = offsets(str(row["article"]), row["sentence"])
            lines.append({"article": str(row["article"]), "start": start, "end": end,
                          **{k: row[k] for k in KEYS}})
    decisions = []
    for row in _rows(directory / "adjudication.jsonl"):
        if str(row["article"]) in done and which == "gold":
            # The set keeps no story text: a reason's long quotation of the story is elided.
            row["reason"] = re.sub(r'"[^"]{40,}"', '"…"', str(row.get("reason", "")))
            if row["decision"] in ("first", "second"):  # an adjudicator may name the side
                row["decision"] = row[row["decision"]]
            for side in ("first", "second", "decision"):
                if row["kind"] == "sentence" and isinstance(row[side], str):
                    row[side] = list(offsets(str(row["article"]), row[side]))
            decisions.append(row)
    order = {a: i for i, a in enumerate(data["articles"])}
    kept = [x for x in data.setdefault("lines", {}).get(which, []) if x["article"] not in done]
    data["lines"][which] = sorted(kept + lines, key=lambda x: (order[x["article"]], x["start"]))
    before = data.setdefault("done", {}).get(which, [])
    data["done"][which] = sorted(set(before) | set(done), key=order.__getitem__)
    if which == "gold":
        kept_d = [x for x in data.get("adjudication", []) if x["article"] not in done]
        data["adjudication"] = kept_d + decisions
    SET.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(lines)


def _rows(path: Path) -> list[dict]:
    """The JSON lines of ``path``; none if it does not exist."""
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def build(out: Path, which: str, corpus: Path, batches: list[str] | None = None,
          unread: bool = False) -> int:
    """Write the set in the meetings-dev format under ``out`` with ``which`` lines, the
    stories of ``batches`` only (default: the set's ``default_batches``), none of ``excluded``
    and, if ``unread``, none of ``read_by_developers``; articles."""
    data = json.loads(SET.read_text(encoding="utf-8"))
    wanted = batches or data.get("default_batches") or list(data.get("batches", {}))
    chosen = {a for b in wanted for a in data["batches"][b]} if "batches" in data else None
    # A story whose reading prompted a rule is no unseen news; stories developers only read in
    # audits stay unless asked (leaving them out biases the rest: audits list kg's meetings).
    out_ = set(data.get("excluded", [])) | (set(data.get("read_by_developers", [])) if unread
                                            else set())
    done = [a for a in data["done"][which] if (chosen is None or a in chosen) and a not in out_]
    records = stories(corpus, {int(x) for x in done})
    (out / "articles").mkdir(parents=True, exist_ok=True)
    for newid in done:
        record = records[int(newid)]
        (out / "articles" / f"{newid}.txt").write_text(story_text(record), encoding="utf-8")
        meta = {"source": data["corpus"], "id": record["id"], "date": record["published"],
                "dateline": record.get("dateline"), "newid": int(newid)}
        (out / "articles" / f"{newid}.meta.json").write_text(json.dumps(meta, indent=1))
    counts: dict[str, int] = {}
    with open(out / "gold.jsonl", "w", encoding="utf-8") as fh:
        for line in data["lines"][which]:
            if line["article"] not in done:
                continue
            text = story_text(records[int(line["article"])])
            row = {"article": line["article"],
                   "sentence": collapsed(text[line["start"]:line["end"]]),
                   **{k: line[k] for k in KEYS}}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            counts[line["article"]] = counts.get(line["article"], 0) + 1
    (out / "DONE.txt").write_text("".join(f"{n}\t{counts.get(n, 0)}\n" for n in done))
    return len(done)


def main(argv: list[str] | None = None) -> int:
    """Run ``build`` or ``pack``; exit status 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("build", "pack"))
    ap.add_argument("path", help="build: the directory to write; pack: the annotator's one")
    ap.add_argument("--lines", default="gold", choices=("gold", "a1", "a2"))
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--batch", action="append", default=None,
                    help="build: only this batch (repeat; default: the set's default_batches)")
    ap.add_argument("--unread", action="store_true",
                    help="build: leave out the stories developers read in audits as well")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if args.command == "pack":
        say(f"{pack(Path(args.path), args.lines, corpus)} lines stored as {args.lines}")
    else:
        n = build(Path(args.path), args.lines, corpus, args.batch, args.unread)
        say(f"{n} articles written to {args.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
