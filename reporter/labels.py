"""Every label of the PDF, in English and Spanish (other languages fall back to English)."""
from __future__ import annotations

EN = {
    "briefing": "Comparative briefing",
    "generated": "Generated",
    "by": "by reporter",
    "sources": "Sources",
    "id": "Id",
    "title": "Title",
    "file": "File",
    "language": "Language",
    "words": "Words",
    "sentences": "Sentences",
    "relatedness": "How related",
    "rel_high": "Same story, high overlap",
    "rel_medium": "Same story, partial overlap",
    "rel_low": "Probably not the same story: few shared claims",
    "rel_single": "One source only",
    "at_a_glance": "At a glance",
    "shared": "Claims shared",
    "only_in": "Only in {id}",
    "conflicts": "Conflicts",
    "flagged": "Flagged for review",
    "must_not_miss": "Do not miss",
    "nothing_to_miss": "No conflicts and no flagged claims.",
    "key_conflict": "{a} and {b} disagree on {kind}: {va} vs {vb}",
    "key_flag": "{id}: “{text}” ({reasons})",
    "sec_conflicts": "Where the sources disagree",
    "no_conflicts": "No conflicting figures, dates or values were found between related claims.",
    "differs": "Differs",
    "sec_shared": "What the sources agree on",
    "no_shared": "No claim was found in more than one source.",
    "score": "score",
    "high": "high",
    "medium": "medium",
    "low": "low",
    "shared_words": "Shared",
    "sec_only": "What only one source says",
    "only_title": "Only in {id}: {title}",
    "none": "Nothing.",
    "sec_summaries": "Summaries",
    "summary_of": "{id}: {title}",
    "sec_checklist": "Checklist for review",
    "claim": "Claim",
    "source": "Source",
    "reasons": "Reasons",
    "priority": "Priority",
    "verdict": "Verdict",
    "notes_col": "Notes",
    "no_flags": "No claim was flagged.",
    "sec_appendix": "Appendix: every sentence",
    "role": {"title": "title", "body": "", "heading": "heading", "caption": "caption",
             "boilerplate": "left out"},
    "sec_method": "How this briefing was made",
    "method": (
        "Sentences were split line by line with simplemma's rule-based splitter plus our abbreviation list. "
        "Each summary is extractive ({summarizer}, {length}), chosen by sumy from body sentences only. "
        "Claims of different sources are matched by TF-IDF similarity of their lemmas, names and figures; "
        "a match is a conflict when both state a figure of the same kind about the same thing and no value "
        "agrees. Flags come from rules (figures, dates, quotations, attributions, accusations, single-source "
        "claims, conflicts) and carry their reasons. The tool looks nothing up: every flag is a question "
        "for a person, not a verdict."
    ),
    "notes": {
        "unrelated": "Warning: these sources do not seem to be about the same story.",
        "identical": "Two or more sources have identical text (wire copy republished word for word).",
        "languages": "The sources are in different languages: matching across languages is weak.",
    },
    "reason_labels": {},
    "page": "Page",
    "of": "of",
}

ES = {
    **EN,
    "briefing": "Informe comparativo",
    "generated": "Generado",
    "by": "por reporter",
    "sources": "Fuentes",
    "id": "Id",
    "title": "Título",
    "file": "Archivo",
    "language": "Idioma",
    "words": "Palabras",
    "sentences": "Oraciones",
    "relatedness": "Relación",
    "rel_high": "Misma noticia, gran coincidencia",
    "rel_medium": "Misma noticia, coincidencia parcial",
    "rel_low": "Probablemente no es la misma noticia: pocas afirmaciones comunes",
    "rel_single": "Una sola fuente",
    "at_a_glance": "De un vistazo",
    "shared": "Afirmaciones compartidas",
    "only_in": "Solo en {id}",
    "conflicts": "Contradicciones",
    "flagged": "Para verificar",
    "must_not_miss": "No pasar por alto",
    "nothing_to_miss": "Sin contradicciones ni afirmaciones marcadas.",
    "key_conflict": "{a} y {b} discrepan en {kind}: {va} frente a {vb}",
    "sec_conflicts": "Dónde discrepan las fuentes",
    "no_conflicts": "No se hallaron cifras, fechas ni valores contradictorios entre afirmaciones relacionadas.",
    "differs": "Difiere",
    "sec_shared": "En qué coinciden las fuentes",
    "no_shared": "Ninguna afirmación aparece en más de una fuente.",
    "score": "puntuación",
    "high": "alta",
    "medium": "media",
    "low": "baja",
    "shared_words": "En común",
    "sec_only": "Lo que solo dice una fuente",
    "only_title": "Solo en {id}: {title}",
    "none": "Nada.",
    "sec_summaries": "Resúmenes",
    "sec_checklist": "Lista de verificación",
    "claim": "Afirmación",
    "source": "Fuente",
    "reasons": "Motivos",
    "priority": "Prioridad",
    "verdict": "Veredicto",
    "notes_col": "Notas",
    "no_flags": "Ninguna afirmación fue marcada.",
    "sec_appendix": "Anexo: todas las oraciones",
    "role": {"title": "título", "body": "", "heading": "subtítulo", "caption": "pie de foto",
             "boilerplate": "descartada"},
    "sec_method": "Cómo se hizo este informe",
    "method": (
        "Las oraciones se separaron línea por línea con el separador de simplemma y nuestra lista de "
        "abreviaturas. Cada resumen es extractivo ({summarizer}, {length}), elegido por sumy solo entre "
        "oraciones del cuerpo. Las afirmaciones de fuentes distintas se emparejan por similitud TF-IDF de "
        "lemas, nombres y cifras; un emparejamiento es una contradicción cuando ambas dan una cifra del mismo "
        "tipo sobre lo mismo y ningún valor coincide. Las marcas salen de reglas (cifras, fechas, citas, "
        "atribuciones, acusaciones, afirmaciones de una sola fuente, contradicciones) y dicen sus motivos. "
        "La herramienta no consulta nada: cada marca es una pregunta para una persona, no un veredicto."
    ),
    "notes": {
        "unrelated": "Atención: estas fuentes no parecen tratar la misma noticia.",
        "identical": "Dos o más fuentes tienen el mismo texto (un cable de agencia reproducido tal cual).",
        "languages": "Las fuentes están en idiomas distintos: el emparejamiento entre idiomas es débil.",
    },
    "reason_labels": {
        "conflict": "las fuentes discrepan",
        "accusation": "acusación",
        "figure": "cifra",
        "quotation": "cita",
        "attribution": "atribución",
        "date": "fecha",
        "single_source": "una sola fuente",
        "superlative": "superlativo o récord",
        "consequential": "tema de peso",
        "named_actor": "nombra a un actor",
    },
    "page": "Página",
    "of": "de",
}


def labels_for(language: str) -> dict:
    return ES if language == "es" else EN
