"""What sumy 0.13's two graph rankers share, for our numpy versions of them
(lexrank.py, textrank.py): each subclass scores the sentences its own way
(`_rank`, from their terms), and this base gives both

- the terms of a sentence as sumy's `_to_words_set` makes them: its words
  lowercased, stop words dropped, stemmed (a list, repeats kept), each word
  stemmed once however many sentences hold it;
- the choice: sumy keys ratings by sentence text, so repeated sentences share
  one rating (the last copy's); the best `count`, ties kept in document order,
  returned in document order;
- sumy's power method: p starts uniform and becomes step(p) until it moves by
  at most epsilon (sumy has no cap; ours only turns a pathological input into an
  answer instead of a hang).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np

MAX_ITERATIONS = 10_000


class GraphRanker:
    """A ranker of plain sentence texts, with the collaborators sumy's summarizer would be given."""

    def __init__(self, tokenize: Callable[[str], Sequence[str]], stem: Callable[[str], str],
                 stop_words: Iterable[str]):
        self._tokenize = tokenize
        self._stem = stem
        self._stop_words = frozenset(w.lower() for w in stop_words)  # sumy lowercases them too
        self._stems: dict[str, str] = {}  # stemming is pure: each word once, however many sentences

    def __call__(self, sentences: Sequence[str], count: int) -> tuple[int, ...]:
        """Indices of the `count` best sentences, in document order."""
        if not sentences:
            return ()
        scores = self.scores(sentences)
        last = {text.strip(): i for i, text in enumerate(sentences)}  # sumy: one rating per text
        rating = [float(scores[last[text.strip()]]) for text in sentences]
        # sorted() is stable, also with reverse=True: equal ratings stay in document order, as in sumy
        best = sorted(range(len(sentences)), key=rating.__getitem__, reverse=True)[:count]
        return tuple(sorted(best))

    def scores(self, sentences: Sequence[str]) -> np.ndarray:
        """The score of every sentence (what sumy's power method returns)."""
        if not sentences:
            return np.zeros(0)
        return self._rank([self._terms(s) for s in sentences])

    def _rank(self, terms: list[list[str]]) -> np.ndarray:
        """The scores of sentences given as their terms (at least one sentence): each ranker's own."""
        raise NotImplementedError

    def _terms(self, sentence: str) -> list[str]:
        out = []
        for word in self._tokenize(sentence.strip()):
            word = word.lower()
            if word in self._stop_words:
                continue
            stem = self._stems.get(word)
            if stem is None:
                stem = self._stems[word] = self._stem(word)  # lowercase already, as sumy's stem_word makes it
            out.append(stem)
        return out


def power_method(step: Callable[[np.ndarray], np.ndarray], n: int, epsilon: float,
                 max_iterations: int = MAX_ITERATIONS) -> np.ndarray:
    """sumy's power method over n sentences: p = step(p) from the uniform vector until
    ||step(p) - p|| <= epsilon (a NaN distance stops it too, as in sumy)."""
    p = np.array([1.0 / n] * n)
    moved, iterations = 1.0, 0
    while moved > epsilon and iterations < max_iterations:
        following = step(p)
        moved = float(np.linalg.norm(following - p))
        p = following
        iterations += 1
    return p
