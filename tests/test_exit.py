"""The process's end: a run that stops while the encoder's background thread is inside
sentencepiece's C++ code must still exit with its own status, never abort.

CI saw it once: a batch stopped by SIGTERM printed its table, then died with SIGABRT
("terminate called without an active exception") because the interpreter shut down under the
warm-up thread. These tests make that thread busy on purpose, so the race is certain: without
reporter.cli.run's handling, each child below is killed by SIGABRT every time.
"""
from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import subprocess_env
from reporter.errors import ExitStatus

# A child whose main() returns STATUS while a thread encodes in C++ for BUSY seconds.
CHILD = textwrap.dedent("""
    import sys, time
    import sentencepiece
    from reporter import cli
    from reporter.text import encoder

    status, busy, registered = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3] == "yes"
    sp = sentencepiece.SentencePieceProcessor(model_file=str(encoder.model_files()[0]))
    text = ["El terremoto de magnitud 7,1 sacudió la costa a las 23.49 y dejó decenas de muertos. " * 20] * 50

    def spin():
        until = time.monotonic() + busy
        while time.monotonic() < until:
            sp.encode(text)

    if registered:  # as the warm-up is: started through the encoder module
        encoder.start_thread(spin, name="reporter-encoder-warm")
    else:
        import threading
        threading.Thread(target=spin, daemon=True).start()
    time.sleep(0.3)
    cli.main = lambda argv=None, env=None: status
    cli.run()
""")


def _child(status: int, busy: float, registered: bool) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CHILD, str(status), str(busy), "yes" if registered else "no"],
                          env=subprocess_env(), capture_output=True, text=True, timeout=120)


def test_an_interrupted_run_exits_130_while_a_thread_is_in_cpp_code():
    # the thread never ends on its own: the interrupted run must not wait for it either
    done = _child(ExitStatus.INTERRUPTED, busy=600, registered=False)
    assert done.returncode == ExitStatus.INTERRUPTED, (done.returncode, done.stderr[-300:])
    assert "terminate called" not in done.stderr
    assert done.returncode != -signal.SIGABRT


def test_a_failed_run_waits_for_the_encoder_thread_and_exits_with_its_status():
    done = _child(ExitStatus.ERROR, busy=1.5, registered=True)
    assert done.returncode == ExitStatus.ERROR, (done.returncode, done.stderr[-300:])
    assert "terminate called" not in done.stderr


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the children through /proc")
def test_an_interrupted_long_briefing_leaves_no_encoding_child(tmp_path):
    # A long briefing encodes in forked children (text/warmup.py); SIGTERM to the command must
    # stop them too, not leave them encoding on their own after it has returned.
    from test_hostile_output import children, running
    from reporter.text.warmup import FORK_WARM_SENTENCES, can_fork
    from reporter.tools.bench import generate_document

    if not can_fork():
        pytest.skip("the forked warm-up is for Linux")
    n = max(FORK_WARM_SENTENCES, 1500)  # two articles: above the fork threshold, seconds of encoding a child
    for name, seed in (("a.txt", 1), ("b.txt", 2)):
        (tmp_path / name).write_text(generate_document(seed, n), encoding="utf-8")
    # output to a file, not a pipe: the children hold the pipe open, so reading it to its end
    # would wait for them; wait() sees the command itself end
    log = (tmp_path / "log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "reporter", "brief", "a.txt", "b.txt", "-o", "out.pdf"],
                            cwd=tmp_path, env=subprocess_env(), stdout=log, stderr=log)
    seen: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while not seen and time.monotonic() < deadline and proc.poll() is None:
            seen = children(proc.pid)
            time.sleep(0.02)
        assert seen, "no encoding child was forked"
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
    assert proc.returncode == ExitStatus.INTERRUPTED, (tmp_path / "log").read_text()[-300:]
    gone_by = time.monotonic() + 0.5  # killed, not left to finish (a part takes seconds)
    while any(running(p) for p in seen) and time.monotonic() < gone_by:
        time.sleep(0.05)
    assert not [p for p in seen if running(p)]
    assert not list(tmp_path.glob("out.*"))


FORK_SIGNAL_CHILD = textwrap.dedent("""
    import os, signal, sys
    fired = []

    def sigterm_inside_the_fork():  # the signal lands while os.fork runs its after-fork hooks
        if not fired:
            fired.append(1)
            os.kill(os.getpid(), signal.SIGTERM)
            sum(range(1000))  # Python code after it, where the handler runs

    os.register_at_fork(after_in_parent=sigterm_inside_the_fork)
    sys.argv = ["reporter", "brief", "a.txt", "b.txt", "-o", "out.pdf"]
    from reporter.cli import run
    run()
""")


@pytest.mark.slow
def test_a_sigterm_during_the_warm_ups_fork_is_not_lost(tmp_path):
    # A KeyboardInterrupt raised inside os.fork's after-fork hooks is printed and ignored by Python:
    # the run used to go on and write its files, exit 0, as if never signalled.
    from reporter.text.warmup import FORK_WARM_SENTENCES, can_fork
    from reporter.tools.bench import generate_document

    if not can_fork():
        pytest.skip("the forked warm-up is for Linux")
    for name, seed in (("a.txt", 1), ("b.txt", 2)):
        (tmp_path / name).write_text(generate_document(seed, FORK_WARM_SENTENCES), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", FORK_SIGNAL_CHILD], cwd=tmp_path, env=subprocess_env(),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == ExitStatus.INTERRUPTED, (done.returncode, done.stderr[-500:])
    assert not list(tmp_path.glob("out.*"))
