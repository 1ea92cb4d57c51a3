"""The fact table (reporter/stages/facts.py): each figure as a fact with its kind, subject,
normalised unit, qualifier, source and report time; and the conflicts and updates the
comparator decides from it (issue 14). Sentences are invented for these tests."""
from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import briefing_of, fixture
from reporter.model import CONFLICT, OVERLAP, Published
from reporter.report.json_twin import to_dict
from reporter.stages.compare import compare
from reporter.stages.facts import same_subject, sentence_facts, table


def one(text: str, language: str, kind: str):
    found = [f for f in sentence_facts(text, language, "A1") if f.kind == kind]
    assert len(found) == 1, sentence_facts(text, language, "A1")
    return found[0]


# --- the facts of a sentence ---------------------------------------------------------------


def test_a_figure_written_as_a_word_is_a_fact_with_its_place_and_source():
    f = one("En Calera murieron dos personas, según Protección Civil.", "es", "deaths")
    assert (f.value, f.subject, f.source) == (2, "Calera", "Protección Civil")
    f = one("Three people died in Marlow, according to the state civil protection agency.", "en", "deaths")
    assert (f.value, f.subject, f.source) == (3, "Marlow", "state civil protection agency")


def test_the_speaker_before_the_verb_is_the_source_and_the_place_in_the_title_the_subject():
    # "El gobernador de Valdora dijo que ...": the governor says it, about Valdora.
    f = one("El gobernador de Valdora dijo que al menos 23 personas murieron en el estado.", "es", "deaths")
    assert (f.value, f.qualifier, f.source, f.subject) == (23, "min", "gobernador de Valdora", "Valdora")
    f = one("In Calera, two people were killed, the mayor said.", "en", "deaths")
    assert (f.source, f.subject) == ("mayor", "Calera")


def test_a_speaker_in_apposition_is_the_source_and_a_ministry_no_place():
    f = one("El ministro de Salud, Tomás Rivera, anunció en rueda de prensa la compra de 1,5 millones de dosis.",
            "es", "count")
    assert (f.source, f.subject, f.unit) == ("ministro de Salud, Tomás Rivera", "", "dose")


def test_a_height_is_no_distance():
    f = one("El río Tajuelo subió 4,5 metros en una noche, según Protección Civil.", "es", "height")
    assert (f.value, f.unit) == (4.5, "m")


def test_each_figure_takes_the_place_nearest_to_it():
    facts = sentence_facts("Murieron 23 personas en Valdora y dos en Calera.", "es", "A1")
    assert [(f.value, f.subject) for f in facts if f.kind == "deaths"] == [(23, "Valdora"), (2, "Calera")]


def test_a_list_of_places_after_a_count_counts_the_same_thing():
    facts = sentence_facts("Según el último balance, 45 personas murieron en Oaxaca, 12 en Chiapas y dos en Tabasco.",
                           "es", "A1")
    assert [(f.kind, f.value, f.subject) for f in facts] == [
        ("deaths", 45, "Oaxaca"), ("deaths", 12, "Chiapas"), ("deaths", 2, "Tabasco")]


def test_missing_and_injured_are_told_apart():
    facts = sentence_facts("Ten people are missing and 120 injured in Calera, the mayor said.", "en", "A1")
    assert [(f.kind, f.value) for f in facts] == [("missing", 10), ("injured", 120)]


def test_miles_and_metres_are_read_in_km():
    # English "miles" is a length; Spanish "miles" is thousands.
    assert one("The quake was centred 75 miles southwest of Port Linden.", "en", "distance").value == \
        pytest.approx(120.7, abs=0.1)
    assert one("Miles de personas huyeron a 500 metros del río.", "es", "distance").value == pytest.approx(0.5)


def test_a_depth_and_a_distance_from_a_town_are_different_kinds():
    facts = sentence_facts("El epicentro se ubicó a 120 kilómetros de Puerto Lindo, a una profundidad de 58 "
                           "kilómetros.", "es", "A1")
    assert [(f.kind, f.value) for f in facts] == [("distance", 120), ("depth", 58)]


def test_a_time_of_day_reads_the_same_in_24_and_12_hour_clocks():
    es = one("El sismo se registró a las 23:49 del jueves.", "es", "time")
    en = one("The quake struck at 11:49 p.m. on Thursday.", "en", "time")
    assert es.value == en.value == 23 * 60 + 49


def test_a_time_of_report_is_kept_apart_and_dates_the_counts():
    facts = sentence_facts("A las 13:00 del viernes, el balance nacional era de 58 muertos, informó el Gobierno "
                           "federal.", "es", "A1")
    assert [f.kind for f in facts] == ["report-time", "deaths"]
    assert facts[1].at == "13:00" and facts[1].source == "Gobierno federal"
    facts = sentence_facts("As of 6 a.m., officials had counted 32 dead nationwide.", "en", "A1")
    assert [(f.kind, f.at, f.source) for f in facts] == [("report-time", "", "officials"), ("deaths", "06:00", "officials")]


def test_a_time_after_a_reporting_verb_is_the_time_of_the_report():
    facts = sentence_facts("The seismological service updated its report at 1 p.m. on Friday, saying the quake "
                           "was followed by more than 300 aftershocks.", "en", "A1")
    assert facts[0].kind == "report-time"


def test_a_part_of_the_day_says_am_or_pm():
    assert one("El sismo ocurrió a las 11 de la noche del jueves.", "es", "time").value == 23 * 60
    assert one("La réplica llegó a las 7 de la mañana.", "es", "time").value == 7 * 60


def test_a_percentage_knows_what_it_is_a_share_of():
    # "60% de las viviendas" and "40 percent of homes" are shares of one thing (houses); "por
    # ciento" is no figure of its own.
    es = sentence_facts("El 60 por ciento de las viviendas quedó sin luz.", "es", "A1")
    en = one("About 40 percent of homes lost power.", "en", "percentage")
    assert [(f.kind, f.unit) for f in es] == [("percentage", "house")] and en.unit == "house"


def test_shares_of_different_things_never_conflict():
    got = relations("Tras el sismo, el 60% de las viviendas de la costa quedó sin luz, según la empresa eléctrica.",
                    "Tras el sismo, el 40% de las escuelas de la costa quedó sin luz, según la empresa eléctrica.")
    assert all(r.type == OVERLAP for r in got)


def test_currencies_are_kept_apart():
    usd = one("Las pérdidas suman 3 millones de dólares.", "es", "money")
    eur = one("Las pérdidas suman 3 millones de euros.", "es", "money")
    assert (usd.unit, eur.unit) == ("usd", "eur")


# --- conflicts from the table ---------------------------------------------------------------


def relations(a: str, b: str, language_title=("Título", "Otro título")):
    return briefing_of(f"{language_title[0]}\n\n{a}\n", f"{language_title[1]}\n\n{b}\n").relations


def test_the_same_count_for_two_places_is_no_conflict():
    # Scope: two dead in one town and 36 in another may both be true.
    got = relations("En Calera murieron dos personas tras el sismo, según Protección Civil.",
                    "En Torrealta murieron 36 personas tras el sismo, según Protección Civil.")
    assert all(r.type == OVERLAP for r in got)


def test_a_limit_is_another_quantity_than_the_value_it_limits():
    # "the speed limit ... is 40 mph" against "moving at about 52 mph" was a conflict
    got = relations("The speed limit on that stretch of track is 40 mph, Northline Rail said.",
                    "Investigators believe the train was moving at about 52 mph on that stretch of track.",
                    ("Freight train derails", "Train derailment"))
    assert all(r.type != CONFLICT for r in got)
    # two values of the same limit still do
    got = relations("La ley fija un límite de 90 kilómetros por hora en esa carretera.",
                    "La ley fija un límite de 120 kilómetros por hora en esa carretera.")
    assert [r.type for r in got] == [CONFLICT]


def test_the_same_count_for_one_place_from_two_sources_conflicts():
    got = relations("El gobernador de Valdora dijo que 23 personas murieron en el estado por el sismo.",
                    "Protección Civil informó que 45 personas murieron en Valdora por el sismo.")
    assert [r.type for r in got] == [CONFLICT]
    d = got[0].evidence.differing[0]
    assert (d.kind, d.a, d.b, d.subject) == ("deaths", "23", "45", "Valdora")


def test_two_places_each_sentence_names_are_one_scope():
    # "en Lima" against "de Chile y Perú": each sentence names the other's place, so the 300
    # products are the same figure (and agree), not two scopes.
    got = relations("Los presidentes de Perú y Chile firmaron el jueves en Lima un acuerdo comercial que elimina "
                    "aranceles a 300 productos.",
                    "El jueves, en Lima, los mandatarios de Chile y Perú suscribieron un tratado de libre comercio "
                    "que suprime los aranceles de 300 productos.")
    assert got and got[0].type == OVERLAP and any("300" in f for f in got[0].evidence.figures)


def test_km_and_miles_of_the_same_length_agree():
    got = relations("The quake had a depth of 10 kilometres, the seismological service said.",
                    "The quake had a depth of 6.2 miles, the seismological service said.", ("Title", "Other title"))
    assert got and all(r.type == OVERLAP for r in got)


def test_a_lower_bound_the_other_value_meets_is_no_conflict():
    # "at least 30" and 32 agree; "at least 32" and 58 stay a conflict (tests/test_compare.py).
    got = relations("At least 30 people were injured in Port Linden by the quake, the mayor said.",
                    "Thirty-two people were injured in Port Linden by the quake, the mayor said.",
                    ("Title", "Other title"))
    assert got and all(r.type == OVERLAP for r in got)


def test_the_time_of_the_quake_and_the_time_of_a_report_never_conflict():
    got = relations("The magnitude 7.4 earthquake struck the coast of Valdora at 11:49 p.m., the service said.",
                    "The service said at 1 p.m. that the magnitude 7.4 earthquake on the coast of Valdora had "
                    "300 aftershocks.", ("Title", "Other title"))
    assert got and all(r.type == OVERLAP for r in got)


def test_one_minute_apart_is_a_conflict_and_23_49_is_11_49_pm():
    got = relations("The magnitude 7.4 earthquake struck the coast of Valdora at 23:49, the service said.",
                    "The magnitude 7.4 earthquake struck the coast of Valdora at 11:50 p.m., the service said.",
                    ("Title", "Other title"))
    assert [r.type for r in got] == [CONFLICT] and got[0].evidence.differing[0].kind == "time"
    got = relations("The magnitude 7.4 earthquake struck the coast of Valdora at 23:49, the service said.",
                    "The magnitude 7.4 earthquake struck the coast of Valdora at 11:49 p.m., the service said.",
                    ("Title", "Other title"))
    assert [r.type for r in got] == [OVERLAP]


def test_the_time_of_the_event_compares_whatever_place_each_source_names():
    # The place beside a quake's time or magnitude is where it struck, not a scope.
    got = relations("The magnitude 7.4 earthquake struck at 11:49 p.m. off the coast of Valdora, the service said.",
                    "The magnitude 7.4 earthquake struck at 11:50 p.m. near Port Linden, the service said.",
                    ("Title", "Other title"))
    assert [r.type for r in got] == [CONFLICT] and got[0].evidence.differing[0].kind == "time"


# --- updates --------------------------------------------------------------------------------

_NIGHT = "Título\n\nEl sismo dejó 32 muertos en el país, según el Gobierno federal.\n"
_NEXT_DAY = "Otro título\n\nEl sismo dejó 58 muertos en el país, según el Gobierno federal.\n"


def _dated(a: str, b: str, da: str | None, db: str | None):
    briefing = briefing_of(a, b)
    arts = tuple(replace(x, published=Published(d, "option") if d else None)
                 for x, d in zip(briefing.articles, (da, db)))
    return compare(arts, briefing.settings.compare)[0]


def test_a_larger_count_in_the_later_source_is_a_possible_update():
    got = _dated(_NIGHT, _NEXT_DAY, "2025-03-06", "2025-03-07")
    assert [(r.type, r.update) for r in got] == [(CONFLICT, True)]
    d = got[0].evidence.differing[0]
    assert (d.a_when, d.b_when) == ("2025-03-06", "2025-03-07")


def test_a_smaller_count_in_the_later_source_is_a_contradiction_not_an_update():
    got = _dated(_NIGHT, _NEXT_DAY, "2025-03-07", "2025-03-06")
    assert [(r.type, r.update) for r in got] == [(CONFLICT, False)]


def test_without_dates_or_times_a_differing_count_is_no_update():
    got = _dated(_NIGHT, _NEXT_DAY, None, None)
    assert [(r.type, r.update) for r in got] == [(CONFLICT, False)]


def test_report_times_in_the_text_order_the_values_when_dates_are_unknown():
    got = relations("Hasta las 00:30, las autoridades contaban 32 muertos por el sismo en todo el país.",
                    "A las 13:00, las autoridades contaban 58 muertos por el sismo en todo el país.")
    assert [(r.type, r.update) for r in got] == [(CONFLICT, True)]
    d = got[0].evidence.differing[0]
    assert (d.a_when, d.b_when) == ("00:30", "13:00")


# --- the team fixtures and the outputs -------------------------------------------------------


@pytest.fixture(scope="module")
def temblor():
    return briefing_of(fixture("temblor_a.txt"), fixture("temblor_b.txt"))


def _by_text(b, x: str, y: str):
    sa = next(s.id for s in b.articles[0].sentences if x in s.text)
    sb = next(s.id for s in b.articles[1].sentences if y in s.text)
    return next((r for r in b.relations if (r.a, r.b) == (sa, sb)), None)


@pytest.mark.parametrize("name,a,b,update", [
    ("temblor", "al menos 23 personas", "45 personas murieron", False),
    ("temblor", "contaban 32 muertos", "era de 58 muertos", True),
    ("quake", "Three people died in Calera", "two people were killed", False),
    ("valdora", "a las 23:49", "at 11:50 p.m.", False),
])
def test_every_real_conflict_of_the_team_fixtures_is_found(name, a, b, update):
    sides = ("valdora_es.txt", "valdora_en.txt") if name == "valdora" else (f"{name}_a.txt", f"{name}_b.txt")
    r = _by_text(briefing_of(*map(fixture, sides)), a, b)
    assert r is not None and r.type == CONFLICT and r.update == update


@pytest.mark.parametrize("name", ["temblor", "quake", "valdora"])
def test_the_team_fixtures_have_no_false_conflict(name):
    # scope, units, time of day against report time, depth against distance, lower bounds
    import json
    from reporter.tools.evaldata import score_pair
    gold = next(p for p in json.loads(fixture("pairs-gold.json"))["pairs"] if p["name"] == name)
    b = briefing_of(fixture(gold["a"]), fixture(gold["b"]))
    counts = score_pair(gold, to_dict(b))
    assert counts["false_conflicts"] == 0
    good, made = counts["conflict_precision"]
    assert good == made


def test_the_json_carries_the_update_and_one_fact_row_per_quantity_and_subject(temblor):
    data = to_dict(temblor)
    updates = [r for r in data["relations"] if r.get("update")]
    assert len(updates) == 1 and updates[0]["type"] == "conflict"
    rows = {(r["kind"], r["subject"]): r for r in data["facts"]}
    valdora = rows[("deaths", "Valdora")]["values"]
    assert [(v["article"], v["text"], v.get("source")) for v in valdora] == [
        ("A", "23", "gobernador de Valdora"), ("B", "45", "Protección Civil")]
    assert ("deaths", "Torrealta") in rows and ("deaths", "Calera") in rows
    assert all(r["kind"] != "report-time" for r in data["facts"])


def test_the_table_groups_one_subject_however_it_is_written():
    facts = (*sentence_facts("Murieron 23 personas en Puerto Lindo.", "es", "A1"),
             *sentence_facts("Murieron 25 personas en Lindo.", "es", "B1"))
    assert [(r.kind, r.subject, r.articles) for r in table(facts)] == [("deaths", "Puerto Lindo", ("A", "B"))]


def test_the_pdf_says_possible_update_with_both_times_and_shows_who_says_what(temblor):
    # Read back from the PDF (pypdf), in the sources' language (Spanish) and in English.
    import io

    from pypdf import PdfReader

    from reporter.report.render import to_html, to_pdf
    from reporter.report.view import build_view
    for lang, update, section, row in (
            ("es", "Posible actualización (muertos, todo el país): A 32 (00:30) → B 58 (13:00)", "Quién dice qué",
             "muertos, Valdora: A al menos 23 (gobernador de Valdora) · B 45 (Protección Civil)"),
            ("en", "Possible update (deaths, todo el país): A 32 (00:30) → B 58 (13:00)", "Who says what",
             "deaths, Valdora: A at least 23 (gobernador de Valdora) · B 45 (Protección Civil)")):
        pdf = PdfReader(io.BytesIO(to_pdf(to_html(build_view(temblor, lang)))))
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
        assert update in text and section in text and row in text


def test_the_events_time_a_few_words_after_its_verb_is_no_report_time():
    # "sacudió el jueves a las 23:49 horas ... dejó 32 muertos": 23:49 is when the quake struck,
    # not the time of a report (it was shown as B's report time beside 13:00)
    from reporter.stages.facts import sentence_facts

    kinds = {f.text: f.kind for f in sentence_facts(
        "Un terremoto de magnitud 8,2 sacudió el jueves a las 23:49 horas el sur de México y dejó al menos "
        "32 muertos, según el último balance de Protección Civil.", "es", "B3")}
    assert kinds["23:49 horas"] == "time"
    assert {f.kind for f in sentence_facts("A las 13:00, Protección Civil elevó el balance a 58 muertos.", "es",
                                           "B4")} == {"report-time", "deaths"}


# --- every conflict is a row of the fact table ----------------------------------------------


def _rows_holding(data: dict, relation: dict) -> list[str]:
    """The fact differences of a conflict (JSON) that no one row of facts[] holds on both sides."""
    missing = []
    for d in relation["evidence"].get("differing", []):
        if d["kind"] in ("day", "speaker"):
            continue  # no figure: not a fact
        a_vals, b_vals = set(d["a"].split(", ")), set(d["b"].split(", "))
        if not any(any(v["sentence"] == relation["a"] and v["text"] in a_vals for v in row["values"]) and
                   any(v["sentence"] == relation["b"] and v["text"] in b_vals for v in row["values"])
                   for row in data["facts"] if row["kind"] == d["kind"]):
            missing.append(f"{relation['a']}-{relation['b']} {d['kind']} {d['a']} / {d['b']}")
    return missing


def test_every_conflict_of_every_team_pair_is_one_row_of_its_fact_table():
    # issue 14: "Conflicts come from this table". A conflict whose one side names no place
    # ("15 dead" / "32 muertos en México") was two rows, neither shown in the PDF.
    import json
    from reporter.pipeline import brief, make_source
    from reporter.settings import Settings
    pairs = json.loads(fixture("pairs-gold.json"))["pairs"]
    conflicts = 0
    for gold in pairs:  # each file by its own name: .html and .md pairs are read as pages
        data = to_dict(brief([make_source(gold[k], fixture(gold[k]), Settings()) for k in ("a", "b")], Settings()))
        for r in data["relations"]:
            if r["type"] == "conflict":
                conflicts += 1
                assert r["evidence"].get("differing"), r
                assert not _rows_holding(data, r), (gold["name"], _rows_holding(data, r))
    assert conflicts >= 11


def test_a_conflict_with_one_side_naming_no_place_is_one_row_under_the_named_place():
    from reporter.report.view import build_view
    b = briefing_of("Quake hits the south\n\nThe magnitude 8.1 earthquake killed at least 15 people, President Ana "
                    "Ruiz said.\n\nSchools will close on Friday.\n",
                    "Sismo de magnitud 8,1 en Valdora\n\nUn terremoto de magnitud 8,1 sacudió el jueves el sur de "
                    "Valdora y dejó al menos 32 muertos, según Protección Civil.\n\nEn Calera murieron 23 personas, "
                    "según el gobernador.\n")
    data = to_dict(b)
    conflict = next(r for r in data["relations"] if r["type"] == "conflict")
    assert [(d["kind"], d["a"], d["b"]) for d in conflict["evidence"]["differing"]] == [("deaths", "15", "32")]
    rows = {(r["kind"], r["subject"]): [(v["article"], v["text"]) for v in r["values"]] for r in data["facts"]}
    assert rows[("deaths", "Valdora")] == [("A", "15"), ("B", "32")]
    assert rows[("deaths", "Calera")] == [("B", "23")]  # another place stays its own row
    assert ("deaths", "") not in rows
    shown = {r.label: [s.article for s in r.says] for r in build_view(b, "en").facts}
    assert shown["deaths, Valdora"] == ["A", "B"]


def test_without_relations_the_table_keeps_an_unnamed_value_apart():
    facts = (*sentence_facts("The earthquake killed 15 people, the president said.", "en", "A1"),
             *sentence_facts("El sismo dejó 32 muertos en Valdora.", "es", "B1"))
    assert [(r.kind, r.subject) for r in table(facts)] == [("deaths", ""), ("deaths", "Valdora")]


# --- ranges, weeks and relative dates as facts -------------------------------------------------


def test_a_range_of_days_is_two_dates_not_a_count():
    # "del 3 al 5 de junio" was a count of 'celebrar' (3) and a date (5 June)
    for text, lang in (("Las jornadas se celebrarán del 3 al 5 de junio en Sevilla.", "es"),
                       ("The conference will run between June 3 and 5 in Geneva.", "en")):
        assert [(f.kind, f.value) for f in sentence_facts(text, lang, "A1")] == [("date", 603), ("date", 605)], text
    assert [(f.kind, f.value) for f in sentence_facts("Talks were held from 12 to 14 May in Paris.", "en", "A1")] == [
        ("date", 512), ("date", 514)]
    # a count after a date stays a count
    assert [(f.kind, f.value) for f in sentence_facts("Between June 3 and 5 people were hurt.", "en", "A1")] == [
        ("date", 603), ("injured", 5)]


def test_weeks_are_a_duration_and_a_relative_date_is_no_fact():
    assert [(f.kind, f.value, f.unit) for f in sentence_facts("El juicio durará dos semanas.", "es", "A1")] == [
        ("duration", 336.0, "hour")]
    # "hace dos semanas murieron 3 personas": the two was read as 2 deaths
    assert [(f.kind, f.value) for f in sentence_facts("Hace dos semanas murieron 3 personas en Calera.", "es", "A1")] \
        == [("deaths", 3)]
    assert [(f.kind, f.value) for f in sentence_facts("Two weeks ago, 3 people died in Calera.", "en", "A1")] == [
        ("deaths", 3)]
    got = relations("El rescate en la mina de Calera duró dos semanas, según Protección Civil.",
                    "El rescate en la mina de Calera duró 14 días, según Protección Civil.")
    assert got and all(r.type == OVERLAP for r in got)  # two weeks are 14 days


def test_a_rise_in_prices_is_a_rate_and_a_month_is_no_subject():
    # "Consumer prices rose 5.4% in May" against "la inflación se situó en el 5,1 % en mayo":
    # both inflation rates, about no place ("May" was taken for one)
    for text, lang in (("Consumer prices rose 5.4% in May, the statistics office said.", "en"),
                       ("La inflación se situó en el 5,1 % en mayo.", "es")):
        f = one(text, lang, "rate")
        assert f.subject == "", text


def test_values_a_relation_finds_agreeing_are_one_row():
    # cumbre: "aranceles a 300 productos" (Lima) and "los aranceles de 300 productos" (of Chile and
    # Peru): the comparator finds them the same figure, so the table shows them as one row too
    b = briefing_of(fixture("cumbre_a.txt"), fixture("cumbre_b.txt"))
    rows = [r for r in table(b.facts, b.relations) if r.kind == "count" and r.unit == "producto"]
    assert len(rows) == 1 and rows[0].articles == ("A", "B")
    assert len([r for r in table(b.facts) if r.kind == "count" and r.unit == "producto"]) == 2


# --- ages (issue 14): a person's age is no calendar year, no duration and no death toll --------


def test_an_age_is_its_own_kind_about_the_person_named():
    f = one("Rosa María López, 56, a resident of the area, said the noise was unbearable.", "en", "age")
    assert (f.value, f.subject) == (56, "Rosa María López")
    f = one("Rosa María López, de 56 años, vecina del barrio, asegura que el ruido es insoportable.", "es", "age")
    assert (f.value, f.subject) == (56, "Rosa María López")
    # a place is no person; an unnamed person is told by the noun (a man's age and a woman's never conflict)
    assert one("A 45-year-old man was seriously injured in Croydon.", "en", "age").subject == "man"
    assert one("La campaña se dirige a los mayores de 60 años.", "es", "age").value == 60
    assert one("Everyone over 60 years of age can get the vaccine.", "en", "age").value == 60
    assert one("El escritor murió a los 90 años.", "es", "age").value == 90


def test_an_age_beside_died_is_no_death_toll():
    # before: 'The man, 45, was killed' was 45 deaths, 'dos personas, de 45 y 50 años' 45 deaths
    assert [f.kind for f in sentence_facts("The man, 45, was killed in Tabasco.", "en")] == ["age"]
    assert [f.kind for f in sentence_facts("The victim, aged 72, died in hospital.", "en")] == ["age"]
    got = [(f.kind, f.value) for f in sentence_facts("Murieron dos personas, de 45 y 50 años, en Oaxaca.", "es")]
    assert got == [("deaths", 2), ("age", 45), ("age", 50)]
    got = [(f.kind, f.value) for f in sentence_facts("Three men, aged 19, 21 and 24, were arrested.", "en")]
    assert got == [("age", 19), ("age", 21), ("age", 24)]


def test_a_duration_in_years_stays_a_duration_and_a_place_in_a_list_no_person():
    got = [(f.kind, f.unit) for f in sentence_facts("El fallecido, de 45 años, trabajaba allí desde hacía 12 años.", "es")]
    assert got == [("age", ""), ("count", "year")]
    for text, lang in (("El acusado fue condenado a una pena de 20 años de prisión.", "es"),
                       ("La concesión, de 30 años, vence pronto.", "es"), ("Los vecinos, 20 años después, esperan.", "es"),
                       ("In Oaxaca, 23, in Chiapas, 12.", "en"), ("Smith has led the company for 20 years.", "en")):
        assert all(f.kind != "age" for f in sentence_facts(text, lang)), text


def test_two_ages_of_one_named_person_conflict_and_ages_stay_off_the_table_otherwise():
    got = relations("Rosa María López, de 56 años, denunció el ruido del bar ante la policía local.",
                    "Rosa María López, de 57 años, denunció el ruido del bar ante la policía local.")
    assert [r.type for r in got] == [CONFLICT]
    d = got[0].evidence.differing[0]
    assert (d.kind, d.a, d.b, d.subject) == ("age", "56", "57", "Rosa María López")
    alone = sentence_facts("Un hombre de 34 años murió en el accidente.", "es", "A1")
    assert alone and table(alone) == ()  # an age no conflict sets against another is not a row


def test_counts_of_one_thing_from_two_sources_share_a_row_only_when_their_claims_are_related():
    # "Más de 200 viviendas resultaron dañadas" / "230 viviendas dañadas" are one claim, one row;
    # "Some 4,200 homes were without electricity" also counts houses, but other houses: it was in
    # that row, and the row read as three sources disagreeing
    b = briefing_of(fixture("temblor_a.txt"), fixture("temblor_b.txt"), fixture("quake_b.txt"))
    rows = [r for r in table(b.facts, b.relations) if r.kind == "count" and r.unit == "house"]
    by_values = {tuple(sorted((a, f.text) for a, f in r.facts)) for r in rows}
    assert (("A", "200"), ("B", "230")) in by_values
    assert (("C", "4,200"),) in by_values


# --- second red team (calor, ring, pib, marcha): crowds, asides, persons, reference years -------


def test_a_crowd_is_one_quantity_whatever_noun_counts_it():
    # Police and organisers count the same crowd: "personas ... se manifestaron", "asistentes", "protesters".
    f = one("Unas 12.000 personas, según la Delegación del Gobierno, se manifestaron este sábado en Puerto Alba.",
            "es", "count")
    assert (f.unit, f.value, f.qualifier, f.source, f.subject) == ("crowd", 12000, "approx", "Delegación del Gobierno",
                                                                   "Puerto Alba")
    assert one("Los organizadores cifraron en 85.000 los asistentes a la marcha en Puerto Alba.", "es", "count").unit \
        == "crowd"
    assert one("Some 20,000 people, according to police, marched through Harwick on Sunday.", "en", "count").unit \
        == "crowd"
    assert one("Organisers said 60,000 protesters filled the square.", "en", "count").unit == "crowd"
    # people a gathering is about are no crowd: workers who lose their jobs, people evacuated
    assert one("El cierre dejará sin empleo a 1.800 trabajadores en Puerto Alba.", "es", "count").unit == "worker"
    assert one("Police evacuated 300 people from the building.", "en", "count").unit != "crowd"


def test_the_police_and_the_organisers_crowd_counts_conflict_and_an_agreeing_one_does_not():
    got = relations("Unas 12.000 personas, según la Delegación del Gobierno, se manifestaron este sábado en Puerto "
                    "Alba contra el cierre de los astilleros.",
                    "Los organizadores cifraron en 85.000 los asistentes a la manifestación de este sábado en Puerto "
                    "Alba contra el cierre de los astilleros.")
    assert [r.type for r in got] == [CONFLICT] and got[0].evidence.differing[0].unit == "crowd"
    got = relations("Unas 12.000 personas, según la Delegación del Gobierno, se manifestaron este sábado en Puerto "
                    "Alba contra el cierre de los astilleros.",
                    "La Delegación del Gobierno cifró en 12.000 los asistentes a la manifestación de este sábado en "
                    "Puerto Alba contra el cierre de los astilleros.")
    assert got and all(r.type == OVERLAP for r in got)


def test_a_count_of_persons_takes_what_happened_to_them_after_an_aside_or_far_in_its_clause():
    # "five people, three of them railroad workers, had been treated ... for minor injuries"
    f = one("By 1 p.m., five people, three of them railroad workers, had been treated at Kessington General "
            "Hospital for minor injuries.", "en", "injured")
    assert f.value == 5
    # a modifier before the counted noun: "two railroad workers" count workers, and were injured
    f = one("As of 7 a.m., two railroad workers had been taken to Kessington General Hospital with minor injuries.",
            "en", "injured")
    assert f.value == 2
    assert one("La Policía detuvo a cuatro personas, y dos agentes resultaron heridos leves.", "es",
               "injured").value == 2
    # a count of things stays a count, however far the word for the injured
    assert not [f for f in sentence_facts("Two tank cars were carrying chlorine when the train derailed near the "
                                          "crossing and injured its crew.", "en", "A1") if f.kind == "injured"]


def test_a_year_a_record_is_told_against_is_no_year_of_the_event():
    # "grew 3.4% last year, the fastest pace since 2021" / "creció un 3,2 % en 2025": the years never differ
    assert one("Lusmar's economy grew 3.4% last year, the fastest pace since 2021.", "en", "year").unit == "since"
    assert one("La tasa de paro es la más baja desde el año 2008.", "es", "year").unit == "since"
    assert one("La economía de Lusmar creció un 3,2 % en 2025.", "es", "year").unit == ""
    got = relations("La economía de Lusmar creció un 3,2 % en 2025, impulsada por el turismo y las exportaciones.",
                    "La economía de Lusmar creció un 3,4 %, el mayor avance desde 2021, impulsada por el turismo y "
                    "las exportaciones.")
    assert [r.type for r in got] == [CONFLICT]
    assert [d.kind for d in got[0].evidence.differing] == ["percentage"]


def test_a_capitalised_stop_word_and_a_range_of_months_are_no_subject():
    # after a dateline "(Agencia Sur).- Unas 12.000 personas": "Unas" is no place
    assert one("PUERTO ALBA (Agencia Sur).- Unas 12.000 personas se manifestaron en Puerto Alba.", "es",
               "count").subject == "Puerto Alba"
    assert one("Output rose 0.8% in the October-December quarter.", "en", "percentage").subject == ""


def test_a_list_of_places_is_a_wider_scope_than_one_of_them():
    # the thousands comma of "220,000" no longer cuts the clause, so the places after it are its scope
    f = one("The tsunami left more than 220,000 people dead in Indonesia, Sri Lanka, India, Thailand and other "
            "countries.", "en", "deaths")
    assert f.subject == "Indonesia, Sri Lanka, India, Thailand"
    got = relations("The 2004 tsunami left more than 220,000 people dead in Indonesia, Sri Lanka, India, Thailand "
                    "and other countries.",
                    "The 2004 tsunami left 168,000 people dead in Indonesia after the quake.", ("Title", "Other"))
    assert all(r.type == OVERLAP for r in got)
    # a list closes with "and": the speaker after it is no place of it
    found = sentence_facts("More than 200 officers searched 22 properties in Brookfield, Marlow and Eastgate, Police "
                           "Chief Ramona Diaz told reporters.", "en", "A1")
    assert [f.subject for f in found] == ["Brookfield, Marlow, Eastgate"] * 2


@pytest.mark.parametrize("text", [
    "Police estimated the crowd at 12,000 as the march wound through central Harwick.",
    "A crowd of 48,500 watched the final at the stadium on Saturday.",
    "The stadium was packed with 52,000 fans for the final.",
    "Organisers said 85,000 marched through Harwick.",
    "La asistencia a la marcha fue de unas 12.000 personas, según la Policía.",
])
def test_a_crowd_told_in_other_words_is_a_crowd(text):
    language = "es" if "asistencia" in text else "en"
    assert one(text, language, "count").unit == "crowd"


def test_a_nationwide_toll_and_a_regions_are_two_scopes_and_two_nationwide_tolls_one():
    got = relations("La ola de calor ha dejado 34 muertos en todo el país desde el miércoles, según Sanidad.",
                    "La ola de calor ha dejado 12 muertos en Almarga desde el miércoles, según Sanidad.")
    assert got and all(r.type == OVERLAP for r in got)
    assert one("The heat wave has killed 34 people nationwide since Wednesday.", "en", "deaths").subject == \
        one("The quake had killed 58 people across the country.", "en", "deaths").subject == "nationwide"
    assert one("El sismo dejó 32 muertos en el país.", "es", "deaths").subject == "todo el país"
    assert same_subject("todo el país", "nationwide") and not same_subject("todo el país", "Almarga")
    got = relations("The storm has killed 21 people across the country, officials said on Monday.",
                    "The storm has killed 25 people nationwide, officials said on Monday.", ("Title", "Other"))
    assert [r.type for r in got] == [CONFLICT]


def test_a_rate_over_a_quarter_and_one_over_a_year_are_other_quantities():
    got = relations("Unemployment stood at 11.2% at the end of the fourth quarter, the statistics office said.",
                    "Unemployment averaged 11.9% over the year, the statistics office said.", ("Title", "Other"))
    assert got and all(r.type == OVERLAP for r in got)
    got = relations("La economía creció un 0,8 % en el cuarto trimestre, según el instituto de estadística.",
                    "La economía creció un 3,2 % en el conjunto del año, según el instituto de estadística.")
    assert got and all(r.type == OVERLAP for r in got)
    # a year told as the basis of a comparison is no period: May's rate against May's rate
    assert one("Consumer prices rose 5.4% in May from a year earlier.", "en", "rate").unit == "month"
    assert one("La inflación se situó en el 5,1 % en mayo.", "es", "rate").unit == "month"
    got = relations("Unemployment stood at 11.2% in the fourth quarter, the statistics office said.",
                    "Unemployment stood at 11.6% in the fourth quarter, the statistics office said.", ("Title", "Other"))
    assert [r.type for r in got] == [CONFLICT]


def test_the_ages_of_a_man_and_of_a_woman_are_two_peoples():
    got = relations("A 45-year-old man died at the scene of the crash on Route 9, police said.",
                    "A 52-year-old woman died at the scene of the crash on Route 9, police said.", ("Title", "Other"))
    assert got and all(r.type == OVERLAP for r in got)
    got = relations("The suspect, 34, was ordered held without bail by Judge Helen Park.",
                    "The suspect, 36, was ordered held without bail by Judge Helen Park.", ("Title", "Other"))
    assert [r.type for r in got] == [CONFLICT]


def test_both_estimates_in_one_sentence_are_one_crowd_and_no_conflict_with_either():
    found = sentence_facts("Unas 12.000 personas, según la Delegación del Gobierno, y 85.000, según los organizadores, "
                           "se manifestaron en Puerto Alba.", "es", "A1")
    assert [(f.unit, f.value) for f in found] == [("crowd", 12000), ("crowd", 85000)]
    assert [(f.unit, f.value) for f in sentence_facts("Police put the crowd at 12,000; organisers said 85,000.",
                                                      "en", "A1")] == [("crowd", 12000), ("crowd", 85000)]
    got = relations("El Ministerio del Interior cifró en 15.000 los manifestantes de Puerto Alba, mientras que los "
                    "sindicatos hablaron de 90.000.",
                    "Según los sindicatos, 90.000 personas se manifestaron en Puerto Alba.")
    assert all(r.type == OVERLAP for r in got)
