"""Generation or scoring? Counts, per split, of gold pairs the candidate generator reaches.

For every gold pair of meetings-dev (and of an ``--extra`` directory) it counts whether the
pair is found by the rules in its sentence, whether it is among the candidate pairs of
:mod:`kg.extract.meetings.meeting_candidates` of its sentence at any score, and whether its
best candidate clears the shipped scorer's threshold; for the pairs the generator loses, the
first gate they fail, over all of them and over those the rules miss too (``--list`` prints
the latter). Only numbers are printed, so the
validation parts stay unread; the threshold and weights are the shipped ones (nothing
is fitted here).

    .venv/bin/python -P benchmarks/meeting_coverage.py [DATA_DIR] [--extra DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import meetings as mb  # noqa: E402
from _common import say  # noqa: E402

COLUMNS = ("gold", "rules", "cand", "cand>=th", "cand, rules miss", "sent has trigger")


def main(argv: list[str] | None = None) -> int:
    """Print the coverage table; exit status 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(mb.DEFAULT_DATA))
    ap.add_argument("--extra", default=None)
    ap.add_argument("--list", default=None, metavar="KIND",
                    help="print the development pairs lost at gates starting with KIND")
    ap.add_argument("--parse-cache", default=None, metavar="DIR",
                    help="keep the spaCy parses under DIR (default: $KG_PARSE_CACHE)")
    args = ap.parse_args(argv)
    from kg.extract.meetings.meeting_candidates import trigger_class
    from kg.extract.meetings.meeting_scorer import load_model, probability, sentence_candidates
    from kg.extract.meetings.meetings import find_meetings

    articles, lines, docs = gold_docs(args.data, args.extra, args.parse_cache)
    model = load_model()
    weights, threshold = model.weights, model.threshold
    counts: dict[str, Counter[str]] = {}
    for a, doc in zip(articles, docs, strict=True):
        index = doc._.kg_entities
        rules = find_meetings(doc, index, scored=False)
        sents = list(doc.sents)
        cands = sentence_candidates(doc, index, loose=model.loose)
        for gp in mb.gold_pairs(g for g in lines if g.article == a.id):
            c = Counter[str]({"gold": 1})
            # The longest sentence that matches: a lone quote mark is "in" every gold sentence.
            si = max((k for k, s in enumerate(sents) if mb.same_sentence(gp.sentence, s.text)),
                     key=lambda k: len(sents[k].text), default=None)
            if si is not None:
                names = [[index.get(k).label for k in m.participants] for m in rules
                         if m.provenance.sentence_index == si]
                c["rules"] = int(any(mb.both_on(gp.names, n) for n in names))
                probs = [probability(x.features, weights) for k, _, x in cands if k == si
                         and mb.pair_match(gp.names, tuple(index.get(p).label
                                                           for p in x.parties))]
                c["cand"] = int(bool(probs))
                c["cand>=th"] = int(bool(probs) and max(probs) >= threshold)
                c["cand, rules miss"] = int(bool(probs) and not c["rules"])
                c["sent has trigger"] = int(any(trigger_class(t.lemma_.casefold(), t.pos_)
                                                for t in sents[si]))
                if not c["cand"]:
                    why = lost_at(sents[si], gp.names, index, doc)
                    c["lost: " + why] = 1
                    if not c["rules"]:
                        c["rules miss: " + why] = 1
                    if args.list is not None and why.startswith(args.list) and not c["rules"] \
                            and not mb.is_validation(a.id):
                        say(f"[{a.id}] {why}: {' & '.join(gp.names)}\n    {sents[si].text}")
            for split in mb.splits_of(a.id):
                counts.setdefault(split, Counter()).update(c)
    say(f"{'':20}" + "".join(f"{c:>18}" for c in COLUMNS))
    for split, c in counts.items():
        say(f"{split:20}" + "".join(f"{c[k]:18d}" for k in COLUMNS))
    say("\nwhere the generator loses a gold pair (first failing gate), per split:")
    for split, c in counts.items():
        lost = sorted(((k, n) for k, n in c.items() if k.startswith("lost: ")),
                      key=lambda x: -x[1])
        say(f"{split:20} " + "; ".join(f"{k[6:]} {n}" for k, n in lost))
    # Most pairs the generator loses at the same-side gate are the rules' ("A, B and C met"):
    # what is left to find is the pairs neither reaches.
    say("\nof them, the pairs the rules miss too, per split:")
    for split, c in counts.items():
        left = sorted(((k, n) for k, n in c.items() if k.startswith("rules miss: ")),
                      key=lambda x: -x[1])
        say(f"{split:20} " + "; ".join(f"{k[12:]} {n}" for k, n in left))
    return 0


def lost_at(sent, names, index, doc) -> str:  # type: ignore[no-untyped-def]
    """The first gate of the candidate generator a gold pair of ``sent`` does not pass."""
    from kg.extract.meetings import meeting_candidates as mc
    from kg.extract.meetings import meeting_roles as mr
    from kg.extract.meetings.parties import Parties

    p = Parties(doc, index)
    mentions = mc._mentions(sent, p)
    keys = [[k for k in mentions if mb.names_match(n, index.get(k).label)] for n in names]
    if not keys[0] or not keys[1]:
        # Named in the sentence (an entity mention there) but not read as a party, or not there.
        here = {index.get(index.token_entity[t.i]).label for t in sent
                if t.i in index.token_entity}
        named = [any(mb.names_match(n, h) for h in here) for n in names]
        if all(named):
            return "party named, not read as party"
        # A gold name whose words stand in the text but make no entity is a reading miss,
        # not a reference to resolve: the two call for different work.
        unseen = [n for n, ok in zip(names, named, strict=True) if not ok]
        words = {t.text for t in sent}
        if all(any(w in words for w in n.split() if w[:1].isupper() and len(w) > 2)
               for n in unseen):
            return "party not named in sentence: its words there, no entity"
        return "party not named in sentence"
    trigs = [t for t in sent if mc.trigger_class(t.lemma_.casefold(), t.pos_)]
    if not trigs:
        return "no trigger word"
    kept = [t for t in trigs if not mc.excluded(t)]
    if not kept:
        return "trigger excluded: " + "/".join(sorted({_why_excluded(t) for t in trigs}))
    trigs = kept
    worst = "no role"
    for t in trigs:
        ra = [(mr.role_of(t, x), x) for k in keys[0] for x in mentions[k] if x.i != t.i]
        rb = [(mr.role_of(t, x), x) for k in keys[1] for x in mentions[k] if x.i != t.i]
        # A noun hanging from another verb fails a gate before the sides are read.
        ra = [r for r in ra if r[0] and not r[0].elsewhere]
        rb = [r for r in rb if r[0] and not r[0].elsewhere]
        if not ra or not rb:
            worst = _why_no_role(t, [[x for k in ks for x in mentions[k]] for ks in keys], worst)
            continue
        worst = "speaker/other side" if worst.startswith("no role") else worst
        good_a = [r for r in ra if not r[0].speaker and r[0].side != "other"]
        good_b = [r for r in rb if not r[0].speaker and r[0].side != "other"]
        if good_a and good_b:
            worst = "not linked (same side)"
    return worst


def _why_excluded(t) -> str:  # type: ignore[no-untyped-def]
    from kg.extract.meeting_words import TALK_MEDIA
    from kg.extract.meetings import meeting_candidates as mc
    from kg.extract.meetings.habitual import is_habitual
    from kg.extract.meetings.status import is_hypothetical
    from kg.extract.meetings.status_words import HYPOTHETICAL_HEADS
    from kg.extract.meetings.trigger_syntax import chain, governor, proposed

    if is_habitual(t):
        return "habitual"
    if any(g.lower_ in TALK_MEDIA for c in t.children for g in c.subtree):
        return "media"
    if any(t.doc[i].lemma_.casefold() in mc._REMOTE for i in chain(t)):
        return "remote"
    if t.pos_ in ("VERB", "AUX"):
        return "hyp verb"
    gov, _ = governor(t)
    if gov is not None and gov.lemma_.casefold() in HYPOTHETICAL_HEADS:
        return "hyp head"
    if gov is not None and is_hypothetical(gov):
        return "hyp gov"
    return "proposed" if gov is not None and proposed(t, gov) else "?"


def _why_no_role(t, toks, worst: str) -> str:  # type: ignore[no-untyped-def]
    """Path length (up + down) from the trigger to the farthest party mention, or the noun
    constraint."""
    far = max(_closest(t, side) for side in toks)
    why = "no role: noun hangs elsewhere" if far == 50 else f"no role: path {min(far, 9)}"
    return why if worst == "no role" or why < worst else worst


def _closest(t, toks) -> int:  # type: ignore[no-untyped-def]
    from kg.extract.meetings import meeting_roles as mr

    best = 99
    for x in toks:
        anc = {a.i: k for k, a in enumerate(x.ancestors, 1)}
        anc[x.i] = 0
        cur, up = t, []
        while cur.i not in anc and cur.head.i != cur.i:
            up.append(cur)
            cur = cur.head
        if cur.i not in anc:
            continue
        if t.pos_ in ("NOUN", "PROPN") and mr.noun_up(up) not in mr.NOUN_UP:
            best = min(best, 50)
        else:
            best = min(best, len(up) + anc[cur.i])
    return best


def gold_docs(data_dir: str, extra_dir: str | None, parse_cache: str | None,  # type: ignore[no-untyped-def]
              dev_only: bool = False):
    """The scored articles of meetings-dev (and of ``extra_dir``) without the seed, their gold
    lines, and their Docs through kg's components (parses from the cache when it is on);
    ``dev_only`` leaves out the validation articles and their gold lines."""
    from _parses import cache_dir, parsed_docs

    from kg.extract.pipeline import COMPONENTS, load_nlp, set_doc_context
    from kg.sources.limits import cap_sentences

    data, extra = Path(data_dir), Path(extra_dir) if extra_dir else None
    articles = [a for a in mb.load_articles(data) if a.id != mb.SEED_ID]
    articles += mb.extra_articles(extra) if extra else []
    if dev_only:
        articles = [a for a in articles if not mb.is_validation(a.id)]
    nlp = load_nlp(None)
    cache = cache_dir(parse_cache)

    def fresh():  # type: ignore[no-untyped-def]
        for a in articles:
            doc = set_doc_context(nlp.make_doc(a.text), a.id, a.published)
            cap_sentences(doc)
            yield doc

    def components(docs):  # type: ignore[no-untyped-def]
        for doc in docs:
            for name in COMPONENTS:
                doc = nlp.get_pipe(name)(doc)
            yield doc

    docs = nlp.pipe(fresh()) if cache is None else components(parsed_docs(articles, nlp, cache))
    ids = {a.id for a in articles}
    return articles, [g for g in mb.gold_lines(data, extra) if g.article in ids], docs


if __name__ == "__main__":
    sys.exit(main())
