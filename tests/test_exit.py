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
        encoder._start(spin, name="reporter-encoder-warm")
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
