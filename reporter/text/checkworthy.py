"""The learned check-worthiness score: a calibrated probability that a fact-checker would check a sentence.

One logistic regression per language over three kinds of features:
- the sentence's meaning: its 512-dimension vector from the multilingual sentence encoder
  (text/encoder.py, the one the comparator reads meaning with);
- the flagger's rule reasons (a figure, a quotation, an attribution, ... and "hedged"), as 0/1;
- hashed words (Spanish only): folded lemmas and their bigrams, raw words and bigrams (numbers as
  <num>), in a fixed number of buckets with a stable hash (crc32), so training and prediction
  agree on every machine. English reads no words: on its held-out data they lowered F1 (README).

The raw score z is calibrated by Platt scaling fitted on out-of-fold scores of the training part
(p = 1 / (1 + exp(-(a z + c)))), so the number is a probability spread over [0, 1], not a sum
of rule weights stuck at 1.00. Trained by `python -m reporter.tools.train` (fixed seeds, numpy
only); weights ship in reporter/data/checkworthy-{es,en}.json. A language without its own file
uses the English model, which reads meaning and rule cues only (the encoder is multilingual).
"""
from __future__ import annotations

import json
import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources

import numpy as np

from reporter.text.features import analyze
from reporter.text.language import fold

BUCKETS = 2 ** 15
# The rule reasons the model reads (stages/flag.py), in the order of its weights.
REASON_FEATURES = ("accusation", "figure", "quotation", "attribution", "date", "superlative", "consequential",
                   "named_actor", "hedged", "event")  # "event": an act that happened (stages/flag.event)
_URL = re.compile(r"https?://\S+|@\w+|#")
_RAW = re.compile(r"\w+|%|\$|€")


@dataclass(frozen=True)
class Model:
    language: str
    vector_weights: np.ndarray  # (512,) one weight per encoder dimension
    reason_weights: dict[str, float]
    word_weights: dict[int, float]  # bucket -> weight; empty: the model reads no words
    bias: float
    calibration: tuple[float, float]  # Platt (a, c): p = 1 / (1 + exp(-(a z + c)))
    threshold: float  # the best F1 threshold of its training part's out-of-fold scores (reference only)
    about: str  # what it was trained on, its split and its held-out figures

    @property
    def reads_words(self) -> bool:
        return bool(self.word_weights)

    def raw(self, vector: np.ndarray, reasons: list[str] | tuple[str, ...], hedged: bool,
            buckets: dict[int, str] | list[int] = ()) -> float:
        z = self.bias + float(np.dot(self.vector_weights, vector))
        z += sum(self.reason_weights.get(r, 0.0) for r in set(reasons) | ({"hedged"} if hedged else set()))
        if self.word_weights and buckets:
            z += sum(self.word_weights.get(i, 0.0) for i in buckets) / math.sqrt(len(buckets))
        return z

    def probability(self, vector: np.ndarray, reasons: list[str] | tuple[str, ...], hedged: bool,
                    buckets: dict[int, str] | list[int] = ()) -> float:
        """The calibrated probability that the sentence is check-worthy."""
        a, c = self.calibration
        z = a * self.raw(vector, reasons, hedged, buckets) + c
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def _h(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) % BUCKETS


def words(text: str, language: str) -> dict[int, str]:
    """Bucket -> a readable name of one word feature that landed there."""
    text = _URL.sub(" ", text)
    lemmas = list(analyze(text, language).lemmas)
    names = [f"l:{w}" for w in lemmas] + [f"lb:{a} {b}" for a, b in zip(lemmas, lemmas[1:])]
    raw = ["<num>" if any(c.isdigit() for c in w) else fold(w) for w in _RAW.findall(text)]
    names += [f"w:{w}" for w in raw] + [f"wb:{a} {b}" for a, b in zip(raw, raw[1:])]
    return {_h(n): n for n in names}


def from_dict(data: dict) -> Model:
    return Model(data["language"], np.asarray(data["vector_weights"], dtype=np.float64),
                 dict(data["reason_weights"]), {int(k): v for k, v in data.get("word_weights", {}).items()},
                 float(data["bias"]), tuple(data["calibration"]), float(data["threshold"]), data.get("about", ""))


@lru_cache(maxsize=None)
def load(language: str) -> Model | None:
    """The shipped model for a language (the English one for a language without its own), or None
    when no model file can be read (then the flagger uses its rules alone)."""
    for name in dict.fromkeys((language, "en")):
        try:
            ref = importlib_resources.files("reporter") / "data" / f"checkworthy-{name}.json"
            return from_dict(json.loads(ref.read_text(encoding="utf-8")))
        except (FileNotFoundError, OSError, ValueError, KeyError, TypeError):
            continue
    return None
