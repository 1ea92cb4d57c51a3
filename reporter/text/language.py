"""Language identification and per-language resources, all offline.

Stop words come from sumy's package data joined with the stop-words package
(sumy's Spanish list lacks "de", "y", "que"), stems from NLTK's Snowball stemmers
(no downloaded data), lemmas from simplemma (dictionaries ship in its wheel),
identification from py3langid (model ships in its wheel).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Languages for which sumy has stop words and NLTK a Snowball stemmer.
LANGUAGES = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "de": "german",
    "it": "italian",
    "pt": "portuguese",
    "sv": "swedish",
}

WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


# Refuse an article only when it is clearly in another language: enough letters
# to judge, and py3langid (over all its 97 languages) at least this sure.
UNSUPPORTED_CONFIDENCE = 0.9
MIN_LETTERS = 40


class UnsupportedLanguage(ValueError):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def detect(text: str) -> str:
    """The most likely supported language of `text` (py3langid). Raises
    UnsupportedLanguage when the text is clearly in a language we do not support."""
    sample = text[:20000]
    # One model, ranked once: the best supported language is the first supported one in
    # the ranking over all 97 (what a model restricted to ours would pick), so the model
    # is loaded once (0.7 s and 85 MB each) instead of a second time restricted.
    ranked = _identifier().rank(sample)
    best, confidence = ranked[0]
    if (best not in LANGUAGES and confidence >= UNSUPPORTED_CONFIDENCE
            and sum(ch.isalpha() for ch in sample) >= MIN_LETTERS):
        raise UnsupportedLanguage(best)
    return next((lang for lang, _ in ranked if lang in LANGUAGES), "en")


def release_identifier() -> None:
    """Free the identifier's model (about 75 MB). A one-shot run calls this once every
    input's language is known, so the later stages reuse that memory instead of adding
    to it (the peak of a run on two long documents); batch workers keep the model for
    their next briefing."""
    _identifier.cache_clear()


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lowercase without accents: 'Shoigú' and 'shoigu' match."""
    nfkd = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in nfkd if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Resources:
    """What one language needs: stop words, lemmas, word rarity."""

    code: str

    @property
    def name(self) -> str:
        return LANGUAGES[self.code]

    @property
    def stop_words(self) -> frozenset[str]:
        return _stop_words(self.code)

    def lemma(self, word: str) -> str:
        return _lemma(word, self.code)

    def weight(self, word: str) -> float:
        return _weight(word, self.code)

    def is_stop(self, word: str) -> bool:
        return word.casefold() in self.stop_words or fold(word) in _folded_stops(self.code)


@lru_cache(maxsize=None)
def resources(code: str) -> Resources:
    return Resources(code if code in LANGUAGES else "en")


@lru_cache(maxsize=None)
def _stop_words(code: str) -> frozenset[str]:
    from stop_words import get_stop_words as more_stop_words
    from sumy.utils import get_stop_words

    words = set(get_stop_words(LANGUAGES[code])) | set(more_stop_words(code))
    return frozenset(w.casefold() for w in words)


@lru_cache(maxsize=None)
def _folded_stops(code: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _stop_words(code))


@lru_cache(maxsize=200_000)
def _lemma(word: str, code: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang=code)


# Smooth inverse frequency (Arora et al. 2017): a / (a + p(word)), p from
# wordfreq's corpus counts (data in its wheel). Common words ("presidente",
# "said") weigh little, rare ones ("sismo", "felicitación") much. a = 1e-3 was
# the best of 1e-2..1e-4 on the Spanish STS dev split (Pearson 0.833 vs 0.821 flat).
SIF_A = 1e-3


@lru_cache(maxsize=200_000)
def _weight(word: str, code: str) -> float:
    from wordfreq import word_frequency

    return SIF_A / (SIF_A + word_frequency(word, code))
