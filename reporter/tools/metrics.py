"""The measures `reporter eval` reports and `python -m reporter.tools.train` selects by,
one implementation each: Pearson and Spearman correlation, precision / recall / F1,
and ROUGE-1/2/L. Numpy is imported inside the correlations, so importing this stays cheap.
"""
from __future__ import annotations

import math
import re


# ---- correlation --------------------------------------------------------------------


def pearson(xs, ys) -> float:
    import numpy as np

    x, y = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    if len(x) < 2:
        return 0.0
    x, y = x - x.mean(), y - y.mean()
    d = math.sqrt(float(x @ x) * float(y @ y))
    return float(x @ y) / d if d else 0.0


def ranks(values) -> list[float]:
    """0-based ranks, ties given the mean of the ranks they span (Spearman = Pearson of ranks)."""
    import numpy as np

    v = np.asarray(values, dtype=float)
    order = np.argsort(v, kind="stable")
    ordinal = np.empty(len(v))
    ordinal[order] = np.arange(len(v))
    _, group, counts = np.unique(v, return_inverse=True, return_counts=True)
    first = np.concatenate(([0], np.cumsum(counts)[:-1]))  # sorted position of each distinct value
    return (first[group] + (counts[group] - 1) / 2).tolist()


def spearman(xs, ys) -> float:
    return pearson(ranks(xs), ranks(ys))


# ---- precision, recall, F1 ------------------------------------------------------------


def f1(precision: float, recall: float) -> float:
    """Their harmonic mean; 0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf_counts(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts; a ratio with nothing to count is 0."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, f1(p, r)


def prf(decisions, gold) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class: decisions (truthy = positive) against gold (1/0)."""
    tp = sum(1 for d, g in zip(decisions, gold) if d and g)
    fp = sum(1 for d, g in zip(decisions, gold) if d and not g)
    fn = sum(1 for d, g in zip(decisions, gold) if g and not d)
    return prf_counts(tp, fp, fn)


# ---- ROUGE ----------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _grams(tokens: list[str], n: int) -> dict[tuple[str, ...], int]:
    out: dict = {}
    for g in zip(*(tokens[i:] for i in range(n))):
        out[g] = out.get(g, 0) + 1
    return out


def _overlap_f1(overlap: int, candidate: int, reference: int) -> float:
    if not overlap or not candidate or not reference:
        return 0.0
    return f1(overlap / candidate, overlap / reference)


def rouge(candidate: str, reference: str) -> tuple[float, float, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 (Lin 2004), on lowercased word tokens."""
    c, r = _tokens(candidate), _tokens(reference)
    scores = []
    for n in (1, 2):
        gc, gr = _grams(c, n), _grams(r, n)
        overlap = sum(min(v, gr.get(k, 0)) for k, v in gc.items())
        scores.append(_overlap_f1(overlap, sum(gc.values()), sum(gr.values())))
    scores.append(_overlap_f1(lcs(c, r), len(c), len(r)))
    return tuple(scores)


def lcs(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two token lists (ROUGE-L)."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]
