"""Stage 2: sentences are exact slices of the source, split where a reader would."""
from hypothesis import given, settings, strategies as st

from reporter.ingest import classify_lines
from reporter.model import Source
from reporter.segment import segment, split


def sentences(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split(text, 0, len(text), lang)]


def test_spanish_abbreviations_and_decimals_do_not_end_a_sentence():
    text = "El Sr. Pérez viajó a EE.UU. el martes. El Dr. García dijo que la cifra es 8,2 millones. Fin."
    assert sentences(text, "es") == ["El Sr. Pérez viajó a EE.UU. el martes.",
                                     "El Dr. García dijo que la cifra es 8,2 millones.", "Fin."]


def test_english_abbreviations_and_decimals_do_not_end_a_sentence():
    text = "Mr. Smith joined the U.S. Army at 8.2 percent pay. Gov. Brown disagreed. Dr. Lee left."
    assert sentences(text, "en") == ["Mr. Smith joined the U.S. Army at 8.2 percent pay.", "Gov. Brown disagreed.",
                                     "Dr. Lee left."]


def test_a_question_and_an_exclamation_end_sentences():
    assert sentences("¿Quién lo dijo? ¡Nadie! Así fue.", "es") == ["¿Quién lo dijo?", "¡Nadie!", "Así fue."]


def test_offsets_survive_crlf_line_endings_and_leading_spaces():
    text = "Titular\r\n\r\n   Primera frase. Segunda frase.\r\nTercera.\r\n"
    art = segment(Source("x", text, "es", classify_lines(text)), "A")
    assert [s.text for s in art.sentences] == ["Titular", "Primera frase.", "Segunda frase.", "Tercera."]
    assert all(text[s.start:s.end] == s.text for s in art.sentences)


def test_ids_number_sentences_from_one_with_the_article_letter():
    text = "Titular\n\nUna. Dos.\n"
    art = segment(Source("x", text, "es", classify_lines(text)), "B")
    assert [s.id for s in art.sentences] == ["B1", "B2", "B3"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_splits_into_ordered_disjoint_exact_slices(text):
    lines = classify_lines(text)
    art = segment(Source("x", text, "es", lines), "A") if lines else None
    if art is None:
        return
    last = 0
    for s in art.sentences:
        assert text[s.start:s.end] == s.text and s.text.strip()
        assert last <= s.start < s.end
        last = s.end
