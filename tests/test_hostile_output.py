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
