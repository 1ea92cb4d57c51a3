"""Stage 6: the briefing as HTML (autoescaped) and PDF (read back with pypdf).

Article text, titles and file names are untrusted: they must reach the page as
text, never as markup or template code, and the renderer may fetch nothing but
our own template assets. One PDF is rendered for the whole module (a render
takes a few seconds); everything else is checked on the HTML.
"""
from __future__ import annotations

import inspect
import io
import re
import types
import typing
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import fixture

import reporter
from reporter.report.json_twin import to_json
from reporter.report.labels import EN, ES, Labels, labels_for
from reporter.model import BODY, ROLES
from reporter.settings import Report, Settings
from reporter.pipeline import brief, make_source
from reporter.report.render import folders, make_fetcher, to_html, to_pdf
from reporter.report.view import View, build_view
from reporter.review.checklist import VERDICTS

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
SETTINGS = Settings(report=Report(title=f"<b>Informe</b> {JINJA}"))
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


ANY = object()  # a value the check does not follow: loop, literals, what a filter or call returns
JINJA_NAMES = {"loop", "range", "dict", "lipsum", "cycler", "joiner", "namespace"}


class TemplateCheck:
    """Follows every attribute path of a template through the View's type hints.

    StrictUndefined fails a render only on the branch it takes (_changes.html needs
    --since, _matrix.html three sources): this reads every branch. `v.t.notes.unrelated`,
    `p.relation.evidence.differing`, `line.sentence.is_claim`: each step must be a field,
    property or method of the type the step before it has (loop variables take the type
    of the tuple's items, {% set %} the type of its value). An index into a typed record
    that is not a constant (`t[key]`) cannot be checked, so it is an error too.
    """

    def __init__(self):
        self.errors: list[str] = []
        self.checked: set[str] = set()

    def run(self, template: str, source: str) -> None:
        import jinja2

        self.template = template
        self.body(jinja2.Environment().parse(source).body, {"v": View, "t": Labels})

    def body(self, statements, scope: dict) -> None:
        for node in statements:
            self.node(node, scope)

    def node(self, node, scope: dict):
        from jinja2 import nodes

        if isinstance(node, nodes.For):
            inner = dict(scope, loop=ANY)
            self.bind(node.target, self.item(self.node(node.iter, scope)), inner)
            if node.test is not None:
                self.node(node.test, inner)
            self.body(node.body, inner)
            self.body(node.else_, scope)
        elif isinstance(node, nodes.Assign):
            self.bind(node.target, self.node(node.node, scope), scope)
        elif isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name not in JINJA_NAMES:
                self.errors.append(f"{self.template}: {node.name} is not defined")
            return ANY
        elif isinstance(node, nodes.Getattr):
            return self.attribute(node, self.node(node.node, scope), node.attr)
        elif isinstance(node, nodes.Getitem):
            base = self.node(node.node, scope)
            key = self.node(node.arg, scope) if not isinstance(node.arg, nodes.Const) else node.arg.value
            if isinstance(key, str) and base is not ANY:
                return self.attribute(node, base, key)
            if any(is_dataclass(m) for m in members(base)):
                self.errors.append(f"{self.template}: {path(node)}: an index into a typed record cannot be checked")
                return ANY
            return self.item(base)
        elif isinstance(node, nodes.Filter) and node.name == "map" and node.node is not None:
            item = self.item(self.node(node.node, scope))
            for kw in node.kwargs:
                if kw.key == "attribute" and isinstance(kw.value, nodes.Const):
                    self.attribute(node, item, kw.value.value)
            return ANY
        else:
            for child in node.iter_child_nodes():
                self.node(child, scope)
        return ANY

    def bind(self, target, value, scope: dict) -> None:
        from jinja2 import nodes

        if isinstance(target, nodes.Name):
            scope[target.name] = value
        else:  # {% for source, text in pairs %}: the items of a fixed-length tuple, in order
            args = typing.get_args(value) if typing.get_origin(value) is tuple else ()
            fixed = len(args) == len(target.items) and Ellipsis not in args
            for n, item in enumerate(target.items):
                self.bind(item, args[n] if fixed else ANY, scope)

    def attribute(self, node, base, name: str):
        where = f"{path(node)}" if not hasattr(node, "attr") else f"{path(node.node)}.{name}"
        if base is ANY:
            return ANY
        found = []
        for m in members(base):
            cls = typing.get_origin(m) or m
            if is_dataclass(cls) and name in {f.name for f in fields(cls)}:
                found.append(typing.get_type_hints(cls)[name])
            elif isinstance(inspect.getattr_static(cls, name, None), property):
                found.append(typing.get_type_hints(inspect.getattr_static(cls, name).fget).get("return", ANY))
            elif hasattr(cls, name):  # a method (str.format, Labels' of)
                found.append(ANY)
        if not found:
            self.errors.append(f"{self.template}: {where}: no field {name!r} on {typing_name(base)}")
            return ANY
        self.checked.add(where)
        return found[0] if len(found) == 1 else typing.Union[tuple(found)]

    @staticmethod
    def item(value):
        """The type of what iterating over `value` gives."""
        if typing.get_origin(value) is tuple:
            args = typing.get_args(value)
            return args[0] if len(args) == 2 and args[1] is Ellipsis else ANY
        return ANY


def members(tp) -> list:
    """The types a value of type `tp` may have (None left out)."""
    if tp is ANY:
        return []
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return [m for a in typing.get_args(tp) for m in members(a)]
    return [] if tp is type(None) else [tp]


def path(node) -> str:
    from jinja2 import nodes

    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{path(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        return f"{path(node.node)}[...]"
    if isinstance(node, nodes.Filter):
        return f"{path(node.node)}|{node.name}" if node.node is not None else node.name
    return type(node).__name__


def typing_name(tp) -> str:
    return " | ".join(getattr(m, "__name__", str(m)) for m in members(tp))


def check_templates(sources: dict[str, str]) -> TemplateCheck:
    check = TemplateCheck()
    for name, source in sources.items():
        check.run(name, source)
    return check


def test_templates_use_only_fields_the_view_has():
    check = check_templates({p.name: p.read_text(encoding="utf-8") for p in sorted(TEMPLATES.glob("*.html"))})
    assert check.errors == []
    # the check follows nested paths through loops and {% set %}, not just v.<field>
    for deep in ("v.t", "t.notes_col", "p.relation.evidence", "d.a", "p.shared_words", "a.only", "c.flag.priority",
                 "v.changes.added", "line.sentence", "s.is_claim", "line.back", "row.conflicted", "bar.label"):
        assert deep in check.checked, deep


def test_the_template_check_fails_on_a_field_the_view_does_not_have():
    check = check_templates({"bad.html": (
        "{% set t = v.t %}{{ t.notes.unrelated }}{{ t.notes.nope }}{{ v.nope }}"
        "{% for p in v.conflicts %}{% for d in p.relation.evidence.differing %}{{ d.a }}{{ d.nope }}{% endfor %}"
        "{{ p.relation.evidence.nope }}{% endfor %}"
        "{% for a in v.articles %}{% for line in a.appendix %}{{ line.sentence.nope }}{% endfor %}{% endfor %}"
        "{% for bar in v.chart %}{{ bar.label }}{% endfor %}{{ v.chart|map(attribute='nope')|list }}"
        "{{ t[v.lang] }}{{ v.changes.nope }}{{ undefined_name.x }}")})
    missing = {e.split(": ")[1] for e in check.errors}
    assert missing == {"t.notes.nope", "v.nope", "d.nope", "p.relation.evidence.nope", "line.sentence.nope",
                       "v.chart|map", "t[...]", "v.changes.nope", "undefined_name is not defined"}, check.errors


def test_labels_are_typed_and_spanish_falls_back_to_english():
    assert isinstance(ES, Labels) and labels_for("es") is ES and labels_for("en") is EN
    assert labels_for("fr") is EN and labels_for("de") is EN
    same = {name for name, en, es in leaves(EN, ES) if en == es}
    # what Spanish writes as English does (an untranslated label would show up here)
    assert same == {"id", "key_flag", "summary_of", "units.km", "units.eur", "roles.body"}, same


def leaves(en, es, prefix=""):
    for f in fields(en):
        a, b = getattr(en, f.name), getattr(es, f.name)
        if is_dataclass(a):
            yield from leaves(a, b, f"{prefix}{f.name}.")
        else:
            yield f"{prefix}{f.name}", a, b


def test_every_key_the_pipeline_writes_has_a_label_in_both_languages():
    root = Path(reporter.__file__).parent
    source = {name: (root / name).read_text(encoding="utf-8")
              for name in ("stages/flag.py", "stages/ingest.py", "stages/segment.py", "pipeline.py")}
    reasons = set(re.findall(r'reasons\.append\("(\w+)"\)', source["stages/flag.py"]))
    whys = set(re.findall(r'(?:BOILERPLATE|CAPTION|TITLE|HEADING), "([^"]+)"',
                          source["stages/ingest.py"] + source["stages/segment.py"]))
    notes = set(re.findall(r'notes\.append\("(\w+)"\)', source["pipeline.py"]))
    assert len(reasons) >= 10 and len(whys) >= 8 and len(notes) >= 3
    for group, keys in (("reasons", reasons), ("whys", whys), ("notes", notes), ("roles", set(ROLES) - {BODY}),
                        ("verdicts", set(VERDICTS))):
        en, es = getattr(EN, group), getattr(ES, group)
        assert {k for k in keys if en.KEYS.get(k, k) not in {f.name for f in fields(en)}} == set(), group
        assert {k for k in keys if not en.of(k) or es.of(k) == en.of(k)} == set(), group  # Spanish has its own
    # English shows the pipeline's own words, as the JSON has them
    assert all(EN.whys.of(k) == k for k in whys) and EN.reasons.of("single_source") == "only one source"
    assert ES.whys.of("first line") == "primera línea" and ES.whys.of("a note with no label") == "a note with no label"


def test_a_spanish_briefing_says_why_a_line_was_left_out_in_spanish_the_json_in_english(briefing, html):
    assert "[título: primera línea]" in html and "first line" not in html
    assert '"why": "first line"' in to_json(briefing)


def test_no_template_turns_escaping_off():
    text = template_text()
    assert "|safe" not in text.replace(" ", "") and "autoescape false" not in text
