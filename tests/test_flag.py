"""Stage 5: check-worthy claims, each with its reasons."""
from conftest import briefing_of

from reporter.settings import Flagging
from reporter.stages.flag import reasons_for, score, shown

FLAG_THRESHOLD = Flagging().rules_threshold  # the rules alone (score); the model decides in briefings


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


def test_unprecedented_is_a_superlative_but_without_is_not():
    # "sin precedentes" was two cues, and "sin" ("without") alone made any claim a superlative
    assert "superlative" not in reasons("El alcalde llegó sin su equipo a la reunión.")[0]
    assert "superlative" in reasons("Una crecida sin precedentes inundó el valle.")[0]
    assert "superlative" in reasons("An unprecedented flood hit the valley.", "en")[0]


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


def test_speculation_in_the_articles_is_not_flagged(sismo, storm):
    # "podría tener implicaciones" / "could cost the region millions": a guess, not a fact to check.
    flagged = {f.sentence for f in sismo.flags}
    assert "podría tener implicaciones" in sismo.sentence("A8").text and "A8" not in flagged
    assert "could cost" in storm.sentence("A5").text and "A5" not in {f.sentence for f in storm.flags}


def test_boilerplate_captions_and_titles_are_never_flagged_even_with_figures():
    # The title carries a death toll and the caption a date: still not claims.
    b = briefing_of("Sismo deja 58 muertos el martes\n\n(Foto: EFE, 15 de agosto de 2023)\n\n"
                    "La oposición acusó al gobierno de mentir sobre los 58 muertos.\n\nAFP\n",
                    "Otro sismo\n\nEl gobierno dijo que hubo 32 muertos.\n")
    assert [s.role for s in b.articles[0].sentences] == ["title", "caption", "body", "boilerplate"]
    assert {f.sentence for f in b.flags} <= {"A3", "B2"}
    assert "A3" in {f.sentence for f in b.flags}


def test_english_cues_give_their_reasons(storm):
    # the reasons of a sentence, flagged or not (the model decides the flag)
    def of(sid):
        return reasons(storm.sentence(sid).text, "en")[0]
    assert {"quotation", "attribution"} <= set(of("A4"))  # "...," the chief executive told reporters
    assert "figure" in of("A2") and "attribution" in of("A2")  # 1,200 homes, said
    flags = {f.sentence: f.reasons for f in storm.flags}
    assert {"accusation", "single_source"} <= set(flags["B4"])  # only B: the governor accused


def test_a_claim_both_sources_make_is_not_single_source(sismo):
    flags = {f.sentence: f.reasons for f in sismo.flags}
    assert "single_source" not in flags["A5"] and "single_source" not in flags["B3"]  # the 10 km depth
    assert "single_source" in flags["B5"]  # the opposition's accusation


def test_flags_are_scored_in_range_and_sorted_by_article_and_sentence(sismo):
    order = [(f.sentence[0], int(f.sentence[1:])) for f in sismo.flags]
    assert order == sorted(order)
    assert all(f.score >= Flagging().threshold_es for f in sismo.flags)


# ---- reasons are right (issue 13): a cue fires only where its word means what the reason says ----


def test_a_superlative_needs_a_superlative_not_more():
    # "más" is "more": "Dos personas más fallecieron" compares nothing (issue 13's false fire)
    assert "superlative" not in reasons("Dos personas más fallecieron en el hospital.")[0]
    assert "superlative" not in reasons("Hubo más de 30 heridos y la mayor parte ya volvió a casa.")[0]
    assert "superlative" not in reasons("Two more people died in hospital.", "en")[0]
    for text in ("Es el terremoto más fuerte desde 1985.", "Fue la cifra más alta en años.", "Fue el mayor sismo del siglo.",
                 "Las exportaciones marcaron un récord.",
                 "Por primera vez, el país exporta trigo."):
        assert "superlative" in reasons(text)[0], text
    for text in ("It was the deadliest quake on record.", "It is the most expensive bridge in the country.",
                 "For the first time, the city banned cars."):
        assert "superlative" in reasons(text, "en")[0], text


def test_words_that_only_look_like_superlatives_are_not():
    # the English mayor, Spanish minors, the minimum wage, improving, the prime minister, "recorded"
    assert "superlative" not in reasons("The mayor said the road would reopen.", "en")[0]
    assert "superlative" not in reasons("Tres menores resultaron heridos.")[0]
    assert "superlative" not in reasons("El Gobierno subió el salario mínimo.")[0]
    assert "superlative" not in reasons("El plan busca mejorar los hospitales.")[0]
    assert "superlative" not in reasons("El primer ministro viajó a Lima.")[0]
    assert "superlative" not in reasons("The station recorded 40 mm of rain.", "en")[0]
    # the over-60s, an intensifier (it ranks nothing), records as documents (the derrumbe pair's
    # "according to city records" was a superlative)
    assert "superlative" not in reasons("Una campaña de vacunación para los mayores de 60 años.")[0]
    assert "superlative" not in reasons("La compra sigue estando carísima.")[0]
    assert "superlative" not in reasons("The block had been inspected in 2023, according to city records.", "en")[0]
    assert "superlative" not in reasons("His voting record is public.", "en")[0]
    for text in ("Temperatures hit a record 45C.", "Prices reached record highs.", "She broke the record twice.",
                 "It set a new record."):
        assert "superlative" in reasons(text, "en")[0], text
    assert "superlative" in reasons("Es el mayor de los tres embalses.")[0]


def test_an_age_and_a_count_of_a_proper_noun_are_not_figures():
    # issue 13 on the seeds: "las dos Coreas" read as a figure (the checklist's top row, "cifra"),
    # and so did an age; a count of people, a toll beside an age, a duration keep it
    for text in ("Las relaciones entre las dos Coreas están en su punto más bajo.", "Rosa María López, 56, vio el humo.",
                 "Rosa María López, de 56 años, vio el humo.", "Un hombre de 34 años resultó herido.",
                 "La víctima, de 80 años de edad, vivía sola.", "Murió a los 90 años en su casa.",
                 "Los Veintisiete aprobaron el plan."):
        assert "figure" not in reasons(text)[0], text
    for text in ("The two Koreas met in Panmunjom.", "A 45-year-old man was arrested.", "The man, aged 60, died.",
                 "John Smith, 45, said he saw the smoke.", "The driver, 52 years old, was unhurt."):
        assert "figure" not in reasons(text, "en")[0], text
    for text in ("Murieron 32 personas.", "Un hombre de 34 años y otros 12 vecinos resultaron heridos.",
                 "Fue condenado a 20 años de prisión.", "Lleva 12 años en el cargo."):
        assert "figure" in reasons(text)[0], text
    for text in ("Israeli strikes killed 15 Palestinians on Monday.", "Three children, aged 4, 6 and 9, were hurt.",
                 "The plan costs $3 billion."):
        assert "figure" in reasons(text, "en")[0], text


def test_an_act_that_happened_is_an_event_shown_as_consequential():
    from reporter.stages.flag import shown

    for text, lang in (("Putin y Kim firmaron un acuerdo de asistencia mutua.", "es"), ("El Congreso aprobó la ley.", "es"),
                       ("The Senate passed the housing bill.", "en"), ("Two people were killed in Calera.", "en")):
        r = reasons(text, lang)[0]
        assert "event" in r and shown(r).count("consequential") == 1 and "event" not in shown(r), text
    for text, lang in (("Neighbours passed thermoses of coffee in the cold.", "en"), ("Falta su firma en el documento.", "es"),
                       ("El anuncio se hizo el lunes.", "es"), ("Recibió un decreto del ministerio.", "es")):
        assert "event" not in reasons(text, lang)[0], text


def test_united_states_is_not_an_attribution_and_an_appointment_is_not_a_citation():
    assert "attribution" not in reasons("The United States sent two ships.", "en")[0]
    assert "attribution" not in reasons("Tenía una cita con el médico.")[0]
    assert "attribution" not in reasons("El indicador de confianza bajó.")[0]
    assert "attribution" in reasons("The minister stated that taxes would fall.", "en")[0]


def test_according_to_and_tried_to_are_not_consequential():
    assert "consequential" not in reasons("De acuerdo con el ministerio, el puente abrirá el lunes.")[0]
    assert "consequential" not in reasons("El alcalde ha tratado de calmar a los vecinos.")[0]
    assert "consequential" in reasons("Los dos países firmaron un acuerdo comercial.")[0]
    assert "consequential" in reasons("El tratado entra en vigor hoy.")[0]


def test_may_and_march_are_months_only_capitalised_and_tal_vez_is_one_cue():
    r, hedged = reasons("The new law takes effect in May.", "en")
    assert "date" in r and not hedged
    r, hedged = reasons("The outage may cost millions.", "en")
    assert "date" not in r and hedged
    assert "date" not in reasons("Thousands march through the capital.", "en")[0]
    assert reasons("Tal vez llueva.")[1] and not reasons("Es la primera vez que ocurre.")[1]


def test_a_share_or_a_multiple_in_words_is_a_figure_and_a_few_dozen_is_not():
    # issue 13: "bus fares would be cut by a quarter" was no figure and went unflagged
    assert "figure" in reasons("Bus fares will be cut by a quarter.", "en")[0]
    assert "figure" in reasons("Prices for the crossing have doubled.", "en")[0]
    assert "figure" in reasons("La mitad de los vecinos no tiene luz.")[0]
    assert "figure" in reasons("Un tercio de los barcos no tenía chalecos.")[0]
    assert "figure" not in reasons("She is a third-year student at the college.", "en")[0]
    assert "figure" not in reasons("Rain fell on the few dozen protesters outside.", "en")[0]
    assert "figure" in reasons("Rain fell on the 40 protesters outside.", "en")[0]


def test_the_single_source_prior_lifts_only_a_sentence_that_states_something():
    # In two reports of one event most sentences are told by one of them: scene, background, what
    # happens next. Lifting them all flagged 72% of 30 ECB+ English pairs' sentences.
    from reporter.stages.flag import news_prior

    s = Flagging()
    scene, hedged = reasons_for("The lake was calm on Sunday morning.", "en", single_source=True, conflict=False)
    assert "single_source" in scene and news_prior(scene, hedged, s) == 0
    fact, hedged = reasons_for("About 4,000 homes lost power.", "en", single_source=True, conflict=False)
    assert news_prior(fact, hedged, s) == s.single_source_weight
    said, hedged = reasons_for("The ministry said the ferry was inspected.", "en", single_source=True, conflict=False)
    assert news_prior(said, hedged, s) == s.single_source_weight


# ---- a bystander's testimony is not words on the record (issue 13) ----
def _prior(text, lang):
    from reporter.stages.flag import news_prior

    r, hedged = reasons_for(text, lang, single_source=True, conflict=False)
    return r, news_prior(r, hedged, Flagging())


def test_a_bystanders_quote_or_account_is_testimony_not_an_attribution():
    s = Flagging().single_source_weight
    for text, lang in [
        ("«Temblaba todo el edificio y salimos corriendo», dijo una vecina del tercer piso.", "es"),
        ("«Parecía que se acababa el mundo», dijo Julia Ferrer, de 52 años, desde la acera.", "es"),
        ("Los pasajeros relataron escenas de pánico mientras el tren frenaba.", "es"),
        ('"The whole street shook and we ran outside," said Tom Reyes, a shopkeeper.', "en"),
        ('"I heard a loud bang and the windows shook," said Ana Ruiz, 29, who lives nearby.', "en"),
        ("Passengers described scenes of chaos as the train braked.", "en"),
    ]:
        r, prior = _prior(text, lang)
        assert "attribution" not in r and prior == 0, text
        assert "testimony" not in shown(r)  # read by news_prior, never shown to a reader


def test_an_official_a_title_or_an_organisation_keeps_the_attribution():
    s = Flagging().single_source_weight
    for text, lang in [
        ("«Temblaba todo el edificio», dijo el portavoz de Protección Civil.", "es"),
        ("«Es una tragedia», declaró el presidente Julián Mora a los periodistas.", "es"),
        ("Según la empresa, el tren circulaba a la velocidad permitida.", "es"),
        ('"We heard the alarm at 3 a.m.," said police spokesman Tom Reyes.', "en"),
        ('"This will not happen again," said the company in a statement.', "en"),
        ("A report by the safety board found the brakes had failed.", "en"),
    ]:
        r, prior = _prior(text, lang)
        assert "attribution" in r and prior == s, text


def test_a_bystanders_reported_fact_stays_an_attribution():
    # Only their quoted or narrated experience is testimony; what they say happened can be checked.
    s = Flagging().single_source_weight
    for text, lang in [("Los vecinos dijeron que habían denunciado las grietas en 2023.", "es"),
                       ("Witnesses said the gunman fired at least 20 shots.", "en")]:
        r, prior = _prior(text, lang)
        assert "attribution" in r and prior == s, text


def test_a_bystanders_quote_counts_the_figures_of_the_quote_not_of_the_reporters_description():
    r, _ = _prior('"It is the end of my business," said Paul Kent, a baker who has sold bread here for 40 years.', "en")
    assert "figure" not in r
    r, _ = _prior("«Vendo 300 barras al día y hoy ninguna», dijo Pedro Gil, un panadero del barrio.", "es")
    assert "figure" in r
    r, prior = _prior('"I saw 40 people on the roof," said Paul Kent, a baker.', "en")
    assert "figure" in r and prior == Flagging().single_source_weight  # a count a witness gives can be checked


# ---- a distance that places the scene is no figure (issue 13) ----
def test_a_distance_placing_the_scene_is_not_a_figure_but_a_depth_an_epicentre_or_a_speed_is():
    assert "figure" not in reasons("El estruendo se oyó en Villaverde, a 15 kilómetros.")[0]
    assert "figure" not in reasons("Las sirenas se oían a dos kilómetros de distancia.")[0]
    assert "figure" not in reasons("The blast was heard two blocks away.", "en")[0]
    assert "figure" not in reasons("The smoke could be seen 30 miles away.", "en")[0]
    assert "figure" in reasons("El epicentro se localizó a 40 kilómetros al norte de la capital.")[0]
    assert "figure" in reasons("El sismo se originó a 12 kilómetros de profundidad.")[0]
    assert "figure" in reasons("El viento sopló a 90 kilómetros por hora.")[0]
    assert "figure" in reasons("The boat sank three kilometres from the port.", "en")[0]
    # something of consequence stated: the distance stays a figure
    assert "figure" in reasons("A car bomb killed a guard two blocks away.", "en")[0]
    assert "figure" in reasons("Murió un hombre en Villaverde, a 15 kilómetros.")[0]


# ---- a disaster's act is an event (issue 13) ----
def test_a_collapse_a_sinking_an_explosion_a_derailment_are_events():
    for text, lang in [("El edificio se derrumbó poco antes de las siete.", "es"),
                       ("La grúa se desplomó sobre dos coches.", "es"),
                       ("El tren descarriló a la salida de la estación.", "es"),
                       ("Una bombona explotó en el segundo piso.", "es"),
                       ("The eight-storey block collapsed before dawn.", "en"),
                       ("The ferry sank within minutes.", "en"),
                       ("A gas tank exploded in the basement.", "en"),
                       ("The train derailed near the station.", "en"),
                       ("El ministerio suspendió la licencia del operador.", "es"),
                       ("The operator's licence has been suspended.", "en")]:
        assert "event" in reasons(text, lang)[0], text
    assert "event" not in reasons("El edificio tiene siete plantas.")[0]
    assert "event" not in reasons("The tower has eight storeys.", "en")[0]
    assert "event" not in reasons("La suspensión de la licencia se debatirá el lunes.")[0]


def test_the_deceased_is_a_consequential_subject():
    r, hedged = reasons("El fallecido conducía un camión que volcó en la pista.")
    assert "consequential" in r and "event" in r


def test_who_speaks_is_read_outside_the_quote():
    # a politician's words about a man are his words on the record; a neighbour quoting the police is a neighbour
    s = Flagging().single_source_weight
    r, prior = _prior("«Es un hombre honesto y un buen vecino», dijo Mora en el Congreso.", "es")
    assert "attribution" in r and prior == s
    r, prior = _prior('"He was a good man and a loving father," Mora told reporters.', "en")
    assert "attribution" in r and prior == s
    r, prior = _prior('"The police came too late," said Rosa Lima, a neighbour.', "en")
    assert "attribution" not in r and prior == 0


def test_a_kings_numeral_and_related_words_are_no_testimony():
    s = Flagging().single_source_weight
    r, prior = _prior("Felipe VI dijo a un vecino que la ayuda llegará el lunes.", "es")
    assert "attribution" in r and prior == s
    r, prior = _prior('"It is related to the budget," said a man from the ministry.', "en")
    assert "attribution" in r and prior == s


def test_a_bystanders_testimony_is_never_flagged_without_a_figure_or_an_accusation_of_its_own():
    # Even when the model scores it high: "It's a tax on working people," said a taxi driver is an
    # opinion that reads like a debate's claim (issue 13, tests/fixtures/triage: 0.72).
    from reporter.stages.flag import flag
    from reporter.text import checkworthy

    class Always:
        def __getattr__(self, name):
            return getattr(model, name)

        def probability(self, *args, **kwargs):
            return 0.9

    def flagged(text, lang):
        b = briefing_of("Title\n\n" + text + "\n")
        return bool(flag(b.articles, (), Flagging(), checkworthy=lambda language: Always()))

    model = checkworthy.load("en")
    assert not flagged('"It is a scandal and a tax on families," said Paul Kent, a baker.', "en")
    assert not flagged("«Es un impuesto contra las familias», dijo una vecina del barrio.", "es")
    assert flagged('"I counted 40 people on the roof," said Paul Kent, a baker.', "en")
    assert flagged("«Nadie nos avisó del desalojo», denunció una vecina del barrio.", "es")
    assert flagged('"It is a scandal and a tax on families," said the finance minister.', "en")
    assert flagged("«Es un impuesto contra las familias», dijo la ministra de Hacienda.", "es")


# ---- records told against time, a superlative after a possessive (issue 13, item c) ----
def test_a_record_told_against_time_is_a_superlative():
    # Team-written sentences; each ranks its subject against years past without a superlative word.
    for text in ("Es la primera huelga general en 15 años.", "La selección ganó su primer título desde 1994.",
                 "Desde 1987 no se registraba una ola de frío así en la provincia.",
                 "No nevaba en la costa desde 1985, según la agencia meteorológica.",
                 "El petróleo marcó máximos desde 2014.", "La natalidad cayó a su mínimo histórico.",
                 "El índice cerró en su nivel más bajo desde marzo.", "La bolsa vivió su mayor caída del año."):
        assert "superlative" in reasons(text)[0], text
    for text in ("It was the first general strike in three decades.", "The club won its first title since 1994.",
                 "Not since 1987 has the province seen such a cold spell.",
                 "The city had not seen snow since 1985, forecasters said.",
                 "Oil prices reached a 10-year high on Monday.", "The bank posted its biggest loss of the year."):
        assert "superlative" in reasons(text, "en")[0], text


def test_a_first_or_a_since_that_ranks_nothing_is_no_record():
    for text in ("El primer ministro desde 2010, Luis Mora, habló en el pleno.", "Pidió a su familia más apoyo.",
                 "Vive en la ciudad desde 2019.", "La primera dama visitó el hospital desde el que salió el convoy."):
        assert "superlative" not in reasons(text)[0], text
    for text in ("The prime minister since 2010 spoke first.", "She has lived in the town since 2019.",
                 "The first lady has served on the board since 2015."):
        assert "superlative" not in reasons(text, "en")[0], text


# ---- the hours a measure applies in are a figure (issue 13, item b) ----
def test_the_hours_a_measure_applies_in_are_a_figure():
    for text, lang in [("The toll will be charged from 6 a.m. to 10 p.m. every day.", "en"),
                       ("The curfew runs from 22:00 to 05:00 until further notice.", "en"),
                       ("El toque de queda regirá de 23.00 a 6.00 horas.", "es"),
                       ("El puente estará cerrado al tráfico entre las 8 y las 20 horas.", "es")]:
        assert "figure" in reasons(text, lang)[0], text
    # a span of hours that no measure applies in is scene; a range that is no clock is no time
    assert "figure" not in reasons("From 6 a.m. to noon, volunteers handed out bread.", "en")[0]
    assert "figure" not in reasons("Los voluntarios repartieron pan de las 6 a las 9.")[0]
    assert "figure" not in reasons("El puente estará cerrado de lunes a viernes.")[0]


# ---- an attributed fact with a count keeps its lift when both sources tell it (issue 13, item a) ----
def test_an_attributed_count_is_lifted_however_many_sources_tell_it():
    from reporter.stages.flag import news_prior

    s = Flagging()
    for text, lang in [("The interior minister said all five were found alive on the ridge.", "en"),
                       ("Rescuers reached the group and all three are unhurt, the fire service said.", "en")]:
        r, hedged = reasons_for(text, lang, single_source=False, conflict=False)
        assert news_prior(r, hedged, s) == s.act_weight, (text, r)
        assert "counted" not in shown(r)  # read by news_prior, never shown to a reader
    # no count, a hedge, or a bystander's word: no lift when two sources tell it; nor an attributed
    # figure (the model's "figure" weight carries it: lifted too, the team pairs' 1.00s doubled)
    for text, lang in [("Officials said 12 new buses joined the fleet this spring.", "en"),("The interior minister said the climbers were found alive.", "en"),
                       ("The interior minister said all five climbers could be found alive.", "en"),
                       ('"We saw all five of them wave from the ridge," said a hiker.', "en")]:
        r, hedged = reasons_for(text, lang, single_source=False, conflict=False)
        assert news_prior(r, hedged, s) == 0, (text, r)


# ---- general fixes after the fifth triage pair's first run (issue 13, item d) ----
def test_a_participle_that_describes_a_thing_reports_no_act_and_an_inquiry_opened_is_one():
    assert "event" not in reasons("Cranes worked beside the collapsed warehouse all night.", "en")[0]
    assert "event" not in reasons("Children played near a derailed carriage.", "en")[0]
    assert "event" in reasons("The warehouse collapsed during the night.", "en")[0]
    assert "event" in reasons("Prosecutors have opened an investigation into the fire.", "en")[0]
    assert "event" in reasons("La fiscalía abrió una investigación sobre el incendio.")[0]
    assert "event" not in reasons("La tienda ha abierto sus puertas a las diez.")[0]


def test_a_long_spanish_superlative_is_one_and_a_comparison_is_not():
    assert "superlative" in reasons("Fue la tormenta de granizo de este verano más intensa en la comarca.")[0]
    assert "superlative" not in reasons("El sindicato pide una respuesta más dura al Gobierno.")[0]
    assert "superlative" not in reasons("La sequía es más grave en el sur.")[0]
    assert "superlative" not in reasons("La lluvia fue más intensa que la del año pasado.")[0]


def test_an_order_in_force_for_some_hours_is_a_measure():
    assert "figure" in reasons("The evacuation order stays in force from 8 p.m. to 6 a.m.", "en")[0]


def test_a_record_with_its_figure_or_date_is_lifted_however_many_sources_tell_it():
    from reporter.stages.flag import news_prior

    s = Flagging()
    for text, lang in [("Es la primera visita de un canciller a la isla en 30 años.", "es"),
                       ("La inflación marcó su nivel más alto desde 1992.", "es"),
                       ("It was the wettest June since 1910.", "en")]:
        r, hedged = reasons_for(text, lang, single_source=False, conflict=False)
        assert "superlative" in r and news_prior(r, hedged, s) == s.act_weight, (text, r)
    # a superlative of taste, with nothing to date or count it, gets no lift
    r, hedged = reasons_for("Es el mejor restaurante del barrio.", "es", single_source=False, conflict=False)
    assert news_prior(r, hedged, s) == 0, r


# ---- an official act a report states plainly (issue 13: the Spanish model, trained on tweets,
# scored five must-verify news lines of the triage pairs 0.04-0.18; Flagging.official_act_score) ----
def test_an_order_a_closure_an_inquiry_a_toll_of_all_or_none_and_a_level_against_a_limit_are_official_acts():
    from reporter.stages.flag import OFFICIAL_ACT

    for text, lang in [("El Ayuntamiento ordenó a los vecinos de Valmora no salir de sus casas.", "es"),
                       ("La Guardia Civil desalojó a los clientes del centro comercial.", "es"),
                       ("El humo obligó a cerrar la carretera entre Tolva y Brenes.", "es"),
                       ("La línea de cercanías permanecerá cortada hasta el lunes.", "es"),
                       ("El juzgado ha abierto diligencias por el accidente.", "es"),
                       ("Todos están con vida, según el delegado del Gobierno.", "es"),
                       ("Nadie resultó herido, informó la policía.", "es"),
                       ("Según la consejería, las mediciones no superaron los niveles de alerta.", "es"),
                       ("The council ordered residents of Elmbrook to stay indoors.", "en"),
                       ("Police shut the Harlow bridge to traffic overnight.", "en"),
                       ("No one was hurt, the fire department said.", "en"),
                       ("Officials said readings never exceeded safe levels.", "en")]:
        r, _ = reasons(text, lang)
        assert OFFICIAL_ACT in r, (text, r)
        assert "consequential" in shown(r) and OFFICIAL_ACT not in shown(r)


def test_scene_colour_is_no_official_act():
    # Trade-off: a closure needs a way (a road, a line, a bridge) next to it, an order an authority
    # named, a participle after a determiner names people ("los desalojados"), not an act.
    from reporter.stages.flag import OFFICIAL_ACT

    for text, lang in [("Voluntarios repartían café entre los desalojados, muchos de ellos mayores.", "es"),
                       ("En el pueblo, las tiendas cerraron pronto y sonaron las campanas.", "es"),
                       ("In the village, shops closed early and church bells rang.", "en"),
                       ("Families who live close to the airport waited outside.", "en"),
                       ("Ordenó sus papeles y salió de casa.", "es"),
                       ("No more than a few neighbours came out to watch.", "en")]:
        assert OFFICIAL_ACT not in reasons(text, lang)[0], text


ORDER_A = ("Fuga de cloro en Valmora\n\n"
           "Una cisterna con cloro volcó el martes en la carretera de acceso a Valmora. "
           "El Ayuntamiento ordenó a los vecinos del barrio de La Vega permanecer en sus casas con las ventanas cerradas. "
           "El cielo se tiñó de un color amarillento durante la tarde.")
ORDER_B = ("Vecinos confinados en Valmora por una fuga\n\n"
           "Una cisterna que transportaba cloro volcó el martes cerca de Valmora. "
           "El Ayuntamiento ordenó a los vecinos del barrio de La Vega permanecer en sus casas y cerrar las ventanas. "
           "Los perros del barrio ladraron durante horas.")


def test_an_official_order_two_sources_tell_is_flagged_at_least_at_the_official_act_score():
    s = Flagging()
    b = briefing_of(ORDER_A, ORDER_B)
    order = [x for a in b.articles for x in a.claims if "ordenó" in x.text]
    flags = {f.sentence: f for f in b.flags}
    assert len(order) == 2 and all(x.id in flags and flags[x.id].score >= s.official_act_score for x in order)
    assert all("consequential" in flags[x.id].reasons for x in order)
    colour = [x for a in b.articles for x in a.claims if "amarillento" in x.text or "perros" in x.text]
    assert colour and not [x for x in colour if x.id in flags]


def test_a_hedged_official_act_gets_no_floor():
    r, hedged = reasons("El Ayuntamiento podría ordenar a los vecinos permanecer en sus casas.")
    assert hedged
    floor = Flagging().official_act_score
    told = briefing_of("Aviso en Valmora\n\nEl Ayuntamiento ordenó ayer a los vecinos que no salgan de sus casas.\n")
    assert [f.score >= floor for f in told.flags] == [True]
    b = briefing_of("Aviso en Valmora\n\nEl Ayuntamiento podría ordenar mañana a los vecinos que no salgan de sus casas.\n")
    assert all(f.score < floor for f in b.flags)


def test_a_bystander_who_relates_what_they_saw_is_testimony_as_one_who_says_it():
    # HTML red team (feria): "relató" is no attribution on the record, so the testimony rule never
    # read the sentence and the reporter's "con sus dos hijos" made it a figure (flagged at 0.73).
    text = ("«Vimos una columna de humo negro y la gente empezó a correr», relató Ana Gil, vecina de Tolva "
            "que estaba en la feria con sus dos hijos.")
    r, _ = reasons(text)
    assert "testimony" in r and "figure" not in r
    b = briefing_of("Incendio en la feria de Tolva\n\n" + text + "\n")
    assert not b.flags
    # an official who relates stays on the record
    assert "testimony" not in reasons("«Llegamos en diez minutos», relató el jefe de bomberos, Luis Mora.")[0]


def test_a_record_counted_in_accented_number_words_is_one():
    # _NUMBER_TOKENS held "veintidós" with its accent while the tokens are folded: never matched.
    assert "superlative" in reasons("Es la primera visita de un canciller a la isla en veintidós años.")[0]


def test_an_orderly_evacuation_a_shop_street_and_a_wish_to_feel_safe_are_no_official_acts():
    from reporter.stages.flag import OFFICIAL_ACT

    for text, lang in [("La evacuación se hizo de forma ordenada, según la policía.", "es"),
                       ("Los comercios de la calle Mayor cerraron a mediodía.", "es"),
                       ('"Everyone deserves to feel safe at home," the mayor said.', "en"),
                       ("Todos salvo uno volvieron a casa, dijo el alcalde.", "es"),
                       ("Todos perdimos algo en esta vida, dijo el alcalde.", "es"),
                       ("Justicia para todas las víctimas, pidió la alcaldesa.", "es"),
                       ("The mayor did not want to visit the hospital.", "en")]:
        assert OFFICIAL_ACT not in reasons(text, lang)[0], text
    for text, lang in [("No hubo heridos, según la Guardia Civil.", "es"),
                       ("There were no injuries, the fire department said.", "en")]:
        assert OFFICIAL_ACT in reasons(text, lang)[0], text
