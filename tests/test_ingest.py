"""Stage 1: every line gets a role; only body lines are claims."""
import pytest

from conftest import fixture

from reporter.stages.ingest import classify_lines
from reporter.model import BODY, BOILERPLATE, CAPTION, HEADING, TITLE, Source
from reporter.stages.segment import segment


def roles(text: str) -> list[tuple[str, str]]:
    return [(l.role, text[l.start:l.end]) for l in classify_lines(text)]


def test_first_short_line_is_the_title_and_its_repeat_is_boilerplate():
    got = roles("Un titular breve\n\nUn titular breve\n\nEl cuerpo de la noticia empieza aquí.\n")
    assert got[0] == (TITLE, "Un titular breve")
    assert got[1] == (BOILERPLATE, "Un titular breve")
    assert got[2][0] == BODY


def test_a_first_line_that_is_a_paragraph_is_not_a_title():
    # Wire copy often starts with the lead paragraph: two sentences are not a headline.
    got = roles("En una cumbre, los líderes firmaron un acuerdo. Este tratado será la base.\nOtra línea.\n")
    assert got[0][0] == BODY


def test_a_one_sentence_article_keeps_its_sentence_as_body():
    assert roles("El alcalde anunció 32 nuevas medidas.\n") == [(BODY, "El alcalde anunció 32 nuevas medidas.")]


def test_photo_captions_and_credits_are_captions():
    text = ("Titular\n\nKim Jong Un y Vladimir Putin estrechan relaciones (Foto de archivo: Reuters)\n\n"
            "El presidente asiste a una reunión. (Foto de Sergey Ilyin / SPUTNIK / AFP)\n\nPhoto: AP\n\n"
            "Cuerpo de la noticia con punto final.\n")
    got = roles(text)
    assert [r for r, _ in got[1:4]] == [CAPTION, CAPTION, CAPTION]


def test_site_furniture_is_boilerplate():
    for line in ("Deja un comentario", "Podés leer: otra nota", "Also read: another story", "PUBLICIDAD",
                 "Advertisement", "Lee también: la crisis", "AFP", "(EFE)", "Reuters", "Por María López",
                 "By John Smith", "15 de agosto de 2023", "Comparte esta noticia", "Etiquetas: política"):
        got = roles(f"Titular\n\n{line}\n\nEl cuerpo de la noticia, con su punto final.\n")
        assert got[1] == (BOILERPLATE, line), line


def test_short_unpunctuated_line_inside_the_text_is_a_heading():
    got = roles("Titular\n\nPrimer párrafo con punto final.\n\nLa reacción internacional\n\nSegundo párrafo.\n")
    assert got[2] == (HEADING, "La reacción internacional")


def test_paragraphs_are_counted_on_blank_lines():
    lines = classify_lines("Titular\n\nUno.\nDos.\n\nTres.\n")
    assert [l.paragraph for l in lines] == [0, 1, 1, 2]


def test_the_spanish_fixture_lines_get_the_roles_a_reader_gives_them():
    # Title, the title again (some sites print it twice), a photo credit, five claims,
    # a related-link line and a lone agency line: only the five claims are body.
    text = fixture("sismo_a.txt")
    got = roles(text)
    assert [r for r, _ in got] == [TITLE, BOILERPLATE, CAPTION, BODY, BODY, BODY, BODY, BODY, BOILERPLATE,
                                   BOILERPLATE]
    assert got[2] == (CAPTION, "(Foto: EFE)")
    assert got[-2][1].startswith("Lee también:") and got[-1] == (BOILERPLATE, "AFP")


def test_the_english_fixture_lines_get_the_roles_a_reader_gives_them():
    got = roles(fixture("storm_a.txt"))
    assert [r for r, _ in got] == [TITLE, BODY, BODY, BODY, BODY, BOILERPLATE, CAPTION]
    assert got[-1] == (CAPTION, "(Photo: AP)")
    assert roles(fixture("sismo_b.txt"))[-2:] == [(BOILERPLATE, "PUBLICIDAD"), (BOILERPLATE, "Deja un comentario")]


def test_a_title_repeated_in_other_case_and_spacing_is_still_boilerplate():
    got = roles("UN TERREMOTO  sacude el sur\n\nUn terremoto sacude el sur\n\nEl cuerpo, con punto final.\n")
    assert [r for r, _ in got] == [TITLE, BOILERPLATE, BODY]


def test_a_title_that_asks_a_question_is_still_a_title():
    # Only a closing full stop (or several sentences) makes a first line body: "?" does not.
    got = roles("¿Qué pasó en el sur del país?\n\nUn sismo sacudió el sur del país el martes.\n")
    assert [r for r, _ in got] == [TITLE, BODY]


def test_an_agency_named_inside_a_sentence_is_body_not_a_credit():
    # A lone "AFP" line is a credit; the same name in a claim is part of the claim.
    got = roles("Titular\n\nLa agencia AFP informó que 32 personas murieron en el sismo.\n\nAFP\n")
    assert [r for r, _ in got] == [TITLE, BODY, BOILERPLATE]


@pytest.mark.parametrize("claim", [
    "Subscribers to the service fell by 2 million last year, the company said.",
    "Recomendamos a la población no salir de sus casas, dijo Protección Civil.",
    "Comparten los expertos la preocupación por la cifra de 32 muertos.",
    "Copyright lawsuits against the firm rose 40% last year, the court said.",
    "Gallery owners said 40 paintings were damaged in the fire.",
    "Trending topics on social media spread false claims, the study found.",
])
def test_a_claim_that_starts_with_a_furniture_word_stays_body(claim):
    # the cues were prefix matches without a word boundary or a length limit: these claims were dropped
    got = roles(f"Titular de prueba\n\n{claim}\n\nOtra frase del cuerpo con su punto final.\n")
    assert got[1] == (BODY, claim)


@pytest.mark.parametrize("line", [
    "Suscríbete a nuestro boletín para recibir las últimas noticias cada mañana en tu correo.",
    "Sign up for our newsletter to get the latest news every morning in your inbox.",
    "Copyright 2023 El País. Todos los derechos reservados.",
    "Read more: The quake that shook the coast and left dozens dead in the north of the country",
    "Recomendamos: las diez claves del terremoto que sacudió la costa norte del país.",
])
def test_furniture_written_as_a_sentence_is_still_boilerplate(line):
    got = roles(f"Titular de prueba\n\n{line}\n\nOtra frase del cuerpo con su punto final.\n")
    assert got[1] == (BOILERPLATE, line)


def test_a_hard_wrapped_paragraph_gives_whole_body_sentences():
    text = ("Un terremoto sacude el sur del país\n\n"
            "Un terremoto de magnitud 7,8 sacudió el martes el sur del\n"
            "país y dejó al menos 32 muertos, según Protección Civil. El\n"
            "epicentro se localizó a 10 kilómetros de profundidad.\n")
    art = segment(Source("x", text, "es", classify_lines(text)), "A")
    body = [" ".join(s.text.split()) for s in art.sentences if s.role == BODY]
    assert body == ["Un terremoto de magnitud 7,8 sacudió el martes el sur del país y dejó al menos 32 muertos, "
                    "según Protección Civil.", "El epicentro se localizó a 10 kilómetros de profundidad."]


def test_a_headline_and_list_items_are_not_unwrapped():
    # the first line may be a headline without a full stop; list items keep their own lines
    text = ("Un terremoto de magnitud 7,8 sacude el sur del país y deja al menos 32 muertos\n"
            "Protección Civil informó el martes de 32 muertos en tres estados del sur del país.\n"
            "Las autoridades pidieron a la población que siga estas indicaciones de seguridad:\n"
            "- no regresar a las viviendas dañadas por el sismo hasta que sean revisadas\n"
            "- mantener libres las carreteras para los equipos de rescate y las ambulancias\n")
    got = [(line.role, text[line.start:line.end]) for line in classify_lines(text)]
    assert [r for r, _ in got] == [TITLE, BODY, BODY, BODY, BODY]
    assert got[3][1].startswith("- no regresar") and got[2][1].endswith("indicaciones de seguridad:")


def test_a_skip_link_is_furniture_and_the_headline_after_it_is_the_title():
    # issue 15: a page's title became 'Press "Enter" to skip to content' and its headline a heading
    text = ('Press "Enter" to skip to content\nMexico quake: 8.2 earthquake kills 15\n'
            "A magnitude 8.2 earthquake struck off the coast late Thursday, killing at least 15 people.\n"
            "Saltar al contenido principal\nThe quake struck at 11:49 p.m. Thursday local time.\n")
    roles = [(line.role, text[line.start:line.end]) for line in classify_lines(text)]
    assert roles[0] == ("boilerplate", 'Press "Enter" to skip to content')
    assert roles[1] == ("title", "Mexico quake: 8.2 earthquake kills 15")
    assert roles[3] == ("boilerplate", "Saltar al contenido principal")
    assert [r for r, _ in roles].count("body") == 2


def test_an_html_skip_link_in_h1_is_not_the_title():
    from reporter.stages.read import html_to_text

    page = ('<html><head><title>News site</title></head><body><h1 class="sr-only">Press "Enter" to skip to '
            "content</h1><article><h2>Mexico quake: 8.2 earthquake kills 15</h2><p>A magnitude 8.2 earthquake "
            "struck off Mexico's southern coast late Thursday, killing at least 15 people.</p><p>The quake struck "
            "at 11:49 p.m. Thursday local time, the U.S. Geological Survey said.</p><p>Officials said the death "
            "toll could rise as rescuers searched through rubble.</p></article></body></html>")
    text = html_to_text(page, "page.html")
    assert "skip to content" not in text
    assert text.startswith("Mexico quake: 8.2 earthquake kills 15\n")


# ---- wire copy and web furniture (team pairs cercanias, tipos, huelga; tests/fixtures/pairs-gold.json) ----

def _segmented(text: str, language: str = "es"):
    lines = classify_lines(text)
    return segment(Source("t.txt", text, language, lines), "A").sentences


@pytest.mark.parametrize("dateline, lead", [
    ("MADRID, 12 Mar. (EUROPA PRESS) -", "El Consejo de Ministros aprobó este martes un plan de 850 millones."),
    ("LUSMAR, 5 Jun. (EFE).-", "El banco central elevó los tipos de interés en 0,5 puntos porcentuales."),
    ("BOGOTÁ (Colombia), 3 jun (EFE).-", "El Gobierno anunció 40 nuevas medidas."),
    ("LONDON, Aug 15 (Reuters) -", "The Bank of England raised rates by 25 basis points on Thursday."),
    ("Ciudad de México, 16 de agosto de 2023.-", "El sismo dejó 12 heridos."),
])
def test_a_wire_dateline_is_boilerplate_and_the_lead_stays_one_sentence(dateline, lead):
    # The splitter cut "MADRID, 12 Mar." off as a sentence of its own and the lead began with
    # "(EUROPA PRESS) - El Consejo...": the dateline is now a boilerplate line before the lead.
    sents = _segmented(f"Titular de la noticia\n\n{dateline} {lead}\n\nOtro párrafo con punto final.\n")
    body = [s for s in sents if s.role == BODY]
    head = [s for s in sents[1:] if s.end <= body[0].start]  # the splitter may still cut it at "Jun."
    assert body[0].text == lead and " ".join(s.text for s in head) == dateline
    assert head and all(s.role == BOILERPLATE for s in head)


def test_a_dateline_on_a_line_of_its_own_is_boilerplate():
    got = roles("Titular\n\nMADRID, 12 (EUROPA PRESS)\n\nEl Gobierno ha aprobado un plan de 850 millones.\n")
    assert got[1] == (BOILERPLATE, "MADRID, 12 (EUROPA PRESS)") and got[2][0] == BODY


@pytest.mark.parametrize("claim", [
    "Madrid, Lima y Bogotá registraron 40 casos, informó el ministerio.",
    "Lima, 12 de marzo (según la EFE), fue la ciudad más afectada.",
    "Reuters said on Monday that 40 people had died.",
])
def test_a_lead_that_only_names_places_or_an_agency_is_not_a_dateline(claim):
    assert roles(f"Titular\n\n{claim}\n\nOtro párrafo.\n")[1] == (BODY, claim)


def test_a_byline_without_a_date_leaves_the_stamp_under_it_its_chance():
    # "By Megan Doyle" then "April 9, 2026" on its own line: the byline's empty date hid the stamp's,
    # so three team fixtures (tipos_en, apagon_en, derail_a) had no publication date.
    from reporter.stages.ingest import publication

    text = "Freight train derails\n\nBy Megan Doyle\n\nApril 9, 2026\n\nA train derailed on Thursday, officials said.\n"
    got = publication(text, classify_lines(text), "en")
    assert got is not None and (got.date, got.how) == ("2026-04-09", "byline")


def test_the_dateline_still_gives_the_publication_date():
    from reporter.stages.ingest import publication

    text = "Titular\n\nCiudad de México, 16 ago 2023 (EFE).- El sismo dejó 12 heridos.\n"
    assert publication(text, classify_lines(text), "es").date == "2023-08-16"


@pytest.mark.parametrize("line", [
    "México/Washington/EFE-EL UNIVERSAL",
    "Madrid / Bruselas / EFE",
    "Ciudad de México/AP",
])
def test_places_and_an_agency_between_slashes_are_a_credit_not_a_heading(line):
    # Issue 15: such a line was taken for a subheading (or a title) and stood among the claims.
    assert roles(f"Titular\n\n{line}\n\nEl sismo dejó 12 heridos en el sur del país.\n")[1] == (BOILERPLATE, line)


@pytest.mark.parametrize("line", [
    "Entrada/Salida de viajeros",  # no agency at the end
    "Madrid/Bruselas",
    "Empleo/Reuters dijo que el paro bajó.",  # a sentence
])
def test_a_slashed_line_without_a_closing_agency_is_not_a_credit(line):
    assert roles(f"Titular\n\n{line}\n\nEl cuerpo de la noticia, con su punto final.\n")[1][0] != BOILERPLATE


@pytest.mark.parametrize("byline, date, language", [
    ("Por la redacción, 8 de septiembre de 2017", "2017-09-08", "es"),
    ("Por Redacción, 8 de septiembre de 2017", "2017-09-08", "es"),
    ("By Staff, September 8, 2017", "2017-09-08", "en"),
    ("By the newsroom, September 8, 2017", "2017-09-08", "en"),
    ("Por la redacción, 12 de marzo", None, "es"),  # no year: the date is not guessed
])
def test_a_desk_byline_is_a_byline_and_gives_its_date(byline, date, language):
    # Issue 15: "Por la redacción, 12 de marzo" was a standfirst and its date vanished.
    from reporter.stages.ingest import publication

    text = f"Un sismo sacude el sur de México\n\n{byline}\n\nEl sismo dejó 12 heridos en el sur del país.\n"
    assert roles(text)[1] == (BOILERPLATE, byline)
    got = publication(text, classify_lines(text), language)
    assert (got.date[:10] if got else None) == date
    if got:
        assert got.how == "byline"


@pytest.mark.parametrize("caption", [
    "La ministra, en la rueda de prensa posterior al Consejo de Ministros. (Europa Press/Jesús Hellín)",
    "Trenes en la estación de Valdemora-Sur, en una imagen de archivo. EUROPA PRESS - Archivo",
    "El presidente, a su llegada al Congreso. EFE/Archivo",
    "Rescue workers search the rubble on Rowan Street. Photo: Marta Vidal/Reuters",
])
def test_a_caption_that_ends_with_an_agency_and_photographer_is_a_caption(caption):
    assert roles(f"Titular\n\n{caption}\n\nEl cuerpo de la noticia, con su punto final.\n")[1] == (CAPTION, caption)


def test_headlines_listed_under_a_related_links_label_are_boilerplate():
    text = ("Titular\n\nPrimer párrafo con punto final.\n\nNoticias relacionadas\n\n"
            "El Metro de Valdemora cerrará tres estaciones este verano por las obras de la nueva línea 12\n\n"
            "Renfe suprime 40 trenes diarios por falta de maquinistas\n\n"
            "¿Cuánto cuesta el abono transporte en 2026? Todas las tarifas\n\n"
            "El plan incluye la compra de 62 trenes, según el Ministerio.\n\nÚltimo párrafo.\n")
    got = roles(text)
    assert [r for r, _ in got[2:6]] == [BOILERPLATE] * 4
    assert got[6][0] == BODY and got[7][0] == BODY


def test_a_standfirst_under_the_title_is_not_a_claim():
    text = ("El Gobierno destina 850 millones a renovar las Cercanías\n\n"
            "La ministra de Transportes anuncia que las obras empezarán en septiembre y durarán cuatro años\n\n"
            "El Consejo de Ministros aprobó este martes un plan de 850 millones de euros.\n")
    assert [r for r, _ in roles(text)] == [TITLE, HEADING, BODY]


@pytest.mark.parametrize("line", [
    "Por Raquel Saldaña · 20 de octubre de 2026 · 4 min de lectura",
    "Redacción | Valdemora | 12/03/2026 - 15:10h",
    "Redacción · Castrolargo · Actualizado el 20/10/2026 a las 19:45",
    "By Jane Doe | 5 min read",
    "Recibe gratis nuestro boletín con la actualidad de Valdemora: apúntate aquí",
    "📩 Recibe cada mañana las noticias de Castrolargo en tu correo. Apúntate gratis",
    "¿Te ha resultado útil esta información? Suscríbete a nuestro boletín diario.",
    "Was this article helpful? Tell us what you think.",
])
def test_bylines_with_reading_time_and_newsletter_prompts_are_boilerplate(line):
    assert roles(f"Titular\n\nPrimer párrafo.\n\n{line}\n\nEl cuerpo de la noticia, con su punto final.\n")[2] == \
        (BOILERPLATE, line)


def test_a_newsroom_line_that_reports_is_still_body():
    claim = "Redacción de la ley: el Congreso aprobó 40 enmiendas el martes."
    assert roles(f"Titular\n\nPrimer párrafo.\n\n{claim}\n")[2] == (BODY, claim)


@pytest.mark.parametrize("line", [
    "Escuchar noticia", "Listen to this article", "Tiempo de lectura: 3 min", "3 min read", "Guardar", "Copy link",
    "Story continues below advertisement", "Supported by", "Download our app to get breaking news alerts.",
    "Regístrate gratis para seguir leyendo.", "Hazte socio y apoya el periodismo independiente.",
    "Inicia sesión para comentar.", "Cargando...", "Sigue a El Diario en Google News", "Publicado por Ana Ruiz",
    "Posted by John Smith", "Hace 3 horas", "2 hours ago", "You might also like", "12 comentarios",
])
def test_page_tools_and_reader_prompts_are_boilerplate(line):
    assert roles(f"Titular\n\nPrimer párrafo.\n\n{line}\n\nEl cuerpo de la noticia, con su punto final.\n")[2] == \
        (BOILERPLATE, line)


@pytest.mark.parametrize("claim", [
    "Guardar silencio no es una opción, dijo el ministro en el Congreso.",
    "Save the Children said 40 children had been evacuated from the area.",
    "Live ammunition was fired at protesters, witnesses told Reuters.",
    "Print newspapers lost 12 % of their readers in 2025, the study found.",
    "Loading of the ships resumed on Tuesday after a 48-hour strike, the port said.",
    "Hace 3 horas que los bomberos trabajan en la zona, según la alcaldesa.",
    "Supported by the army, the police cleared the square on Monday.",
    "Publicado por el BOE, el decreto entra en vigor el lunes.",
    "Up next is the vote on the budget, which the opposition has vowed to block.",
])
def test_a_claim_that_starts_like_a_page_tool_stays_body(claim):
    assert roles(f"Titular\n\nPrimer párrafo.\n\n{claim}\n\nOtro párrafo.\n")[2] == (BODY, claim)


@pytest.mark.parametrize("caption", [
    "EPA-EFE/JUAN PÉREZ",
    "Los equipos de rescate trabajan entre los escombros. EPA-EFE/JUAN PÉREZ",
    "Rescuers at the site on Tuesday. Photograph: Jane Doe/The Guardian",
    "Imagen de archivo de la fachada del Congreso de los Diputados durante la sesión de control. | EFE",
])
def test_agency_photographer_credits_are_captions(caption):
    assert roles(f"Titular\n\n{caption}\n\nEl cuerpo de la noticia, con su punto final.\n")[1] == (CAPTION, caption)


@pytest.mark.parametrize("line", [
    "Lee la noticia completa en nuestra web.",
    "Consulta aquí todas las novedades sobre la huelga de médicos en Castrolargo.",
    "Get the latest headlines delivered to your inbox every morning.",
    "Si quieres recibir las noticias más importantes en tu móvil, únete a nuestro canal de WhatsApp.",
    "Este artículo se publicó originalmente en inglés.",
    "This story has been updated with the latest death toll.",
    "Esta noticia se está actualizando.",
    "Noticia en desarrollo.",
    "This is a developing story. Check back for updates.",
    "Additional reporting by Jane Doe in London.",
    "Con información de Europa Press y EFE.",
    "Esta información ha sido elaborada con la colaboración de EFE.",
    "This story was produced in partnership with The Associated Press.",
    "The Associated Press contributed to this report.",
    "Reuters contributed reporting.",
    "EFE y Europa Press contribuyeron a esta información.",
    "Noticia relacionada: El Gobierno declara la emergencia en 40 municipios.",
    "Haga clic aquí para ver la galería.",
    "Toca aquí para ver el video.",
    "Follow our live coverage here.",
    "Sigue en vivo la cobertura del sismo.",
    "Comparte esta noticia en tus redes sociales.",
    "¿Qué opinas? Déjanos tu comentario.",
    "What do you think? Leave a comment below.",
    "Este artículo fue traducido del inglés.",
    "This article was translated from Spanish.",
    # a correction note states a figure that is not the story's: as a claim it met the other source's
    "Una versión anterior de esta nota decía que murieron 40 personas.",
    "Correction: An earlier version of this story misstated the death toll.",
    "Have a news tip? Email us at tips@example.com.",
    "¿Tienes una denuncia? Escríbenos a denuncias@example.com.",
    "Una publicación compartida por Ayuntamiento de Valdemora (@aytovaldemora)",
    "— Protección Civil (@proteccioncivil) March 12, 2026",
    "Fuente: Instituto Nacional de Estadística.",
])
def test_newsroom_notes_credits_and_embeds_are_boilerplate_however_long(line):
    # Breaking-news pages carry "developing story" notes and credit lines that end like sentences.
    assert roles(f"Titular\n\nPrimer párrafo.\n\n{line}\n\nEl cuerpo de la noticia, con su punto final.\n")[2] == \
        (BOILERPLATE, line)


@pytest.mark.parametrize("claim", [
    "Fuentes del Ministerio aseguraron que 40 personas murieron en el incendio.",
    "Reported by local media, the explosion killed 12 people on Monday.",
    "Más información sobre el virus llegará en las próximas semanas, dijo el ministro.",
    "Get the vaccine as soon as possible, the health minister urged residents on Monday.",
    "Email records show the mayor knew of the cracks in 2023, the newspaper reported.",
    "This story began in 2019, when the council approved the tower, residents said.",
    "Sources said the minister would resign on Friday.",
    "The Associated Press contributed to the rescue of 40 people, officials said.",
    "Neighbors contributed to this fund, which raised $40,000 for the victims.",
    "Una versión anterior del plan preveía 40 millones de euros.",
    "Toca a las autoridades decidir si se reabren las escuelas, dijo el alcalde.",
    "Correctional officers said 12 inmates escaped on Monday.",
    "\"What do you think? We have lost everything,\" said a resident.",
])
def test_a_claim_that_starts_like_a_newsroom_note_stays_body(claim):
    assert roles(f"Titular\n\nPrimer párrafo.\n\n{claim}\n\nOtro párrafo.\n")[2] == (BODY, claim)
