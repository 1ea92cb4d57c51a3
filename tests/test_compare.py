"""Stage 4: relations between claims of different articles."""
from conftest import briefing_of

from reporter.compare import claim_groups
from reporter.model import CONFLICT, OVERLAP


def rel(b, a_id, b_id):
    return next((r for r in b.relations if {r.a, r.b} == {a_id, b_id}), None)


def test_differing_death_tolls_in_matching_sentences_are_a_conflict(sismo):
    r = rel(sismo, "A4", "B2")
    assert r is not None and r.type == CONFLICT
    assert ("count:death", "32", "58") in r.evidence.differing


def test_figures_that_agree_are_never_a_conflict(sismo, storm):
    r = rel(sismo, "A5", "B3")  # 10 km in both
    assert r is not None and r.type == OVERLAP and not r.evidence.differing
    r = rel(storm, "A2", "B2")  # "1,200 homes" and "About 1,200 homes"
    assert r is not None and r.type == OVERLAP
    assert any("1,200" in f for f in r.evidence.figures)


def test_figures_of_different_kinds_never_conflict():
    b = briefing_of("Título\n\nEs la primera visita del presidente en 24 años al país vecino.\n",
                    "Otro título\n\nEs la primera visita del presidente al país vecino desde 2000.\n")
    assert all(r.type == OVERLAP for r in b.relations)


def test_approximate_figures_agree_within_ten_percent():
    b = briefing_of("Título\n\nUnos 30 manifestantes fueron detenidos por la policía en la plaza.\n",
                    "Otro título\n\nLa policía detuvo a 32 manifestantes en la plaza.\n")
    assert b.relations and all(r.type == OVERLAP for r in b.relations)


def test_the_same_quote_from_different_speakers_is_a_conflict():
    b = briefing_of("Título\n\n«Es un documento innovador para la paz», declaró Putin en la conferencia.\n",
                    "Otro título\n\n«Es un documento innovador para la paz», afirmó Kim ante la prensa.\n")
    r = b.relations[0]
    assert r.type == CONFLICT and r.evidence.differing[0][0] == "speaker"


def test_an_article_compared_with_itself_relates_every_claim(sismo):
    text = (sismo.articles[0].text)
    b = briefing_of(text, text)
    claims = {s.id for s in b.articles[0].claims}
    assert claims <= {r.a for r in b.relations}
    assert all(r.score > 0.99 for r in b.relations if r.a[1:] == r.b[1:])
    assert "identical" in b.notes


def test_relations_only_join_different_articles_and_scores_are_in_range(sismo):
    for r in sismo.relations:
        assert r.a.startswith("A") and r.b.startswith("B")
        assert 0 <= r.score <= 1


def test_claims_only_one_source_makes_stay_unrelated(sismo):
    related = {x for r in sismo.relations for x in (r.a, r.b)}
    assert "B5" not in related  # the opposition's accusation: only in B
    assert "A6" not in related  # the mayor's request: only in A


def test_boilerplate_is_never_related(sismo):
    related = {x for r in sismo.relations for x in (r.a, r.b)}
    for art in sismo.articles:
        for s in art.sentences:
            if s.role != "body":
                assert s.id not in related


def test_unrelated_articles_are_reported():
    b = briefing_of("Sismo\n\nUn sismo de magnitud 7,8 sacudió el sur del país y dejó 32 muertos.\n",
                    "Fútbol\n\nEl club ganó la liga tras vencer por tres goles al campeón.\n")
    assert "unrelated" in b.notes and b.relatedness < 0.15


def test_claim_groups_join_three_sources():
    b = briefing_of("T\n\nEl sismo dejó 32 muertos en el sur del país, según Protección Civil.\n",
                    "T2\n\nEl sismo dejó 58 muertos en el sur del país, según Protección Civil.\n",
                    "T3\n\nEl sismo dejó 40 muertos en el sur del país, según Protección Civil.\n")
    assert claim_groups(b.articles, b.relations) == (("A2", "B2", "C2"),)
