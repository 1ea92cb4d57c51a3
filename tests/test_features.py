"""Figures read as numbers in the article's locale, with what they count."""
from reporter.features import analyze, figures, locale_number


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
