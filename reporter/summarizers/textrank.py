"""TextRank as sumy 0.13's TextRankSummarizer computes it, vectorised with numpy.

Chosen as the default summarizer by measurement (README, "How well it works":
ROUGE-2 0.683 on the BBC politics dev set against LexRank's 0.546 and Lead-3's
0.312). sumy builds its n x n matrix pair by pair in pure Python, which grows
with the square of the sentence count; here it is one matrix product:

- terms: the sentence's words lowercased, stop words dropped, stemmed (a list,
  repeats kept, as sumy's `_to_words_set` returns: graph.py);
- edge(i, j) = sum over the words of i of their count in j (the dot product of
  the two count vectors) / (log |i| + log |j|); the count itself when that sum
  of logs is ~0 (two one-word sentences); 0 when they share nothing; the
  diagonal included, as in sumy;
- rows normalised (+1e-7), damping 0.85 with (1 - d) / n, sumy's power method
  (p = M^T p until it moves by at most 1e-4: graph.py's loop);
- sumy keys ratings by sentence text, so repeated sentences share the last
  copy's rating; the best `count`, ties in document order, returned in order
  (graph.py's choice, shared with LexRank).

tests/test_textrank.py checks it selects what sumy selects.
"""
from __future__ import annotations

import numpy as np

from reporter.summarizers.graph import GraphRanker, power_method

DAMPING = 0.85  # sumy's TextRankSummarizer.damping
EPSILON = 1e-4  # sumy's TextRankSummarizer.epsilon (a stochastic matrix converges long before the cap)
ZERO_DIVISION_PREVENTION = 1e-7


class TextRank(GraphRanker):
    """sumy's TextRank on plain sentence texts, with the collaborators sumy would be given."""

    def _rank(self, terms: list[list[str]]) -> np.ndarray:
        """sumy's TextRank score of every sentence (what its power method returns)."""
        n = len(terms)
        vocabulary: dict[str, int] = {}
        rows, cols = [], []
        for i, ts in enumerate(terms):
            for t in ts:
                rows.append(i)
                cols.append(vocabulary.setdefault(t, len(vocabulary)))
        counts = np.zeros((n, max(1, len(vocabulary))))
        np.add.at(counts, (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)), 1.0)
        shared = counts @ counts.T  # sum(words_j.count(w) for w in words_i): integers, exact in float
        lengths = np.array([len(ts) for ts in terms], dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log(lengths)
            norm = logs[:, None] + logs[None, :]
            weights = np.where(np.isclose(norm, 0.0), shared, shared / norm)
        weights[shared == 0] = 0.0
        weights /= weights.sum(axis=1)[:, None] + ZERO_DIVISION_PREVENTION
        matrix = np.full((n, n), (1.0 - DAMPING) / n) + DAMPING * weights
        transposed = matrix.T
        return power_method(lambda p: transposed @ p, n, EPSILON)
