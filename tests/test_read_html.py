"""Reading saved news pages: what lies above the headline (HTML red team, feria_b)."""
from reporter.stages.read import html_to_text

PAGE = """<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">
<title>Ascienden a 34 los heridos en el incendio de la feria - Noticias del Valle</title>
<meta property="og:title" content="Ascienden a 34 los heridos en el incendio de la feria"></head>
<body><main><article>{above}<h1>Ascienden a 34 los heridos en el incendio de la feria</h1>
<h2>La alcaldesa suspende la feria hasta nuevo aviso mientras la Policía investiga el origen de las llamas</h2>
<p>El número de heridos en el incendio que arrasó el sábado por la noche parte del recinto de la feria ascendió a 34, según el último balance.</p>
<p>Tres de los heridos siguen ingresados en el Hospital Comarcal con quemaduras de segundo grado, según fuentes sanitarias.</p>
<p>Unas 1.200 personas tuvieron que abandonar el recinto en apenas diez minutos, según la Policía Local.</p>
</article></main></body></html>"""


def test_a_kicker_above_the_headline_goes_with_the_repeated_headline():
    # A section label or kicker printed above the h1 ("Villalbar") sat between the title and the
    # standfirst, so the standfirst read as body and was summarised.
    text = html_to_text(PAGE.format(above='<span class="kicker">Villalbar</span>'), "p.html")
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Ascienden a 34 los heridos en el incendio de la feria"
    assert paragraphs[1].startswith("La alcaldesa suspende") and "Villalbar" not in text
    assert text.count("Ascienden a 34") == 1


def test_a_sentence_above_the_headline_is_kept():
    # Only labels go: a paragraph that is a sentence is the article's, wherever the page put it.
    above = "<p>El fuego obligó a cerrar la feria durante todo el domingo, según el Ayuntamiento.</p>"
    text = html_to_text(PAGE.format(above=above), "p.html")
    assert "El fuego obligó a cerrar la feria" in text
