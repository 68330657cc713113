"""What stands for the missing party: kinds of the gold pairs lost as "party not named".

For every gold pair that the rules miss and that ``meeting_coverage.lost_at`` files under
"party not named in sentence", it reads the annotators' sentence around each meeting word and
assigns the first kind that fits: a country's group ("the Valorian delegation"), a pronoun
in a party slot that kg left unresolved or gave to another party, a plural reference ("the
two sides", "both"), a group noun whose members the story names elsewhere ("EC ministers",
"producing countries"), a singular description ("the company"), the meeting noun alone ("the
talks", told earlier), a place or "here" standing for a side, no meeting word in the
sentence (the annotators' sentence is not the one that tells the meeting), or other. It
also counts where the story names the missing party (before, after, nowhere as an entity).
Counts per split only, so the validation parts stay unread; ``--show`` prints development
cases.

    .venv/bin/python -P benchmarks/meeting_party_kinds.py [DATA_DIR] [--extra DIR] [--show]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import meeting_coverage as cov  # noqa: E402
import meetings as mb  # noqa: E402
from _common import say  # noqa: E402

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "him", "them", "his", "its", "their",
                      "our", "her", "us", "i", "my"})
PLURAL_REFS = frozenset({"two", "both", "three", "sides", "parties", "pair", "rivals"})
DESCRIPTIONS = frozenset(
    {"company", "bank", "firm", "group", "minister", "secretary", "government", "union",
     "president", "chairman", "committee", "administration", "delegation", "team", "board",
     "agency", "ministry", "corporation", "concern", "country", "premier", "envoy",
     "ambassador", "official", "council", "fund", "organisation", "organization", "office"})
GROUP_NOUNS = frozenset(
    {"ministers", "producers", "countries", "nations", "members", "delegates", "negotiators",
     "governors", "leaders", "officials", "consortia", "banks", "creditors", "lenders",
     "delegations", "governments", "states", "exporters", "importers", "consumers",
     "bankers", "representatives", "workers", "employers", "executives", "experts",
     "lawmakers", "partners", "companies", "firms", "unions"})
MEETING_NOUNS = frozenset({"talks", "meeting", "meetings", "negotiations", "negotiation",
                           "conference", "session", "summit", "discussions", "consultations",
                           "round", "gathering", "contacts"})
_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent", "pobj", "prep", "attr",
                   "dative"})


def case_args(doc: str, argv: list[str] | None) -> argparse.Namespace:
    """The arguments of a script that counts development cases of meetings-dev (and an extra
    directory), with ``--show`` to print them."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(mb.DEFAULT_DATA))
    ap.add_argument("--extra", default=None)
    ap.add_argument("--show", action="store_true", help="print the development cases")
    ap.add_argument("--parse-cache", default=None, metavar="DIR")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Print the kinds per split; exit status 0."""
    args = case_args(__doc__, argv)
    from kg.extract.meetings.meetings import find_meetings

    articles, lines, docs = cov.gold_docs(args.data, args.extra, args.parse_cache)
    pairs: dict[str, Counter[str]] = {}
    sentences: dict[str, Counter[str]] = {}
    seen: set[tuple[str, int]] = set()
    for a, doc in zip(articles, docs, strict=True):
        index = doc._.kg_entities
        rules = find_meetings(doc, index, scored=False)
        sents = list(doc.sents)
        for gp in mb.gold_pairs(g for g in lines if g.article == a.id):
            si = max((k for k, s in enumerate(sents) if mb.same_sentence(gp.sentence, s.text)),
                     key=lambda k: len(sents[k].text), default=None)
            if si is None or any(mb.both_on(gp.names, [index.get(k).label for k in m.participants])
                                 for m in rules if m.provenance.sentence_index == si):
                continue
            sent = sents[si]
            why = cov.lost_at(sent, gp.names, index, doc)
            if not why.startswith("party not named"):
                continue
            here = {index.get(index.token_entity[t.i]).label for t in sent
                    if t.i in index.token_entity}
            missing = [n for n in gp.names if not any(mb.names_match(n, h) for h in here)]
            kind = ("its words there, no entity" if why.endswith("no entity")
                    else kind_of(sent, missing, index))
            where = _where(doc, sent, missing, index)
            for split in mb.splits_of(a.id):
                pairs.setdefault(split, Counter()).update([kind, "named " + where])
                if (a.id, si) not in seen:
                    sentences.setdefault(split, Counter())[kind] += 1
            seen.add((a.id, si))
            if args.show and not mb.is_validation(a.id):
                say(f"[{a.id}] {kind} | named {where} | {' & '.join(gp.names)} "
                    f"(missing {', '.join(missing)})\n    {sent.text.strip()}")
    for split, c in pairs.items():
        total = sum(n for k, n in c.items() if not k.startswith("named "))
        say(f"\n{split}: {total} pairs (kind: pairs / sentences)")
        for k, n in c.most_common():
            say(f"  {n:5d} / {sentences[split].get(k, '-')!s:>3}  {k}")
    return 0


def kind_of(sent, missing: list[str], index) -> str:  # type: ignore[no-untyped-def]
    """The first kind of stand-in for ``missing`` found around the sentence's meeting words."""
    from kg.extract.meetings.meeting_candidates import trigger_class

    trigs = [t for t in sent if trigger_class(t.lemma_.casefold(), t.pos_)]
    if not trigs or sum(not t.is_punct for t in sent) < 4:
        return "no meeting word in the sentence"
    near = sorted(set().union(*(_around(t) for t in trigs)))
    toks = [sent.doc[i] for i in near]
    heads = set().union(*(_governors(t) for t in trigs))
    for x in toks:
        e = index.get(index.token_entity[x.i]) if x.i in index.token_entity else None
        if e is not None and e.country and any(
                mb.names_match(m, e.country.split(":", 1)[-1]) for m in missing):
            return "a country's group (the Valorian delegation)"
    for x in toks:
        if x.lower_ in PRONOUNS and x.tag_ in ("PRP", "PRP$") and x.head.i in heads \
                and x.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "pobj", "agent"):
            e = index.get(index.token_entity[x.i]) if x.i in index.token_entity else None
            if e is None or not any(mb.names_match(m, e.label) for m in missing):
                return "pronoun, unresolved or another party's"
    if any(x.lower_ in PLURAL_REFS and (x.lower_ not in ("two", "three", "both")
                                         or x.head.tag_ == "NNS" or x.dep_ == "nsubj")
           for x in toks):
        return "plural reference (the two sides, both)"
    if any(x.lower_ in GROUP_NOUNS and x.tag_ == "NNS" for x in toks):
        return "group noun, members named elsewhere"
    if any(x.lemma_.casefold() in DESCRIPTIONS and x.tag_ == "NN" and x.i not in index.token_entity
           and any(c.lower_ in ("the", "his", "her", "its", "their", "this") or c.dep_ == "poss"
                   for c in x.children) for x in toks):
        return "description (the company, his office)"
    if any(t.lower_ in MEETING_NOUNS and any(c.dep_ in ("det", "poss") and c.lower_ in (
            "the", "these", "those", "this", "that") for c in t.children)
           and not any(x.i in index.token_entity for x in t.subtree) for t in trigs):
        return "the meeting noun alone (told earlier)"
    if any(x.ent_type_ in ("GPE", "LOC") or x.lower_ == "here" for x in toks):
        return "a place or 'here' for a side"
    return "other"


def _governors(t) -> set[int]:  # type: ignore[no-untyped-def]
    """``t`` and its heads up to the first verb (at most three steps)."""
    out, cur = {t.i}, t
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.add(cur.i)
        if cur.pos_ in ("VERB", "AUX"):
            break
    return out


def _around(t) -> set[int]:  # type: ignore[no-untyped-def]
    """A meeting word's subtree and the arguments of its governors up to the first verb."""
    out = {x.i for x in t.subtree}
    cur = t
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.add(cur.i)
        for c in cur.children:
            if c.dep_ in _ARGS:
                out.update(x.i for x in c.subtree)
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("xcomp", "advcl", "prep", "pcomp"):
            break
    return out


def _where(doc, sent, missing: list[str], index) -> str:  # type: ignore[no-untyped-def]
    """Where the story names the missing parties as entities: earlier, later, or not at all."""
    def labels(toks) -> set[str]:  # type: ignore[no-untyped-def]
        return {index.get(index.token_entity[t.i]).label for t in toks
                if t.i in index.token_entity}

    before, after = labels(doc[: sent.start]), labels(doc[sent.end:])
    if all(any(mb.names_match(n, h) for h in before) for n in missing):
        return "earlier"
    if all(any(mb.names_match(n, h) for h in before | after) for n in missing):
        return "later"
    return "nowhere as an entity"


if __name__ == "__main__":
    sys.exit(main())
