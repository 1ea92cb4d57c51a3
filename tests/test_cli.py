"""The command line: outputs, and one clear error line with its exit code for bad input.

Most tests run reporter.cli.main in-process (the `cli` fixture, tests/conftest.py):
its own streams, a fixed clock, tmp_path as the working folder. A child process only
where the process is what is tested: another hash seed, the installed console
script, and a user who really cannot read a file.
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import CLOCK, ROOT, FIXTURES, one_error_line, run_main, subprocess_env
from reporter.errors import ExitStatus

# Another hash seed than this process's: string sets and dicts iterate in another order there.
OTHER_SEED = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
DATED = f"briefing-{CLOCK:%Y%m%d-%H%M%S}"  # the name a run with no -o gets, at the fixed clock


def python_m_reporter(*args, cwd, **kw):
    return subprocess.run([sys.executable, "-m", "reporter", *args], cwd=cwd, env=subprocess_env(),
                          capture_output=True, text=True, timeout=300, **kw)


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    """`reporter brief` with no files and no -o, in-process, once for the module (a render takes seconds)."""
    cwd = tmp_path_factory.mktemp("seeds")
    return cwd, run_main(["brief"], cwd=cwd)


@pytest.mark.slow
def test_bundled_seeds_brief_with_no_files_to_a_dated_briefing_here(seeds_run):
    cwd, r = seeds_run
    assert r.status == 0, r.err
    # the working folder is env.cwd, the name comes from env.clock
    assert sorted(p.name for p in cwd.iterdir()) == [f"{DATED}.csv", f"{DATED}.json", f"{DATED}.pdf"]
    assert all((cwd / name).stat().st_size > 0 for name in os.listdir(cwd))
    assert (cwd / f"{DATED}.pdf").read_bytes().startswith(b"%PDF-")
    data = json.loads((cwd / f"{DATED}.json").read_text(encoding="utf-8"))
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert [Path(a["source"]).name for a in data["articles"]] == [p.name for p in seeds]
    assert r.err == "wrote " + ", ".join(str(cwd / f"{DATED}{ext}") for ext in (".pdf", ".json", ".csv")) + "\n"
    assert r.out == ""


# The briefing JSON of the bundled seeds, made in a fresh interpreter (no PDF: only the JSON is compared).
SEEDS_JSON = f"""
import sys
from datetime import datetime
from reporter.report.json_twin import to_json
from reporter.run.briefing import Job, make_briefing
sys.stdout.write(to_json(make_briefing(Job(()), datetime.fromisoformat({CLOCK.isoformat()!r}))))
"""


@pytest.mark.slow
def test_the_json_is_the_same_bytes_in_another_process(seeds_run):
    # Determinism across processes, not only within one: the child has another hash seed.
    cwd, r = seeds_run
    assert r.status == 0, r.err
    child = subprocess.run([sys.executable, "-c", SEEDS_JSON], cwd=cwd, capture_output=True, text=True,
                           encoding="utf-8", timeout=300, env={**subprocess_env(), "PYTHONHASHSEED": OTHER_SEED})
    assert child.returncode == 0, child.stderr
    assert child.stdout == (cwd / f"{DATED}.json").read_text(encoding="utf-8")


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text((FIXTURES / "sismo_a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text((FIXTURES / "sismo_b.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t \n")
    (tmp_path / "binary.bin").write_bytes(b"\x7fELF\x00\x00\x01\x02" * 50)
    (tmp_path / "nul.txt").write_bytes("Titular\n\nUn texto con un byte nulo\x00 en medio.\n".encode("utf-8"))
    # Not UTF-8, and not text in any Western legacy encoding either (a UTF-8 file with a few
    # Windows-1252 bytes, or a Latin-1 file, is read: tests/test_read.py)
    (tmp_path / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 4)
    (tmp_path / "folder").mkdir()
    return tmp_path


@pytest.mark.parametrize("args, status, says", [
    (["missing.txt", "good.txt"], ExitStatus.INPUT, "missing.txt: no such file"),
    (["empty.txt", "good.txt"], ExitStatus.INPUT, "empty.txt: is empty"),
    (["blank.txt", "good.txt"], ExitStatus.INPUT, "blank.txt: is empty"),
    (["binary.bin", "good.txt"], ExitStatus.INPUT, "binary.bin: "),
    (["nul.txt", "good.txt"], ExitStatus.INPUT, "nul.txt: "),
    (["undecodable.txt", "good.txt"], ExitStatus.INPUT, "undecodable.txt: not UTF-8"),
    (["folder", "good.txt"], ExitStatus.INPUT, "folder: is a directory"),
    (["good.txt", "good.txt"], ExitStatus.INPUT, "given twice"),
    (["good.txt", "./good.txt"], ExitStatus.INPUT, "given twice"),
    (["good.txt"], ExitStatus.INPUT, "at least two"),
    (["good.txt", "other.txt", "--length", "zero"], ExitStatus.INPUT, "--length"),
    (["good.txt", "other.txt", "--length", "0"], ExitStatus.INPUT, "--length"),
    (["good.txt", "other.txt", "--length", "150%"], ExitStatus.INPUT, "--length"),
    (["good.txt", "other.txt", "--length", "2.5"], ExitStatus.INPUT, "--length"),
    (["good.txt", "other.txt", "--verdicts", "missing.csv"], ExitStatus.INPUT, "missing.csv"),
    (["good.txt", "other.txt", "--since", "good.txt"], ExitStatus.INPUT, "--since"),
    (["good.txt", "other.txt", "-o", "x.docx"], ExitStatus.INPUT, "x.docx"),
    (["good.txt", "other.txt", "--max-sentences", "3"], ExitStatus.INPUT, "--max-sentences"),
    (["good.txt", "other.txt", "--max-input-mb", "0.0001"], ExitStatus.INPUT, "--max-input-mb"),
    (["good.txt", "other.txt", "--templates", "nowhere"], ExitStatus.INPUT, "--templates nowhere"),
])
def test_bad_input_gives_one_clear_line(cli, files, args, status, says):
    extra = [] if "-o" in args else ["-o", "out.pdf"]
    r = cli("brief", *args, *extra)
    assert says in one_error_line(r, status)
    assert r.out == "" and r.sys_out == "" and r.sys_err == ""  # only env's stream, only that line
    assert not (files / "out.pdf").exists()


def test_paths_are_the_working_folder_s_not_the_process_s(cli, files, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the process's folder holds no good.txt: env.cwd (files) does
    r = cli("brief", "good.txt", "missing.txt", "-o", "out.pdf", cwd=files)
    assert "missing.txt: no such file" in one_error_line(r, ExitStatus.INPUT)  # good.txt was found and read


def test_usage_errors_and_help_return_their_status_instead_of_exiting(cli):
    assert cli("--version").status == 0 and cli("--version").sys_out.startswith("reporter ")
    r = cli()  # no command: the usage on env's stderr
    assert r.status == ExitStatus.USAGE and "usage: reporter" in r.err and r.sys_err == ""
    r = cli("brief", "--summarizer", "nope")  # argparse refuses it: its message on the process's stderr
    assert r.status == ExitStatus.USAGE and "invalid choice: 'nope'" in r.sys_err


# Regression: these were named resolved against the working folder (fixed in run/briefing.py, run/batch.py)
@pytest.mark.parametrize("args, says", [
    (["brief", "good.txt", "other.txt", "--verdicts", "missing.csv", "-o", "out.pdf"], "missing.csv: no such verdicts file"),
    (["brief", "good.txt", "other.txt", "--since", "good.txt", "-o", "out.pdf"],
     "--since good.txt: not a reporter briefing JSON (JSONDecodeError)"),
    (["batch", "nope.csv"], "nope.csv: no such manifest"),
])
def test_messages_quote_a_path_as_the_user_gave_it(cli, files, args, says):
    assert one_error_line(cli(*args), ExitStatus.INPUT) == f"reporter: error: {says}"


# A user who cannot read the file. Root reads every file, so there the child drops to `nobody`
# once its modules are loaded (the interpreter may live where `nobody` cannot reach, /root/.pyenv).
AS_NOBODY = """
import io, os, pwd, sys
from reporter.cli import main
from reporter.run.env import Env
# the same run with a missing first file, as root, so every module the real run needs is loaded
main(["brief", "no-such-file.txt", *sys.argv[3:]], Env(stdout=io.StringIO(), stderr=io.StringIO()))
if os.geteuid() == 0:
    nobody = pwd.getpwnam("nobody")
    os.setgroups([])
    os.setgid(nobody.pw_gid)
    os.setuid(nobody.pw_uid)
print(os.geteuid(), flush=True)
sys.exit(main(sys.argv[1:]))
"""


def test_unreadable_file_is_one_clear_line_even_for_root():
    folder = Path(tempfile.mkdtemp(prefix="reporter-unreadable-"))  # not under tmp_path (0700): `nobody` must reach it
    try:
        folder.chmod(0o777)  # `nobody` may write the outputs here: the only refusal left is the read
        (folder / "good.txt").write_text((FIXTURES / "sismo_a.txt").read_text(encoding="utf-8"), encoding="utf-8")
        secret = folder / "secret.txt"
        secret.write_text("Texto.", encoding="utf-8")
        secret.chmod(0)
        r = subprocess.run([sys.executable, "-c", AS_NOBODY, "brief", "secret.txt", "good.txt", "-o", "out.pdf"],
                           cwd=folder, env={**subprocess_env(), "PYTHONDONTWRITEBYTECODE": "1"},
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == ExitStatus.INPUT, r.stderr
        assert int(r.stdout) != 0  # really not root: the kernel refused the read
        assert r.stderr == "reporter: error: secret.txt: permission denied\n"
        assert not (folder / "out.pdf").exists() and sorted(os.listdir(folder)) == ["good.txt", "secret.txt"]
    finally:
        shutil.rmtree(folder)


@pytest.mark.slow
def test_an_existing_output_is_never_overwritten_without_force(cli, files):
    (files / "out.json").write_text("the reviewer's notes")
    before = hashlib.sha256((files / "out.json").read_bytes()).hexdigest()
    assert "out.json: already exists" in one_error_line(cli("brief", "good.txt", "other.txt", "-o", "out.pdf"),
                                                        ExitStatus.OUTPUT)
    assert hashlib.sha256((files / "out.json").read_bytes()).hexdigest() == before
    assert not (files / "out.pdf").exists()
    r = cli("brief", "good.txt", "other.txt", "-o", "out.pdf", "--force")
    assert r.status == 0, r.err
    assert json.loads((files / "out.json").read_text(encoding="utf-8"))["articles"][0]["source"] == "good.txt"
    assert (files / "out.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.slow
def test_standard_input_is_an_article(cli, files):
    r = cli("brief", "-", "good.txt", "-o", "out.pdf", stdin=(FIXTURES / "sismo_b.txt").read_bytes())
    assert r.status == 0, r.err
    data = json.loads((files / "out.json").read_text(encoding="utf-8"))
    assert [a["source"] for a in data["articles"]] == ["-", "good.txt"]
    assert data["articles"][0]["title"] == (FIXTURES / "sismo_b.txt").read_text(encoding="utf-8").splitlines()[0]


def test_empty_standard_input_is_one_clear_line(cli, files):
    assert "-: is empty" in one_error_line(cli("brief", "-", "good.txt", "-o", "out.pdf", stdin=b""),
                                              ExitStatus.INPUT)


def test_help_shows_an_example(cli):
    r = cli("brief", "--help")  # argparse prints help on the process's stdout
    assert r.status == 0 and "example" in r.sys_out and "-o" in r.sys_out


def test_python_dash_m_and_the_console_script_agree(tmp_path):
    script = Path(sys.executable).with_name("reporter")  # installed beside this interpreter
    if not script.exists():
        script = Path(shutil.which("reporter") or "")
    assert script.is_file() and os.access(script, os.X_OK), "the `reporter` console script is not installed"
    for args, status in ((["--version"], 0), (["brief", "missing.txt", "other.txt"], ExitStatus.INPUT),
                         ([], ExitStatus.USAGE)):
        console = subprocess.run([str(script), *args], cwd=tmp_path, env=subprocess_env(), capture_output=True,
                                 text=True, timeout=120)
        module = python_m_reporter(*args, cwd=tmp_path)
        assert (console.returncode, console.stdout, console.stderr) == \
               (module.returncode, module.stdout, module.stderr) and console.returncode == status, args
    assert console.stderr.startswith("usage: reporter")
    version = python_m_reporter("--version", cwd=tmp_path).stdout
    assert version.startswith("reporter ") and version.split()[1][0].isdigit()


def test_the_cli_offers_exactly_the_languages_there_are():
    from reporter.cli import LANGUAGES as offered
    from reporter.text.language import LANGUAGES as supported

    assert set(offered) == set(supported)


def test_every_summarizer_offered_runs():
    from reporter.settings import SUMMARIZERS
    from reporter.stages.summarize import VECTORISED, build_summarizer

    for name in SUMMARIZERS:  # ours, sumy's (built by the one factory), or lead
        assert name in VECTORISED or name == "lead" or build_summarizer(name, "es") is not None
