"""A small learned check-worthiness model: logistic regression over hashed words.

Features: the flagger's rule reasons, folded lemmas and their bigrams, and the
raw words and bigrams (numbers as <num>), hashed into a fixed number of buckets
with a stable hash (crc32), so training and prediction agree on every machine.
Weights are trained by `python -m reporter.tools.train` from the CheckThat! and
ClaimBuster development data, and ship in reporter/data/ as JSON (only the
non-zero weights). Numpy is not needed: a prediction is a sum of a few dozen weights.
"""
from __future__ import annotations

import json
import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources

from reporter.text.features import analyze
from reporter.text.language import fold

BUCKETS = 2 ** 15
REASON_FEATURES = ("accusation", "figure", "quotation", "attribution", "date", "superlative", "consequential",
                   "named_actor", "hedged")
_URL = re.compile(r"https?://\S+|@\w+|#")
_RAW = re.compile(r"\w+|%|\$|€")


@dataclass(frozen=True)
class Model:
    language: str
    weights: dict[int, float]
    bias: float
    threshold: float  # decision threshold chosen by cross-validated F1 at training time
    about: str  # what it was trained on, and its cross-validated figures

    def probability(self, feats: dict[int, str]) -> float:
        z = self.bias + sum(self.weights.get(i, 0.0) for i in feats) / math.sqrt(len(feats) or 1)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def _h(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) % BUCKETS


def features(text: str, language: str, reasons: list[str], hedged: bool) -> dict[int, str]:
    """Bucket -> a readable name of one feature that landed there."""
    text = _URL.sub(" ", text)
    names = [f"reason:{r}" for r in reasons if r in REASON_FEATURES]
    if hedged:
        names.append("reason:hedged")
    lemmas = list(analyze(text, language).lemmas)
    names += [f"l:{w}" for w in lemmas] + [f"lb:{a} {b}" for a, b in zip(lemmas, lemmas[1:])]
    raw = ["<num>" if any(c.isdigit() for c in w) else fold(w) for w in _RAW.findall(text)]
    names += [f"w:{w}" for w in raw] + [f"wb:{a} {b}" for a, b in zip(raw, raw[1:])]
    return {_h(n): n for n in names}


@lru_cache(maxsize=None)
def load(language: str) -> Model | None:
    """The shipped model for a language, or None (then the flagger uses its rules alone)."""
    try:
        ref = importlib_resources.files("reporter") / "data" / f"checkworthy-{language}.json"
        data = json.loads(ref.read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError, ValueError):
        return None
    return Model(language, {int(k): v for k, v in data["weights"].items()}, data["bias"], data["threshold"],
                 data.get("about", ""))
