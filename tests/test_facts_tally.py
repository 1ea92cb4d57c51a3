"""Tallies that rose, values they rose from, speakers (third red team: bus, outbreak, wirecopy, vote
in tests/fixtures/pairs-gold.json, written before the tool ran on them)."""
from conftest import briefing_of

from reporter.model import CONFLICT, OVERLAP
from reporter.stages.facts import sentence_facts


def facts(text, language="es"):
    return [(f.kind, f.unit, f.value, f.qualifier) for f in sentence_facts(text, language, "A1")]


def rel(b, a_id, b_id):
    return next((r for r in b.relations if {r.a, r.b} == {a_id, b_id}), None)


def test_a_toll_that_rose_counts_what_its_subject_names_however_far():
    t = ("El número de fallecidos en el accidente del autobús que cayó por un barranco en la sierra de "
         "Almoradí ascendió este sábado a 14, según el último balance.")
    assert ("deaths", "", 14.0, "") in facts(t)
    t = "The death toll from the collapse of an apartment block in Port Harlow rose to 19 on Tuesday."
    assert ("deaths", "", 19.0, "") in facts(t, "en")


def test_the_value_a_count_rose_from_is_the_same_quantity():
    # "86 confirmed cases, up from 40 last week" against "Last week, the department had counted 40
    # cases" was a conflict 86 / 40 (the outbreak pair's first run)
    got = facts("The outbreak in the Orlen Valley has grown to 86 confirmed cases, up from 40 last week.", "en")
    assert [(k, u, v) for k, u, v, _ in got] == [("count", "case", 86.0), ("count", "case", 40.0)]


def test_a_lower_bound_is_met_by_a_tally_that_rose_past_it():
    # the morning's "at least ten" and the afternoon's "rose to 14" agree; an exact 11 against the
    # rise is still shown (a possible update)
    a = "Título\n\nAl menos una decena de personas murieron en el accidente del autobús en Almoradí.\n"
    b = "Otro título\n\nEl número de muertos en el accidente del autobús en Almoradí ascendió a 14.\n"
    r = rel(briefing_of(a, b), "A2", "B2")
    assert r is not None and r.type == OVERLAP
    a = "Título\n\nEl centro de emergencias confirmaba 11 muertos en el accidente del autobús en Almoradí.\n"
    r = rel(briefing_of(a, b), "A2", "B2")
    assert r is not None and r.type == CONFLICT


def test_a_collective_numeral_agrees_within_its_roundness():
    # "Más de un centenar de familiares" / "Unos 130 familiares": told to the hundred
    a = "Título\n\nMás de un centenar de familiares esperaban noticias en el polideportivo de Almoradí.\n"
    b = "Otro título\n\nUnos 130 familiares esperaban noticias en el polideportivo de Almoradí.\n"
    r = rel(briefing_of(a, b), "A2", "B2")
    assert r is not None and r.type == OVERLAP


def test_a_quotation_given_to_two_people_across_languages_is_a_conflict():
    # vote pair: the quotation in translation shares no lemma; its meaning relates the two claims
    a = ("Title\n\n\"The people have chosen stability,\" said party leader Marta Quiroga, speaking to "
         "supporters in the capital shortly after 2 a.m.\n")
    b = ("Título\n\n\"El pueblo ha elegido la estabilidad\", afirmó el secretario general de la Alianza, "
         "Julián Ferrer, ante cientos de simpatizantes en la sede del partido.\n")
    r = rel(briefing_of(a, b), "A2", "B2")
    assert r is not None and r.type == CONFLICT and r.evidence.differing[-1].kind == "speaker"


def test_a_name_right_after_an_opening_quotation_is_its_speaker():
    a = "Title\n\n\"We accept the result and we will lead a firm opposition,\" Arnau told reporters.\n"
    b = "Título\n\nEl líder del Frente, Tomás Arnau, aseguró: \"Aceptamos el resultado y haremos una oposición firme\".\n"
    r = rel(briefing_of(a, b), "A2", "B2")
    assert r is not None and r.type == OVERLAP


def test_a_part_of_a_count_is_no_other_value_of_it():
    # "cinco de ellos en estado grave" is a subset of the twenty injured: the fact table keeps the count
    got = facts("Una veintena de heridos fueron trasladados a hospitales de la provincia, cinco de ellos en estado grave.")
    assert got == [("injured", "", 20.0, "approx")]


def test_a_figure_is_found_as_a_word_of_its_own():
    # "dos" was found inside "trasladados", so the partitive after the real "dos" went unseen
    got = facts("Los seis heridos fueron trasladados al Hospital del Bierzo, dos de ellos en estado grave.")
    assert [(k, v) for k, _, v, _ in got] == [("injured", 6.0)]
