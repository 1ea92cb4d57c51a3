"""Our numpy TextRank (the default summarizer) chooses what sumy's TextRankSummarizer chooses."""
import random

import pytest

from reporter.stages.summarize import WordTokenizer, build_summarizer, build_textrank

SPANISH = [
    "El gobierno anunció el martes un plan de vivienda para las familias jóvenes.",
    "El plan de vivienda costará 200 millones de euros, según el ministerio.",
    "La oposición criticó el plan y pidió más ayudas para el alquiler.",
    "Las familias jóvenes podrán pedir las ayudas desde enero.",
    "El ministerio dijo que el plan llegará a cien mil familias.",
    "Los sindicatos celebraron el anuncio del gobierno.",
    "El plan de vivienda costará 200 millones de euros, según el ministerio.",  # a repeated sentence
    "Hace frío.",
]
ENGLISH = [
    "The council approved the new budget on Monday after a long debate.",
    "The budget raises spending on schools by five percent.",
    "Opposition members said the budget ignores the housing crisis.",
    "The mayor defended the budget as the most careful in a decade.",
    "Schools will receive the money in the spring.",
    "Rain.",
]


def sumy_choice(sentences, language, k):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tok = WordTokenizer(language)
    doc = ObjectDocumentModel((Paragraph([Sentence(s, tok) for s in sentences]),))
    return [str(s) for s in build_summarizer("textrank-sumy", language)(doc, k)]


@pytest.mark.parametrize("sentences, language", [(SPANISH, "es"), (ENGLISH, "en")])
@pytest.mark.parametrize("k", [1, 2, 3, 4, 5])
def test_same_choice_as_sumy_on_written_text(sentences, language, k):
    ours = [sentences[i] for i in build_textrank(language)(sentences, k)]
    assert ours == sumy_choice(sentences, language, k)


def test_same_choice_as_sumy_on_generated_text():
    words = ("gobierno ministro anunció medidas crisis inflación subió ciudad hospital pacientes reforma ley "
             "congreso votación oposición acuerdo empresa huelga salarios precio").split()
    rnd = random.Random(7)
    for _ in range(25):
        sentences = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 12))) + "."
                     for _ in range(rnd.randint(2, 40))]
        for k in (1, 3):
            ours = [sentences[i] for i in build_textrank("es")(sentences, k)]
            assert ours == sumy_choice(sentences, "es", k)
