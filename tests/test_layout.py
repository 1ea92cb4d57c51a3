"""Pages that earn their place and values the reader's way (issue 15, item 4): the briefing of
two short articles fits in five pages, every page but the last at least half full; nothing on
page 1 is cut with "…"; times read "23:49", lengths carry both units when the sources mix
them; a Spanish briefing has no English label; the shared-word line shows words as written;
--since shows new claims with their text and dropped ones without absolute paths."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import briefing_of, fixture, run_main
from reporter.report.readable import clock, file_markup, length, surface_words
from reporter.report.render import to_html
from reporter.report.view import build_view, visible

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def _brief(tmp_path: Path, files: list[Path], *extra: str) -> Path:
    for f in files:
        shutil.copy(f, tmp_path / f.name)
    r = run_main(["brief", *[f.name for f in files], "-o", "out/x.pdf", "--no-archive", *extra], cwd=tmp_path)
    assert r.status == 0, r.err
    return tmp_path / "out" / "x.pdf"


def _fill(page) -> float:
    """How far down the page its text reaches (0 top .. 1 bottom), the running header and the
    page number in the margins left out."""
    height = float(page.mediabox.height)
    ys: list[float] = []

    def visit(text, cm, tm, font, size):
        if cm[3] >= 0:  # not in WeasyPrint's page space (y down, scaled 0.75): the page-1 chart's SVG labels
            return
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and 45 < y < height - 40:  # the header and footer sit in the 15-16 mm margins
            ys.append(y)

    page.extract_text(visitor_text=visit)
    return (height - min(ys)) / height if ys else 0.0


def _assert_pages(pdf: Path, most: int) -> None:
    reader = PdfReader(str(pdf))
    n = len(reader.pages)
    assert n <= most, f"{pdf.name}: {n} pages"
    for i, page in enumerate(reader.pages[:-1]):
        assert _fill(page) >= 0.5, f"page {i + 1} of {n} is more than half empty ({_fill(page):.2f})"


def test_the_bundled_seeds_fit_in_five_pages_each_but_the_last_half_full(tmp_path):
    # 840 words in two articles were 8 pages: page 1 half empty, the contents on a page of their own,
    # a 2-page appendix starting a page
    _assert_pages(_brief(tmp_path, SEEDS, "--date", "A=2023-08-16", "--date", "B=2024-06-19"), 5)


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not here")
def test_the_shared_seeds_fit_in_five_pages(tmp_path):
    _assert_pages(_brief(tmp_path, sorted(SHARED_SEEDS.glob("*.txt"))), 5)


def test_a_team_pair_of_two_short_articles_fits_in_four_pages(tmp_path):
    # cercanias: 450 words in two Spanish articles (team-written)
    _assert_pages(_brief(tmp_path, [FIXTURES / "cercanias_a.txt", FIXTURES / "cercanias_b.txt"]), 4)


def test_page_one_cuts_no_title_or_key_point(tmp_path):
    # seed B has no title line: its title was its first sentence cut at 120 characters with "…"
    pdf = _brief(tmp_path, SEEDS)
    page1 = " ".join((PdfReader(str(pdf)).pages[0].extract_text() or "").split())
    assert "…" not in page1
    assert "firmaron un acuerdo de «asociación estratégica»" in page1  # B's title, whole
    v = build_view(briefing_of(*(p.read_text(encoding="utf-8") for p in SEEDS)))
    assert all(not s.title.endswith("…") for s in v.sources)
    assert all("…" not in k for k in v.key_points)


def test_file_names_break_only_after_separators():
    html = file_markup("000_60ab5307d725f76d.txt", visible)
    assert str(html) == "000_<wbr>60ab5307d725f76d.<wbr>txt"
    assert "&lt;b&gt;" in str(file_markup("<b>.txt", visible))  # still escaped


def test_times_read_the_readers_way():
    assert clock("23.49 horas", "es") == "23:49"
    assert clock("11:49 p.m.", "en") == "23:49"
    assert clock("las 11 de la noche", "es") == "23:00"
    assert clock("Thursday", "en") == "Thursday"  # not a time: as written
    # the fact table and the conflict of the Spanish-English pair: 23:49 against 11:50 p.m.
    v = build_view(briefing_of(fixture("valdora_es.txt"), fixture("valdora_en.txt")))
    row = next(r for r in v.facts if r.label == "hora")
    assert [s.value for s in row.says] == ["23:49", "23:50"]
    (d,) = next(p for p in v.conflicts if p.kinds == ("hora",)).relation.evidence.differing
    assert (d.a, d.b) == ("23:49", "23:50")
    assert "A y B discrepan en hora: 23:49 frente a 23:50" in v.key_points


def test_a_time_written_with_a_dot_is_shown_with_a_colon():
    a = ("Sismo en Oaxaca\n\nUn sismo de magnitud 7,1 sacudió Oaxaca a las 23.49 horas del jueves, informó el "
         "Servicio Sismológico Nacional.\n")
    b = ("Fuerte sismo en Oaxaca\n\nUn sismo de magnitud 7,1 sacudió Oaxaca a las 13.00 horas del jueves, según el "
         "Servicio Sismológico Nacional.\n")
    v = build_view(briefing_of(a, b))
    assert any("23:49 frente a 13:00" in k for k in v.key_points), v.key_points
    assert not any(re.search(r"\d, \d\d\b", s.value) for r in v.facts for s in r.says)


def test_lengths_carry_both_units_when_the_sources_mix_them():
    assert length("75", "mi", True, "en", "en") == "75 mi (121 km)"
    assert length("120", "km", True, "es", "es") == "120 km (75 mi)"
    assert length("6.2", "mi", True, "es", "en") == "6.2 mi (10 km)"
    assert length("10", "km", False, "es", "es") == "10 km"
    v = build_view(briefing_of(fixture("quake_a.txt"), fixture("quake_b.txt")))
    row = next(r for r in v.facts if r.label.startswith("distance"))
    assert [s.value for s in row.says] == ["75 mi (121 km)", "120 km (75 mi)"]
    v = build_view(briefing_of(fixture("valdora_es.txt"), fixture("valdora_en.txt")))
    row = next(r for r in v.facts if r.label == "profundidad")
    assert [s.value for s in row.says] == ["10 km (6,2 mi)", "6.2 mi (10 km)"]


ENGLISH = re.compile(r"\b(hour|hours|house|homes|Shared|Only in|Summaries|Appendix|sentences not cited|related link|"
                     r"dateline|standfirst|first line|score|figure|deaths|injured|briefing|fact-check)\b")


def _visible_text(html: str) -> str:
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S)
    labels = re.findall(r'(?:content|aria-label|alt|title)="([^"]*)"', html)
    return re.sub(r"<[^>]+>", " ", html) + " " + " ".join(labels)


def test_a_spanish_briefing_has_no_english_label():
    # the three-source briefing (two Spanish, one English source) in Spanish: the English
    # source's sentences aside, nothing on the page is English
    b = briefing_of(fixture("temblor_a.txt"), fixture("temblor_b.txt"), fixture("quake_b.txt"))
    html = to_html(build_view(b))
    english_source = {s.text for s in b.articles[2].sentences} | {b.articles[2].title}
    text = _visible_text(html)
    for sentence in sorted(english_source, key=len, reverse=True):
        text = text.replace(sentence, " ")
    text = re.sub(r"“[^”]*”", " ", text)  # page 1 quotes claims of the English source
    assert not ENGLISH.findall(text), sorted(set(ENGLISH.findall(text)))
    assert "viviendas" in text  # the count the English labels called "house"


def test_a_duration_is_shown_with_its_word_in_a_spanish_briefing():
    a = "Rescate en la mina\n\nLas labores de rescate duraron 3 horas, dijo Protección Civil.\n"
    b = "Rescate minero\n\nLas labores de rescate duraron 5 horas, según Protección Civil.\n"
    v = build_view(briefing_of(a, b))
    values = [s.value for r in v.facts for s in r.says]
    assert "3 horas" in values and not any("hour" in x for x in values)


def test_the_shared_word_line_shows_words_as_written():
    v = build_view(briefing_of(fixture("temblor_a.txt"), fixture("temblor_b.txt"), fixture("quake_b.txt")))
    words = {w for p in v.shared for w in p.shared_words}
    assert {"Servicio Sismológico Nacional", "magnitud 7,4", "200 viviendas", "dañadas"} <= words, words
    assert not words & {"servicio sismologico nacional", "danar", "7.4 magnitude", "200 house"}
    html = to_html(build_view(briefing_of(fixture("quake_a.txt"), fixture("quake_b.txt"))))
    assert "75 miles = 120 kilometres" in html
    # a lemma maps back to the word of the sentence; a stem nobody wrote is left out
    assert surface_words(("ucranio", "estrechar"), ("ucrania",), (),
                         (("Rusia estrecha lazos con Ucrania.", "es"),)) == ("Ucrania", "estrecha")


def test_since_shows_added_claims_with_their_text_and_no_absolute_path(tmp_path):
    shutil.copy(FIXTURES / "sismo_a.txt", tmp_path / "a.txt")
    shutil.copy(FIXTURES / "sismo_b.txt", tmp_path / "b.txt")
    # the first briefing names its sources by absolute path
    r = run_main(["brief", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", "one.pdf", "--no-archive"],
                 cwd=tmp_path)
    assert r.status == 0, r.err
    assert json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))["articles"][0]["source"].startswith("/")
    text = (tmp_path / "a.txt").read_text(encoding="utf-8")
    dropped = "El Sr. Gómez, alcalde de la ciudad, pidió ayuda a EE.UU. y a la Unión Europea."
    assert dropped in text
    (tmp_path / "a.txt").write_text(text.replace(dropped, "El alcalde decretó tres días de luto."), encoding="utf-8")
    r = run_main(["brief", "a.txt", "b.txt", "-o", "two.pdf", "--no-archive", "--since", "one.json", "--html"],
                 cwd=tmp_path)
    assert r.status == 0, r.err
    html = (tmp_path / "two.html").read_text(encoding="utf-8")
    section = html[html.index('id="sec-changes"'):html.index("</section>", html.index('id="sec-changes"'))]
    assert "El alcalde decretó tres días de luto." in section  # the new claim's text, not only its id
    assert str(tmp_path) not in section and "a.txt" in section


def test_a_count_is_named_by_its_own_number_not_a_time_holding_the_same_digits():
    from reporter.report.readable import counted_noun

    # "30" first stands in "8:30 a.m.": the row was labelled "a"
    assert counted_noun("30", "As of 8:30 a.m., rescuers had pulled 30 people alive from the rubble.") == "people"
    assert counted_noun("4.000", "Unas 4.000 viviendas se quedaron sin luz.") == "viviendas"


def test_a_time_of_night_in_words_is_shown_on_the_24_hour_clock():
    a = ("Sismo en Oaxaca\n\nUn sismo de magnitud 7,1 sacudió Oaxaca a las 11:49 de la noche del jueves, informó el "
         "Servicio Sismológico Nacional.\n")
    b = ("Fuerte sismo en Oaxaca\n\nUn sismo de magnitud 7,1 sacudió Oaxaca a la 1 de la tarde del jueves, según el "
         "Servicio Sismológico Nacional.\n")
    v = build_view(briefing_of(a, b))
    assert "A y B discrepan en hora: 23:49 frente a 13:00" in v.key_points, v.key_points


def test_the_differing_value_is_marked_where_it_stands_and_report_times_read_plainly():
    from reporter.model import Difference
    from reporter.report.labels import EN
    from reporter.report.view import _reader_when, highlight

    html = str(highlight("As of 8:30 a.m., rescuers had pulled 30 people alive.", set(), "en", values=("30",)))
    assert '8:30 a.m.' in html and 'pulled <mark class="diff">30</mark>' in html
    # the compare stage writes the publication date and time, then the report time
    d = _reader_when(Difference("count", "people", "30", "41", "", "2026-03-17 08:55 08:30", "2026-03-17 14:20 14:00"), EN)
    assert (d.a_when, d.b_when) == ("08:30", "14:00")
    d = _reader_when(Difference("count", "people", "30", "41", "", "2026-03-17 08:30", "2026-03-17 14:00"), EN)
    assert (d.a_when, d.b_when) == ("08:30", "14:00")
    d = _reader_when(Difference("year", "", "1974", "1981", "", "2026-03-17T08:55", "2026-03-18T14:20"), EN)
    assert (d.a_when, d.b_when) == ("17 March 2026, 08:55", "18 March 2026, 14:20")


def test_every_fact_kind_a_conflict_can_name_has_a_label_in_each_language():
    # an age conflict (issue 14: two ages of one named person) said "age" in a Spanish briefing
    from reporter.report.labels import labels_for
    from reporter.stages.facts import KINDS
    from dataclasses import fields
    kinds = labels_for("es").facts.kinds
    named = {f.name for f in fields(kinds)}
    unnamed = [k for k in KINDS - {"report-date"} if kinds.KEYS.get(k, k) not in named]
    assert not unnamed, unnamed
    assert labels_for("es").facts.kinds.of("age") == "edad"


def test_the_json_says_when_a_side_states_a_value_without_two_times_side_by_side():
    # relations[].differing[].a_when was '2026-03-17 08:55 08:30': the publication's time and the report's
    from reporter.model import Article, Fact, Published
    from reporter.stages.compare import _when
    art = Article("A", "a.html", "", "", "en", (), published=Published("2026-03-17T08:55", "html-meta"))
    assert _when(Fact("A1", "count", 30, "person", "30", at="08:30"), art) == "2026-03-17 08:30"
    assert _when(Fact("A1", "count", 30, "person", "30"), art) == "2026-03-17 08:55"
