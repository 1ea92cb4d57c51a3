"""`--html` (issue 17, item 2): the briefing as one self-contained page beside the PDF.

The page is the PDF's own HTML with its styles inlined: no script, nothing loaded from
elsewhere (a Content-Security-Policy refuses it even if a user template asks), article text
escaped, and it is one more file of the run's all-or-nothing output group.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES, fixture, one_error_line, run_main
from reporter.errors import ExitStatus

HOSTILE = ('<script>alert("x")</script> El alcalde dijo que 32 muertos & 40 heridos '
           '<img src="http://evil.example/x.png" onerror="alert(1)"> quedaron en la ciudad el martes.')
def articles(folder: Path) -> list[str]:
    (folder / "a.txt").write_text(fixture("sismo_a.txt") + "\n" + HOSTILE + "\n", encoding="utf-8")
    (folder / "b.txt").write_bytes((FIXTURES / "sismo_b.txt").read_bytes())
    return ["a.txt", "b.txt"]


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("page")
    r = run_main(["brief", *articles(folder), "-o", "out/x.pdf", "--html"], cwd=folder)
    assert r.status == 0, r.err
    return (folder / "out" / "x.html").read_text(encoding="utf-8")


def elements(page: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    from html.parser import HTMLParser

    found = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Collect().feed(page)
    return found


def test_the_page_has_no_script(page):
    tags = elements(page)
    assert "<script" not in page.lower() and all(tag not in ("script", "img", "iframe", "object") for tag, _ in tags)
    assert not [(tag, name) for tag, attrs in tags for name, _ in attrs if name.startswith("on")]


def test_the_page_loads_nothing_from_elsewhere(page):
    # every link is an anchor inside the page; no stylesheet, font or image file
    urls = [value for _, attrs in elements(page) for name, value in attrs
            if name in ("href", "src", "srcset", "action", "data", "poster", "background")]
    assert urls and all(u.startswith("#") for u in urls), [u for u in urls if not u.startswith("#")]
    styles = "".join(re.findall(r"<style>(.*?)</style>", page, re.DOTALL))
    assert "url(" not in styles and "@import" not in styles and "@font-face" not in styles
    assert "link" not in {tag for tag, _ in elements(page)}


def test_article_text_is_escaped(page):
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page or "&lt;script&gt;alert(&quot;x&quot;)" in page
    assert "32 muertos &amp; 40 heridos" in page
    assert "&lt;img src=" in page  # shown as text, never an element


def test_the_page_says_a_browser_may_load_nothing(page):
    head = page.split("</head>", 1)[0]
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
    assert policy and "default-src 'none'" in policy.group(1) and "script-src" not in policy.group(1)
    assert head.index("charset") < policy.start()  # the charset first, as browsers read it


def test_the_page_carries_the_briefings_styles_and_screen_rules(page):
    styles = "".join(re.findall(r"<style>(.*?)</style>", page, re.DOTALL))
    assert "table.pair" in styles and "@media screen" in styles
    # print-only rules stay, harmless on screen: browsers apply @page only when printing
    assert "@page" in styles


def test_the_page_shows_what_the_pdf_shows(page, tmp_path):
    from reporter.report.render import build_view, to_html
    from conftest import briefing_of

    # the same sections, claims and sentences, in the same order, as the HTML the PDF is rendered from
    pdf_html = to_html(build_view(briefing_of(fixture("sismo_a.txt") + "\n" + HOSTILE + "\n", fixture("sismo_b.txt"))))
    ids = re.findall(r'<(?:h2|section|tr|li|p)\b[^>]*\bid="([^"]+)"', page)
    assert "sec-conflicts" in ids and any(i.startswith("s-") for i in ids)
    assert ids == re.findall(r'<(?:h2|section|tr|li|p)\b[^>]*\bid="([^"]+)"', pdf_html)


def test_a_user_template_cannot_make_the_page_load_anything(tmp_path):
    from reporter.report.render import standalone_html

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "extra.css").write_text("p { color: red } </style><script>alert(1)</script>", encoding="utf-8")
    html = ('<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="http://evil.example/x.css">'
            '<link rel="stylesheet" href="../outside.css"><link rel="stylesheet" href="extra.css"></head>'
            '<body><p>x</p></body></html>')
    (tmp_path / "outside.css").write_text("secret { }", encoding="utf-8")
    out = standalone_html(html, mine)
    assert "evil.example" not in out and "secret" not in out and "<link" not in out
    assert "p { color: red }" in out and "</style><script>" not in out  # the stylesheet cannot end its element
    assert "default-src 'none'" in out


def test_without_html_no_page_is_written(cli, tmp_path):
    r = cli("brief", *articles(tmp_path), "-o", "out/x.pdf")
    assert r.status == 0, r.err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["x.csv", "x.json", "x.pdf"]


def test_the_page_is_refused_when_it_exists_and_nothing_is_written(cli, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "x.html").write_text("mine", encoding="utf-8")
    r = cli("brief", *articles(tmp_path), "-o", "out/x.pdf", "--html")
    line = one_error_line(r, ExitStatus.OUTPUT)
    assert "x.html: already exists" in line
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["x.html"]
    assert (tmp_path / "out" / "x.html").read_text(encoding="utf-8") == "mine"


def test_with_force_the_page_is_replaced_with_the_group(cli, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for ext in (".pdf", ".json", ".csv", ".html"):
        (out / f"x{ext}").write_bytes(b"old")
    r = cli("brief", *articles(tmp_path), "-o", "out/x.pdf", "--html", "--force")
    assert r.status == 0, r.err
    assert all((out / f"x{ext}").read_bytes() != b"old" for ext in (".pdf", ".json", ".csv", ".html"))


def test_a_dated_briefing_gets_a_dated_page(cli, tmp_path):
    r = cli("brief", *articles(tmp_path), "-o", "out/", "--html")
    assert r.status == 0, r.err
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert [Path(n).suffix for n in names] == [".csv", ".html", ".json", ".pdf"]
    assert len({Path(n).stem for n in names}) == 1


def test_an_interrupted_group_leaves_no_page(tmp_path, monkeypatch):
    # the page is one more file of write_all's group: an interrupt between the moves removes it too
    import os

    from reporter.run import output

    files = {tmp_path / f"x{ext}": b"new" for ext in (".pdf", ".json", ".csv", ".html")}
    real, calls = os.link, []

    def link(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(output.os, "link", link)
    with pytest.raises(KeyboardInterrupt):
        output.write_all(files, force=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_late_failure_with_html_writes_no_page_it_could_not_make(cli, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "_front.html").write_text("{{ v.no_such_field }}", encoding="utf-8")
    r = cli("brief", *articles(tmp_path), "-o", "out/x.pdf", "--html", "--templates", "mine")
    one_error_line(r, ExitStatus.RENDER)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["x.csv", "x.json"]


@pytest.mark.parametrize("value, ok", [(True, True), (False, True), ("yes", False), (1, False)])
def test_html_in_a_config_file_is_true_or_false(value, ok):
    from reporter.errors import InputError
    from reporter.settings import apply, Settings

    if ok:
        assert apply(Settings(), {"html": value}, "test").report.html is value
    else:
        with pytest.raises(InputError, match="html must be true or false"):
            apply(Settings(), {"html": value}, "test")


def test_batch_html_writes_a_page_for_every_row(cli, tmp_path):
    (tmp_path / "in").mkdir()
    articles(tmp_path / "in")
    (tmp_path / "manifest.csv").write_text("output,article1,article2\nout/x.pdf,in/a.txt,in/b.txt\n", encoding="utf-8")
    r = cli("batch", "manifest.csv", "--jobs", "1", "--no-progress", "--html")  # one worker: this process
    assert r.status == 0, r.err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["x.csv", "x.html", "x.json", "x.pdf"]
    assert "<script" not in (tmp_path / "out" / "x.html").read_text(encoding="utf-8").lower()
