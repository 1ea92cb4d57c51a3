"""Stage 4: claims told in other words, units and locales (the red-team pairs apagon, banco, mina,
derail of tests/fixtures/pairs-gold.json, written before the comparator ran on them).

Each rule here was a miss of those pairs or of the older ones (derrumbe's "came down" /
"collapsed", valdora's "tres albergues" / "three shelters")."""
import numpy as np

from conftest import briefing_of, fixture

from reporter.model import CONFLICT, Fact
from reporter.settings import Comparison, Settings
from reporter.stages.compare import _other_subjects, _similarities, _vectors
from reporter.text.features import analyze


def relation(b, a_id, b_id):
    return next((r for r in b.relations if {r.a, r.b} == {a_id, b_id}), None)


TRAIN_A = ("Freight train derails near Kessington\n\n"
           "The train was traveling at 38 mph when it derailed, according to a preliminary report from Northline Rail.\n\n"
           "State Route 9 was closed in both directions between Kessington and Dale Cross.\n")
TRAIN_B = ("Kessington derailment: injuries rise\n\n"
           "Investigators believe the train was moving at about 52 mph, well above the 40 mph limit on that stretch of track.\n\n"
           "State Route 9 between Kessington and Dale Cross remains closed in both directions.\n")


def test_the_same_quantity_in_other_words_is_one_claim_and_its_values_conflict():
    # One shared common word ("train") is no claim in common; the train's speed stated by both is.
    # "traveling at 38 mph" was read as a count of "travel" (the word before), so no speed met.
    b = briefing_of(TRAIN_A, TRAIN_B)
    r = relation(b, "A2", "B2")
    assert r is not None and r.type == CONFLICT
    # (a speed is read in km/h whatever unit it is written in, so that '130 mph' meets '215 km/h')
    assert {(d.kind, d.unit) for d in r.evidence.differing} == {("count", "km/h")}


def test_same_language_support_is_what_carries_a_pair_just_under_the_threshold():
    # derrumbe A3 / B3: "came down at about 6:40 a.m." / "collapsed shortly before 7 a.m." (0.341 against
    # 0.36 without it). Off, the pair is lost again: the setting is what decides.
    a, b = fixture("derrumbe_a.html"), fixture("derrumbe_b.html")
    assert relation(briefing_of(a, b), "A3", "B3") is not None
    off = Settings(compare=Comparison(same_language_support=0.0))
    assert relation(briefing_of(a, b, settings=off), "A3", "B3") is None


def test_a_paraphrase_of_several_words_meets_its_one_word_synonym():
    # "came down" has no lemma of its own ("down" is a stop word): lexicon.PHRASES gives it the
    # concept of "collapsed", as "se vino abajo" gets that of "se derrumbó"
    for language, x, y in (("en", "The old building on Rowan Street came down at dawn.",
                            "The old building on Rowan Street collapsed at dawn."),
                           ("es", "El techo de la galería se vino abajo por la mañana.",
                            "El techo de la galería se derrumbó por la mañana."),
                           ("es", "Cuatro mineros perdieron la vida en la galería.",
                            "Cuatro mineros fallecieron en la galería.")):
        feats = [analyze(x, language), analyze(y, language)]
        plain = _vectors(feats, Comparison(), local_idf=False)
        phrased = _vectors(feats, Comparison(), local_idf=False, texts=[x, y])
        assert _similarities(phrased[:1], phrased[1:])[0, 0] > _similarities(plain[:1], plain[1:])[0, 0] + 0.05, x


def test_across_languages_the_same_number_carries_a_pair():
    # valdora A6 / B6, "La Cruz Roja instaló tres albergues" / "The Red Cross set up three shelters":
    # meaning 0.64 alone (0.65 needed); no fact of one kind meets across languages (the counted
    # nouns are each language's words), the number three does.
    a, b = fixture("valdora_es.txt"), fixture("valdora_en.txt")
    assert relation(briefing_of(a, b), "A6", "B6") is not None
    off = Settings(compare=Comparison(cross_language_support=0.0))
    assert relation(briefing_of(a, b, settings=off), "A6", "B6") is None


def test_a_possessive_names_the_same_place():
    # "3,000 passengers ... of Albera's metro" and "unos 3.000 pasajeros" in Albera: the same place,
    # so not lowered as another place's count
    sim = np.array([[0.8]])
    a = [[Fact("A1", "count", 3000, "passenger", "3,000", "Albera's")]]
    b = [[Fact("B1", "count", 3000, "passenger", "3.000", "Albera")]]
    assert _other_subjects(sim, a, b, 0.5).tolist() == [[0.8]]
    elsewhere = [[Fact("B1", "count", 3000, "passenger", "3.000", "Torrealta")]]
    assert _other_subjects(sim, a, elsewhere, 0.5).tolist() == [[0.4]]


def test_counts_of_other_things_are_not_another_place_s_count():
    # "25 basis points" of the Bank of Tarsis and "0,25 puntos" read as money of the Banco de
    # Tarsis: two counts of other things, not the same count at two places
    sim = np.array([[0.6]])
    a = [[Fact("A1", "count", 25, "basis", "25", "Bank of Tarsis")]]
    b = [[Fact("B1", "count", 0.25, "money", "0,25", "Banco de Tarsis")]]
    assert _other_subjects(sim, a, b, 0.5).tolist() == [[0.6]]


def test_a_currency_named_after_whose_it_is_is_money_and_conflicts_across_languages():
    # "2.3 billion Canadian dollars" was a count of "canadian"; "2.800 millones de dólares
    # canadienses" money: never compared, so the conflict was lost
    en = ("Bank run at Meridia\n\n"
          "Meridia Bank was placed under state administration on Monday after depositors withdrew "
          "2.3 billion Canadian dollars in two days.\n")
    es = ("Retirada masiva en el Meridia\n\n"
          "El Meridia fue intervenido por el Estado el lunes, después de que sus clientes retiraran "
          "2.800 millones de dólares canadienses en solo dos días.\n")
    r = relation(briefing_of(en, es), "A2", "B2")
    assert r is not None and r.type == CONFLICT
    assert [d.kind for d in r.evidence.differing] == ["money"]
