"""`reporter eval archive GOLD.json --articles DIR`: is an archived claim found when told again?

For every gold pair, the claims of side a are archived (all pairs' in one archive, each with a
made-up verdict), and every claim of side b is looked up, as a briefing of b would. A gold
`overlap` pair (the same claim in other words, or in the other language) is found when b's claim
lists a's among its matches (any tier, at most settings.Archive.per_claim per claim). Precision
of a tier: of its matches to a claim of the same story (gold says nothing of the other stories'
claims: those matches are counted apart, `other_story` = same/related), those that are a gold overlap or acceptable pair (a gold
`conflict` pair, "32 dead" / "58 dead", is a wrong `same`; a conflict shown as `related` is
what that tier is for, and counts as right there). Rows: same-language pairs, cross-language
pairs, all. `--sweep` measures a grid of the two thresholds (calibration).
"""
from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from reporter.archive.match import RELATED, SAME, Match, lookup, tier
from reporter.errors import InputError
from reporter.review.claims import claim_key
from reporter.settings import Archive as Tiers
from reporter.settings import Settings

VERDICTS = ("accurate", "inaccurate", "misleading", "needs context", "unverifiable")
CROSS = ("es-en", "en-es")


def _find(claims, anchor: str, norm):
    a = norm(anchor)
    return next((s for s in claims if a in norm(s.text)), None)


def collect(gold: list[dict], folder: Path, settings: Settings, evaldata) -> dict:
    """Brief each pair; the archived side, the briefed side and the gold pairs (by sentence text)."""
    archived, queries, good, right_related = [], [], set(), set()
    for pair in gold:
        b = evaldata.brief_pair(pair, folder, settings)
        first, second = b.articles[0], b.articles[1]
        cross = pair.get("lang") in CROSS
        for n, s in enumerate(first.claims):
            archived.append({"text": s.text, "language": first.language, "verdict": VERDICTS[n % len(VERDICTS)],
                             "word": "", "notes": "", "source": f"{pair['name']}/{pair['a']}", "published": "",
                             "briefing": pair["name"], "reviewed": ""})
        queries += [(pair["name"], cross, s.text, second.language) for s in second.claims]
        for kind in ("overlap", "acceptable", "conflict"):
            for x, y in pair.get(kind, []):
                sa, sb = _find(first.claims, x, evaldata._norm), _find(second.claims, y, evaldata._norm)
                if sa is None or sb is None:
                    continue
                pair_key = (claim_key(sa.text), claim_key(sb.text))
                if kind == "overlap":
                    good.add(pair_key)
                if kind == "acceptable":
                    good.add(pair_key)
                right_related.add(pair_key)
    return {"archived": archived, "queries": queries, "good": good, "right_related": right_related,
            "overlap": _overlaps(gold, queries, archived, evaldata)}


def _overlaps(gold, queries, archived, evaldata) -> list[tuple[str, bool, str, str]]:
    """(pair, cross-language, archived claim key, briefed claim key) of every gold overlap pair found in the claims."""
    out = []
    for pair in gold:
        cross = pair.get("lang") in CROSS
        mine_a = [r["text"] for r in archived if r["briefing"] == pair["name"]]
        mine_b = [q[2] for q in queries if q[0] == pair["name"]]
        for x, y in pair.get("overlap", []):
            ta = next((t for t in mine_a if evaldata._norm(x) in evaldata._norm(t)), None)
            tb = next((t for t in mine_b if evaldata._norm(y) in evaldata._norm(t)), None)
            if ta and tb:
                out.append((pair["name"], cross, claim_key(ta), claim_key(tb)))
    return out


def retier(found: list[Match], query_key: str, tiers: Tiers) -> list[Match]:
    """The matches a briefing at `tiers` shows, from a wide lookup (every tier recomputed)."""
    out = []
    for m in found:
        t = SAME if m.record.key == query_key else tier(m.score, m.figures_agree, tiers)
        if t:
            out.append(replace(m, tier=t))
    out.sort(key=lambda m: (m.tier != SAME, -m.score, -m.record.id))
    return out[:tiers.per_claim]


def score(data: dict, wide: list[list[Match]], tiers: Tiers) -> list[dict]:
    queries = data["queries"]
    shown = {claim_key(q[2]): retier(w, claim_key(q[2]), tiers) for q, w in zip(queries, wide)}
    rows = []
    for label, which in (("same language", False), ("across es/en", True), ("all", None)):
        gold = [g for g in data["overlap"] if which is None or g[1] == which]
        found = {SAME: 0, RELATED: 0}
        for _, _, ka, kb in gold:
            hit = next((m for m in shown.get(kb, []) if m.record.key == ka), None)
            if hit:
                found[hit.tier] += 1
        made = {SAME: [0, 0], RELATED: [0, 0]}
        other = {SAME: 0, RELATED: 0}
        for q in queries:
            if which is not None and q[1] != which:
                continue
            kb = claim_key(q[2])
            for m in shown.get(kb, []):
                if m.record.briefing != q[0]:  # another story's claim: no gold says; counted apart
                    other[m.tier] += 1
                    continue
                pair_key = (m.record.key, kb)
                ok = pair_key in data["good"] if m.tier == SAME else pair_key in data["right_related"]
                made[m.tier][0] += ok
                made[m.tier][1] += 1
        n = len(gold)
        rows.append({"pairs": label, "gold": n, "found": (found[SAME] + found[RELATED], n),
                     "found_share": round((found[SAME] + found[RELATED]) / n, 3) if n else 1.0,
                     "found_same": (found[SAME], n),
                     "same_precision": round(made[SAME][0] / made[SAME][1], 3) if made[SAME][1] else 1.0,
                     "same_made": tuple(made[SAME]),
                     "related_precision": round(made[RELATED][0] / made[RELATED][1], 3) if made[RELATED][1] else 1.0,
                     "related_made": tuple(made[RELATED]), "other_story": (other[SAME], other[RELATED])})
    return rows


def evaluate(args, evaldata, settings: Settings) -> dict:
    from reporter.archive.command import records_of
    from reporter.archive.store import open_archive
    from reporter.text.encoder import load

    folder = Path(args.articles)
    if not folder.is_dir():
        raise InputError(f"--articles {args.articles}: no such folder")
    data = collect(evaldata.read_gold(args.gold), folder, settings, evaldata)
    encoder = load()
    tiers = Tiers()
    with tempfile.TemporaryDirectory(prefix="reporter-eval-archive-") as tmp:
        with open_archive(Path(tmp) / "archive.sqlite", create=True) as archive:
            archive.add(records_of(data["archived"], encoder), "eval")
            queries = data["queries"]
            vectors = encoder.encode([q[2] for q in queries])
            wide_tiers = Tiers(same=2.0, related=0.3)  # every candidate down to 0.3, tiered later
            wide = lookup(archive, [q[2] for q in queries], [q[3] for q in queries], vectors, wide_tiers, limit=50)
    rows = [{"same": tiers.same, "related": tiers.related, **r} for r in score(data, wide, tiers)]
    notes = [f"archived {len(data['archived'])} claims (side a of every pair), looked up {len(data['queries'])} "
             f"(side b); thresholds: same {tiers.same}, related {tiers.related} (settings.Archive)"]
    if getattr(args, "sweep", False):
        for same in (0.6, 0.65, 0.7, 0.72, 0.75, 0.8, 0.85):
            for related in (0.45, 0.5, 0.55, 0.6):
                if related < same:
                    t = replace(tiers, same=same, related=related)
                    rows += [{"same": same, "related": related, **r} for r in score(data, wide, t)]
    return {"rows": rows, "notes": notes}
