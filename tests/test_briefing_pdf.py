"""The PDF read back (pypdf): outline, metadata, labels in both languages, links,
every section's text, the claim matrix, reviewer verdicts and user templates."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from reporter.run.briefing import Job, run
from reporter.settings import Report, Settings, Summary

ROOT = Path(__file__).resolve().parents[1]
SEEDS = tuple(str(p) for p in sorted((ROOT / "seeds").glob("*.txt")))

QUAKE_A = """Un terremoto sacude el sur del país

Un terremoto de magnitud 7,8 sacudió el martes el sur del país y dejó al menos 32 muertos, según Protección Civil.

El epicentro estuvo a 10 kilómetros de profundidad, informó el instituto geológico.

El presidente visitó la zona y prometió ayuda a las familias.
"""
QUAKE_B = """Fuerte sismo en el sur

Un sismo de magnitud 7,8 golpeó el martes el sur del país y causó 58 muertos, de acuerdo con Protección Civil.

El epicentro se localizó a 10 kilómetros de profundidad.

Cientos de familias durmieron en la calle por miedo a las réplicas.
"""
QUAKE_C = """Balance del sismo

El sismo del martes en el sur del país dejó 40 muertos, según el último balance de Protección Civil.

El gobierno anunció un fondo de emergencia para la reconstrucción.
"""


def text_of(reader: PdfReader) -> str:
    """All pages' text, white space folded (lines wrap wherever the layout breaks them)."""
    return " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())


def outline_titles(items) -> list[str]:
    out = []
    for item in items:
        if isinstance(item, list):
            out += outline_titles(item)
        else:
            out.append(item.title)
    return out


@pytest.fixture(scope="module")
def seeds_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds") / "seeds.pdf"
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    try:
        run(Job(SEEDS, str(out)))
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    return out


@pytest.fixture(scope="module")
def three_sources(tmp_path_factory):
    d = tmp_path_factory.mktemp("quake")
    files = []
    for name, text in (("a.txt", QUAKE_A), ("b.txt", QUAKE_B), ("c.txt", QUAKE_C)):
        (d / name).write_text(text, encoding="utf-8")
        files.append(str(d / name))
    out = d / "quake.pdf"
    run(Job(tuple(files), str(out), Settings(report=Report(ui_language="en"))))
    return out


def test_outline_has_every_section_and_every_article(seeds_pdf):
    titles = outline_titles(PdfReader(str(seeds_pdf)).outline)
    for section in ("Dónde discrepan las fuentes", "En qué coinciden las fuentes", "Lo que solo dice una fuente",
                    "Resúmenes", "Lista de verificación", "Anexo: todas las oraciones", "Cómo se hizo este informe"):
        assert section in titles
    assert sum(t.startswith("A: ") for t in titles) >= 2  # article A under summaries and appendix
    assert sum(t.startswith("B: ") for t in titles) >= 2


def test_metadata_title_subject_keywords_creator_and_fixed_date(seeds_pdf):
    meta = PdfReader(str(seeds_pdf)).metadata
    assert meta.title.startswith("Alarma en Occidente")
    assert "Informe comparativo" in meta.subject
    assert "000_60ab5307d725f76d.txt" in meta["/Keywords"]
    assert meta.creator.startswith("reporter ")
    assert "20231114" in meta["/CreationDate"]  # SOURCE_DATE_EPOCH=1700000000 is 2023-11-14


def test_tagged_pdf_with_the_document_language(seeds_pdf):
    root = PdfReader(str(seeds_pdf)).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "es"


def test_page_x_of_y_and_running_title(seeds_pdf):
    reader = PdfReader(str(seeds_pdf))
    n = len(reader.pages)
    assert f"2 / {n}" in (reader.pages[1].extract_text() or "")
    assert "Alarma en Occidente" in (reader.pages[1].extract_text() or "")  # running header


def test_every_section_has_its_text_in_spanish(seeds_pdf):
    text = text_of(PdfReader(str(seeds_pdf)))
    for label in ("Fuentes", "Relación", "De un vistazo", "No pasar por alto", "Contenido", "Veredicto", "Notas"):
        assert label.casefold() in text.casefold()  # table headers are upper-cased by the stylesheet
    assert "Rusia lleva tiempo vetando nuevas sanciones" in text  # an article sentence, verbatim
    assert "Deja un comentario" in text  # boilerplate is shown in the appendix...
    assert "descartada" in text  # ...and marked as left out


def test_claim_ids_link_to_the_appendix_and_back(seeds_pdf):
    reader = PdfReader(str(seeds_pdf))
    names = set(reader.named_destinations)
    links = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") == "/Link" and "/A" in a and "/D" in a["/A"]:
                links.append(str(a["/A"]["/D"]))
            elif a.get("/Subtype") == "/Link" and "/Dest" in a:
                links.append(str(a["/Dest"]))
    assert any(link.startswith("s-") for link in links)  # body -> appendix
    assert any(link.startswith(("p-", "c-", "o-", "m-", "k-")) for link in links)  # appendix -> body
    for link in links:
        assert link in names, f"dangling link {link}"


def test_english_labels_with_ui_language(three_sources):
    text = text_of(PdfReader(str(three_sources)))
    for label in ("Sources", "Where the sources disagree", "Claim matrix", "Checklist for review"):
        assert label in text
    assert "deaths" in text  # the conflict's kind, in the reader's language


def test_three_sources_have_a_claim_matrix_with_the_conflict(three_sources):
    import json

    data = json.loads(three_sources.with_suffix(".json").read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == ["A", "B", "C"]
    deaths = [c for c in data["claims"] if set(c["sentences"]) == {"A", "B", "C"}]
    assert deaths and deaths[0]["conflict"]  # 32 vs 58 vs 40 dead
    text = text_of(PdfReader(str(three_sources)))
    assert "A2 ≠" in text and "B2 ≠" in text


def test_a_verdict_lands_on_its_claim_and_the_file_is_never_written(tmp_path):
    import json

    first = tmp_path / "one.pdf"
    run(Job(SEEDS, str(first)))
    rows = list(csv.reader(io.StringIO(first.with_suffix(".csv").read_text(encoding="utf-8-sig"))))
    col = {name: i for i, name in enumerate(rows[0])}
    assert len(rows) > 3  # a reviewed row in the middle: a verdict put on the first or last flag would show
    reviewed = rows[2]
    reviewed[col["verdict"]], reviewed[col["notes"]] = "engañoso", "Falta contexto según el comunicado."
    filled = tmp_path / "filled.csv"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    filled.write_bytes(buf.getvalue().encode("utf-8-sig"))
    before = filled.read_bytes()
    second = tmp_path / "two.pdf"
    run(Job(SEEDS, str(second), verdicts=str(filled)))
    assert filled.read_bytes() == before
    assert second.with_suffix(".csv").read_bytes() == before  # the round trip, byte for byte

    sid, claim = reviewed[col["id"]], reviewed[col["claim"]]
    # the JSON: that claim's flag carries the verdict (canonical) and the notes, no other flag carries any
    data = json.loads(second.with_suffix(".json").read_text(encoding="utf-8"))
    text = {s["id"]: s["text"] for a in data["articles"] for s in a["sentences"]}
    assert text[sid] == claim
    carrying = [(f["sentence"], f["key"], f.get("verdict"), f.get("notes")) for f in data["flags"]
                if "verdict" in f or "notes" in f]
    assert carrying == [(sid, reviewed[col["key"]], "misleading", "Falta contexto según el comunicado.")]
    # the checklist CSV: that claim's row carries it as the reviewer wrote it, every other row is empty
    got = list(csv.DictReader(io.StringIO(second.with_suffix(".csv").read_text(encoding="utf-8-sig"))))
    assert [(r["id"], r["verdict"], r["notes"]) for r in got if r["verdict"] or r["notes"]] == [
        (sid, "engañoso", "Falta contexto según el comunicado.")]
    assert next(r for r in got if r["id"] == sid)["claim"] == claim
    # ClaimReview: one item, about that claim
    items = json.loads(second.with_suffix(".claimreview.json").read_text(encoding="utf-8"))
    assert [(i["claimReviewed"], i["reviewRating"]["alternateName"]) for i in items] == [(claim, "misleading")]
    pdf = text_of(PdfReader(str(second)))
    assert pdf.count("Falta contexto según el comunicado.") == 1 and "1 afirmaciones revisadas" in pdf


def test_user_templates_replace_ours_by_name(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "_front.html").write_text('<section><h1 class="doc-title">{{ v.title }}</h1>'
                                      '<p>OUR DESK STAMP</p></section>', encoding="utf-8")
    out = tmp_path / "x.pdf"
    run(Job(SEEDS, str(out), templates=str(mine)))
    text = text_of(PdfReader(str(out)))
    assert "OUR DESK STAMP" in text
    assert "Lista de verificación" in text  # the rest is still ours, with our stylesheet


def test_default_look_uses_our_stylesheet_and_fonts(seeds_pdf):
    reader = PdfReader(str(seeds_pdf))
    fonts = set()
    for page in reader.pages[:2]:
        for f in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(f.get_object()["/BaseFont"]))
    assert fonts and all("Briefing-" in f for f in fonts)  # our shipped DejaVu files, not whatever the system has
    assert all("+" in f for f in fonts)  # subset-embedded, not referenced


def test_settings_change_the_briefing(tmp_path):
    out = tmp_path / "lead.pdf"
    run(Job(SEEDS, str(out), Settings(summary=Summary(summarizer="lead", length="2"))))
    import json

    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["articles"][0]["summary"] == ["A4", "A5"]  # the first two body sentences


def test_claim_matrix_renders_when_a_source_repeats_a_claim_in_many_sentences(tmp_path):
    # regression: the conflict mark read the inner loop's index (one cell with more ids than sources)
    text = ("Titular {n}\n\nEl sismo dejó {d} muertos en el sur del país, según Protección Civil.\n\n"
            "El sismo dejó {d} muertos en el sur del país, dijo Protección Civil.\n\n"
            "El sismo dejó {d} muertos en el sur, según Protección Civil del país.\n\n"
            "El sismo dejó {d} muertos en el sur del país según la Protección Civil.\n")
    files = []
    for i, d in enumerate((58, 32, 32)):
        p = tmp_path / f"{i}.txt"
        p.write_text(text.format(n=i, d=d), encoding="utf-8")
        files.append(str(p))
    out = tmp_path / "m.pdf"
    run(Job(tuple(files), str(out)))
    assert "≠" in text_of(PdfReader(str(out)))
