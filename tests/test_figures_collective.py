"""Figures told in words news copy uses for round quantities, and what a number counts
(third red team, tests/fixtures/pairs-gold.json: bus, outbreak; written before the tool ran on them)."""
from reporter.text.figures import figures


def read(text, language="es"):
    return [(f.value, f.unit, f.qualifier) for f in figures(text, language)]


def test_a_collective_numeral_is_an_approximate_figure():
    # "una veintena de heridos" / "Otras 22 personas resultaron heridas" were no figure against 22
    assert read("Una veintena de heridos fueron trasladados al hospital.")[0] == (20.0, "injury", "approx")
    assert read("Medio centenar de efectivos llegaron por la tarde.") == [(50.0, "efectivo", "approx")]
    assert read("Dos centenares de vecinos fueron desalojados.") == [(200.0, "vecino", "approx")]
    assert read("A dozen people were injured.", "en") == [(12.0, "injury", "approx")]
    assert read("Two dozen people were hurt.", "en")[0][0] == 24.0  # not 2 + 12


def test_a_bound_before_a_collective_numeral_is_its_qualifier():
    assert read("Al menos una decena de personas murieron.") == [(10.0, "death", "min")]
    assert read("Más de un centenar de familiares esperaban.") == [(100.0, "familiar", "min")]


def test_a_plural_collective_alone_is_no_number():
    # "decenas de heridos", "dozens more": any number; "the few dozen protesters" stays vague
    assert read("Decenas de heridos llegaron al hospital.") == []
    assert read("Rain fell on the few dozen protesters outside.", "en") == []
    assert read("El ministro viajó en un coche medio vacío.") == []


def test_punctuation_ends_what_a_number_counts():
    # "de la provincia, cinco de ellos en estado grave" counted provinces;
    # "reached 86, more than double" counted doubles
    assert read("Llevaron a los heridos a hospitales de la provincia, cinco de ellos graves.")[0][1] != "provincia"
    assert read("The number of confirmed cases reached 86, more than double the figure.", "en")[0][1] == "case"


def test_a_day_before_a_number_is_no_unit():
    # "ascendió este sábado a 14" counted Saturdays
    assert read("El número de muertos ascendió este sábado a 14.")[0][1] != "sabado"


def test_a_modifier_before_the_counted_noun_is_skipped():
    assert read("The outbreak has grown to 86 confirmed cases.", "en") == [(86.0, "case", "")]


def test_an_emergency_line_number_is_a_name():
    assert read("según el balance del servicio de emergencias 112.") == []


def test_a_partitive_counts_what_the_count_before_it_counts():
    # "Los seis heridos fueron trasladados al Hospital del Bierzo, dos de ellos en estado grave": two of
    # the injured (it counted "Bierzo" before punctuation ended the unit, then nothing: no figure to flag)
    assert read("Los seis heridos fueron trasladados al Hospital del Bierzo, dos de ellos en estado grave.") == \
        [(6.0, "injury", ""), (2.0, "injury", "")]
