"""A group's meeting and the members its story names: are those members the meeting's pairs?

For every development sentence (meetings-dev development half; with ``--extra`` the extra
dev stories) where a meeting word has near it (its subtree, or the arguments of its governors
up to the first verb) a region or body of ``kg/data/country_groups.tsv`` ("the Group of Five
talks", "EC finance ministers meet", "OPEC's conference"), it makes candidate pairs from the
members the story names anywhere: the member countries, the people whose country (from
their office or nationality) is a member, and the body itself with each of them. Each
candidate is judged against the article's gold like a predicted pair (a gold pair, of the
group's sentence or of another; neutral; wrong) and counted by kind, by the kind of group
(a body or a region), by how the group stands in the sentence (as the body itself, or as a
plural of its members' officials, "EC ministers"), and by where its members are named. Pairs
kg already predicts are counted apart. Development stories only: validation articles are
never read. ``--show`` prints the development sentences and their candidates.

    .venv/bin/python -P benchmarks/meeting_group_members.py [DATA_DIR] [--extra DIR] [--show]
"""

from __future__ import annotations

import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import meeting_coverage as cov  # noqa: E402
import meetings as mb  # noqa: E402
from _common import say  # noqa: E402
from meeting_party_kinds import _around, case_args  # noqa: E402

#: Names of bodies (the rest of the table are regions: Europe, Asia, ...).
BODIES = frozenset({"european community", "european union", "group of five", "group of seven",
                    "group of eight", "group of ten", "opec", "asean", "nato", "arab league",
                    "gulf"})
#: Plural nouns that stand for a body's members or their officials.
MEMBER_NOUNS = frozenset({"minister", "leader", "official", "delegate", "delegation",
                          "governor", "banker", "member", "country", "nation", "state",
                          "government", "producer", "exporter", "negotiator", "representative",
                          "partner", "envoy", "ambassador", "secretary", "head", "expert",
                          "chief", "president", "premier"})


def canonical() -> dict[str, str]:
    """Lower-cased alias -> the lower-cased first column of country_groups.tsv."""
    path = ROOT / "kg" / "data" / "country_groups.tsv"
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases = (line.split("\t") + [""])[:2]
        for alias in [name, *aliases.split(";")]:
            if alias.strip():
                out[" ".join(w for w in alias.strip().casefold().split() if w != "the")] = \
                    name.casefold()
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the counts; exit status 0."""
    args = case_args(__doc__, argv)
    from kg.extract import extract
    from kg.extract.entities.groups import members_of
    from kg.extract.entities.portfolios import offices
    from kg.extract.meetings.meeting_candidates import trigger_class
    from kg.model import EntityType

    names = canonical()
    articles, lines, docs = cov.gold_docs(args.data, args.extra, args.parse_cache, dev_only=True)
    counts: dict[str, Counter[str]] = {}
    stories: dict[str, set[str]] = {}
    groups: dict[str, set[tuple[str, int]]] = {}
    for a, doc in zip(articles, docs, strict=True):
        index = doc._.kg_entities
        gold = [g for g in lines if g.article == a.id]
        pred = mb.predicted_direct([extract(doc, a)])
        held = offices(doc, index)
        seen: set[frozenset[str]] = set()
        for si, sent in enumerate(doc.sents):
            trigs = [t for t in sent if trigger_class(t.lemma_.casefold(), t.pos_)]
            if not trigs:
                continue
            near = sorted(set().union(*(_around(t) for t in trigs)))
            for group in _groups([doc[i] for i in near], index, names, members_of):
                label, key, members, family, stance, gtok = group
                slot = "a party" if any(_party_of(gtok, t) for t in trigs) else "near"
                found = _members(index, held, members, key, EntityType)
                cands = _pairs(found, key)
                for split in set(mb.splits_of(a.id)) & {mb.DEV, mb.mx.EXTRA_DEV}:
                    groups.setdefault(split, set()).add((a.id, si))
                for (x, y), kind in cands:
                    pair = frozenset((x, y))
                    if pair in seen:
                        continue
                    seen.add(pair)
                    lx, ly = index.get(x).label, index.get(y).label
                    where = _where(doc, sent, [k for k in (x, y) if k != key], index)
                    gap = _gap(index, si, [k for k in (x, y) if k != key])
                    strict = family == "body" and slot == "a party" and gap <= 2
                    placed = any(_place_only(doc, index.get(k)) for k in (x, y) if k != key)
                    verdict = _verdict((lx, ly), gold, sent.text)
                    has = any(mb.pair_match((lx, ly), p.names) for p in pred)
                    tags = [f"kind {kind}", f"{family}: {kind}", f"{stance}: {kind}",
                            f"members {where}: {kind}", f"group {slot}: {kind}",
                            f"members within 2 sentences: {kind}" if gap <= 2 else
                            f"members farther: {kind}"]
                    tags += [f"STRICT body, a party, within 2: {kind}"] if strict else []
                    tags += [] if placed else [f"no member named only as a place: {kind}"]
                    tags += [f"STRICT, no place-only member: {kind}"] if strict and not placed \
                        else []
                    for split in set(mb.splits_of(a.id)) & {mb.DEV, mb.mx.EXTRA_DEV}:
                        c = counts.setdefault(split, Counter())
                        for tag in tags:
                            c[(tag, "all", verdict)] += 1
                            if not has:
                                c[(tag, "new", verdict)] += 1
                            if verdict.startswith("gold"):
                                stories.setdefault(f"{split}|{tag}", set()).add(a.id)
                    if args.show:
                        say(f"[{a.id}:{si}] {label} ({family}, {stance}, {slot}, gap {gap}) "
                            f"{kind} {where} | "
                            f"{lx} & {ly} -> {verdict}{' (kg has it)' if has else ''}")
                if args.show and cands:
                    say(f"    {sent.text.strip()[:300]}")
    for split, c in sorted(counts.items()):
        found = groups.get(split, set())
        say(f"\n{split}: {len(found)} sentences in {len({a for a, _ in found})} stories with a "
            "group by a meeting word; candidate pairs by kind (all / not predicted by kg)")
        say(f"  {'':44s} {'gold=':>6s} {'gold~':>6s} {'neut':>5s} {'wrong':>6s} {'P':>6s}"
            f" {'stories':>7s} | new: {'gold=':>5s} {'gold~':>5s} {'neut':>5s} {'wrong':>5s}")
        tags = sorted({t for t, _, _ in c})
        for tag in tags:
            row = [c[(tag, "all", v)] for v in VERDICTS]
            new = [c[(tag, "new", v)] for v in VERDICTS]
            right, wrong = row[0] + row[1], row[3]
            p = f"{right / (right + wrong):.3f}" if right + wrong else "-"
            say(f"  {tag:44s} {row[0]:6d} {row[1]:6d} {row[2]:5d} {row[3]:6d} {p:>6s}"
                f" {len(stories.get(f'{split}|{tag}', ())):7d} | new: "
                + " ".join(f"{n:5d}" for n in new))
    say("(gold= a gold pair of the group's sentence; gold~ a gold pair of another sentence; "
        "P = gold / (gold + wrong); stories: with a gold candidate)")
    return 0


VERDICTS = ("gold, its sentence", "gold, another sentence", "neutral", "wrong")


def _groups(toks, index, names, members_of):  # type: ignore[no-untyped-def]
    """(label, entity key or None, member keys, body/region, stance) of each group named
    among ``toks``: an entity whose name or alias is a group, or words that are one."""
    out, done = [], set()
    for t in toks:
        keys = index.keys_of(t)
        for k in keys:
            e = index.get(k)
            if e is None or k in done:
                continue
            for name in (e.label, *e.aliases):
                members = members_of(name)
                if members is not None:
                    done.add(k)
                    out.append((e.label, k, members, _family(name, names), _stance(t), t))
                    break
        if keys:
            continue
        for n in range(4, 0, -1):
            span = t.doc[t.i : t.i + n]
            if span.end > t.sent.end or span.text.casefold() in done:
                continue
            members = members_of(span.text)
            if members is not None and span.text[:1].isupper():
                done.add(span.text.casefold())
                out.append((span.text, None, members, _family(span.text, names), _stance(t),
                            t))
                break
    return out


def _family(name: str, names: dict[str, str]) -> str:
    low = " ".join(w for w in name.casefold().split() if w != "the")
    return "body" if names.get(low) in BODIES else "region"


def _stance(t) -> str:  # type: ignore[no-untyped-def]
    """How the group's word stands: as the party itself, or modifying a plural of members."""
    head = t
    while head.dep_ in ("compound", "amod", "nmod", "poss", "pobj", "prep", "det") \
            and head.head.i != head.i and head.tag_ != "NNS":
        head = head.head
        if head.tag_ == "NNS" and head.lemma_.casefold() in MEMBER_NOUNS:
            return "officials plural"
    return "the group itself"


#: Arcs by which a group, or the plural of its officials, is a meeting word's party.
_PARTY_ARCS = frozenset({"poss", "compound", "nmod", "amod", "nsubj", "nsubjpass", "dobj",
                         "pobj", "prep", "conj", "appos"})


def _party_of(g, trig) -> bool:  # type: ignore[no-untyped-def]
    """Whether group token ``g`` (or the plural noun it modifies) reaches meeting word
    ``trig`` in at most three party arcs ("the G7 meeting", "a meeting of EC ministers",
    "EC ministers meet", "talks with OPEC")."""
    cur = g
    for _ in range(4):
        if cur.i == trig.i:
            return True
        if cur.dep_ not in _PARTY_ARCS or cur.head.i == cur.i:
            return False
        cur = cur.head
    return cur.i == trig.i


#: Prepositions whose object is a place ("meet in Belgium", "flew to Japan").
_PLACE_PREPS = frozenset({"in", "at", "to", "into", "from", "across", "throughout", "near",
                          "outside", "inside", "within", "around"})


def _place_only(doc, e) -> bool:  # type: ignore[no-untyped-def]
    """Whether every mention of country entity ``e`` is a preposition's place."""
    if e is None or e.type.value != "country":
        return False
    for m in e.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        while root.dep_ == "compound" and root.head.i != root.i:
            root = root.head
        if not (root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS):
            return False
    return True


def _gap(index, si: int, keys) -> int:  # type: ignore[no-untyped-def]
    """Sentences between the group's sentence and the farthest of ``keys``' nearest mentions."""
    out = 0
    for k in keys:
        e = index.get(k)
        dists = [abs(m.sentence_index - si) for m in e.mentions] if e is not None else []
        out = max(out, min(dists, default=99))
    return out


def _members(index, held, members, key, EntityType):  # type: ignore[no-untyped-def]
    """The story's named members: countries, and people whose country is a member."""
    out = []
    for e in index.entities:
        if e.key == key:
            continue
        if e.type is EntityType.COUNTRY and e.key in members:
            out.append((e.key, "country", e.key))
        elif e.type is EntityType.PERSON:
            country = held[e.key][1] if e.key in held else e.country
            if country in members:
                out.append((e.key, "person", country))
        elif e.type is EntityType.GROUP and e.country in members:
            out.append((e.key, "country", e.country))
    return out


def _pairs(found, key):  # type: ignore[no-untyped-def]
    """Candidate pairs and their kinds: the body with each member, members with each other
    (a person not with his own country)."""
    out = []
    if key is not None:
        out += [((key, k), f"body x {kind}") for k, kind, _ in found]
    for (k1, kind1, c1), (k2, kind2, c2) in combinations(found, 2):
        if {kind1, kind2} == {"person", "country"} and c1 == c2:
            continue
        kinds = sorted((kind1, kind2))
        same = " (one country)" if kind1 == kind2 == "person" and c1 == c2 else ""
        out.append(((k1, k2), f"{kinds[0]} x {kinds[1]}{same}"))
    return out


def _where(doc, sent, keys, index) -> str:  # type: ignore[no-untyped-def]
    here = {index.token_entity[t.i] for t in sent if t.i in index.token_entity}
    n = sum(k in here for k in keys)
    return "all in its sentence" if n == len(keys) else "elsewhere" if n == 0 else "partly there"


def _verdict(names, gold, sentence: str) -> str:  # type: ignore[no-untyped-def]
    same = [g for g in gold if mb.both_on(names, g.participants)]
    if any(mb.same_sentence(g.sentence, sentence) for g in same):
        return VERDICTS[0]
    if same:
        return VERDICTS[1]
    return VERDICTS[2] if mb.is_neutral(names, gold) else VERDICTS[3]


if __name__ == "__main__":
    sys.exit(main())
