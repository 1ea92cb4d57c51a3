"""Dates inside claims and publication dates (issue 14): reporter/text/dates.py, stages/timeline.py,
the date lines of ingest, the page metadata of read, --date and the batch's date columns."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from conftest import FIXTURES, briefing_of, one_error_line, run_main
from reporter.errors import ExitStatus, InputError
from reporter.model import BOILERPLATE, Published
from reporter.report.json_twin import to_dict
from reporter.report.view import build_view
from reporter.settings import Settings
from reporter.stages.ingest import classify_lines, publication
from reporter.stages.read import html_published
from reporter.text.dates import mentions, parse_date_option, resolve_first
from reporter.tools import evaldates

WED = date(2023, 8, 16)  # a Wednesday


def value(text: str, lang: str = "es", pub: date | None = WED) -> str:
    return resolve_first(text, lang, pub)


# --- resolving -------------------------------------------------------------------------------


def test_the_dev_set_resolves_at_least_95_percent_exactly():
    # The target on held-out data is 0.95; the dev set (written by the team, es and en,
    # past and future, year rollovers, coarse dates) must not fall under it.
    rows = evaldates.read_rows(str(FIXTURES / "dates-dev.tsv"))
    assert len(rows) >= 80 and {r["language"] for r in rows} == {"es", "en"}
    right, total = evaldates.score(rows, evaldates.predict(rows))["all"]
    assert right / total >= 0.95


def test_past_tense_takes_the_weekday_before_and_future_the_one_after():
    assert value("El alcalde inauguró el martes el puente.") == "2023-08-15"
    assert value("La cumbre se celebrará el viernes en Lisboa.") == "2023-08-18"
    assert value("The mayor opened the bridge on Tuesday.", "en") == "2023-08-15"
    assert value("Ministers will meet on Friday.", "en") == "2023-08-18"


def test_the_publication_weekday_is_the_same_day():
    # news published on a Wednesday saying "el miércoles" mean that day, not a week before
    assert value("Los bomberos llegaron en la madrugada del miércoles.") == "2023-08-16"


def test_the_clause_of_the_date_decides_not_the_first_verb():
    # "anunció el lunes que recortará": the Monday is the announcement's, in the past
    assert value("La empresa anunció el lunes que recortará 500 empleos.", pub=date(2024, 6, 19)) == "2024-06-17"
    assert value("Las declaraciones se producen antes de una cumbre, que se celebrará el viernes.") == "2023-08-18"


def test_years_roll_over_both_ways():
    new_year = date(2024, 1, 2)
    assert value("El incendio comenzó el sábado.", pub=new_year) == "2023-12-30"
    assert value("Four people died on December 28.", "en", new_year) == "2023-12-28"
    assert value("La vacunación empezará el 8 de enero.", pub=date(2023, 12, 29)) == "2024-01-08"
    assert value("Los precios subieron en diciembre.", pub=date(2025, 1, 1)) == "2024-12"
    assert value("La tormenta dejó sin luz a miles de hogares ayer.", pub=date(2025, 1, 1)) == "2024-12-31"


def test_coarse_dates_keep_their_granularity():
    assert value("Shoigú calificó a Corea del Norte a finales de julio de socio.") == "2023-07"
    assert value("El banco subirá los tipos el año que viene.") == "2024"
    assert value("The river reached its lowest level last September.", "en") == "2022-09"
    assert value("Since 2000, the population has doubled.", "en") == "2000"
    assert value("Las lluvias comenzaron hace dos días.") == "2023-08-14"
    assert value("El volcán entró en erupción hace tres meses.") == "2023-05"


def test_without_a_publication_date_relative_dates_stay_unresolved_and_absolute_ones_resolve():
    assert value("La protesta se repitió ayer.", pub=None) == ""
    assert value("El martes el ministro dimitió.", pub=None) == ""
    assert value("El puerto cerró el 3 de mayo de 2019.", pub=None) == "2019-05-03"
    assert value("The law came into force in January 2021.", "en", None) == "2021-01"


def test_words_that_only_look_like_dates_are_not_dates():
    assert value("Los vecinos salieron por la mañana a la calle.") == ""  # the morning, not tomorrow
    assert value("La marcha llegó a la Plaza de Mayo.") == ""
    assert value("Llegaron desde 2000 kilómetros de distancia.") == ""
    assert value("Officials may march to the capital.", "en") == ""
    assert value("June Carter sang at the festival.", "en") == ""


def test_mentions_point_into_the_sentence():
    text = "El presidente envió el martes un mensaje y viajará el viernes."
    found = mentions(text, "es", WED)
    assert [(text[m.start:m.end], m.value) for m in found] == [("el martes", "2023-08-15"), ("el viernes", "2023-08-18")]


# --- the --date option and the batch's columns ------------------------------------------------


def test_date_option_is_id_equals_a_real_iso_day():
    assert parse_date_option("b=2024-06-19") == ("B", "2024-06-19")
    for bad in ("B", "B=19/06/2024", "B=2024-02-30", "=2024-06-19"):
        with pytest.raises(ValueError):
            parse_date_option(bad)


def test_a_bad_date_option_is_one_error_line_exit_3(tmp_path):
    a, b = FIXTURES / "sismo_a.txt", FIXTURES / "sismo_b.txt"
    line = one_error_line(run_main(["brief", a, b, "--date", "A=2024-13-01", "-o", tmp_path / "x.pdf"], cwd=tmp_path),
                          ExitStatus.INPUT)
    assert "2024-13-01" in line
    line = one_error_line(run_main(["brief", a, b, "--date", "C=2024-01-01", "-o", tmp_path / "x.pdf"], cwd=tmp_path),
                          ExitStatus.INPUT)
    assert "no article C" in line
    assert not list(tmp_path.iterdir())


def test_batch_date_columns_give_each_row_its_dates(tmp_path):
    from reporter.run.batch import read_manifest

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Texto.\n", encoding="utf-8")
    (tmp_path / "m.csv").write_text("output,article1,article2,date1,date2\nx.pdf,a.txt,b.txt,,2024-06-19\n",
                                    encoding="utf-8")
    rows = read_manifest(tmp_path / "m.csv", Settings(), False)
    assert rows[0].job.settings.dates == (("B", "2024-06-19"),)
    (tmp_path / "bad.csv").write_text("output,article1,article2,date1\nx.pdf,a.txt,b.txt,2024/06/19\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: date1"):
        read_manifest(tmp_path / "bad.csv", Settings(), False)


# --- publication dates from the text and the page ---------------------------------------------


def test_an_updated_line_is_a_date_stamp_not_a_heading():
    text = "Quake kills 30\nUpdated at 6:00 a.m. ET\n\nThe quake struck at night, officials said.\n"
    roles = [(text[x.start:x.end], x.role, x.why) for x in classify_lines(text)]
    assert roles[1] == ("Updated at 6:00 a.m. ET", BOILERPLATE, "date stamp")


def test_byline_dateline_and_updated_line_give_the_publication_date():
    def pub(text):
        return publication(text, classify_lines(text))

    assert pub("Title here\nBy Jane Doe, August 15, 2023\n\nThe quake struck.\n") == Published("2023-08-15", "byline")
    assert pub("Sismo en Oaxaca\n\nCIUDAD DE MÉXICO, 16 de agosto de 2023 (EFE).- Un sismo sacudió el sur.\n") \
        == Published("2023-08-16", "dateline")
    assert pub("Quake\nUpdated August 16, 2023 at 6:00 AM ET\n\nThe quake struck.\n") == Published("2023-08-16", "updated-line")
    # a dateline without its year, or a date inside the story, is not a publication date
    assert pub("Sismo\n\nMADRID, 16 ago (EFE).- Un sismo sacudió el sur.\n") is None
    assert pub("Sismo\n\nEl 16 de agosto de 2023, un sismo sacudió el sur, dijo el gobierno.\n") is None


def test_html_metadata_gives_the_date_and_the_page_text_never_does():
    meta = '<html><head><meta property="article:published_time" content="2023-08-16T10:32:00+02:00"></head>' \
           "<body><article><p>Publicado el 12 de mayo de 2020.</p></article></body></html>"
    assert html_published(meta) == Published("2023-08-16T10:32", "html-meta")
    assert html_published("<html><body><p>Publicado el 12 de mayo de 2020.</p></body></html>") is None


# --- the briefing -------------------------------------------------------------------------------

A_TEXT = ("Reunión en Lisboa\n\nEl ministro llegó el martes a Lisboa para la cumbre.\n\n"
          "La reunión terminará el viernes, según la organización.\n\nEl acuerdo anterior se firmó en marzo de 2021.\n")
B_TEXT = ("Cumbre en Lisboa\n\nLos ministros firmaron el miércoles un acuerdo en Lisboa.\n\n"
          "El primer acuerdo se firmó en marzo de 2021, recordaron.\n")


def test_briefing_carries_publication_dates_and_a_timeline_in_its_json():
    settings = replace(Settings(), dates=(("A", "2023-08-16"), ("B", "2024-06-19")))
    data = to_dict(briefing_of(A_TEXT, B_TEXT, settings=settings))
    assert [a["published"] for a in data["articles"]] == [{"date": "2023-08-16", "how": "option"},
                                                          {"date": "2024-06-19", "how": "option"}]
    timeline = {e["date"]: e for e in data["timeline"]}
    assert timeline["2023-08-15"]["text"] == "el martes" and timeline["2023-08-15"]["granularity"] == "day"
    assert timeline["2023-08-18"]["text"] == "el viernes"
    assert timeline["2024-06-19"]["sentences"][0].startswith("B")
    assert len(timeline["2021-03"]["sentences"]) == 2  # both sources mention March 2021
    assert [e["date"] for e in data["timeline"]] == sorted(e["date"] for e in data["timeline"])
    json.dumps(data)


def test_without_dates_the_json_says_null_and_only_absolute_dates_are_on_the_timeline():
    data = to_dict(briefing_of(A_TEXT, B_TEXT))
    assert [a["published"] for a in data["articles"]] == [None, None]
    assert [e["date"] for e in data["timeline"]] == ["2021-03"]


def test_page_one_orders_the_sources_in_time_and_says_how_far_apart():
    settings = replace(Settings(), dates=(("A", "2024-06-19"), ("B", "2023-08-16")))
    b = briefing_of(A_TEXT, B_TEXT, settings=settings)
    en, es = build_view(b, "en"), build_view(b, "es")
    assert en.published[0].startswith("B 16 August 2023") and en.published[1].startswith("A 19 June 2024")
    assert en.chronology == ("A is 10 months later than B.",)
    assert es.chronology == ("A se publicó 10 meses después que B.",)
    assert en.timeline[0].date == "March 2021" and es.timeline[0].date == "marzo de 2021"


def test_eval_dates_writes_one_prediction_per_row(tmp_path):
    out = tmp_path / "pred.tsv"
    r = run_main(["eval", "dates", FIXTURES / "dates-dev.tsv", "--predictions", out, "--json"], cwd=tmp_path)
    assert r.status == 0, r.err
    rows = evaldates.read_rows(str(FIXTURES / "dates-dev.tsv"))
    assert len(out.read_text(encoding="utf-8").split("\n")) == len(rows) + 1  # the last line ends with \n
    result = json.loads(r.out)
    assert result["rows"][-1]["language"] == "all"


def test_a_year_alone_counts_unless_it_counts_something():
    assert value("La inflación cerró 2022 en el 5,7 %.") == "2022"
    assert value("Inflation ended 2022 at 5.7%.", "en") == "2022"
    assert value("Unos 2000 manifestantes marcharon.") == ""
    assert value("Se pagaron 2023 euros.") == ""


def test_a_weekday_with_its_day_number_and_the_end_of_the_year():
    assert value("El sismo del martes 15 dejó tres muertos.") == "2023-08-15"
    assert value("A finales de año habrá elecciones.") == "2023"
    assert value("By the end of next year, prices will fall.", "en") == "2024"


def test_hostile_sentences_cost_bounded_time():
    # a 100,000-character "sentence" of dates or date-like words: the work is capped
    # (MAX_CHARS read, MAX_MENTIONS kept, the tense read near each date), not quadratic
    import time

    for text in ("2023 " * 20000, "el martes " * 10000, "on Tuesday, August 15 the " * 4000, "1 " * 50000):
        started = time.perf_counter()
        for lang in ("es", "en"):
            found = mentions(text, lang, WED)
            assert len(found) <= 40 and all(0 <= m.start < m.end <= len(text) for m in found)
        assert time.perf_counter() - started < 2.0


def test_an_html_file_read_carries_its_metadata_date(tmp_path):
    from reporter.stages.read import read

    page = tmp_path / "a.html"
    page.write_text('<html><head><title>Sismo en Oaxaca</title><script type="application/ld+json">'
                    '{"@type": "NewsArticle", "datePublished": "2024-06-19T08:00:00Z"}</script></head><body><article>'
                    "<h1>Sismo en Oaxaca</h1><p>Un sismo de magnitud 7,1 sacudió el sur de México el martes por la noche, "
                    "según el Servicio Sismológico Nacional.</p><p>Las autoridades informaron de daños en varias "
                    "viviendas de la región y de cortes de luz en tres municipios.</p></article></body></html>",
                    encoding="utf-8")
    got = read(str(page), env=__import__("reporter.run.env", fromlist=["Env"]).Env(cwd=tmp_path))
    assert got.published is not None and got.published.date.startswith("2024-06-19") and got.published.how == "html-meta"
    assert read_text_date(tmp_path) is None


def read_text_date(tmp_path):
    from reporter.stages.read import read

    plain = tmp_path / "b.txt"
    plain.write_text("Sismo\n\nPublicado el 16 de agosto de 2023 en la web.\n", encoding="utf-8")
    return read(str(plain), env=__import__("reporter.run.env", fromlist=["Env"]).Env(cwd=tmp_path)).published


def test_a_spanish_dateline_with_an_abbreviated_month_gives_the_date():
    text = "Sismo\n\nMADRID, 16 ago. 2023 (EFE).- Un sismo sacudió el sur.\n"
    assert publication(text, classify_lines(text)) == Published("2023-08-16", "dateline")
    assert value("El barco cruzó el mar 2023 veces.", pub=None) == ""  # "mar" alone is the sea


from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-/eldmartsovjuniahcpyMTASJD")), max_size=200),
       st.sampled_from(["es", "en"]), st.one_of(st.none(), st.dates()))
def test_mentions_are_ordered_disjoint_spans_of_the_text(text, lang, pub):
    found = mentions(text, lang, pub)
    for m in found:
        assert text[m.start:m.end] == m.text and m.granularity in ("day", "month", "year")
        assert m.value == "" or m.value[:4].isdigit()
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_reporting_that_starts_like_a_byline_or_a_stamp_stays_body_and_gives_no_date():
    for line in ("By August 15, 2023, the fund had paid out 40 claims.",
                 "Updated figures released on August 15, 2023 show 40 deaths."):
        text = f"Title\n{line}\n\nMore reporting here.\n"
        lines = classify_lines(text)
        assert lines[1].role == "body" and publication(text, lines) is None


def test_a_weekday_with_its_date_is_that_date():
    # the explicit date wins over the weekday's own reading (the Wednesday before 27 June is the 26th)
    assert value("Putin arrived in Pyongyang early Wednesday, June 19.", "en", date(2024, 6, 27)) == "2024-06-19"
    assert value("Putin llegó a Pyongyang el miércoles 19 de junio.", "es", date(2024, 6, 27)) == "2024-06-19"


# --- ranges, weeks, weekends, seasons, spans (dates-heldout3.tsv's first run: 53/76) ----------


def test_every_team_set_stays_at_or_over_95_percent():
    # the held-out sets became regression sets once their misses were fixed (README: first runs)
    for name in ("dates-heldout.tsv", "dates-heldout2.tsv", "dates-heldout3.tsv", "dates-heldout4.tsv",
                 "dates-heldout5.tsv"):
        rows = evaldates.read_rows(str(FIXTURES / name))
        right, total = evaldates.score(rows, evaldates.predict(rows))["all"]
        assert right / total >= 0.95, name


def test_a_range_of_days_resolves_to_its_first_day():
    may = date(2025, 5, 20)
    assert value("Las jornadas se celebrarán del 3 al 5 de junio.", pub=may) == "2025-06-03"
    assert value("Entre el 2 y el 6 de junio habrá cortes.", pub=may) == "2025-06-02"
    assert value("Talks were held from 12 to 14 May.", "en", may) == "2025-05-12"
    assert value("The fair runs between June 3 and 5.", "en", may) == "2025-06-03"


def test_a_week_resolves_to_its_monday_and_a_weekend_to_its_saturday():
    monday = date(2025, 3, 10)
    assert value("La semana pasada el precio de la luz subió.", pub=monday) == "2025-03-03"
    assert value("El Congreso debatirá la ley la semana que viene.", pub=monday) == "2025-03-17"
    assert value("Prices hit a new high the week before.", "en", monday) == "2025-03-03"
    assert value("Un incendio calcinó el fin de semana 200 hectáreas.", pub=monday) == "2025-03-08"
    assert value("The storm will reach the coast next weekend.", "en", monday) == "2025-03-15"


def test_a_season_resolves_to_the_year_it_starts_in():
    october = date(2025, 10, 8)
    assert value("Las obras se reanudarán la próxima primavera.", pub=october) == "2026"
    assert value("Record heat was measured last summer.", "en", october) == "2025"
    assert value("El verano de 2022 fue el más cálido.", pub=october) == "2022"
    assert value("El Gobierno aprobará los presupuestos antes del verano.", pub=october) == ""  # an open time


def test_a_span_up_to_or_from_the_publication_resolves_to_its_first_day():
    august = date(2025, 8, 20)
    assert value("Se han atendido 300 llamadas en las últimas 48 horas.", pub=august) == "2025-08-18"
    assert value("Firefighters rescued 40 people in the past 24 hours.", "en", august) == "2025-08-19"
    assert value("Se esperan lluvias en las próximas 72 horas.", pub=august) == "2025-08-20"
    assert value("The rescue took 48 hours.", "en", august) == ""  # a duration, no date


def test_a_day_set_for_something_is_the_nearest_such_day_whatever_the_verb():
    june = date(2025, 6, 5)
    assert value("El sindicato convocó una huelga para el 23 de junio.", pub=june) == "2025-06-23"
    assert value("Inflation data for June 23 showed a rise.", "en", date(2025, 10, 8)) == "2025-06-23"
    assert value("El pasado día 12 la policía desmanteló un laboratorio.", pub=date(2025, 5, 20)) == "2025-05-12"


def test_names_and_habits_that_look_like_weeks_or_seasons_are_not_dates():
    pub = date(2025, 10, 8)
    for text, lang in (("La Primavera Árabe cambió la región.", "es"), ("The Arab Spring changed the region.", "en"),
                       ("A fall in prices hit farmers.", "en"), ("Since the fall of Kabul, thousands fled.", "en"),
                       ("Trabaja tres días a la semana.", "es"), ("Cada fin de semana llegan turistas.", "es"),
                       ("He works every weekend.", "en"), ("The week before the election was tense.", "en"),
                       ("La semana anterior a las elecciones fue tensa.", "es"), ("He scored on the 3rd attempt.", "en"),
                       ("El fin de semana de Pascua hubo atascos.", "es"), ("El día 5 de cada mes cobran.", "es")):
        assert value(text, lang, pub) == "", text


# --- holidays, school years, decades, irregular pasts (dates-heldout4.tsv's first run: 86/95) ---


def test_a_holiday_is_its_day_nearest_by_the_tense():
    assert value("El día de Navidad, un alud sepultó a tres montañeros.", pub=date(2025, 12, 27)) == "2025-12-25"
    assert value("Las pasadas Navidades se vendieron más juguetes.", pub=date(2025, 11, 6)) == "2024-12-25"
    assert value("Forecasters warn of snow on Christmas Eve.", "en", date(2025, 12, 20)) == "2025-12-24"
    assert value("The bridge will stay closed until Christmas.", "en", date(2025, 11, 6)) == "2025-12-25"
    # movable feasts: Easter's (2025-04-20) and the US's fourth Thursday of November
    assert value("El Viernes Santo hubo tres procesiones.", pub=date(2025, 5, 2)) == "2025-04-18"
    assert value("Airports expect record traffic over Thanksgiving.", "en", date(2025, 11, 20)) == "2025-11-27"
    assert value("La Semana Santa de 2024 dejó récord de turistas.", pub=date(2025, 5, 2)) == "2024-03-24"


def test_holiday_names_that_name_something_else_or_an_open_time_are_not_dates():
    pub = date(2025, 11, 6)
    for text, lang in (("La Lotería de Navidad repartirá millones.", "es"), ("Feliz Navidad a todos.", "es"),
                       ("El Gobierno quiere aprobar la ley antes de Navidad.", "es"), ("Los Reyes visitaron Huelva.", "es"),
                       ("The Good Friday Agreement was a turning point.", "en"), ("Christmas Island lies south of Java.", "en"),
                       ("Crowds gathered at Christmas markets.", "en"), ("A mayday call was received.", "en"),
                       ("Prices rose before Christmas.", "en")):
        assert value(text, lang, pub) == "", text


def test_a_school_year_resolves_to_the_year_it_starts_in():
    april, october = date(2025, 4, 22), date(2025, 10, 1)
    assert value("El ministerio aplicará el currículo el próximo curso.", pub=april) == "2025"
    assert value("El ministerio aplicará el currículo el próximo curso.", pub=october) == "2026"
    assert value("Este curso han aumentado las bajas.", pub=april) == "2024"  # 2024-25, under way
    assert value("Enrolment fell last academic year.", "en", october) == "2024"
    assert value("The rules apply from the 2026-27 school year.", "en", april) == "2026"
    assert value("En el curso de la investigación surgieron indicios.", pub=april) == ""
    assert value("El nuevo curso escolar empezará en septiembre.", pub=date(2024, 8, 1)) == "2024-09"


def test_decades_lustros_and_fortnights_count_in_years_or_weeks():
    pub = date(2025, 9, 15)
    assert value("Hace una década, la ciudad apenas recibía turistas.", pub=pub) == "2015"
    assert value("Hace un lustro la empresa facturaba la mitad.", pub=pub) == "2020"
    assert value("A fortnight ago the plant stopped.", "en", pub) == "2025-09-01"
    assert value("Dentro de dos décadas la población habrá envejecido.", pub=pub) == "2045"


def test_an_irregular_past_that_looks_like_a_present_takes_the_weekday_before():
    wednesday = date(2025, 3, 5)
    assert value("Liverpool beat Southampton 3-1 on Sunday.", "en", wednesday) == "2025-03-02"
    assert value("Farmers drove tractors into the city on Monday.", "en", wednesday) == "2025-03-03"
    # a noun or a state, not a past: "cut", "shut", "bit"
    assert value("The rate cut takes effect on Monday.", "en", wednesday) == "2025-03-10"
    assert value("Museums will stay shut on Monday.", "en", wednesday) == "2025-03-10"
    assert value("Prices will fall a bit on Friday.", "en", wednesday) == "2025-03-07"


def test_a_participle_after_a_future_verb_is_not_a_past_cue():
    # "closed" beside the date read as past: 2024-12-25 before
    assert value("The bridge will stay closed until December 25.", "en", date(2025, 11, 6)) == "2025-12-25"


def test_this_morning_or_tonight_in_spanish_is_the_publication_day():
    # "madrugada", "tarde", "noche" were no trigger words: the sentence was never read for dates
    pub = date(2025, 10, 14)
    assert value("Esta madrugada se ha producido un tiroteo.", pub=pub) == "2025-10-14"
    assert value("Esta tarde el Congreso votará la reforma.", pub=pub) == "2025-10-14"
    assert value("Llegó tarde a la reunión.", pub=pub) == ""


def test_in_two_years_after_a_superlative_looks_back_not_ahead():
    # "the fastest increase in a decade" read as 2035 once decades counted
    pub = date(2025, 11, 6)
    assert value("Rents rose 9% in the capital, the fastest increase in a decade.", "en", pub) == ""
    assert value("For the first time in two years, exports fell.", "en", pub) == ""
    assert value("The interest rate will rise in two months.", "en", pub) == "2026-01"


def test_a_spanish_irregular_past_with_a_prefix_takes_the_weekday_before():
    # 'detuvo', 'impuso', 'redujo' were no past cue: the Tuesday after (dates-heldout5 found 'interpuso')
    thursday = date(2025, 10, 16)
    assert value("La policía detuvo el martes a tres sospechosos.", pub=thursday) == "2025-10-14"
    assert value("El juez impuso el lunes una fianza.", pub=thursday) == "2025-10-13"
    assert value("El Ejecutivo redujo el martes la previsión.", pub=thursday) == "2025-10-14"
    assert value("El fin de semana, la Policía Local interpuso 40 denuncias.", pub=date(2025, 11, 12)) == "2025-11-08"


def test_a_number_after_a_weekday_that_counts_something_is_not_its_day():
    thursday = date(2025, 10, 16)
    assert value("El fiscal pidió el martes 20 años de cárcel.", pub=thursday) == "2025-10-14"
    assert value("La Guardia Civil intervino el lunes 200 kilos de cocaína.", pub=thursday) == "2025-10-13"
    assert value("El próximo lunes 20 se abrirá el plazo.", pub=thursday) == "2025-10-20"


def test_a_name_that_holds_a_date_is_not_a_date():
    thursday = date(2025, 10, 16)
    assert value("El Hospital 12 de Octubre atendió a los heridos.", pub=thursday) == ""
    assert value("La marcha recorrió la avenida 9 de Julio.", pub=thursday) == ""
    assert value("Los vecinos de la calle Primero de Mayo protestaron.", pub=thursday) == ""
    assert value("The Sunday Times reported that the minister had resigned.", "en", thursday) == ""
    assert value("The Sunday Telegraph reported the leak.", "en", thursday) == ""
    # but a weekday after 'the' with no name after it is still a date
    assert value("Talks will resume at the Monday meeting.", "en", thursday) == "2025-10-20"


def test_the_day_before_with_no_other_day_is_the_day_before_publication():
    thursday = date(2025, 10, 16)
    assert value("La víspera, el acusado había visitado la casa.", pub=thursday) == "2025-10-15"
    assert value("The minister had announced the cuts the day before, officials said.", "en", thursday) == "2025-10-15"
    # another event's eve: no date
    assert value("Llegó a Madrid la víspera de las elecciones.", pub=thursday) == ""
    assert value("He flew to Madrid the day before the election.", "en", thursday) == ""


def test_more_holidays_and_the_first_of_a_month():
    assert value("The mayor will be sworn in on Martin Luther King Jr. Day.", "en", date(2026, 1, 2)) == "2026-01-19"
    assert value("Voters go to the polls on Election Day.", "en", date(2025, 10, 16)) == "2025-11-04"
    assert value("Schools close on Presidents' Day.", "en", date(2025, 10, 16)) == "2026-02-16"
    assert value("Las ventas del Black Friday crecerán un 5 %.", pub=date(2025, 10, 16)) == "2025-11-28"
    assert value("La norma entró en vigor el primero de junio.", pub=date(2025, 6, 10)) == "2025-06-01"
    assert value("Schools reopened on the 8th after the summer break.", "en", date(2025, 9, 22)) == "2025-09-08"
    assert value("The meeting is on the 3rd floor.", "en", date(2025, 9, 22)) == ""


def test_a_quarter_of_a_year_is_its_year_and_a_games_quarter_is_no_date():
    assert value("El PIB creció un 0,8 % en el cuarto trimestre.", pub=date(2025, 2, 1)) == "2024"
    assert value("El PIB crecerá un 0,5 % en el primer trimestre.", pub=date(2025, 11, 20)) == "2026"
    assert value("La empresa ganó 300 millones en el primer semestre del año pasado.", pub=date(2025, 10, 16)) == "2024"
    assert value("GDP grew 0.8% in the fourth quarter.", "en", date(2025, 1, 30)) == "2024"
    assert value("The Bears scored twice in the third quarter.", "en", date(2025, 11, 20)) == ""


def test_a_spanish_month_opening_the_sentence_is_that_month():
    assert value("Septiembre cerró con 20.000 parados más.", pub=date(2025, 10, 16)) == "2025-09"
    assert value("Mayo Oyarzábal marcó dos goles.", pub=date(2025, 10, 16)) == ""


def test_a_day_of_this_or_last_month_and_a_part_of_a_week():
    wednesday = date(2025, 3, 12)
    assert value("Los hechos ocurrieron el 3 de este mes.", pub=wednesday) == "2025-03-03"
    assert value("La denuncia se presentó el 3 del mes pasado.", pub=wednesday) == "2025-02-03"
    assert value("The complaint was filed on the 3rd of last month.", "en", wednesday) == "2025-02-03"
    assert value("A principios de semana el Gobierno anunció el plan.", pub=wednesday) == "2025-03-10"
    assert value("Los fines de semana el museo abre hasta las 20.00.", pub=wednesday) == ""


def test_numeric_dates_with_dashes_or_dots():
    wednesday = date(2025, 3, 12)
    assert value("El tratado se firmó el 12-03-2024.", pub=wednesday) == "2024-03-12"
    assert value("The treaty was signed on 12.03.2024.", "en", wednesday) == "2024-03-12"  # dots: day first
    assert value("The treaty was signed on 3-12-2024.", "en", wednesday) == "2024-03-12"  # US: month first


def test_a_day_something_is_put_off_to_is_ahead_and_until_is_the_nearest():
    wednesday = date(2025, 3, 12)
    assert value("La jueza aplazó el juicio al lunes.", pub=wednesday) == "2025-03-17"
    assert value("The hearing was postponed to April 2.", "en", wednesday) == "2025-04-02"
    assert value("Applications can be submitted until March 31.", "en", wednesday) == "2025-03-31"
    assert value("The exhibition was open until March 2.", "en", wednesday) == "2025-03-02"


def test_a_year_naming_an_event_is_that_year():
    wednesday = date(2025, 3, 12)
    assert value("Turnout in the 2024 election was 65%.", "en", wednesday) == "2024"
    assert value("The 2022 report found no wrongdoing.", "en", wednesday) == ""


def test_a_participle_clause_before_a_weekday_is_past():
    wednesday = date(2025, 5, 14)
    assert value("El incendio, declarado el lunes, sigue activo.", pub=wednesday) == "2025-05-12"
    assert value("Pasará a disposición judicial tras ser arrestado el lunes.", pub=wednesday) == "2025-05-12"
    assert value("La huelga convocada para el jueves sigue en pie.", pub=wednesday) == "2025-05-15"


def test_overnight_from_now_and_through_the_weekend():
    wednesday = date(2025, 5, 14)
    assert value("Overnight, Russia launched 100 drones at Kyiv.", "en", wednesday) == "2025-05-13"
    assert value("Rain is expected overnight.", "en", wednesday) == "2025-05-14"
    assert value("The hotel offers overnight stays.", "en", wednesday) == ""
    assert value("Two years from now, the line will be finished.", "en", wednesday) == "2027"
    assert value("De aquí a dos años la línea estará terminada.", pub=wednesday) == "2027"
    assert value("The cold snap will last through the weekend.", "en", wednesday) == "2025-05-17"


def test_a_present_that_ends_like_an_imperfect_and_a_year_with_its_article():
    wednesday = date(2026, 1, 7)
    # 'acaba' read as an imperfect ('-aba'): the 15th of January a year back
    assert value("El plazo acaba el 15 de enero.", pub=wednesday) == "2026-01-15"
    assert value("El acusado acababa de salir el lunes.", pub=wednesday) == "2026-01-05"
    assert value("El 2025 cerró con récord de turistas.", pub=wednesday) == "2025"
    assert value("Las temperaturas bajarán a partir de mañana.", pub=wednesday) == "2026-01-08"
    assert value("Trabajan desde la mañana.", pub=wednesday) == ""


def test_a_month_alone_in_lower_case_and_the_year_so_far():
    tuesday = date(2024, 8, 20)
    assert value("El euríbor cerró julio en el 3,5 %.", pub=tuesday) == "2024-07"
    assert value("Julio Iglesias actuará en Marbella.", pub=tuesday) == ""
    assert value("En lo que va de año, el euríbor ha bajado un punto.", pub=tuesday) == "2024"
    assert value("En lo que va de mes se han registrado 40 incendios.", pub=tuesday) == "2024-08"
    assert value("Year to date, the index is up 12%.", "en", tuesday) == "2024"
    assert value("Earlier in the week, the minister resigned.", "en", tuesday) == "2024-08-19"
    assert value("Later in the month, the committee will report.", "en", tuesday) == "2024-08"
    assert value("La reforma entrará en vigor el 1o. de septiembre.", pub=tuesday) == "2024-09-01"
    assert value("Las obras se licitarán en el último trimestre del año.", pub=tuesday) == "2024"


def test_a_month_range_shares_its_year_and_idioms_are_no_dates():
    wednesday = date(2025, 3, 12)
    assert value("Fue presidente entre julio y septiembre de 1936.", pub=wednesday) == "1936-07"
    assert value("He was in office between July and September 2023.", "en", wednesday) == "2023-07"
    assert value("It is not going to happen overnight.", "en", wednesday) == ""
    # a capitalised month after a capitalised word is still a date when an article opens it or a year closes it
    assert value("Aprobada por las Cortes el 31 de Octubre de 1978.", pub=wednesday) == "1978-10-31"
    assert value("La feria estará abierta hasta el 24 de octubre.", pub=wednesday) == "2025-10-24"


# --- dates-heldout6's general fixes -------------------------------------------------------------------


def test_an_english_irregular_past_written_as_its_present_takes_the_weekday_before():
    wed = date(2026, 4, 15)
    assert value("A judge set bail on Monday at $50,000.", "en", wed) == "2026-04-13"
    assert value("The carmaker cut 900 jobs on Friday.", "en", wed) == "2026-04-10"
    assert value("The governor quit the race Thursday.", "en", wed) == "2026-04-09"
    # not after a modal, "to" or a determiner, nor before a verb: still ahead
    assert value("The airline will cut 900 jobs on Friday.", "en", wed) == "2026-04-17"
    assert value("The airline plans to cut 900 jobs on Friday.", "en", wed) == "2026-04-17"
    assert value("A rate cut takes effect on Monday.", "en", wed) == "2026-04-20"


def test_a_weekday_opening_a_name_or_a_habit_is_no_date():
    wed = date(2026, 4, 15)
    assert value("Monday Night Football drew its biggest audience since 2019.", "en", wed) == "2019"
    assert value("Every Friday, the market stays open late.", "en", wed) == ""
    assert value("Monday, Jan. 26 is the deadline.", "en", date(2026, 1, 13)) == "2026-01-26"
    assert value("On Monday President Lee met the envoy.", "en", wed) == "2026-04-13"


def test_since_a_weekday_is_gone_by_and_a_day_set_for_is_ahead():
    sun = date(2026, 6, 21)
    assert value("El incendio sigue activo desde el viernes por la noche.", pub=sun) == "2026-06-19"
    assert value("Las tiendas abrirán desde el viernes.", pub=sun) == "2026-06-26"
    wed = date(2026, 4, 15)
    assert value("El juez ha citado al alcalde para el jueves a las 10:00.", pub=wed) == "2026-04-16"


def test_a_count_back_standing_alone_is_from_the_publication():
    pub = date(2025, 12, 30)
    assert value("Un año antes, la empresa había anunciado 400 despidos.", pub=pub) == "2024"
    assert value("Two years earlier, the company had settled a similar lawsuit.", "en", pub) == "2023"
    assert value("Hace un par de semanas, el puente cerró.", pub=pub) == "2025-12-16"
    # counted from another date or event: not the publication's
    assert value("Se vendieron 491.000 viviendas en 2010, un 5,9 % más que un año antes.", pub=pub) == "2010"
    assert value("He led the council for seven years before entering the Commons.", "en", pub) == ""
    assert value("Dos años antes de su muerte, publicó sus memorias.", pub=pub) == ""


def test_the_year_now_ending_fiscal_years_and_the_week_after_next():
    assert value("El año que acaba ha sido el más cálido.", pub=date(2025, 12, 30)) == "2025"
    assert value("El año que acaba de terminar fue el más cálido.", pub=date(2026, 1, 2)) == ""
    assert value("The company's fiscal 2025 revenue rose 12%.", "en", date(2025, 11, 20)) == "2025"
    assert value("The FY2024 results beat forecasts.", "en", date(2025, 11, 20)) == "2024"
    assert value("Lawmakers return from recess the week after next.", "en", date(2026, 2, 27)) == "2026-03-09"
    assert value("Voters go to the polls a week from Tuesday.", "en", date(2025, 10, 4)) == "2025-10-14"


def test_holy_week_days_spanish_day_shorthands_and_habits():
    assert value("Las cofradías saldrán el Viernes de Dolores.", pub=date(2026, 3, 18)) == "2026-03-27"
    assert value("El Sábado Santo no habrá procesiones.", pub=date(2026, 3, 18)) == "2026-04-04"
    assert value("Los atentados del 11-S cambiaron la seguridad aérea.", pub=date(2025, 11, 20)) == "2001-09-11"
    assert value("Miles de mujeres se manifestarán el 8M.", pub=date(2026, 2, 27)) == "2026-03-08"
    # an initial usage has not fixed, an amount, an open time, a habit: no date
    assert value("Las elecciones del 28M cambiaron el mapa.", pub=date(2025, 11, 20)) == ""
    assert value("El fichaje costó 15M € al club.", pub=date(2025, 11, 20)) == ""
    assert value("El Gobierno fue avisado antes del 8M.", pub=date(2025, 11, 20)) == ""
    assert value("Como cada 25N, miles de personas salieron a la calle.", pub=date(2025, 11, 20)) == ""
    assert value("Cada Semana Santa, la ciudad recibe a 200.000 turistas.", pub=date(2025, 11, 20)) == ""


def test_a_generic_season_or_a_places_feast_in_the_present_is_no_date():
    pub = date(2025, 11, 20)
    assert value("La línea 2 funciona 24 horas los sábados en verano.", pub=pub) == ""
    assert value("In winter, the ferry runs twice a day.", "en", pub) == ""
    assert value("Las obras terminarán en verano.", pub=pub) == "2026"
    assert value("La Semana Santa de Sevilla es fiesta de interés turístico.", pub=pub) == ""
    assert value("La Semana Santa de Sevilla arrancará con lluvia.", pub=pub) == "2026-03-29"
    assert value("Black Friday deals are spread over several weeks.", "en", pub) == ""


def test_a_plans_first_day_and_a_markets_quarter():
    assert value("The deadline, originally Jan. 15, was pushed back to Feb. 2.", "en", date(2026, 1, 13)) == "2026-01-15"
    assert value("El plazo, inicialmente el 15 de enero, se amplió.", pub=date(2026, 1, 13)) == "2026-01-15"
    assert value("Wall Street ended the third quarter with a rally.", "en", date(2025, 10, 4)) == "2025"


def test_a_participle_closing_a_noun_phrase_before_a_date_is_past():
    wed = date(2026, 3, 18)
    assert value("El plan anunciado este lunes por el Gobierno prevé 3.000 millones.", pub=wed) == "2026-03-16"
    assert value("Los vecinos desalojados el martes podrán volver hoy a sus casas.", pub=date(2026, 3, 19)) == "2026-03-17"
    assert value("El partido aplazado el domingo se jugará el miércoles.", pub=wed) == "2026-03-15"
    # after a verb that makes it a state or a passive, or a determiner: the verb decides
    assert value("El museo permanecerá cerrado el lunes por obras.", pub=wed) == "2026-03-23"
    assert value("El acusado será juzgado el martes en la Audiencia.", pub=wed) == "2026-03-24"
    assert value("El local permanece cerrado el domingo.", pub=wed) == "2026-03-22"
    assert value("Jugará el partido el martes.", pub=wed) == "2026-03-24"


def test_since_a_month_is_gone_by_and_desde_only_when_it_means_since():
    dec = date(2026, 12, 10)
    assert value("Mortgage rates are down half a point since February.", "en", dec) == "2026-02"
    assert value("El Sevilla no pierde en casa desde octubre.", pub=date(2026, 5, 20)) == "2025-10"
    assert value("La carretera sigue cortada desde el 3 de marzo.", pub=dec) == "2026-03-03"
    # "desde" as "from": the nearest ahead stays
    assert value("El Gobierno acuerda una subida de las pensiones desde enero.", pub=dec) == "2027-01"
    assert value("Las tiendas abrirán desde el 2 de enero.", pub=dec) == "2027-01-02"


def test_could_is_ahead_unless_negated_or_of_perception():
    assert value("Engineers warned that the dam could fail by Sunday.", "en", date(2026, 3, 16)) == "2026-03-22"
    wed = date(2026, 3, 18)
    assert value("He said he could not attend the hearing on Monday.", "en", wed) == "2026-03-16"
    assert value("Police said smoke could be seen on Tuesday from miles away.", "en", wed) == "2026-03-17"
    assert value("Forecasters said the region could see a foot of snow on Sunday.", "en", wed) == "2026-03-22"


def test_a_negated_expectation_is_still_ahead():
    # "is not expected to reopen before Saturday": the "-ed" of "expected" read as a past (derail pair's timeline)
    thu = date(2026, 4, 9)
    assert value("The line is not expected to reopen before Saturday, officials said.", "en", thu) == "2026-04-11"
    assert value("The bridge isn't scheduled to reopen until Monday.", "en", thu) == "2026-04-13"
    assert value("The line was closed on Monday, officials said.", "en", thu) == "2026-04-06"


def test_a_start_told_without_its_own_verb_is_the_nearest_such_day():
    # tipos_en: "announced a credit line ..., available from July 1" (published June 5) went a year back
    fri = date(2026, 6, 5)
    assert value("The bank announced a credit line, available from July 1.", "en", fri) == "2026-07-01"
    assert value("El banco anunció una línea de crédito, disponible desde el 1 de julio.", pub=fri) == "2026-07-01"
    assert value("La norma, vigente desde el 1 de marzo, fue recurrida.", pub=fri) == "2026-03-01"
    assert value("The bank announced a credit line on July 1.", "en", fri) == "2025-07-01"  # the verb's own day


def test_a_closing_attribution_does_not_set_the_tense_of_what_it_reports():
    # ring pair: "will appear before Judge Park at a preliminary hearing on March 17, prosecutors said"
    # (published March 13) went a year back: "before" opens a clause, and "said" was the nearest verb
    fri = date(2026, 3, 13)
    assert value("Salas will appear before Judge Park at a hearing on March 17, prosecutors said.", "en", fri) == "2026-03-17"
    assert value("On Thursday, he told a news conference that the party would win.", "en", fri) == "2026-03-12"
    assert value("Police said on Monday that 14 people were arrested.", "en", fri) == "2026-03-09"


def test_a_start_that_is_announced_is_the_nearest_such_day():
    # marcha pair: "anunció una huelga ... a partir del 15 de octubre" (published October 3) went a year back
    sat = date(2026, 10, 3)
    assert value("Otero anunció una huelga de 48 horas a partir del 15 de octubre.", pub=sat) == "2026-10-15"
    assert value("The union announced a strike starting October 20.", "en", sat) == "2026-10-20"
    assert value("Los precios subieron a partir del 15 de marzo.", pub=sat) == "2026-03-15"  # a past of its own
    assert value("El presidente anunció el 15 de septiembre que dimitiría.", pub=sat) == "2026-09-15"


def test_a_quarter_whose_results_are_reported_has_ended():
    assert value("The bank will post its third-quarter results on Oct. 20.", "en", date(2026, 10, 8)) == "2026"
    assert value("Los resultados del segundo trimestre se conocerán a finales de mes.", pub=date(2026, 7, 21)) == "2026"
    assert value("Earnings for the fourth quarter will be released on Jan. 28.", "en", date(2026, 1, 8)) == "2025"
    # a forecast for a quarter to come is not a report
    assert value("La economía crecerá un 0,4 % en el tercer trimestre.", pub=date(2026, 7, 21)) == "2026"
    assert value("La economía crecerá un 0,4 % en el primer trimestre.", pub=date(2026, 7, 21)) == "2027"


def test_new_phrasings_stay_bounded_in_time():
    import time
    for text, lang in (("11-S 8M 25N a week from Tuesday un año antes set the ", "es"),
                       ("set the cut a a week from Tuesday two years earlier, fiscal 2025 ", "en"),
                       ("vecinos desalojados el martes no gana desde marzo resultados del primer trimestre ", "es"),
                       ("could fail by Sunday since March third-quarter results could not ", "en")):
        line = (text * (100_000 // len(text) + 1))[:100_000]
        t = time.perf_counter()
        mentions(line, lang, date(2025, 6, 18))
        assert time.perf_counter() - t < 0.5
