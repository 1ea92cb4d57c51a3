"""Renderer isolation: no article, text or HTML, can make the PDF read a local
file or reach the network.

A canary file is planted; articles try every way to reach it (img, link,
CSS url() and @import, object, embed, iframe, SVG image, attachments). The
canary's content must never appear in the PDF, the PDF must carry no
attachment, and no network connection may be attempted (socket.connect is
blocked and recorded for the whole render).
"""
from __future__ import annotations

import socket

import pytest
from pypdf import PdfReader

from reporter.run.briefing import Job, run
from reporter.settings import Limits, Settings
from reporter.report.render import folders, make_fetcher, to_pdf

CANARY = "CANARY-7f3a-SECRET-do-not-embed"


@pytest.fixture
def canary(tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "canary.txt").write_text(CANARY)
    (secret / "canary.css").write_text(f'body::before {{ content: "{CANARY}"; }}')
    (secret / "canary.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="20"><text y="15">{CANARY}</text></svg>')
    (secret / "canary.html").write_text(f"<p>{CANARY}</p>")
    return secret


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))
    return attempts


def attacks(secret) -> list[str]:
    f = (secret / "canary.txt").as_uri()
    css = (secret / "canary.css").as_uri()
    svg = (secret / "canary.svg").as_uri()
    page = (secret / "canary.html").as_uri()
    return [
        f'<img src="{f}">', f'<img src="{svg}">', f'<link rel="stylesheet" href="{css}">',
        f'<style>@import url("{css}"); body {{ background: url("{f}"); }}</style>',
        f'<div style="background-image: url({svg})">x</div>', f'<object data="{page}"></object>',
        f'<embed src="{svg}">', f'<iframe src="{page}"></iframe>',
        f'<svg><image href="{svg}" width="10" height="10"/></svg>',
        f'<link rel="attachment" href="{f}" title="leak">', f'<a rel="attachment" href="{f}">leak</a>',
        '<img src="http://127.0.0.1:9/x.png">', '<link rel="stylesheet" href="https://example.org/x.css">',
        '{{ 7*7 }} {% include "/etc/passwd" %} <script>alert(1)</script>',
    ]


def pdf_text(path) -> tuple[str, PdfReader]:
    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() or "" for page in reader.pages), reader


def test_fetcher_refuses_everything_outside_the_template_folders(canary, no_network):
    fetcher = make_fetcher(folders(None))
    for url in [(canary / "canary.txt").as_uri(), "file:///etc/passwd", "http://127.0.0.1:9/",
                "https://example.org/x.css", "data:text/plain,hello", "ftp://example.org/x"]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    # a path that walks out of the template folder is refused too
    inside = folders(None)[0]
    with pytest.raises(ValueError):
        fetcher.fetch((inside / ".." / ".." / "etc" / "passwd").as_uri())
    assert fetcher.fetch((inside / "briefing.css").as_uri()).read()  # our own asset is served
    assert no_network == []


def test_raw_html_with_every_reference_renders_without_the_canary(canary, no_network, tmp_path):
    # Even if markup reached the renderer unescaped, the fetcher would keep the canary out.
    html = "<html><body><p>visible text</p>" + "".join(attacks(canary)) + "</body></html>"
    pdf = tmp_path / "raw.pdf"
    pdf.write_bytes(to_pdf(html))
    text, reader = pdf_text(pdf)
    assert "visible text" in text
    assert CANARY not in text
    assert CANARY.encode() not in pdf.read_bytes()
    assert not reader.attachments
    assert no_network == []


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_hostile_articles_never_leak_the_canary(canary, no_network, tmp_path, suffix):
    hostile = "\n".join(attacks(canary))
    if suffix == ".html":
        a = ("<html><head><title>Ataque al renderizador</title></head><body><article>"
             "<h1>Ataque al renderizador</h1><p>El alcalde anunció 32 nuevas medidas el martes.</p>"
             f"{hostile}<p>La oposición dijo que las medidas llegan tarde.</p></article></body></html>")
    else:
        a = "Ataque al renderizador\n\nEl alcalde anunció 32 nuevas medidas el martes.\n\n" + hostile + \
            "\n\nLa oposición dijo que las medidas llegan tarde.\n"
    b = "Medidas del alcalde\n\nEl alcalde anunció el martes 32 nuevas medidas para la ciudad.\n"
    (tmp_path / f"a{suffix}").write_text(a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    out = tmp_path / "out.pdf"
    run(Job((str(tmp_path / f"a{suffix}"), str(tmp_path / "b.txt")), str(out)))
    text, reader = pdf_text(out)
    assert "32 nuevas medidas" in text  # the article did render
    assert CANARY not in text
    assert CANARY.encode() not in out.read_bytes()
    assert not reader.attachments
    assert no_network == []
    if suffix == ".txt":
        # the markup is shown as text, escaped, not interpreted
        html_json = (tmp_path / "out.json").read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" in html_json
        assert "alert(1)" in text


def test_bidi_overrides_and_control_characters_are_shown_not_obeyed(tmp_path):
    # "Trojan source" for readers: U+202E would display the figure reversed.
    a = tmp_path / "a.txt"
    a.write_text("Titular de prueba\n\nEl ministro dijo que la cifra es \u202e0001\u202c y\x0bnada más.\n",
                 encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Otro titular\n\nEl ministro habló de la cifra oficial ante la prensa.\n", encoding="utf-8")
    out = tmp_path / "out.pdf"
    run(Job((str(a), str(b)), str(out)))
    text, _ = pdf_text(out)
    assert "⟦U+202E⟧0001⟦U+202C⟧" in text and "⟦U+000B⟧" in text
    assert "\u202e" in (tmp_path / "out.json").read_text(encoding="utf-8")  # the JSON keeps the exact text


def test_a_very_long_word_is_shortened_in_the_pdf_and_kept_in_the_json(tmp_path):
    # WeasyPrint needs minutes to lay out a 14,000-letter word: the PDF shows its ends.
    a = tmp_path / "a.txt"
    a.write_text("Titular\n\n" + "Palabra" * 2000 + " termina aquí.\n\nOtra frase con punto.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Otro titular\n\nOtra frase con punto y algo más.\n", encoding="utf-8")
    out = tmp_path / "out.pdf"
    run(Job((str(a), str(b)), str(out), settings=Settings(limits=Limits(render_timeout=120))))
    text, _ = pdf_text(out)
    assert "⟦14000 characters⟧" in text
    assert "Palabra" * 2000 in (tmp_path / "out.json").read_text(encoding="utf-8")
