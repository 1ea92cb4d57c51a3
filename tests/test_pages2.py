"""Line roles on the second HTML red team's pages (directo es: a live blog against another outlet's
article; tarifa en-es: a web clipper's Markdown page against a Spanish page pasted as text with its menu;
tests/fixtures/pairs-gold.json, written before the tool ran on them). Each rule was missed on that first
run; each test also holds the ordinary text that must stay a claim."""
import json

from conftest import FIXTURES, fixture

from reporter.model import BODY, BOILERPLATE, TITLE
from reporter.stages.ingest import classify_lines, publication
from reporter.stages.read import front_matter_published, markdown_to_text, read
from reporter.stages.segment import split


def roles(text: str) -> list[tuple[str, str]]:
    return [(line.role, text[line.start:line.end]) for line in classify_lines(text)]


def role_of(text: str, line: str) -> str:
    return next(role for role, s in roles(text) if s == line)


# --- Markdown front matter --------------------------------------------------------------------


CLIPPED = ('---\ntitle: "Tariff to rise 8.4% | The Ledger"\nsource: "https://example.org/a"\nauthor:\n'
           '  - "[[Hannah Cole]]"\npublished: 2026-12-01\ncreated: 2026-12-02\ntags:\n  - "clippings"\n---\n'
           '# Tariff to rise 8.4% in January\n\nThe tariff will rise by 8.4% on 1 January, the regulator said.\n')


def test_a_web_clippers_front_matter_is_metadata_not_text():
    # tarifa_en.md: the block was read as the title ('title: "..." source: "https://..."') and its tags
    # as a body line in the summary. It goes; its 'published' key is the page's date ('created' is the
    # day it was clipped).
    text = markdown_to_text(CLIPPED)
    assert text.startswith("Tariff to rise 8.4% in January\n") and "clippings" not in text
    assert front_matter_published(CLIPPED).date == "2026-12-01"
    got = roles(text)
    assert got[0] == (TITLE, "Tariff to rise 8.4% in January") and got[1][0] == BODY


def test_a_markdown_article_between_two_rules_keeps_its_text():
    # A rule, prose, a rule: not front matter (prose is not "key: value"); no date is invented.
    md = "---\nThe port reopened on Monday after a three-day strike, the authority said.\n---\n\nMore text here.\n"
    assert "The port reopened on Monday" in markdown_to_text(md) and front_matter_published(md) is None
    assert front_matter_published("# Title\n\npublished: 2026-12-01\n") is None


# --- newsroom notes, live-blog lines, share buttons, rankings ---------------------------------


def test_an_editors_note_and_an_amendment_line_are_furniture():
    # tarifa_en: the amendment gave a stale figure ("12 million") and was flagged as a claim.
    for note in ("Editor's note: The Ledger's parent company holds a minority stake in an energy retailer.",
                 "This article was amended on 2 December 2026 to correct the number of households affected, "
                 "which an earlier version gave as 12 million.",
                 "Esta noticia ha sido corregida para precisar el número de hogares afectados.",
                 "Nota de la redacción: este artículo se actualizó a las 10:30."):
        assert role_of(f"Titular\n\nLa luz subirá un 8 %.\n\n{note}\n\nOtra frase del texto.\n", note) == BOILERPLATE
    # reporting about an editor, or an amended law, stays
    for claim in ("The editor's note to staff said 40 jobs would go by March.",
                  "This article of the law was amended in 2019 to raise the fine to 600 euros."):
        assert role_of(f"Headline\n\nFirst line of text.\n\n{claim}\n\nMore text.\n", claim) == BODY


def test_a_live_blogs_greeting_opening_and_closing_lines_are_furniture():
    # directo_a: "Buenos días. Arrancamos este directo..." was the summary's third sentence.
    for line in ("Buenos días. Arrancamos este directo para seguir minuto a minuto los efectos del temporal.",
                 "Damos por finalizado este directo. Gracias por seguirnos.",
                 "Good morning and welcome to our live coverage of the storm.",
                 "Así te lo hemos contado"):
        assert role_of(f"Titular\n\nEl río creció dos metros.\n\n{line}\n\nOtra frase del texto.\n", line) == BOILERPLATE
    claim = "Abrimos el colegio a las 8:00 para acoger a 200 vecinos, dijo el alcalde."
    assert role_of(f"Titular\n\nEl río creció.\n\n{claim}\n\nOtra frase.\n", claim) == BODY


def test_a_live_blogs_entry_times_and_a_gallery_counter_are_furniture():
    text = "Titular\n\n14:32\n\nEl río alcanzó 5,8 metros.\n\nFoto 3 de 12\n\n2:32 p.m.\n\nThe river rose.\n"
    got = dict((s, r) for r, s in roles(text))
    assert got["14:32"] == got["Foto 3 de 12"] == got["2:32 p.m."] == BOILERPLATE
    assert got["El río alcanzó 5,8 metros."] == BODY
    # a figure alone on its line (a table's cell) is not a time
    assert dict((s, r) for r, s in roles("Titular\n\nPrecio medio\n\n12.50\n\nFin del texto.\n"))["12.50"] != BOILERPLATE


def test_share_buttons_and_a_most_viewed_list_are_furniture():
    # tarifa_en ends with "Share this article" / "Facebook" / "X" ("X" was a body sentence); tarifa_es with
    # "Lo más visto" and a numbered list of headlines, one flagged ("... a 14 millones de contribuyentes").
    text = ("Titular\n\nLa luz subirá un 8 %.\n\nShare\n\nOtra frase del texto.\n\nShare this article\n\nFacebook\n\nX\n\n"
            "Lo más visto\n1. Hacienda devolverá la renta a 14 millones de contribuyentes\n2. El Madrid gana en Múnich\n")
    got = roles(text)
    assert [r for r, _ in got[1:4:2]] == [BODY, BODY]
    assert all(r == BOILERPLATE for r, s in got if s not in ("Titular", "La luz subirá un 8 %.", "Otra frase del texto."))
    assert role_of("Headline\n\nTwitter said 40 accounts were suspended on Monday.\n\nMore.\n",
                   "Twitter said 40 accounts were suspended on Monday.") == BODY


def test_a_numbered_item_is_not_cut_after_its_number():
    line = "1. Hacienda devolverá la renta antes del verano a 14 millones de contribuyentes"
    assert [line[a:b] for a, b in split(line, 0, len(line), "es")] == [line]
    line = "Ganó en 1990. Después se fue."
    assert [line[a:b] for a, b in split(line, 0, len(line), "es")] == ["Ganó en 1990.", "Después se fue."]


# --- bylines and stamps -----------------------------------------------------------------------


def test_a_byline_with_the_trade_and_a_stamp_with_an_abbreviated_weekday_give_the_date():
    text = ("Tariff to rise 8.4% in January\n\nBy Hannah Cole, Energy correspondent\n\nMon 1 Dec 2026 07.00 GMT\n\n"
            "The tariff will rise by 8.4% on 1 January, the regulator said on Monday.\n")
    lines = classify_lines(text)
    assert [line.role for line in lines] == [TITLE, BOILERPLATE, BOILERPLATE, BODY]
    assert publication(text, lines).date == "2026-12-01"
    # a sentence that opens with 'By' and a name is not a byline
    assert role_of("Headline\n\nBy Friday, Energy Minister Ana Ruiz had resigned.\n\nMore.\n",
                   "By Friday, Energy Minister Ana Ruiz had resigned.") == BODY


def test_a_stamp_under_a_desk_byline_is_its_own_line_and_found_below_a_menu():
    # tarifa_es: the stamp was joined to the byline line above it (a line that starts with a figure goes
    # on the line before), and it stood below the twelve lines read for the date, under the menu.
    menu = "\n".join(["Saltar al contenido", "Menú", "Portada", "Nacional", "Internacional", "Economía",
                      "Deportes", "Cultura", "Suscríbete", "Iniciar sesión", "Inicio > Economía > Energía"])
    text = (f"{menu}\n\nPublicidad\n\nLa luz regulada subirá un 8,4 % en enero\n\nUnos diez millones de hogares "
            "pagarán unos 6,30 euros más al mes\n\nRedacción Economía | Madrid\n01/12/2026 - 08:15\n\n"
            "La tarifa regulada de la electricidad subirá un 8,4 % el 1 de enero, según anunció este lunes la "
            "comisión.\n")
    lines = classify_lines(text)
    got = [(line.role, text[line.start:line.end]) for line in lines]
    assert (BOILERPLATE, "01/12/2026 - 08:15") in got and (TITLE, "La luz regulada subirá un 8,4 % en enero") in got
    assert publication(text, lines).date == "2026-12-01"


# --- the pages themselves ---------------------------------------------------------------------


def _gold(name: str) -> dict:
    return next(p for p in json.loads(fixture("pairs-gold.json"))["pairs"] if p["name"] == name)


def test_the_second_html_red_team_pages_keep_every_claim_and_no_furniture_is_a_claim():
    from reporter.pipeline import make_source
    from reporter.settings import Settings
    from reporter.stages.segment import segment

    for name in ("directo", "tarifa"):
        gold = _gold(name)
        for side in "ab":
            page = read(str(FIXTURES / gold[side]))
            article = segment(make_source(gold[side], page.text, Settings(), page.format), side.upper())
            claims = [pair["ab".index(side)] for key in ("overlap", "conflict", "not_conflict") for pair in gold[key]]
            for anchor in claims + gold["only_" + side] + gold["checkworthy"][side]:
                found = [s for s in article.sentences if anchor in s.text]
                # the title and standfirst (not_in_summary) are there once, and are not body
                headline = anchor in gold["not_in_summary"][side]
                assert len(found) == 1 and (found[0].role != BODY if headline else found[0].role == BODY), \
                    (gold[side], anchor, found)
            for anchor in gold["boilerplate"][side]:
                assert all(s.role != BODY for s in article.sentences if anchor in s.text), (gold[side], anchor)
    assert read(str(FIXTURES / "tarifa_en.md")).published.date == "2026-12-01"
    assert "passwd" not in read(str(FIXTURES / "directo_a.html")).text


# --- a live blog copied as text: embeds, recommendation widgets, relative stamps --------------------


def test_an_embedded_post_is_furniture_with_its_signature():
    # The post's text above its signature ("— Name (@handle) date"), or with its picture's short link.
    text = ("Titular\n\nEl número de fallecidos asciende a dos, según la Delegación del Gobierno.\n\n"
            "Aviso rojo en la comarca. Evitad desplazamientos. pic.twitter.com/Tq7dLm2Xa\n\n"
            "— Protección Civil (@proteccioncivil) 12 de marzo de 2026\n\n"
            "Estamos desbordados, necesitamos ayuda\n\n— Bomberos Montealto (@bomberosmontealto) March 12, 2026\n\n"
            "La Guardia Civil mantiene cortadas 35 carreteras.\n")
    got = roles(text)
    assert [r for r, _ in got] == [TITLE, BODY, BOILERPLATE, BOILERPLATE, BOILERPLATE, BOILERPLATE, BODY]
    assert classify_lines(text)[2].why == "social-media embed"
    # a reported sentence that names a handle stays
    claim = "Protección Civil (@proteccioncivil) pidió evitar los desplazamientos en la comarca."
    assert role_of(f"Titular\n\n{claim}\n\nOtra frase del texto.\n", claim) == BODY


def test_a_recommendation_widgets_headlines_and_a_relative_stamp_are_furniture():
    text = ("Titular\n\nEl río creció dos metros.\n\nRecomendado por Outbrain\n\nLos médicos no se lo explican: el "
            "truco para dormir en cinco minutos\n\nPromocionado por Taboola\n\nEste pueblo es el más bonito de España "
            "según los lectores\n\nYou May Like\n\nDoctors stunned: this trick helps you sleep\n\n"
            "Última actualización: hace 2 horas\n")
    got = roles(text)
    assert got[1][0] == BODY and all(r == BOILERPLATE for r, _ in got[2:])
    # a claim that starts with the same words stays
    claim = "Promoted by the mayor in 2019, the plan cut waiting times by 40 minutes, the council said."
    assert role_of(f"Headline\n\n{claim}\n\nMore text here.\n", claim) == BODY


def test_a_live_pages_controls_and_zoned_entry_times_are_furniture():
    lines = ["Key events", "Show key events only", "Please turn on JavaScript to use this feature", "2h ago",
             "15.10 GMT", "Pinned post", "View image in fullscreen", "Skip past newsletter promotion",
             "after newsletter promotion", "Explore more on these topics", "Reuse this content", "Noticia relacionada",
             "Ampliar", "Reproducir", "Vídeo", "More from Europe", "Más en Sociedad"]
    text = "Storm Dara live\n\nTwo people have died, police said.\n\n" + "\n\n".join(lines) + "\n"
    got = roles(text)
    assert got[1][0] == BODY and [r for r, _ in got[2:]] == [BOILERPLATE] * len(lines)
    # reporting that starts with the same words stays
    for claim in ("Key events of the day were the two deaths and the closure of 35 roads, police said.",
                  "More from Europe is expected, the minister said, after 300 troops arrived on Monday.",
                  "Ampliar el puente costará 3,5 millones de euros, según el Ayuntamiento."):
        assert role_of(f"Headline\n\n{claim}\n\nMore text here.\n", claim) == BODY


def test_a_reader_services_header_is_metadata_in_md_and_in_txt(tmp_path):
    page = ("Title: Tariff to rise 8.4% in January\n\nURL Source: https://example.org/tariff\n\n"
            "Published Time: 2026-12-01T07:00:00+00:00\n\nMarkdown Content:\n# Tariff to rise 8.4% in January\n\n"
            "The tariff will rise by **8.4%** on 1 January, the [commission](https://example.org/c) said.\n")
    for name in ("page.md", "page.txt"):
        (tmp_path / name).write_text(page, encoding="utf-8")
        got = read(str(tmp_path / name))
        assert got.format == "markdown" and got.published.date == "2026-12-01T07:00"
        assert got.text.startswith("Tariff to rise 8.4% in January\n")
        assert "The tariff will rise by 8.4% on 1 January, the commission said." in got.text
    # a plain text that merely starts with "Title:" is left alone
    (tmp_path / "plain.txt").write_text("Title: a report\n\nThe port reopened on Monday.\n", encoding="utf-8")
    assert read(str(tmp_path / "plain.txt")).text.startswith("Title: a report")


def test_a_pages_tools_a_wire_photo_caption_and_a_stamp_after_the_place():
    tools = ["Enviar", "Tamaño de letra", "Enlace copiado", "Escucha este artículo", "0:00 / 3:24", "Me gusta",
             "Lee sin anuncios", "Ya soy suscriptor", "Esta funcionalidad es sólo para registrados.", "Seguir",
             "Ver 23 comentarios", "Read 23 comments", "Open in app", "Sign in", "Gift this article",
             "Share full article", "Save article", "Close", "Menu", "Scroll to continue with content", "Hide caption",
             "Enlarge this image"]
    stamp = "Madrid - 12 MAR 2026 - 14:32 CET"
    caption = ("FILE PHOTO: A view shows high-voltage pylons near the town of Toledo, Spain, May 3, 2024. "
               "REUTERS/Susana Vera/File Photo")
    text = ("Titular del artículo\n\n" + "\n\n".join([stamp, *tools, caption]) +
            "\n\nEl río creció dos metros en una hora.\n\nFrase final del texto, con punto.\n")
    lines = classify_lines(text)
    got = {text[line.start:line.end]: line for line in lines}
    assert all(got[t].role == BOILERPLATE for t in tools) and got[stamp].why == "date stamp"
    assert got[caption].role == "caption" and got["El río creció dos metros en una hora."].role == BODY
    assert publication(text, lines).date == "2026-03-12"
    for claim in ("Seguir adelante con la obra costará 3,5 millones, dijo el alcalde.",
                  "Follow-up inspections found 40 cracks in the deck, the engineer said.",
                  "Sign in sheets showed 300 volunteers on Monday."):
        assert role_of(f"Headline\n\n{claim}\n\nMore text here.\n", claim) == BODY
