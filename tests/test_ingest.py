"""Stage 1: every line gets a role; only body lines are claims."""
from reporter.ingest import classify_lines
from reporter.model import BODY, BOILERPLATE, CAPTION, HEADING, TITLE


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
