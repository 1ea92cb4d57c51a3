"""Readers' errors found by running briefings on outside news text (ECB+, BBC, UD; read in place, never
copied): each test holds one general rule with invented sentences of the same kind."""
from datetime import date

from reporter.text.dates import mentions
from reporter.text.features import analyze
from reporter.text.figures import figures, link_spans


def _texts(sentence: str, language: str = "en") -> list[str]:
    return [f.text for f in figures(sentence, language)]


def test_digits_of_a_web_address_are_no_figures():
    # an ECB+ pair of sports reports set two links' story ids against each other as injured counts
    assert _texts("Read more: http://voices.yahoo.com/thomas-injured-reserve-7538718.html?cat=14") == []
    assert _texts("Thomas was placed on injured reserve (www.sportsnola.com/553008-saints.html).") == []
    assert _texts("Escriba a juan1985@example.com o a @juan1985", "es") == []


def test_figures_beside_an_address_are_still_read():
    assert _texts("At least 32 people died, the agency said on https://example.org/news/2024/quake.") == ["32"]
    assert _texts("El 8M reunió a 12.000 personas en la #marcha8M, a 50 km/h", "es") == ["12.000", "50"]
    # no address at all: a slash between digits is not one ("24/7", "3/4")
    assert link_spans("24/7 news, 3/4 of them") == []


def test_a_date_in_a_web_address_is_not_a_day_of_the_story():
    found = mentions("See http://example.com/news/2011-01-05/story, posted Monday", "en", date(2024, 6, 1))
    assert [m.text for m in found] == ["Monday"]
    assert mentions("Más en https://www.elpais.com/2024/05/12/sucesos/171552.html", "es", date(2024, 6, 1)) == ()
    assert [m.value for m in mentions("Published 2011-01-05 at noon", "en", date(2024, 6, 1))] == ["2011-01-05"]


def test_a_quoted_phrase_given_to_no_one_has_no_speakers():
    """Two BBC politics reports: "The Tories ... accused the prime minister ... of behaving like
    'schoolboys squabbling in a playground'" and "Tory leader Michael Howard accused ... of 'squabbling
    like schoolboys'" were a who-said-what conflict (The Tories / Michael Howard, Mr Brown): a phrase
    the sentence quotes is no one's words, and the names beside it are no speakers."""
    assert analyze('Tory leader Michael Howard accused the prime minister and Mr Brown of "squabbling like '
                   'schoolboys".', "en").speakers == ()
    assert "mayor" in analyze('"We have never seen the water this high," the mayor told local radio.', "en").speakers
    assert "tomas lera" in analyze("«No vamos a negociar bajo amenazas», aseguró el portavoz, Tomás Lera.", "es").speakers
    assert "ana ruiz" in analyze('Ana Ruiz wrote: "The river will rise again."', "en").speakers


def test_a_weekday_in_the_possessive_is_a_weekday():
    """ECB+: "In Saturday's semifinals, Creighton will play Indiana State, which defeated Evansville on
    Friday" against "advances to play Saturday in a semifinal" was a Friday / Saturday conflict."""
    assert set(analyze("In Saturday's semifinals, Creighton will play Indiana State, which beat Evansville on "
                       "Friday.", "en").weekdays) == {5, 6}
    assert analyze("Tuesday’s vote was postponed.", "en").weekdays == (2,)


def test_a_toll_of_one_is_a_figure():
    """ECB+ (two reports of one earthquake): "killing four people" against "killed one person and injured
    dozens" is the story's conflict; "one" was never read, so the briefing showed none."""
    def one(sentence, language):
        return [(f.value, f.unit) for f in figures(sentence, language) if f.value == 1]

    assert one("The quakes destroyed hundreds of buildings, killed one person and injured dozens.", "en") == \
        [(1.0, "death")]
    assert one("El accidente dejó un muerto y tres heridos.", "es") == [(1.0, "death")]
    assert one("Murió una persona y otras dos resultaron heridas.", "es") == [(1.0, "death")]
    # an article or a pronoun is no count, even beside a word of death
    assert one("Una persona que pasaba por allí vio morir al conductor.", "es") == []
    assert one("One of the victims was a child who died in hospital.", "en") == []
    assert one("One person familiar with the talks said the deal was dead.", "en") == []


def test_a_count_of_another_instance_is_not_the_toll():
    """ECB+: "three Gazans were killed when Israeli forces attacked another UN school" against "a school ...
    leaving 40 people dead" was a 3 / 40 deaths conflict: the first counts another attack."""
    from reporter.stages.facts import sentence_facts

    def units(sentence, language):
        return [(f.kind, f.unit) for f in sentence_facts(sentence, language)]

    assert units("Three people were killed when troops attacked another school in the city.", "en") == \
        [("deaths", "other")]
    assert units("En otro ataque murieron tres personas.", "es") == [("deaths", "other")]
    assert units("Another 19 patients were treated for minor injuries.", "en") == [("injured", "")]  # more of it
    assert units("Cuatro mineros fallecieron y otros seis resultaron heridos.", "es") == [("deaths", ""), ("injured", "")]
    assert units("Los sindicatos fletaron 60 autobuses desde otras localidades.", "es")[0][1] == "autobus"
    # discourse markers tell of no other instance
    assert units("Por otro lado, 12 personas resultaron heridas.", "es") == [("injured", "")]
    assert units("At least 40 people were killed, the agency said on the other hand.", "en") == [("deaths", "")]


def test_a_day_in_the_possessive_names_another_event():
    """ECB+: "Despite his arrest ... early yesterday, Jackson will play in Sunday's playoff game" against
    "Jackson was arrested ... on Tuesday morning" was a Sunday / Tuesday conflict: the game's day is not
    the arrest's."""
    from reporter.settings import Comparison
    from reporter.stages.compare import _other_differences

    game = analyze("Despite his arrest early yesterday, Jackson will play in Sunday's playoff game.", "en")
    arrest = analyze("Jackson was arrested on suspicion of drunk driving on Tuesday morning.", "en")
    assert game.named_days == (7,)
    assert not _other_differences(game, arrest, 1.0, Comparison())
    sunday = analyze("Jackson was arrested on Sunday morning.", "en")
    assert [d.kind for d in _other_differences(sunday, arrest, 1.0, Comparison())] == ["day"]


def test_who_hears_a_quotation_or_qualifies_a_noun_is_no_speaker():
    """ECB+: one quotation given to "central Aceh district resident Bensu Elianita ... to the Associated
    Press" and to "a Bukit Sama village resident told AP": the agency and the village were speakers."""
    assert "associated press" not in analyze('"Roofs fell onto people," said resident Bensu Elianita to the '
                                             'Associated Press.', "en").speakers
    assert analyze('"Roofs fell onto people," a Bukit Sama village resident told AP.', "en").speakers == \
        ("village", "resident")
    assert "the daily courier" not in analyze('"It was a business," Police Chief Ramona Diaz told The Daily Courier.',
                                              "en").speakers
    assert "efe" not in analyze('"Todo está bajo control", dijo a EFE el alcalde, Juan Pérez.', "es").speakers
    assert "juan perez" in analyze('"Todo está bajo control", dijo a EFE el alcalde, Juan Pérez.', "es").speakers


def test_a_date_stamp_with_its_time_zone_is_furniture_and_dates_the_page():
    """ECB+: a page's stamp "4 October 2013, 18:07 (GMT+05:00)" was a claim, and no publication date."""
    from reporter.stages.ingest import classify_lines, publication

    text = ("Turkmenistan holds parliamentary elections\n\n4 October 2013, 18:07 (GMT+05:00)\n\n"
            "Turkmenistan held parliamentary elections on Sunday, the election commission said.\n")
    lines = classify_lines(text)
    assert [ln.why for ln in lines][1] == "date stamp"
    assert publication(text, lines, "en").date == "2013-10-04"
    for stamp in ("Aug. 15, 2023 10:32 EDT", "16 de agosto de 2023, 10:32 hora peninsular", "12/03/2024 10:32 CET"):
        assert classify_lines(f"Title\n\n{stamp}\n\nA claim about the vote was made.\n")[1].why == "date stamp"
    # a sentence that holds a stamp's words stays a claim
    assert classify_lines("Title\n\nThe vote is set for 4 October 2013 at 18:07 GMT.\n")[1].role == "body"


def test_a_part_of_a_whole_is_not_the_whole():
    """ECB+: "more than 200,000 of the comments opposed the rule" against "has received nearly 300,000
    comments" was a conflict: the first counts a part."""
    from reporter.stages.facts import sentence_facts

    def units(sentence, language):
        return [(f.kind, f.value, f.unit) for f in sentence_facts(sentence, language)]

    assert units("Officials said more than 200,000 of the comments opposed the change.", "en") == []
    assert units("Dos de los seis heridos se encuentran en estado grave.", "es") == [("injured", 6.0, "")]
    assert units("Una explosión dejó 12 heridos, tres de ellos graves.", "es") == [("injured", 12.0, "")]
    assert units("The department has received nearly 300,000 comments.", "en") == [("count", 300000.0, "comment")]


def test_what_happened_to_a_count_is_the_word_no_and_parts_from_it():
    """ECB+: "Some 30 people were killed and 55 others injured" read 55 as dead (the nearer word on the
    left won a tie), and the injured conflicted with another report's 55 wounded."""
    from reporter.stages.facts import sentence_facts

    def kinds(sentence, language):
        return [(f.kind, f.value) for f in sentence_facts(sentence, language)]

    assert kinds("Some 30 people were killed and 55 others injured.", "en") == [("deaths", 30.0), ("injured", 55.0)]
    assert kinds("A quake struck Aceh, killing at least three people and injuring dozens more.", "en") == \
        [("deaths", 3.0)]
    assert kinds("El accidente dejó 12 muertos y 30 heridos.", "es") == [("deaths", 12.0), ("injured", 30.0)]


def test_a_web_address_on_a_line_of_its_own_is_a_link():
    """ECB+ pages open with their own address; it stood as the standfirst under the title."""
    from reporter.stages.ingest import classify_lines

    text = ("Title of the story\n\nhttp://sports.example.com/nba/news/story?id=2115562\n\n"
            "The centre agreed to a six-year deal on Saturday.\n\nwww.example.co.uk/news/technology-24142934\n\n"
            "More at https://example.com/a/b.\n")
    assert [(ln.role, ln.why) for ln in classify_lines(text)][1:] == [
        ("boilerplate", "related link"), ("body", ""), ("boilerplate", "related link"), ("body", "")]


def test_the_day_something_was_said_is_not_the_day_it_happened():
    """HTML red team (bridge): "has been closed ..., the city council said on Monday night" against "cerró
    este martes" was a Monday / Tuesday conflict: Monday is when the council spoke."""
    from reporter.settings import Comparison
    from reporter.stages.compare import _other_differences

    said = analyze("The bridge has been closed after a crack was found, the city council said on Monday night.", "en")
    closed = analyze("El Ayuntamiento cerró este martes el puente.", "es")
    assert said.named_days == (1,) and closed.named_days == ()
    assert not _other_differences(said, closed, 1.0, Comparison())
    # a day the event has stays its own, beside the day it was told
    both = analyze("El alcalde dijo el lunes que el puente cerró el martes.", "es")
    assert both.named_days == (1,)


def test_a_toll_told_with_an_earlier_year_is_another_event():
    """ECB+ earthquake reports carry the 2004 tsunami's toll and earlier quakes' as background; set against
    today's toll they were conflicts ("230,000" in 2004 / "three" in 2002; "1000" in 2009 / "one" last year)."""
    from reporter.stages.facts import sentence_facts

    def tolls(sentence, language):
        return [(f.value, f.unit) for f in sentence_facts(sentence, language) if f.kind == "deaths"]

    assert tolls("In December 2004, a massive quake off Aceh triggered a tsunami that left at least 230,000 "
                 "people dead.", "en") == [(230000.0, "in 2004")]
    assert tolls("The last big quake here struck on Oct. 10, 2002, killing three people.", "en") == [(3.0, "in 2002")]
    assert tolls("Last year, a 6.4-magnitude quake rocked the coast, killing at least one person.", "en") == \
        [(1.0, "past")]
    assert tolls("El terremoto de 2016 dejó 663 muertos en Ecuador.", "es") == [(663.0, "in 2016")]
    # today's toll, and a record told against a year, stay today's
    assert tolls("A strong quake struck Aceh on Tuesday, killing at least one person.", "en") == [(1.0, "")]
    assert tolls("El sismo dejó 32 muertos, la peor cifra desde 2016.", "es") == [(32.0, "")]


def test_a_day_after_an_abbreviated_month_is_a_date():
    """ECB+: "on Oct. 10, 2002, ... killing three people" read 10 as dead."""
    got = [(f.text, f.kind) for f in figures("The last big quake struck on Oct. 10, 2002, killing three people.", "en")]
    assert got == [("10", "date"), ("2002", "year"), ("three", "count")]
    assert [(f.text, f.kind) for f in figures("Two years ago, 10 people died.", "en")] == [("Two", "count"), ("10", "count")]


def test_an_age_conflict_needs_one_person_on_both_sides():
    """ECB+: "27-year-old Christopher Kenyon Simpson in the death of 20-year-old Ka'loni Flynn" against
    "26-year-old Christopher Kenyon Simpson" set 20 against 26; "his wife, 23-year-old Laci" against
    "Peterson, a 32-year-old salesman" was an age conflict too. Only Simpson's 27 / 26 is one."""
    from reporter.stages.compare import _comparable
    from reporter.stages.facts import sentence_facts

    def ages(sentence):
        return [f for f in sentence_facts(sentence, "en") if f.kind == "age"]

    a = ages("The jury convicted 27-year-old Christopher Kenyon Simpson in the death of 20-year-old Ka'loni Flynn.")
    b = ages("Trial is set for June 17 for 26-year-old Christopher Kenyon Simpson of Fort Coffee.")
    assert [(f.value, f.subject) for f in a] == [(27.0, "Christopher Kenyon Simpson"), (20.0, "Ka'loni Flynn")]
    assert [_comparable(x, b[0], a, b) for x in a] == [True, False]
    wife = ages("A jury convicted him in the death of his wife, 23-year-old Laci.")
    husband = ages("The husband, a 32-year-old fertilizer salesman, showed no emotion.")
    assert not _comparable(wife[0], husband[0], wife, husband)
    suspect = ages("The suspect, 34, was arrested."), ages("The suspect, 36, was charged.")
    assert _comparable(suspect[0][0], suspect[1][0], *suspect)


def test_a_stamp_after_the_place_it_was_filed_from_dates_the_page():
    """The fourth red team's pages: "Almedina del Río, 13 de octubre de 2026, 11:40" was a heading and
    "Puerto Salinas, 22 de septiembre de 2026, 09:10 (GMT-05:00)" a claim; neither page had a date."""
    from reporter.stages.ingest import classify_lines, publication

    for stamp, day in (("Almedina del Río, 13 de octubre de 2026, 11:40", "2026-10-13"),
                       ("Tlacoyan, 8 de agosto de 2026 | 07:30", "2026-08-08"),
                       ("Puerto Salinas, 22 de septiembre de 2026, 09:10 (GMT-05:00)", "2026-09-22")):
        text = f"Titular de la noticia\n\nPor Ana Ruiz\n\n{stamp}\n\nEl río se desbordó este martes en la zona.\n"
        lines = classify_lines(text)
        assert lines[2].why == "date stamp" and publication(text, lines, "es").date == day
    text = "Quake shakes the coast\n\nWASHINGTON, Oct. 13, 2026, 9:40 a.m.\n\nA strong quake shook the coast on Monday.\n"
    lines = classify_lines(text)
    assert lines[1].why == "date stamp" and publication(text, lines, "en").date == "2026-10-13"
    # a claim that opens with a place and holds a date stays a claim
    assert classify_lines("Title\n\nMadrid, 13 de octubre de 2026: el Gobierno aprobó el plan.\n")[1].role == "body"


def test_a_speed_row_shows_each_value_in_the_unit_its_source_wrote():
    """The fourth red team (huracan): the fact reader keeps mph and km/h as one quantity, so the PDF's row
    read "km: A 215 · B 130", two values that seemed to disagree; each now carries its own unit."""
    from conftest import fixture
    from conftest import briefing_of
    from reporter.report.view import build_view

    v = build_view(briefing_of(fixture("huracan_es.txt"), fixture("huracan_en.txt")))
    row = next(r for r in v.facts if r.label == "velocidad")
    assert [s.value for s in row.says] == ["215 km/h, hasta 260 km/h", "130 mph, hasta 160 mph"] and not row.differ
    # the comparator's "rescue" concept holds evacuations too: the row says so ("evacuaron a más de medio millón")
    assert any(r.label.startswith("rescatados o evacuados") for r in v.facts)
