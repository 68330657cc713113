"""Gold meeting pairs lost only to naming, by family, on the development parts.

A missed gold pair is a candidate when the extraction has a false positive in the same
sentence that matches it on one side; it is *lost to naming* when the other side names the same
participant in a form the benchmark's matcher (:func:`meetings.names_match`, which compares
labels) does not accept. Each such pair costs a miss and a false positive. Families:

* ``country form``: two forms of one country (an alias or a historical name, "Burma" and
  "Myanmar"), or a country against a group led by its demonym ("Zambian delegation");
* ``hyphen``: the label splits a hyphenated name ("Ann - Marie" for "Ann-Marie"), or joins
  two names with one ("Vos-Li talks");
* ``role's organisation``: the label is the organisation written in the person's role just
  before the gold name ("Acme chief Ann Vos"), or a title taken for an organisation;
* ``shared word``: the two forms share a word but neither holds the other;
* ``not naming``: another participant altogether, not a naming loss (``--list`` shows all).

Only development articles are read (meetings-dev 01-23 and even 24-94, and extra dev): the
validation parts are never extracted here, so not even their counts are printed.

    .venv/bin/python -P benchmarks/meeting_names.py [DATA_DIR] [--extra DIR] [--list]
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import meetings as mb  # noqa: E402  (the benchmark's own loading, scoring and name matching)
import meetings_extra as mx  # noqa: E402

from kg.extract.gazetteer import country_of  # noqa: E402

FAMILIES = ("country form", "hyphen", "role's organisation", "shared word", "not naming")


def family(gold: str, predicted: str, sentence: str = "") -> str:
    """The family of a mismatch between a gold name and a predicted label in ``sentence``.

    >>> family("Burma", "Myanmar"), family("Ann-Marie Vos", "Ann - Marie Vos")
    ('country form', 'hyphen')
    >>> family("Ann Vos", "Acme", "Acme chief Ann Vos met Bo Li."), family("Vos", "Anne Voss")
    ("role's organisation", 'not naming')
    """
    gc = country_of(gold)
    pc = country_of(predicted) or country_of(predicted.split()[0])
    if gc is not None and gc == pc:
        return "country form"
    parts = predicted.replace(" - ", "-").split("-")
    if " - " in predicted and mb.names_match(gold, predicted.replace(" - ", "-")) or \
            len(parts) > 1 and any(mb.names_match(gold, part) for part in parts):
        return "hyphen"
    text = " ".join(sentence.split()).casefold()
    at = text.find(gold.casefold())
    if at > 0 and predicted.casefold() in text[max(0, at - 60):at]:
        return "role's organisation"  # "Acme chief Ann Vos": Acme taken for her
    if mb.name_words(gold) & mb.name_words(predicted):
        return "shared word"
    return "not naming"


def naming_losses(lines: list[mb.GoldLine], pred: list[mb.PairRecord]
                  ) -> list[tuple[str, str, str, str]]:
    """(article, gold name, predicted label, sentence) of each missed gold pair of one article
    with a false positive of the same sentence that matches it on one side; its family says
    whether the other side is a naming difference or another participant."""
    out = []
    o = mb.score_article(lines, pred)
    for gl in o.misses:
        g = gl[0]
        found = []
        for pl in o.false_positives:
            p = pl[0]
            if not mb.same_sentence(g.sentence, p.sentence):
                continue
            for i, j in ((0, 0), (0, 1), (1, 0), (1, 1)):
                if mb.names_match(g.names[i], p.names[j]):
                    found.append((g.article, g.names[1 - i], p.names[1 - j], g.sentence))
        found.sort(key=lambda loss: family(loss[1], loss[2], loss[3]) == "not naming")
        out.extend(found[:1])
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the count of each family per development split; exit status 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(mb.DEFAULT_DATA), help="meetings-dev directory")
    ap.add_argument("--extra", default=None, help="the extra set's directory (extra dev only)")
    ap.add_argument("--list", action="store_true", help="list every loss (development only)")
    ap.add_argument("--model", default=None, help="spaCy pipeline name or path")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    from kg.extract.pipeline import load_nlp
    from kg.ingest.build import extract_articles

    data = Path(args.data)
    extra = Path(args.extra) if args.extra else None
    articles = [a for a in mb.load_articles(data) + (mb.extra_articles(extra) if extra else [])
                if {mb.DEV, mx.EXTRA_DEV} & set(mb.splits_of(a.id))]
    assert not any(mb.is_validation(a.id) for a in articles)
    pred = mb.predicted_direct(extract_articles(articles, load_nlp(args.model)))
    ids = {a.id for a in articles}
    lines = [g for g in mb.gold_lines(data, extra) if g.article in ids]
    counts: dict[str, Counter[str]] = {mb.DEV: Counter(), mx.EXTRA_DEV: Counter()}
    listed = []
    for art in sorted(ids):
        losses = naming_losses([g for g in lines if g.article == art],
                               [p for p in pred if p.article == art])
        split = mx.EXTRA_DEV if mx.split_of(art) else mb.DEV
        for loss in losses:
            counts[split][family(loss[1], loss[2], loss[3])] += 1
            listed.append(loss)
    out = sys.stdout
    out.write(f"{'gold pairs lost to naming':28}" + "".join(f"{f:>24}" for f in FAMILIES) + "\n")
    for split, c in counts.items():
        out.write(f"{split:28}" + "".join(f"{c[f]:24d}" for f in FAMILIES) + "\n")
    if args.list:
        for art, g, p, sentence in listed:
            out.write(f"[{art}] {family(g, p, sentence)}: gold {g!r} predicted {p!r}\n"
                      f"    {sentence}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
