"""Stage 6: the briefing as HTML (autoescaped) and PDF (read back with pypdf).

Article text, titles and file names are untrusted: they must reach the page as
text, never as markup or template code, and the renderer may fetch nothing but
our own template assets. One PDF is rendered for the whole module (a render
takes a few seconds); everything else is checked on the HTML.
"""
from __future__ import annotations

import io
import re
from dataclasses import fields

import pytest
from pypdf import PdfReader

from conftest import fixture

from reporter.report.labels import EN, ES
from reporter.model import Settings
from reporter.pipeline import brief, make_source
from reporter.report.render import folders, make_fetcher, to_html, to_pdf
from reporter.report.view import View, build_view

TEMPLATES = folders(None)[0]

SCRIPT = "<script>alert(1)</script>"
JINJA = "{{ 7*7 }}"
IMG = '<img src="file:///etc/passwd">'
# A conflicting claim (32 vs 58 dead: shown highlighted, side by side) and a claim only
# A makes (shown plain), both carrying markup and template syntax.
HOSTILE_A = fixture("sismo_a.txt") + (
    f"\nEl alcalde dijo {SCRIPT} que el sismo dejó 32 muertos en la ciudad de {JINJA} habitantes.\n"
    f"\nLa alcaldía publicó la lista de ayudas {IMG} en su página.\n"
)
HOSTILE_B = fixture("sismo_b.txt") + "\nEl alcalde dijo que el sismo dejó 58 muertos en la ciudad.\n"
SETTINGS = Settings(title=f"<b>Informe</b> {JINJA}")
FILE_A = "<u>a.txt"  # a file name is untrusted too


@pytest.fixture(scope="module")
def briefing():
    sources = [make_source(FILE_A, HOSTILE_A, SETTINGS), make_source("b.txt", HOSTILE_B, SETTINGS)]
    return brief(sources, SETTINGS)


@pytest.fixture(scope="module")
def html(briefing):
    return to_html(build_view(briefing))


@pytest.fixture(scope="module")
def pdf_text(html):
    reader = PdfReader(io.BytesIO(to_pdf(html)))
    return " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())


def test_the_hostile_claims_reach_the_comparison(briefing):
    # Otherwise the escaping tests below would not cover the highlighted (pre-escaped) path.
    assert any(SCRIPT in briefing.sentence(r.a).text for r in briefing.relations if r.type == "conflict")


def test_article_markup_is_escaped_not_interpreted(html):
    # (our templates use <b> themselves, never <script> or <img>)
    assert "<script" not in html and "<img" not in html and "<b>Informe" not in html and "<u>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert "&lt;b&gt;Informe&lt;/b&gt;" in html  # the --title
    assert "&lt;u&gt;a.txt" in html  # the file name


def test_template_syntax_in_article_text_is_shown_not_evaluated(html):
    assert html.count(JINJA) >= 3  # title, the claim in the conflict and in the appendix


def test_the_pdf_has_every_section_heading(pdf_text):
    for heading in ("Dónde discrepan las fuentes", "En qué coinciden las fuentes", "Lo que solo dice una fuente",
                    "Resúmenes", "Lista de verificación", "Anexo: todas las oraciones"):
        assert heading in pdf_text


def test_the_pdf_shows_article_sentences_and_the_conflicting_values(pdf_text):
    assert "El epicentro se localizó a 10 kilómetros de profundidad" in pdf_text
    assert "32" in pdf_text and "58" in pdf_text
    assert "La oposición acusó al gobierno" in pdf_text  # a claim only B makes, flagged
    assert SCRIPT in pdf_text  # the markup is there as text for the reader to see


def test_the_pdf_header_names_each_source_with_language_and_word_count(briefing, pdf_text):
    for art in briefing.articles:
        assert f"{art.id} {art.title}" in pdf_text
        assert f"{art.language} {art.word_count}" in pdf_text
    assert f"{FILE_A} es" in pdf_text and "b.txt es" in pdf_text


def test_the_checklist_has_empty_verdict_and_notes_columns(pdf_text):
    assert "veredicto" in pdf_text.casefold() and "notas" in pdf_text.casefold()


# --- the URL fetcher: our template assets, nothing else -------------------------------------


@pytest.fixture
def fetcher():
    return make_fetcher(folders(None))


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "http://127.0.0.1:9/x.css",
    "https://example.org/briefing.css",
    "data:text/css,body{color:red}",
    "data:image/svg+xml;base64,PHN2Zy8+",
    "ftp://example.org/x",
    "file://otherhost" + str(TEMPLATES / "briefing.css"),  # a remote host, even for our own path
])
def test_the_fetcher_refuses_other_schemes_and_files(fetcher, url):
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch(url)


def test_the_fetcher_refuses_a_file_outside_the_templates_folder(fetcher, tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    with pytest.raises(ValueError):
        fetcher.fetch(secret.as_uri())
    with pytest.raises(ValueError):  # walking out with ..
        fetcher.fetch(TEMPLATES.as_uri() + "/../pyproject.toml")


def test_the_fetcher_refuses_a_sibling_folder_that_shares_the_name_prefix(tmp_path):
    # "/x/templates-evil" starts with "/x/templates" as a string but is not inside it.
    ours, evil = tmp_path / "templates", tmp_path / "templates-evil"
    ours.mkdir()
    evil.mkdir()
    (ours / "ok.css").write_text("p {}")
    (evil / "x.css").write_text("p {}")
    fetch = make_fetcher([ours]).fetch
    assert fetch((ours / "ok.css").as_uri()).read() == b"p {}"
    with pytest.raises(ValueError):
        fetch((evil / "x.css").as_uri())


def test_the_fetcher_refuses_a_symlink_that_leads_out_of_the_templates_folder(tmp_path):
    ours = tmp_path / "templates"
    ours.mkdir()
    (tmp_path / "secret.css").write_text("p { content: 'secret' }")
    (ours / "link.css").symlink_to(tmp_path / "secret.css")
    with pytest.raises(ValueError):
        make_fetcher([ours]).fetch((ours / "link.css").as_uri())


def test_the_fetcher_serves_our_stylesheet_and_fonts(fetcher):
    assert b"@page" in fetcher.fetch((TEMPLATES / "briefing.css").as_uri()).read()
    font = next((TEMPLATES / "fonts").glob("*.ttf"))
    assert fetcher.fetch(font.as_uri()).read()[:4] in (b"\x00\x01\x00\x00", b"true")


# --- the templates and their context --------------------------------------------------------


def template_text() -> str:
    """Every template, without its {# comments #}."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(TEMPLATES.glob("*.html")))
    return re.sub(r"\{#.*?#\}", "", text, flags=re.S)


def test_templates_use_only_fields_the_view_has():
    # StrictUndefined fails a render only on the branch it takes (_changes.html needs --since):
    # a field renamed in View must fail here, whatever the test data.
    used = set(re.findall(r"\bv\.(\w+)", template_text()))
    assert used and used <= {f.name for f in fields(View)}


def test_every_label_the_templates_use_exists_in_both_languages():
    used = set(re.findall(r"\bt\.(\w+)", template_text())) - {"format"}
    assert used <= set(EN) and used <= set(ES), (used - set(EN), used - set(ES))
    assert set(EN) == set(ES)


def test_no_template_turns_escaping_off():
    text = template_text()
    assert "|safe" not in text.replace(" ", "") and "autoescape false" not in text
