"""The comparator's pair matrices (_other_subjects, _support) are matrix products over distinct
facts and names (issue 17: two 1000-sentence reports spent 4 s in a Python loop over claim
pairs); they must give exactly what the loop over every pair gave."""
import random
import re

import numpy as np

from reporter.model import Fact
from reporter.stages.compare import _other_subjects, _shared_names, _support
from reporter.stages.facts import GROWING, same_subject
from reporter.text.features import analyze

_WEAK = ("report-time", "year")


def _owner(subject):  # "Albera's" names Albera
    return re.sub(r"['’]s\b", "", subject, flags=re.IGNORECASE)


def loop_other_subjects(sim, xa, xb, factor):  # the former implementation, pair by pair
    out = sim.copy()
    for r, fa in enumerate(xa):
        for col, fb in enumerate(xb):
            kinds = ({(x.kind, x.unit) for x in fa if x.subject and x.kind in GROWING}
                     & {(y.kind, y.unit) for y in fb if y.subject and y.kind in GROWING})
            if kinds and not any((x.kind, x.unit) == (y.kind, y.unit) and same_subject(_owner(x.subject), _owner(y.subject))
                                 for x in fa for y in fb if (x.kind, x.unit) in kinds and x.subject and y.subject):
                out[r, col] *= factor
    return out


def loop_support(xa, xb, fa, fb):
    out = np.zeros((len(xa), len(xb)))
    for r, (facts_a, feat_a) in enumerate(zip(xa, fa)):
        for col, (facts_b, feat_b) in enumerate(zip(xb, fb)):
            if any(x.kind == y.kind and x.unit == y.unit and x.kind not in _WEAK
                   and (not x.subject or not y.subject or same_subject(x.subject, y.subject))
                   for x in facts_a for y in facts_b) or _shared_names(feat_a.names, feat_b.names) \
                    or any(x.kind == y.kind and x.value == y.value and x.kind != "year"
                           for x in feat_a.figures for y in feat_b.figures):
                out[r, col] = 1.0
    return out


KINDS = ("deaths", "injured", "count", "money", "year", "report-time", "depth")
UNITS = ("", "house", "usd", "km")
SUBJECTS = ("", "", "Oaxaca", "Puerto Lindo", "Lindo", "Calera", "Torrealta", "la Calera", "Chile y Perú", "Calera's")


def random_facts(rng, n):
    return [[Fact(f"A{i}", rng.choice(KINDS), float(rng.randint(1, 50)), rng.choice(UNITS), "x",
                  rng.choice(SUBJECTS)) for _ in range(rng.randint(0, 3))] for i in range(n)]


def test_other_subjects_as_the_pairwise_loop():
    rng = random.Random(3)
    lowered = 0
    for _ in range(80):  # a count of the same unit at two places is rarer than of the same kind: more draws
        xa, xb = random_facts(rng, rng.randint(1, 12)), random_facts(rng, rng.randint(1, 12))
        sim = np.array([[rng.random() for _ in xb] for _ in xa])
        expected = loop_other_subjects(sim, xa, xb, 0.5)
        assert np.array_equal(_other_subjects(sim, xa, xb, 0.5), expected)
        lowered += int((expected != sim).sum())
    assert lowered > 20  # the cases exercise the rule, not only its absence


def test_other_subjects_lowers_another_place():
    dead = [[Fact("A1", "deaths", 2, "", "2", "Calera")], [Fact("A2", "deaths", 3, "", "3", "Oaxaca")]]
    other = [[Fact("B1", "deaths", 36, "", "36", "Torrealta")]]
    sim = np.array([[0.8], [0.6]])
    assert _other_subjects(sim, dead, other, 0.5).tolist() == [[0.4], [0.3]]
    same = [[Fact("B1", "deaths", 3, "", "3", "la Calera")]]
    assert _other_subjects(sim, dead, same, 0.5).tolist() == [[0.8], [0.3]]


def test_support_as_the_pairwise_loop():
    rng = random.Random(5)
    sentences = ["El presidente Pedro Sánchez habló en Madrid.", "Sánchez dijo que no.", "Hubo 3 muertos en Lima.",
                 "La Comisión Europea y Ursula von der Leyen respondieron.", "Nadie habló."]
    english = ["Pedro Sánchez spoke in Madrid.", "Von der Leyen answered.", "Three people died.", "Nothing else."]
    fa_all = [analyze(s, "es") for s in sentences]
    fb_all = [analyze(s, "en") for s in english]
    ones = zeros = 0
    for _ in range(30):
        na, nb = rng.randint(1, 10), rng.randint(1, 10)
        xa, xb = random_facts(rng, na), random_facts(rng, nb)
        fa, fb = [rng.choice(fa_all) for _ in range(na)], [rng.choice(fb_all) for _ in range(nb)]
        expected = loop_support(xa, xb, fa, fb)
        assert np.array_equal(_support(xa, xb, fa, fb), expected)
        ones += int(expected.sum())
        zeros += int((expected == 0).sum())
    assert ones > 20 and zeros > 20


def test_support_of_nothing():
    assert _support([[]], [[], []], [analyze("Nada.", "es")], [analyze("No.", "en")] * 2).tolist() == [[0.0, 0.0]]
