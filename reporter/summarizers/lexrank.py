"""LexRank as sumy 0.13's LexRankSummarizer computes it, vectorised with numpy.

sumy compares every pair of sentences in pure Python (about 17 s on 1000
sentences on a 2-core machine); this computes the same numbers with array
operations, pair by pair only where two sentences share a term:

- terms: the sentence's words lowercased, stop words dropped, stemmed;
- tf: count / the sentence's highest count; idf: log(n / (1 + sentences with the term))
  (sumy's own formula, negative for terms in most sentences);
- cosine of the tf-idf vectors; a link where it exceeds THRESHOLD; each row divided
  by its number of links (at least 1);
- sumy's power method: p = M^T p normalised to length 1, until it moves by at most EPSILON.

The terms, the choice of the best `count` (by sumy's ratings keyed by text) and
the power method's loop are graph.py's, shared with TextRank.
tests/test_lexrank.py checks that it selects what sumy selects and that the scores agree.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from reporter.summarizers.graph import GraphRanker, power_method

# sumy's LexRankSummarizer.threshold and .epsilon: keep them, or the ranking is no longer sumy's.
# (With a self-link on every linked sentence its power method converges in a handful of iterations.)
THRESHOLD = 0.1
EPSILON = 0.1
# Similarity cells (and term-sharing pairs) computed at once: bounds memory on long documents
# (2**20 float64 = 8 MB per temporary array, a handful of them) while 1000 sentences take one
# or a few blocks. Larger blocks are not faster: the work is the same, only in fewer calls.
BLOCK_CELLS = 1 << 20


class LexRank(GraphRanker):
    """sumy's LexRank on plain sentence texts, with the collaborators sumy would be given."""

    def __init__(self, tokenize: Callable[[str], Sequence[str]], stem: Callable[[str], str],
                 stop_words: Iterable[str], threshold: float = THRESHOLD, epsilon: float = EPSILON):
        super().__init__(tokenize, stem, stop_words)
        self.threshold = threshold
        self.epsilon = epsilon

    def _rank(self, terms: list[list[str]]) -> np.ndarray:
        """sumy's LexRank score of every sentence (what its power method returns)."""
        rows, cols, weights, norms = self._tfidf(terms)
        src, dst = self._links(len(terms), rows, cols, weights, norms)
        return self._power_method(len(terms), src, dst)

    @staticmethod
    def _tfidf(sentences: list[list[str]]):
        """The tf-idf matrix as (sentence, term, weight) triples, sorted by sentence, and each row's norm."""
        vocabulary: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        tfs: list[float] = []
        for i, terms in enumerate(sentences):
            counts = Counter(terms)
            top = max(counts.values()) if counts else 1
            for term, tf in counts.items():
                rows.append(i)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
                tfs.append(tf / top)
        n = len(sentences)
        row = np.array(rows, dtype=np.int64)
        col = np.array(cols, dtype=np.int64)
        df = np.bincount(col, minlength=len(vocabulary))
        idf = np.array([math.log(n / (1 + d)) for d in df.tolist()])  # math.log, as sumy
        weight = np.array(tfs) * idf[col]
        norms = np.sqrt(np.bincount(row, weights=weight * weight, minlength=n))
        return row, col, weight, norms

    def _links(self, n: int, row, col, weight, norms):
        """Pairs (i, j) whose cosine exceeds the threshold, sorted by i then j."""
        df = np.bincount(col)
        # Only terms in two or more sentences, with a nonzero weight, link two different sentences.
        shared = (df[col] >= 2) & (weight != 0)
        row, col, weight = row[shared], col[shared], weight[shared]
        order = np.argsort(col, kind="stable")  # postings: sentences of each term, in order
        post_rows, post_weights = row[order], weight[order]
        post_start = np.concatenate(([0], np.cumsum(np.bincount(col, minlength=len(df)))))
        length = df[col]  # each entry meets this many postings (itself included)
        entry_start = np.searchsorted(row, np.arange(n + 1))  # entries of sentence i: [start[i], start[i+1])
        pairs_per_row = np.bincount(row, weights=length, minlength=n)
        cum_pairs = np.concatenate(([0], np.cumsum(pairs_per_row)))
        block_rows = max(1, BLOCK_CELLS // n)
        src, dst = [], []
        r0 = 0
        while r0 < n:
            # a block: at most block_rows sentences and about BLOCK_CELLS pairs (at least one sentence)
            r1 = int(np.searchsorted(cum_pairs, cum_pairs[r0] + BLOCK_CELLS, side="right")) - 1
            r1 = min(max(r1, r0 + 1), r0 + block_rows, n)
            k0, k1 = entry_start[r0], entry_start[r1]
            lengths = length[k0:k1]
            first = post_start[col[k0:k1]]
            offsets = np.cumsum(lengths) - lengths
            index = np.repeat(first - offsets, lengths) + np.arange(int(lengths.sum()))
            i = np.repeat(row[k0:k1], lengths)
            products = np.repeat(weight[k0:k1], lengths) * post_weights[index]
            cells = (i - r0) * n + post_rows[index]
            # (float: bincount of nothing returns integers)
            numerator = np.bincount(cells, weights=products, minlength=(r1 - r0) * n).astype(float).reshape(r1 - r0, n)
            denominator = np.outer(norms[r0:r1], norms)
            cosine = np.divide(numerator, denominator, out=np.zeros_like(numerator), where=denominator > 0)
            # A sentence with any weight is fully similar to itself (sumy computes ~1.0 > threshold);
            # one made only of stop words or zero-idf terms has no link at all, not even to itself.
            diagonal = np.arange(r0, r1)
            cosine[diagonal - r0, diagonal] = np.where(norms[r0:r1] > 0, 1.0, 0.0)
            bi, bj = np.nonzero(cosine > self.threshold)
            src.append(bi + r0)
            dst.append(bj)
            r0 = r1
        return np.concatenate(src), np.concatenate(dst)

    def _power_method(self, n: int, src, dst) -> np.ndarray:
        """sumy's power_method on the row-normalised link matrix, without building it densely."""
        degree = np.bincount(src, minlength=n).astype(float)
        degree[degree == 0] = 1
        link = (1.0 / degree)[src]  # M[i, j] = 1 / degree(i) for every link i -> j

        def step(p: np.ndarray) -> np.ndarray:
            following = np.bincount(dst, weights=link * p[src], minlength=n).astype(float)
            return following / np.linalg.norm(following)

        # No links at all (every sentence stop words only): sumy divides 0 by 0 and returns NaN
        # for every sentence, which then ranks in document order; the same here, without warnings.
        with np.errstate(invalid="ignore", divide="ignore"):
            return power_method(step, n, self.epsilon)
