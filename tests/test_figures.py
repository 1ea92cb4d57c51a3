"""Figures read as numbers in the article's locale, with what they count."""
import pytest

from reporter.text.features import analyze
from reporter.text.figures import figures, locale_number


def test_locale_numbers():
    assert locale_number("8,2", "es") == 8.2
    assert locale_number("1.000", "es") == 1000
    assert locale_number("1.234.567,5", "es") == 1234567.5
    assert locale_number("1,000", "en") == 1000
    assert locale_number("8.2", "en") == 8.2
    assert locale_number("8.2", "es") == 8.2  # the other locale's decimal mark is still a decimal


def values(text, lang):
    return [(f.value, f.kind, f.unit, f.qualifier) for f in figures(text, lang)]


def test_counts_take_the_thing_counted_as_unit():
    assert values("Al menos treinta y dos personas murieron y 58 resultaron heridas.", "es") == [
        (32.0, "count", "death", "min"), (58.0, "count", "injury", "")]
    assert values("At least 1,200 people died and 3,000 were injured.", "en") == [
        (1200.0, "count", "death", "min"), (3000.0, "count", "injury", "")]


def test_scales_percent_money_years_and_dates():
    got = values("Costó 8,2 millones de euros, un 12,5% más, el 15 de agosto de 2023.", "es")
    assert got == [(8200000.0, "money", "eur", ""), (12.5, "percent", "", ""), (815.0, "date", "", ""),
                   (2023.0, "year", "", "")]


def test_measured_property_named_before_the_number():
    got = values("El sismo de magnitud 7,8 a una profundidad de 10 kilómetros.", "es")
    assert got == [(7.8, "count", "magnitude", ""), (10.0, "count", "km", "")]


def test_the_article_un_is_not_a_count():
    assert values("Un hombre llegó con una carta.", "es") == []


def test_names_break_at_punctuation():
    assert analyze("El presidente de Rusia, Vladimir Putin, llamó a Kim Jong-un.", "es").names == (
        "rusia", "vladimir putin", "kim jong un")


def test_quotes_and_their_speakers():
    f = analyze("«Es un documento innovador para la paz», declaró Putin en Pyongyang.", "es")
    assert f.quoted and "innovador" in f.quote_lemmas and "putin" in f.speakers


def test_the_same_figure_written_in_each_locale_is_one_number():
    # An English "1,200" and a Spanish "1.200" are the same figure, and count the same thing.
    en = figures("At least 1,200 people died in the quake.", "en")
    es = figures("Al menos 1.200 personas murieron en el sismo.", "es")
    assert [(f.value, f.unit) for f in en] == [(f.value, f.unit) for f in es] == [(1200.0, "death")]
    assert locale_number("8.2", "en") == locale_number("8,2", "es") == 8.2


def test_a_figure_in_words_reads_as_the_same_number_as_in_digits():
    assert values("Murieron treinta y dos personas.", "es")[0][:2] == values("Murieron 32 personas.", "es")[0][:2]
    assert values("Thirty-two people died.", "en")[0][:2] == values("32 people died.", "en")[0][:2]


def test_a_scale_word_multiplies_the_figure():
    assert values("Las pérdidas suman 8,2 millones de euros.", "es")[0][:3] == (8_200_000.0, "money", "eur")
    assert values("Losses reached $1.5 billion.", "en")[0][:3] == (1_500_000_000.0, "money", "usd")


def test_a_space_or_no_break_space_groups_thousands():
    # The RAE writes 10 000 with a space; many sites use a no-break space.
    assert locale_number("1 200", "es") == 1200
    assert [f.value for f in figures("Murieron 1\u00a0200 personas.", "es")] == [1200.0]


def test_the_other_locales_decimal_comma_is_still_a_decimal_in_english():
    assert locale_number("1,5", "en") == 1.5


def test_a_minus_sign_belongs_to_the_figure():
    assert [f.value for f in figures("La temperatura bajó a -5 grados.", "es")] == [-5.0]


def test_a_hyphen_between_figures_or_after_a_word_is_no_minus_sign():
    assert [f.value for f in figures("La temporada 2023-2024 dejó 12 muertos por COVID-19.", "es")
            if f.kind != "year"][:1] != [-2024.0]
    assert -19.0 not in [f.value for f in figures("Murieron 12 personas por COVID-19.", "es")]
    assert [f.value for f in figures("The index fell to −3.5 percent.", "en")] == [-3.5]


def test_a_dotted_clock_time_after_las_is_a_time_of_day():
    # "a las 23.49 del jueves" was a count of "jueves" set against "13.00" on page 1
    [quake] = [f for f in figures("El sismo ocurrió a las 23.49 del jueves.", "es") if f.kind == "time"]
    assert quake.value == 23 * 60 + 49
    [night] = [f for f in figures("Llegó a las 11.30 de la noche.", "es") if f.kind == "time"]
    assert night.value == 23 * 60 + 30 and night.text == "11.30 de la noche"
    # a decimal or a thousands group without "las" before it stays a number
    assert [f.kind for f in figures("El índice subió a 8.30 puntos.", "es")] == ["count"]
    assert [(f.kind, f.value) for f in figures("las 1.500 personas", "es")] == [("count", 1500.0)]


@pytest.mark.parametrize("text, language, unit", [
    ("El tren circulaba a 80 km/h cuando descarriló.", "es", "km/h"),
    ("Vientos de 120 kilómetros por hora azotaron la costa.", "es", "km/h"),
    ("Winds of 75 miles per hour hit the coast.", "en", "mph"),
    ("The train was doing 52 miles an hour.", "en", "mph"),
    ("El epicentro estuvo a 120 kilómetros de la costa.", "es", "km"),  # a distance stays one
])
def test_a_speed_is_not_a_distance(text, language, unit):
    assert [f.unit for f in figures(text, language)] == [unit]


def test_a_crowd_keeps_its_noun_whatever_verb_is_near():
    # "wound" (of "to wind") is no injury: the crowd counted before the number stays a crowd
    assert values("Police estimated the crowd at 12,000 as the march wound through Harwick.", "en") == [
        (12000.0, "count", "crowd", "")]
    # a plain noun with no word for what it counts still takes the event near it
    assert values("Unas 12 personas resultaron heridas.", "es") == [(12.0, "count", "injury", "approx")]


@pytest.mark.parametrize("text,unit", [("a 4-kilometre route", "km"), ("a 2.5-mile route", "mi"),
                                       ("a 24-hour strike", "hour"), ("a 45-year-old man", "year")])
def test_a_unit_joined_to_its_number_by_a_hyphen_is_its_unit(text, unit):
    assert [f.unit for f in figures(text, "en")] == [unit]


@pytest.mark.parametrize("text, language, kept", [
    ("State Route 9 was closed in both directions.", "en", []),
    ("Flight 370 vanished with 239 people on board.", "en", [239.0]),  # was also 370 missing
    ("Terminal 4 was evacuated.", "en", []),  # was 4 rescued
    ("La línea 12 del metro cerró tres estaciones.", "es", [3.0]),  # was also 12 metres
    ("El vuelo 370 desapareció con 239 personas.", "es", [239.0]),
    ("Some 2,000 people lined the route 9 hours before.", "en", [2000.0, 9.0]),  # a unit after: a figure
    ("Las 9 rutas cerraron.", "es", [9.0]),  # a count of routes
    ("El artículo 155 se aplicó en 2017.", "es", [155.0, 2017.0]),  # a law's number stays a figure
])
def test_a_number_that_names_a_road_a_line_or_a_flight_is_no_quantity(text, language, kept):
    assert [f.value for f in figures(text, language)] == kept
