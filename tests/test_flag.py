"""Stage 5: check-worthy claims, each with its reasons."""
from reporter.flag import FLAG_THRESHOLD, reasons_for, score


def reasons(text, lang="es", **kw):
    return reasons_for(text, lang, single_source=kw.get("single", False), conflict=kw.get("conflict", False))


def test_each_reason_has_its_cue():
    assert "accusation" in reasons("La oposición acusó al gobierno de mentir.")[0]
    assert "quotation" in reasons("«Es realmente un documento innovador», declaró Putin.")[0]
    assert "attribution" in reasons("El ministro dijo que la ley se aprobará.")[0]
    assert "figure" in reasons("Murieron 32 personas.")[0]
    assert "date" in reasons("Llegó el miércoles a la capital.")[0]
    assert "accusation" in reasons("The governor accused the utility of ignoring warnings.", "en")[0]


def test_cues_of_four_letters_match_whole_words_only():
    # "según" must not fire on "segundo"; "acusó" must still fire (regression)
    assert "attribution" not in reasons("Fue el segundo intento del equipo.")[0]
    assert "accusation" in reasons("Lo acusó de fraude.")[0]


def test_speculation_without_a_hard_signal_is_not_flagged():
    r, hedged = reasons("La alianza entre ambos países podría tener implicaciones significativas.")
    assert hedged and score(r, hedged) < FLAG_THRESHOLD


def test_a_hard_signal_outweighs_speculation():
    r, hedged = reasons("Estados Unidos acusó a Corea del Norte de enviar misiles, y esto seguramente avivará la crisis.")
    assert "accusation" in r and score(r, hedged) >= FLAG_THRESHOLD


def test_a_conflict_alone_is_enough_to_flag():
    r, hedged = reasons("Hubo muchos daños.", conflict=True)
    assert score(r, hedged) >= FLAG_THRESHOLD


def test_only_body_sentences_are_flagged_and_every_flag_has_reasons(sismo):
    roles = {s.id: s.role for a in sismo.articles for s in a.sentences}
    assert sismo.flags
    for f in sismo.flags:
        assert roles[f.sentence] == "body"
        assert f.reasons and 0 < f.score <= 1


def test_conflicting_claims_are_flagged_high(sismo):
    flags = {f.sentence: f for f in sismo.flags}
    assert "conflict" in flags["A4"].reasons and flags["A4"].priority == "high"
    assert "accusation" in flags["B5"].reasons
