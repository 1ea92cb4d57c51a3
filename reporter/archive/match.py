"""A claim against the archive: the archived claims it may be, in two calibrated tiers.

- `same`: the same claim (told in other words, by another outlet, in another language): its
  verdict carries over as a suggestion. The meaning vectors' cosine reaches
  settings.Archive.same and the figures agree: "32 dead" is never the same claim as "58 dead",
  however alike the words.
- `related`: worth a look: the cosine reaches settings.Archive.related (or reaches `same` with
  figures that disagree: an archived claim the new one contradicts is worth a look too).

Identical words (the same claim key) are the same claim whatever the vectors say. The archive
is scanned in int8 batches turned into float32 one batch at a time (a few tens of MB), so a
briefing's lookups cost one pass over it however many claims it has.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reporter.archive.store import Archive, Record
from reporter.review.claims import claim_key
from reporter.settings import Archive as Tiers

SAME, RELATED = "same", "related"
SCAN_BATCH = 8192  # claims turned into float32 at a time (16 MB)
FigureRow = tuple  # (kind, unit, value, qualifier)


@dataclass(frozen=True)
class Match:
    record: Record
    score: float  # cosine of the meaning vectors (1.0 for the same words)
    tier: str  # SAME or RELATED
    figures_agree: bool


def claim_figures(text: str, language: str) -> tuple[FigureRow, ...]:
    """The figures of a claim as stored: (kind, unit, value, qualifier), in text order."""
    from reporter.text.figures import figures

    try:
        found = figures(text, language)
    except Exception:  # a language the figure reader has no words for: no figures, never a failure
        return ()
    return tuple((f.kind, f.unit, float(f.value), f.qualifier) for f in found)


def _meets(x: FigureRow, y: FigureRow, slack: float) -> bool:
    """Two values of one quantity that can both be true of one claim: equal; a bound the other
    meets, not far past it ("at least 30" and 32, "más de 200" and 230; "al menos 32" and 58 are
    two tolls, not one); within `slack` where one is approximate ("unos 2.000" and 2,100)."""
    a, b = float(x[2]), float(y[2])
    if abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b)):
        return True
    for p, v, w in ((x, a, b), (y, b, a)):
        near = abs(v - w) <= slack * max(abs(v), abs(w))
        if near and (p[3] == "min" and w >= v or p[3] == "max" and w <= v or p[3] == "approx"):
            return True
    return False


def figures_agree(a: Sequence[FigureRow], b: Sequence[FigureRow], slack: float = Tiers().bound_slack) -> bool:
    """Every figure of a quantity both claims state (same kind and unit) meets one of the other
    claim's: "12 injured, three seriously" and "15 injured, three seriously" disagree (12 meets
    nothing), though both say three. A figure only one claim gives is no disagreement (the
    vectors judge the rest)."""
    left: dict[tuple, list] = {}
    right: dict[tuple, list] = {}
    for f in a:
        left.setdefault((f[0], f[1]), []).append(f)
    for f in b:
        right.setdefault((f[0], f[1]), []).append(f)
    for k in left.keys() & right.keys():
        if not all(any(_meets(x, y, slack) for y in right[k]) for x in left[k]):
            return False
        if not all(any(_meets(x, y, slack) for x in left[k]) for y in right[k]):
            return False
    return True


def tier(score: float, agree: bool, tiers: Tiers) -> str | None:
    if score >= tiers.same and agree:
        return SAME
    if score >= tiers.related:
        return RELATED
    return None


class Index:
    """The archive's vectors held in memory as float32 (2 KB a claim: 100,000 claims are 205 MB), for
    a process that searches many times (`search` after start-up); a briefing scans instead."""

    def __init__(self, archive: Archive):
        ids, rows = [], []
        for batch_ids, matrix, scales in archive.vectors():
            ids.append(batch_ids)
            rows.append(matrix.astype(np.float32) * scales[:, None])
        self.ids = np.concatenate(ids) if ids else np.zeros(0, np.int64)
        self.matrix = np.concatenate(rows) if rows else np.zeros((0, 512), np.float32)

    def batches(self):
        if len(self.ids):
            yield self.ids, self.matrix, np.ones(len(self.ids), np.float32)


def lookup(archive: Archive | None, texts: Sequence[str], languages: Sequence[str], vectors: np.ndarray,
           tiers: Tiers = Tiers(), limit: int | None = None, index: Index | None = None) -> list[list[Match]]:
    """For each claim (its text, language and unit-length vector), the archived claims it matches,
    `same` first, then by score, then the latest review first; at most `limit` (the settings'
    per_claim when None)."""
    limit = tiers.per_claim if limit is None else limit
    if archive is None or not len(texts):
        return [[] for _ in texts]
    query = np.asarray(vectors, dtype=np.float32)
    candidates: list[dict[int, float]] = [{} for _ in texts]
    keep = max(limit * 4, 10)  # figure checks can demote some: look a little further than `limit`
    buffer = np.empty(0, np.float32)  # one float32 batch, reused: no fresh 40 MB (and its page faults) per batch
    for ids, matrix, scales in (index.batches() if index is not None else archive.vectors(SCAN_BATCH)):
        if index is not None:
            scores = matrix @ query.T
        else:
            if buffer.size < matrix.size:
                buffer = np.empty(matrix.size, np.float32)
            rows = buffer[:matrix.size].reshape(matrix.shape)
            np.copyto(rows, matrix, casting="unsafe")
            scores = (rows @ query.T) * scales[:, None]  # (batch, queries)
        for q in range(scores.shape[1]):
            column = scores[:, q]
            hits = np.flatnonzero(column >= tiers.related)
            if len(hits) > keep:  # the best, ties to the latest review: the same whatever the batches
                hits = hits[np.lexsort((-ids[hits], -column[hits]))[:keep]]
            for h in hits:
                candidates[q][int(ids[h])] = float(column[h])
            if len(candidates[q]) > keep:  # the best `keep` across batches
                best = sorted(candidates[q].items(), key=lambda kv: (-kv[1], -kv[0]))[:keep]
                candidates[q] = dict(best)
    keys = [claim_key(t) for t in texts]
    exact = {k: [r.id for r in archive.records(key=k)] for k in set(keys)}
    for q, k in enumerate(keys):
        for rid in exact[k]:
            candidates[q][rid] = 1.0
    wanted = sorted({rid for c in candidates for rid in c})
    records = {r.id: r for r in archive.records(ids=wanted)} if wanted else {}
    out: list[list[Match]] = []
    for q, found in enumerate(candidates):
        mine = claim_figures(texts[q], languages[q]) if found else ()
        matches = []
        for rid, score in found.items():
            r = records.get(rid)
            if r is None:  # removed between the two reads
                continue
            agree = figures_agree(mine, r.figures, tiers.bound_slack)
            score = round(min(1.0, score), 4)
            t = SAME if r.key == keys[q] else tier(score, agree, tiers)
            if t:
                matches.append(Match(r, score, t, agree))
        matches.sort(key=lambda m: (m.tier != SAME, -m.score, -m.record.id))
        out.append(matches[:limit])
    return out


def search(archive: Archive | None, text: str, language: str, vector: np.ndarray, tiers: Tiers = Tiers(),
           limit: int = 10, index: Index | None = None) -> list[Match]:
    """The best matches of one text: every tier, down to the `related` threshold."""
    return lookup(archive, [text], [language], np.asarray(vector).reshape(1, -1), tiers, limit, index)[0]
