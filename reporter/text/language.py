"""Language identification and per-language resources, all offline.

Stop words come from sumy's package data joined with the stop-words package
(sumy's Spanish list lacks "de", "y", "que"), stems from NLTK's Snowball stemmers
(no downloaded data), lemmas from simplemma (dictionaries ship in its wheel),
identification from py3langid (model ships in its wheel).

Speed (issue 17): the identifier's model and simplemma's dictionaries are decoded once
and kept, decoded, in the user's cache folder (text/datacache.py); lemmas come from
simplemma's own Lemmatizer reading that table (the same lemmas: tests/test_language_cache.py).
"""
from __future__ import annotations

import bisect
import importlib
import math
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

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
    from py3langid import modelio
    from py3langid.langid import LanguageIdentifier

    arrays, classes = _identifier_model()
    # what py3langid's from_model_file(MODEL_FILE) makes of the same arrays (modelio.load_model)
    return LanguageIdentifier(arrays["ptc"], arrays["pc"], classes, modelio._to_array(arrays["nextmove"]),
                              arrays["out_feat"].tolist(), norm_probs=True,
                              tk_row=modelio._to_array(arrays["nextmove_row"]))


def _identifier_model():
    """py3langid's model arrays (its LZMA-compressed npz, decoded once and cached) and classes."""
    from reporter.text import datacache
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    source = MODEL_DIR / MODEL_FILE

    def decode():
        import io
        import lzma

        import numpy as np

        with lzma.open(source) as src, np.load(io.BytesIO(src.read()), allow_pickle=False) as data:
            return ({k: data[k] for k in ("ptc", "pc", "nextmove", "nextmove_row", "out_feat")},
                    {"classes": data["classes"].tolist()})

    arrays, meta = datacache.cached("langid", source, metadata.version("py3langid"), decode)
    return arrays, meta["classes"]


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
        return _is_stop(word, self.code)


@lru_cache(maxsize=None)
def resources(code: str) -> Resources:
    return Resources(code if code in LANGUAGES else "en")


@lru_cache(maxsize=None)
def _stop_words(code: str) -> frozenset[str]:
    from stop_words import get_stop_words as more_stop_words

    words = set(_sumy_stop_words(LANGUAGES[code])) | set(more_stop_words(code))
    return frozenset(w.casefold() for w in words)


def _sumy_stop_words(name: str) -> frozenset[str]:
    """sumy's stop words of a language (sumy.utils.get_stop_words), read from its package data
    without importing sumy.utils, which imports requests and pycountry (0.3 s a run, issue 17)."""
    import importlib.util

    spec = importlib.util.find_spec("sumy")  # finds the package without running it
    data = Path(spec.origin).parent / "data" / "stopwords" / f"{name}.txt" if spec and spec.origin else None
    if data is None or not data.is_file():
        from sumy.utils import get_stop_words

        return get_stop_words(name)
    return frozenset(w.rstrip() for w in data.read_bytes().decode("utf-8").splitlines() if w)  # as parse_stop_words


@lru_cache(maxsize=None)
def stemmer(code: str):
    """NLTK's Snowball stemmer of a supported language: what sumy's Stemmer(name) calls
    (sumy.nlp.stemmers: getattr(nltk.stem.snowball, Name + "Stemmer")().stem), for the
    summarizers (tests/test_textrank.py pins the same choices as sumy's own)."""
    return getattr(_snowball(), LANGUAGES[code].capitalize() + "Stemmer")().stem


_NLTK_SNOWBALL = ("nltk.redos", "nltk.termsec", "nltk.stem.api", "nltk.stem.util", "nltk.stem.porter",
                  "nltk.stem.snowball")


def _snowball():
    """NLTK's snowball module, without running NLTK's package __init__, which imports nearly all
    of NLTK (corpus readers, translate, chunkers: about 0.8 s of every run, issue 17) for the six
    small modules this one needs. The parent packages are stand-ins while those load, and are
    removed after: a later `import nltk` runs the real package, which finds these six modules
    already loaded. Any surprise (another NLTK layout) falls back to the plain import."""
    import sys

    if "nltk.stem.snowball" in sys.modules:
        return sys.modules["nltk.stem.snowball"]
    if "nltk" in sys.modules:
        return importlib.import_module("nltk.stem.snowball")
    try:
        return _snowball_alone(sys)
    except Exception:  # noqa: BLE001 -- any failure: the ordinary import, whatever it costs
        for name in _NLTK_SNOWBALL:
            sys.modules.pop(name, None)
        return importlib.import_module("nltk.stem.snowball")


def _snowball_alone(sys):
    import importlib
    import importlib.util
    import types

    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("nltk")
    root = list(spec.submodule_search_locations)

    class Stopwords:  # nltk.corpus.stopwords, only read with ignore_stopwords=True (never here)
        @staticmethod
        def words(*args, **kwargs):
            from nltk.corpus import stopwords  # the real one, stand-ins gone by then

            return stopwords.words(*args, **kwargs)

    stand_ins = {"nltk": types.ModuleType("nltk"), "nltk.stem": types.ModuleType("nltk.stem"),
                 "nltk.corpus": types.ModuleType("nltk.corpus")}
    stand_ins["nltk"].__path__ = root
    stand_ins["nltk.stem"].__path__ = [str(Path(r) / "stem") for r in root]
    stand_ins["nltk.corpus"].stopwords = Stopwords()
    for name, module in stand_ins.items():
        if "." in name:
            setattr(stand_ins["nltk"], name.split(".")[1], module)
    sys.modules.update(stand_ins)
    try:
        for name in _NLTK_SNOWBALL:
            importlib.import_module(name)
        return sys.modules["nltk.stem.snowball"]
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


@lru_cache(maxsize=200_000)
def _is_stop(word: str, code: str) -> bool:
    """Resources.is_stop, once per word (it is asked for every word of every claim)."""
    return word.casefold() in _stop_words(code) or fold(word) in _folded_stops(code)


@lru_cache(maxsize=None)
def _folded_stops(code: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _stop_words(code))


@lru_cache(maxsize=200_000)
def _lemma(word: str, code: str) -> str:
    return _lemmatizer().lemmatize(word, lang=code)


@lru_cache(maxsize=1)
def _lemmatizer():
    """simplemma's Lemmatizer as simplemma.lemmatize builds it (DefaultStrategy, not greedy),
    its dictionaries read from our cache instead of decoded on every run."""
    import simplemma
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries.dictionary_factory import DictionaryFactory

    class Cached(DictionaryFactory):
        def get_dictionary(self, lang: str):
            return _lemma_table(lang)

    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=Cached()))


def _key_hash(key: bytes) -> int:
    """64 bits that place a dictionary key in LemmaTable (collisions are resolved by comparing keys)."""
    return zlib.crc32(key) << 32 | zlib.adler32(key)


@lru_cache(maxsize=None)
def _lemma_table(code: str):
    """simplemma's dictionary of one language: decoded from its wheel once, then read from the cache."""
    from simplemma.strategies.dictionaries.dictionary_factory import (DATA_FOLDER, SUPPORTED_LANGUAGES,
                                                                      _load_dictionary_from_disk)

    if code not in SUPPORTED_LANGUAGES:
        raise ValueError(f"Unsupported language: {code}")
    from reporter.text import datacache

    def decode():
        table = _load_dictionary_from_disk(code)  # bytes -> bytes, what simplemma's own factory holds
        arrays, keys = _hashed_keys(list(table))
        arrays["vblob"], arrays["vends"] = _blob_and_ends([table[k] for k in keys])
        return arrays, {}

    arrays, _ = datacache.cached(f"lemmas-{code}", DATA_FOLDER / f"{code}.plzma", metadata.version("simplemma"), decode)
    return LemmaTable(arrays)


def _blob_and_ends(items: list[bytes]):
    """Byte strings as one blob and the end offsets of each (item i is blob[ends[i]:ends[i+1]])."""
    import numpy as np

    ends = np.zeros(len(items) + 1, dtype=np.uint32)
    np.cumsum([len(x) for x in items], out=ends[1:])
    return np.frombuffer(b"".join(items), dtype=np.uint8), ends


def _hashed_keys(keys: list[bytes]):
    """The arrays of a HashedKeys table ("hash", "kblob", "kends") and the keys in their order."""
    import numpy as np

    hashes = np.fromiter(map(_key_hash, keys), dtype=np.uint64, count=len(keys))
    order = np.argsort(hashes, kind="stable")
    keys = [keys[i] for i in order.tolist()]
    kblob, kends = _blob_and_ends(keys)
    return {"hash": hashes[order], "kblob": kblob, "kends": kends}, keys


class HashedKeys:
    """Read-only keys kept as flat arrays, sorted by a 64-bit hash and found by binary search (C
    bisect over a memoryview, no numpy per lookup): reading such a table from the cache folder
    takes a few hundredths of a second where building a Python dict of it takes ~1 s. Written
    here because no registry package offers a mapped, read-only str table in these few lines."""

    def __init__(self, arrays):
        import numpy as np

        self._hash = memoryview(np.ascontiguousarray(arrays["hash"], dtype=np.uint64)).cast("B").cast("Q")
        self._kends = memoryview(np.ascontiguousarray(arrays["kends"], dtype=np.uint32)).cast("B").cast("I")
        self._keys = memoryview(arrays["kblob"]).cast("B")

    def _index(self, key: str) -> int | None:
        raw = key.encode()
        h = _key_hash(raw)
        hashes, kends = self._hash, self._kends
        i = bisect.bisect_left(hashes, h)
        while i < len(hashes) and hashes[i] == h:
            if self._keys[kends[i]:kends[i + 1]] == raw:
                return i
            i += 1
        return None

    def __len__(self) -> int:
        return len(self._hash)


class LemmaTable(HashedKeys):
    """simplemma's dictionary (str -> str) as a HashedKeys table."""

    def __init__(self, arrays):
        import numpy as np

        super().__init__(arrays)
        self._vends = memoryview(np.ascontiguousarray(arrays["vends"], dtype=np.uint32)).cast("B").cast("I")
        self._values = memoryview(arrays["vblob"]).cast("B")

    def get(self, key: str, default=None):
        i = self._index(key)
        return default if i is None else bytes(self._values[self._vends[i]:self._vends[i + 1]]).decode()

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self):
        for i in range(len(self._hash)):
            yield bytes(self._keys[self._kends[i]:self._kends[i + 1]]).decode()


# Smooth inverse frequency (Arora et al. 2017): a / (a + p(word)), p from
# wordfreq's corpus counts (data in its wheel). Common words ("presidente",
# "said") weigh little, rare ones ("sismo", "felicitación") much. a = 1e-3 was
# the best of 1e-2..1e-4 on the Spanish STS dev split (Pearson 0.833 vs 0.821 flat).
SIF_A = 1e-3


@lru_cache(maxsize=200_000)
def _weight(word: str, code: str) -> float:
    return SIF_A / (SIF_A + word_frequency(word, code))


# Words wordfreq reads as tokens that are the word's parts between hyphens, lowercased (letters
# only, no mark to fold): their frequency is a lookup per part in the cached table (tests/test_bench_imports.py pins the same
# values as wordfreq's over its own vocabulary); anything else asks wordfreq itself.
_PLAIN = re.compile(r"[A-Za-záéíóúüñÁÉÍÓÚÜÑàèìòùçÀÈÌÒÙÇâêîôûÂÊÎÔÛëïËÏäöÄÖåÅ]+")


def word_frequency(word: str, code: str) -> float:
    """wordfreq.word_frequency(word, code), without importing wordfreq (0.25 s: regex, ftfy,
    langcodes, msgpack) or decoding its tables (0.15 s a language) on every run: a plain word
    is looked up in the language's table, decoded once and kept in the user's cache folder
    (text/datacache.py); any other word, or a language without a table, goes to wordfreq."""
    parts = word.split("-")  # wordfreq's tokens of "técnico-militar": técnico, militar
    table = _frequency_table(code) if all(_PLAIN.fullmatch(p) for p in parts) else None
    if table is None:
        from wordfreq import word_frequency as wordfreq_frequency

        return wordfreq_frequency(word, code)
    one_over = 0.0
    for part in parts:
        freq = table.get(part.lower())
        if freq is None:
            return 0.0  # wordfreq: a word with an unknown token gives `minimum`
        one_over += 1.0 / freq
    freq = 1.0 / one_over  # as wordfreq combines a word's tokens, then rounds to 3 significant digits
    return round(freq, math.floor(-math.log(freq, 10)) + 3)


@lru_cache(maxsize=None)
def _frequency_table(code: str):
    """wordfreq's 'best' list of a language (its large list, where it has one) as a hashed table,
    or None when wordfreq has no such file for this code (wordfreq then answers itself)."""
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.origin:
        return None
    data = Path(spec.origin).parent / "data"
    source = next((f for f in (data / f"large_{code}.msgpack.gz", data / f"small_{code}.msgpack.gz") if f.is_file()),
                  None)
    if source is None:
        return None
    from reporter.text import datacache

    def decode():
        import numpy as np
        from wordfreq import get_frequency_dict

        table = get_frequency_dict(code)
        arrays, keys = _hashed_keys([k.encode() for k in table])
        arrays["freq"] = np.fromiter((table[k.decode()] for k in keys), dtype=np.float64, count=len(keys))
        return arrays, {}

    arrays, _ = datacache.cached(f"wordfreq-{code}", source, metadata.version("wordfreq"), decode)
    return FrequencyTable(arrays)


class FrequencyTable(HashedKeys):
    """wordfreq's list (word -> frequency) as a HashedKeys table."""

    def __init__(self, arrays):
        import numpy as np

        super().__init__(arrays)
        self._freq = memoryview(np.ascontiguousarray(arrays["freq"], dtype=np.float64)).cast("B").cast("d")

    def get(self, key: str) -> float | None:
        i = self._index(key)
        return None if i is None else self._freq[i]
