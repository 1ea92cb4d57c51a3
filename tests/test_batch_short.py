"""`reporter batch` and --short (issue 13 item 4): a manifest's `short` column says per row whether
its PDF is the one-page one; `batch --short` is the default for rows that leave it empty."""
from __future__ import annotations

import pytest

from conftest import FIXTURES, one_error_line
from reporter.errors import ExitStatus, InputError
from reporter.run.batch import read_manifest
from reporter.settings import Settings


def manifest(folder, header: str, *rows: str):
    (folder / "in").mkdir(exist_ok=True)
    for name in ("sismo_a.txt", "sismo_b.txt"):
        (folder / "in" / name).write_bytes((FIXTURES / name).read_bytes())
    path = folder / "manifest.csv"
    path.write_text(header + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_short_column_chooses_per_row_and_the_flag_fills_empty_cells(tmp_path):
    path = manifest(tmp_path, "output,article1,article2,Short",
                    "o1.pdf,in/sismo_a.txt,in/sismo_b.txt,yes", "o2.pdf,in/sismo_a.txt,in/sismo_b.txt,no",
                    "o3.pdf,in/sismo_a.txt,in/sismo_b.txt,", "o4.pdf,in/sismo_a.txt,in/sismo_b.txt, Sí ",
                    "o5.pdf,in/sismo_a.txt,in/sismo_b.txt,0")
    assert [r.job.short for r in read_manifest(path, Settings(), False)] == [True, False, False, True, False]
    assert [r.job.short for r in read_manifest(path, Settings(), False, short=True)] == [True, False, True, True, False]


def test_without_the_column_every_row_follows_the_flag(tmp_path):
    path = manifest(tmp_path, "output,article1,article2", "o1.pdf,in/sismo_a.txt,in/sismo_b.txt")
    assert [r.job.short for r in read_manifest(path, Settings(), False)] == [False]
    assert [r.job.short for r in read_manifest(path, Settings(), False, short=True)] == [True]


def test_a_short_cell_that_is_neither_yes_nor_no_refuses_the_manifest_naming_the_line(tmp_path):
    path = manifest(tmp_path, "output,article1,article2,short",
                    "o1.pdf,in/sismo_a.txt,in/sismo_b.txt,yes", "o2.pdf,in/sismo_a.txt,in/sismo_b.txt,maybe")
    with pytest.raises(InputError, match=r"line 3: short 'maybe': give yes or no"):
        read_manifest(path, Settings(), False, name="manifest.csv")


def test_batch_takes_short_and_refuses_a_bad_cell_before_any_row_runs(cli, tmp_path):
    manifest(tmp_path, "output,article1,article2,short", "o1.pdf,in/sismo_a.txt,in/sismo_b.txt,yes",
             "o2.pdf,in/sismo_a.txt,in/sismo_b.txt,quizá")
    line = one_error_line(cli("batch", "manifest.csv", "--short", "--no-progress"), ExitStatus.INPUT)
    assert "manifest.csv: line 3: short 'quizá': give yes or no" in line
    assert not (tmp_path / "o1.pdf").exists()


@pytest.mark.slow
def test_a_short_row_is_one_page_and_the_others_are_whole(cli, tmp_path):
    from pypdf import PdfReader

    manifest(tmp_path, "output,article1,article2,short", "s.pdf,in/sismo_a.txt,in/sismo_b.txt,yes",
             "f.pdf,in/sismo_a.txt,in/sismo_b.txt,")
    r = cli("batch", "manifest.csv", "--jobs", "1", "--no-progress", "--no-archive")
    assert r.status == 0, r.err
    assert len(PdfReader(str(tmp_path / "s.pdf")).pages) == 1
    assert len(PdfReader(str(tmp_path / "f.pdf")).pages) > 1
    # the JSON and CSV are the full briefing's either way
    assert (tmp_path / "s.csv").read_bytes() == (tmp_path / "f.csv").read_bytes()
