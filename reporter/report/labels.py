"""Every label of the PDF, in English and Spanish (other languages fall back to English).

`Labels` is one typed record: the templates read it as `v.t` (`t.sec_conflicts`,
`t.notes.unrelated`, ...). The Spanish labels are the English ones with the Spanish
text put over them (`dataclasses.replace`), so a label nobody has translated yet is
shown in English, never missing.

Some groups are looked up by a key the pipeline writes: a flag's reasons
("single_source"), a difference's unit ("death"), a verdict ("needs context"), a
sentence's role ("caption") and why it has it ("photo caption or credit"). Their
`of(key)` gives the label; a key with no label is shown as it is. The JSON twin
keeps the keys; only the PDF shows labels.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import ClassVar


class _Keyed:
    """A group of labels looked up by the key the pipeline writes."""

    KEYS: ClassVar[dict[str, str]] = {}  # pipeline key -> field name, where the two differ

    def of(self, key: str) -> str:
        name = self.KEYS.get(key, key)
        return getattr(self, name) if name in {f.name for f in fields(self)} else key


@dataclass(frozen=True)
class Notes(_Keyed):
    """Warnings on page 1, keyed by Briefing.notes."""

    unrelated: str
    identical: str
    languages: str


@dataclass(frozen=True)
class Reasons(_Keyed):
    """Why a claim is flagged, keyed by Flag.reasons (reporter.stages.flag)."""

    conflict: str
    accusation: str
    figure: str
    quotation: str
    attribution: str
    date: str
    single_source: str
    superlative: str
    consequential: str
    named_actor: str
    wording: str
    same_text: str


@dataclass(frozen=True)
class Units(_Keyed):
    """What a differing value counts or measures, keyed by Difference.unit, or .kind when it has no unit."""

    death: str
    injury: str
    missing: str
    arrest: str
    rescue: str
    km: str
    m: str
    mi: str
    magnitude: str
    depth: str
    percent: str
    year: str
    date: str
    day: str
    speaker: str
    eur: str
    usd: str
    gbp: str
    money: str
    count: str
    currency: str


@dataclass(frozen=True)
class Verdicts(_Keyed):
    """A reviewer's verdict, keyed by the canonical verdicts of reporter.review.checklist."""

    KEYS: ClassVar[dict[str, str]] = {"needs context": "needs_context"}

    accurate: str
    inaccurate: str
    misleading: str
    unverifiable: str
    needs_context: str


@dataclass(frozen=True)
class Roles(_Keyed):
    """A sentence's role (reporter.model.ROLES), marked in the appendix; body sentences carry no mark."""

    title: str
    body: str
    heading: str
    caption: str
    boilerplate: str


@dataclass(frozen=True)
class Whys(_Keyed):
    """Why a line is not body text, keyed by the English note reporter.stages.ingest and
    reporter.stages.segment write (Sentence.why; the JSON keeps it as written)."""

    KEYS: ClassVar[dict[str, str]] = {
        "agency credit": "agency_credit",
        "site furniture (comment prompt, related link, advert, sharing)": "site_furniture",
        "byline": "byline",
        "date stamp": "date_stamp",
        "title repeated": "title_repeated",
        "photo caption or credit": "photo_caption",
        "first line": "first_line",
        "short line without punctuation": "short_line",
        "standfirst under the title": "standfirst",
        "related link": "related_link",
        "pull-quote (repeats the article)": "pull_quote",
        "pull-quote attribution": "pull_quote_attribution",
        "author's bio": "author_bio",
        "page navigation above the headline": "page_navigation",
        "headline above the first paragraph": "headline",
        "social-media embed": "social_embed",
    }

    agency_credit: str
    site_furniture: str
    byline: str
    date_stamp: str
    title_repeated: str
    photo_caption: str
    first_line: str
    short_line: str
    dateline: str = "dateline"
    standfirst: str = "standfirst under the title"
    related_link: str = "related link"
    pull_quote: str = "pull-quote (repeats the article)"
    pull_quote_attribution: str = "pull-quote attribution"
    author_bio: str = "author's bio"
    page_navigation: str = "page navigation above the headline"
    headline: str = "headline above the first paragraph"
    social_embed: str = "social-media embed"


@dataclass(frozen=True)
class Levels(_Keyed):
    """A flag's priority (Flag.priority) and how strongly two claims match."""

    high: str
    medium: str
    low: str


@dataclass(frozen=True)
class Hows(_Keyed):
    """How a source's publication date is known, keyed by Published.how."""

    KEYS: ClassVar[dict[str, str]] = {"html-meta": "html_meta", "updated-line": "updated_line"}

    html_meta: str
    dateline: str
    byline: str
    updated_line: str
    option: str


@dataclass(frozen=True)
class Dating:
    """Publication dates on page 1 and the timeline section (issue 14)."""

    published: str  # "Published"
    unknown: str  # {id}
    source_date: str  # {id} {date} {how}
    later: str  # {a} {b} {gap}
    same_day: str  # {a} {b}
    days: tuple[str, str]  # one, more ({n})
    weeks: tuple[str, str]
    months: tuple[str, str]
    years: tuple[str, str]
    day_format: str  # {day} {month} {year}
    month_format: str  # {month} {year}
    hows: Hows
    sec_timeline: str
    timeline_legend: str
    no_timeline: str
    more_timeline: str  # {shown} {total}
    more_sentences: str  # {n}


@dataclass(frozen=True)
class FactKinds(_Keyed):
    """A fact's quantity kind (reporter.model.Fact.kind), in the fact table and the conflicts."""

    KEYS: ClassVar[dict[str, str]] = {"report-time": "report_time"}

    deaths: str
    injured: str
    missing: str
    magnitude: str
    depth: str
    distance: str
    height: str
    money: str
    rate: str
    percentage: str
    count: str
    time: str
    report_time: str
    date: str
    year: str
    duration: str
    age: str
    speed: str = "speed"  # a count of km/h (text/figures.py reads mph and km/h as one unit)
    speed_limit: str = "speed limit"


@dataclass(frozen=True)
class FactLabels:
    """The fact table (who says what) and possible updates (issue 14)."""

    sec_facts: str
    facts_legend: str
    no_facts: str
    more_facts: str  # {shown} {total}
    possible_update: str
    key_update: str  # {a} {b} {kind} {va} {vb} {wa} {wb}
    min: str  # "at least"
    max: str  # "up to"
    approx: str  # "about"
    kinds: FactKinds


@dataclass(frozen=True)
class Labels:
    # page 1
    briefing: str
    generated: str
    by: str
    date_format: str  # {day} {month} {year} {time}
    months: tuple[str, ...]  # January ... December
    sources: str
    id: str
    title: str
    file: str
    language: str
    words: str
    sentences: str
    relatedness: str
    rel_high: str
    rel_medium: str
    rel_low: str
    rel_single: str
    notes: Notes
    at_a_glance: str
    shared: str
    only_in: str  # {id}
    conflicts: str
    flagged: str
    review_status: str  # {done} {left}
    must_not_miss: str
    nothing_to_miss: str
    key_conflict: str  # {a} {b} {kind} {va} {vb}
    key_flag: str  # {id} {text} {reasons}
    contents: str
    # the sections
    sec_changes: str  # {file}
    changes_summary: str  # {added} {dropped} {carried}
    added: str
    dropped: str
    more_changes: str  # {shown} {total}
    sec_conflicts: str
    no_conflicts: str
    differs: str
    units: Units
    score: str
    more_pairs: str  # {shown} {total}
    sec_matrix: str
    matrix_legend: str
    claim: str
    more_matrix: str  # {shown} {total}
    sec_shared: str
    no_shared: str
    levels: Levels
    shared_words: str
    sec_only: str
    only_title: str  # {id} {title}
    none: str
    more_only: str  # {shown} {total}
    reasons: Reasons
    sec_summaries: str
    summary_of: str  # {id} {title}
    sec_checklist: str
    reasons_col: str
    priority: str
    verdict: str
    notes_col: str
    no_flags: str
    verdicts: Verdicts
    more_checklist: str  # {shown} {total}
    # the appendix
    sec_appendix: str
    sec_appendix_cited: str
    appendix_abridged: str  # {total}
    roles: Roles
    whys: Whys
    gap: str  # {count} {first} {last}
    gap_one: str  # {first}
    sec_method: str
    method: str  # {summarizer} {length}
    dating: Dating
    facts: FactLabels
    # the archive of reviewed claims (issue 16), under a checklist claim: {verdict} {when}
    archived_same: str = "Reviewed before: {verdict} ({when})"
    archived_related: str = "A similar claim was reviewed: {verdict} ({when})"
    # the one-page briefing (--short, issue 13 item 4)
    short_title: str = "First to check"
    short_more: str = ("{more} more to check: the checklist CSV has a row for each claim, "
                       "the briefing without --short lists them all.")
    short_more_sources: str = "and {more} more sources (the JSON twin lists every one)"
    # issue 15: the labels' language, and what a count counts when no source in that language
    # names it (key: the pipeline's unit, an English concept or a lemma; reporter.text.lexicon)
    lang: str = "en"
    counted: tuple[tuple[str, str], ...] = (
        ("house", "homes"), ("people", "people"), ("resident", "residents"), ("shelter", "shelters"),
        ("albergue", "shelters"), ("aftershock", "aftershocks"), ("city", "towns"), ("dose", "doses"),
        ("hour", "hours"), ("day", "days"), ("month", "months"), ("year", "years"), ("rescue", "rescued or evacuated"),
        ("worker", "workers"), ("company", "companies"), ("miner", "miners"), ("hospital", "hospitals"),
        ("protest", "protests"), ("ha", "hectares"), ("t", "tonnes"), ("kg", "kg"), ("degree", "degrees"))


EN = Labels(
    briefing="Comparative briefing",
    generated="Generated",
    by="by reporter",
    date_format="{day} {month} {year}, {time} UTC",
    months=("January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"),
    sources="Sources",
    id="Id",
    title="Title",
    file="File",
    language="Language",
    words="Words",
    sentences="Sentences",
    relatedness="How related",
    rel_high="Same story, high overlap",
    rel_medium="Same story, partial overlap",
    rel_low="Probably not the same story: few shared claims",
    rel_single="One source only",
    notes=Notes(
        unrelated="Warning: these sources do not seem to be about the same story.",
        identical="Two or more sources have identical text (wire copy republished word for word).",
        languages=("The sources are in different languages: claims are matched by meaning across languages "
                   "(a multilingual sentence encoder), figures as numbers, each summary in its source's language."),
    ),
    at_a_glance="At a glance",
    shared="Claims shared",
    only_in="Only in {id}",
    conflicts="Conflicts",
    flagged="Flagged for review",
    review_status="Review: {done} claims reviewed, {left} left.",
    must_not_miss="Do not miss",
    nothing_to_miss="No conflicts and no flagged claims.",
    key_conflict="{a} and {b} disagree on {kind}: {va} vs {vb}",
    key_flag="{id}: {text} ({reasons})",
    contents="Contents",
    sec_changes="Changes since {file}",
    changes_summary="{added} claims added, {dropped} dropped; {carried} verdicts carried over.",
    added="Added",
    dropped="Dropped",
    more_changes="Listed here: the first {shown} of {total}.",
    sec_conflicts="Where the sources disagree",
    no_conflicts="No conflicting figures, dates or values were found between related claims.",
    differs="Differs",
    units=Units(death="deaths", injury="injured", missing="missing", arrest="arrests", rescue="rescued or evacuated",
                km="km", m="metres", mi="miles", magnitude="magnitude", depth="depth", percent="percentage",
                year="year", date="date", day="day of the week", speaker="who said it", eur="euros",
                usd="dollars", gbp="pounds", money="amount", count="figure", currency="amount"),
    score="score",
    more_pairs="Listed here: the {shown} strongest of {total}. The JSON twin has every one.",
    sec_matrix="Claim matrix",
    matrix_legend=("Each row is a claim two or more sources carry; a cell names the source's sentence, "
                   "≠ marks a conflicting value."),
    claim="Claim",
    more_matrix="Listed here: {shown} of {total} claims, disputed ones first. The JSON twin (claims) has every one.",
    sec_shared="What the sources agree on",
    no_shared="No claim was found in more than one source.",
    levels=Levels(high="high", medium="medium", low="low"),
    shared_words="Shared",
    sec_only="What only one source says",
    only_title="Only in {id}: {title}",
    none="Nothing.",
    more_only="Listed here: the {shown} most check-worthy of {total}, in source order. The JSON twin has every one.",
    reasons=Reasons(conflict="sources disagree", accusation="accusation", figure="figure", quotation="quotation",
                    attribution="attribution", date="date", single_source="only one source",
                    superlative="superlative or record", consequential="consequential topic",
                    named_actor="names an actor", wording="worded like check-worthy claims",
                    same_text="the other source runs the same text (wire copy)"),
    sec_summaries="Summaries",
    summary_of="{id}: {title}",
    sec_checklist="Checklist for review",
    reasons_col="Reasons",
    priority="Priority",
    verdict="Verdict",
    notes_col="Notes",
    no_flags="No claim was flagged.",
    verdicts=Verdicts(accurate="accurate", inaccurate="inaccurate", misleading="misleading",
                      unverifiable="unverifiable", needs_context="needs context"),
    more_checklist=("Listed here: the {shown} highest-priority of {total} flagged claims. "
                    "The checklist CSV has a row for each, with Verdict and Notes to fill in."),
    sec_appendix="Appendix: every sentence",
    sec_appendix_cited="Appendix: the sentences cited",
    appendix_abridged=("These sources have {total} sentences together, too many to print. Shown here: every "
                       "sentence this briefing cites and every line left out of the analysis, in source order; "
                       "each run of sentences not shown is marked. The JSON twin has every sentence with its "
                       "offsets in the source."),
    roles=Roles(title="title", body="", heading="heading", caption="caption", boilerplate="left out"),
    # the English notes are the keys themselves: what ingest and segment write
    whys=Whys(**{name: key for key, name in Whys.KEYS.items()}),
    gap="{count} sentences not cited ({first}–{last})",
    gap_one="1 sentence not cited ({first})",
    sec_method="How this briefing was made",
    method=(
        "Sentences were split line by line with simplemma's splitter and our abbreviation list. Each summary "
        "is extractive ({summarizer}, {length}): body sentences ranked as sumy's graph algorithms rank them, "
        "keeping the lead sentence and the story's toll or key figure. Claims of different sources are matched "
        "by meaning (a multilingual sentence encoder, also across languages) and the similarity of their lemmas, "
        "names and figures, each with its best partner; a match is a conflict when both give a figure of the "
        "same kind about the same thing and the values disagree (a possible update when the later source has "
        "the new value). A claim is flagged when a check-worthiness model trained on public fact-checking data "
        "gives it a high enough probability, or when it is in a conflict; the reasons shown come from readable "
        "rules. The tool looks nothing up: every flag is a question for a person, not a verdict."
    ),
    dating=Dating(
        published="Published",
        unknown="{id}: publication date unknown",
        source_date="{id} {date} ({how})",
        later="{b} is {gap} later than {a}.",
        same_day="{a} and {b} were published the same day.",
        days=("1 day", "{n} days"), weeks=("1 week", "{n} weeks"), months=("1 month", "{n} months"),
        years=("1 year", "{n} years"),
        day_format="{day} {month} {year}",
        month_format="{month} {year}",
        hows=Hows(html_meta="page metadata", dateline="dateline", byline="byline", updated_line="update line",
                  option="given with --date"),
        sec_timeline="Timeline",
        timeline_legend=("The dates the claims mention, earliest first, resolved against their source's publication "
                         "date (a weekday or a month by the tense of the verb). Relative dates of a source whose "
                         "publication date is unknown are left out, not guessed."),
        no_timeline="The claims mention no date that could be resolved.",
        more_timeline="Listed here: {shown} of {total} dates. The JSON twin (timeline) has every one.",
        more_sentences="and {n} more sentences (the JSON twin has them)",
    ),
    facts=FactLabels(
        sec_facts="Who says what: the figures",
        facts_legend=("One row per quantity and what it is about, with each source's value, who it gives it to "
                      "and the time of the report when the text says it; rows where the sources differ first."),
        no_facts="No figure is stated by two sources.",
        more_facts="Listed here: {shown} of {total} rows. The JSON twin (facts) has every one.",
        possible_update="Possible update",
        key_update="{b} updates {a} on {kind}? {va} ({wa}) then {vb} ({wb})",
        min="at least", max="up to", approx="about",
        kinds=FactKinds(deaths="deaths", injured="injured", missing="missing", magnitude="magnitude", depth="depth",
                        distance="distance", height="height", money="amount", rate="rate", percentage="percentage", count="count",
                        time="time of day", report_time="time of report", date="date", year="year",
                        duration="duration", age="age"),
    ),
)

# Spanish: the English labels with every translated one put over them.
ES = replace(
    EN,
    briefing="Informe comparativo",
    generated="Generado",
    by="por reporter",
    date_format="{day} de {month} de {year}, {time} UTC",
    months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
            "octubre", "noviembre", "diciembre"),
    sources="Fuentes",
    title="Título",
    file="Archivo",
    language="Idioma",
    words="Palabras",
    sentences="Oraciones",
    relatedness="Relación",
    rel_high="Misma noticia, gran coincidencia",
    rel_medium="Misma noticia, coincidencia parcial",
    rel_low="Probablemente no es la misma noticia: pocas afirmaciones comunes",
    rel_single="Una sola fuente",
    notes=Notes(
        unrelated="Atención: estas fuentes no parecen tratar la misma noticia.",
        identical="Dos o más fuentes tienen el mismo texto (un cable de agencia reproducido tal cual).",
        languages=("Las fuentes están en idiomas distintos: las afirmaciones se emparejan por su sentido entre "
                   "idiomas (un codificador de oraciones multilingüe), las cifras como números, y cada resumen "
                   "va en el idioma de su fuente."),
    ),
    at_a_glance="De un vistazo",
    shared="Afirmaciones compartidas",
    only_in="Solo en {id}",
    conflicts="Contradicciones",
    flagged="Para verificar",
    review_status="Revisión: {done} afirmaciones revisadas, {left} pendientes.",
    must_not_miss="No pasar por alto",
    nothing_to_miss="Sin contradicciones ni afirmaciones marcadas.",
    key_conflict="{a} y {b} discrepan en {kind}: {va} frente a {vb}",
    contents="Contenido",
    sec_changes="Cambios desde {file}",
    changes_summary="{added} afirmaciones nuevas, {dropped} retiradas; {carried} veredictos conservados.",
    added="Nuevas",
    dropped="Retiradas",
    more_changes="Aquí: las {shown} primeras de {total}.",
    sec_conflicts="Dónde discrepan las fuentes",
    no_conflicts="No se hallaron cifras, fechas ni valores contradictorios entre afirmaciones relacionadas.",
    differs="Difiere",
    units=Units(death="muertos", injury="heridos", missing="desaparecidos", arrest="detenidos", rescue="rescatados o evacuados",
                km="km", m="metros", mi="millas", magnitude="magnitud", depth="profundidad", percent="porcentaje",
                year="año", date="fecha", day="día de la semana", speaker="quién lo dijo", eur="euros",
                usd="dólares", gbp="libras", money="importe", count="cifra", currency="importe"),
    score="puntuación",
    more_pairs="Aquí: las {shown} más fuertes de {total}. El JSON gemelo las tiene todas.",
    sec_matrix="Matriz de afirmaciones",
    matrix_legend=("Cada fila es una afirmación que dos o más fuentes recogen; la celda nombra la oración de esa "
                   "fuente y ≠ marca un valor contradictorio."),
    claim="Afirmación",
    more_matrix=("Aquí: {shown} de {total} afirmaciones, primero las discutidas. "
                 "El JSON gemelo (claims) las tiene todas."),
    sec_shared="En qué coinciden las fuentes",
    no_shared="Ninguna afirmación aparece en más de una fuente.",
    levels=Levels(high="alta", medium="media", low="baja"),
    shared_words="En común",
    sec_only="Lo que solo dice una fuente",
    only_title="Solo en {id}: {title}",
    none="Nada.",
    more_only=("Aquí: las {shown} más verificables de {total}, en el orden de la fuente. "
               "El JSON gemelo las tiene todas."),
    reasons=Reasons(conflict="las fuentes discrepan", accusation="acusación", figure="cifra", quotation="cita",
                    attribution="atribución", date="fecha", single_source="una sola fuente",
                    superlative="superlativo o récord", consequential="tema de peso",
                    named_actor="nombra a un actor", wording="redactada como afirmación verificable",
                    same_text="la otra fuente publica el mismo texto (copia de agencia)"),
    sec_summaries="Resúmenes",
    sec_checklist="Lista de verificación",
    reasons_col="Motivos",
    priority="Prioridad",
    verdict="Veredicto",
    notes_col="Notas",
    no_flags="Ninguna afirmación fue marcada.",
    verdicts=Verdicts(accurate="correcto", inaccurate="falso", misleading="engañoso",
                      unverifiable="inverificable", needs_context="falta contexto"),
    more_checklist=("Aquí: las {shown} de mayor prioridad de {total} afirmaciones marcadas. "
                    "El CSV de verificación tiene una fila para cada una, con Veredicto y Notas por rellenar."),
    sec_appendix="Anexo: todas las oraciones",
    sec_appendix_cited="Anexo: las oraciones citadas",
    appendix_abridged=("Estas fuentes suman {total} oraciones, demasiadas para imprimirlas. Aquí: cada oración "
                       "que cita este informe y cada línea que quedó fuera del análisis, en el orden de la "
                       "fuente; cada tramo de oraciones omitidas está señalado. El JSON gemelo tiene todas "
                       "las oraciones con sus posiciones en la fuente."),
    roles=Roles(title="título", body="", heading="subtítulo", caption="pie de foto", boilerplate="descartada"),
    whys=Whys(agency_credit="crédito de agencia",
              site_furniture="elementos de la página (invitación a comentar, enlace relacionado, anuncio, compartir)",
              byline="firma", date_stamp="fecha de publicación", title_repeated="título repetido",
              photo_caption="pie o crédito de foto", first_line="primera línea",
              short_line="línea corta sin puntuación", dateline="data (lugar y agencia)",
              standfirst="entradilla bajo el título", related_link="enlace relacionado",
              pull_quote="cita destacada (repite el artículo)", pull_quote_attribution="firma de la cita destacada",
              author_bio="biografía del autor", page_navigation="navegación de la página sobre el titular",
              social_embed="publicación insertada de una red social",
              headline="titular sobre el primer párrafo"),
    gap="{count} oraciones no citadas ({first}–{last})",
    gap_one="1 oración no citada ({first})",
    sec_method="Cómo se hizo este informe",
    method=(
        "Las oraciones se separaron línea por línea con el separador de simplemma y nuestra lista de "
        "abreviaturas. Cada resumen es extractivo ({summarizer}, {length}): las oraciones del cuerpo se ordenan "
        "como lo hacen los algoritmos de grafos de sumy, conservando la primera oración y el balance o la cifra "
        "clave. Las afirmaciones de fuentes distintas se emparejan por su sentido (un codificador de oraciones "
        "multilingüe, también entre idiomas) y la similitud de lemas, nombres y cifras, cada una con su mejor "
        "pareja; un emparejamiento es una contradicción cuando ambas dan una cifra del mismo tipo sobre lo mismo "
        "y los valores no concuerdan (posible actualización si la fuente posterior trae el valor nuevo). Una "
        "afirmación se marca cuando un modelo de verificabilidad entrenado con datos públicos de verificación le "
        "da una probabilidad suficiente, o cuando forma parte de una contradicción; los motivos que se muestran "
        "salen de reglas legibles. La herramienta no consulta nada: cada marca es una pregunta para una persona, "
        "no un veredicto."
    ),
    dating=Dating(
        published="Publicación",
        unknown="{id}: fecha de publicación desconocida",
        source_date="{id}, {date} ({how})",
        later="{b} se publicó {gap} después que {a}.",
        same_day="{a} y {b} se publicaron el mismo día.",
        days=("1 día", "{n} días"), weeks=("1 semana", "{n} semanas"), months=("1 mes", "{n} meses"),
        years=("1 año", "{n} años"),
        day_format="{day} de {month} de {year}",
        month_format="{month} de {year}",
        hows=Hows(html_meta="metadatos de la página", dateline="data", byline="firma", updated_line="línea de actualización",
                  option="indicada con --date"),
        sec_timeline="Cronología",
        timeline_legend=("Las fechas que mencionan las afirmaciones, de la más antigua a la más reciente, resueltas "
                         "según la fecha de publicación de su fuente (un día de la semana o un mes, según el tiempo "
                         "del verbo). Las fechas relativas de una fuente sin fecha de publicación conocida se "
                         "omiten: no se adivinan."),
        no_timeline="Las afirmaciones no mencionan ninguna fecha que se pueda resolver.",
        more_timeline="Aquí: {shown} de {total} fechas. El JSON gemelo (timeline) las tiene todas.",
        more_sentences="y {n} oraciones más (las tiene el JSON gemelo)",
    ),
    facts=FactLabels(
        sec_facts="Quién dice qué: las cifras",
        facts_legend=("Una fila por magnitud y aquello a lo que se refiere, con el valor de cada fuente, a quién "
                      "lo atribuye y la hora del balance cuando el texto la da; primero las filas en que las "
                      "fuentes difieren."),
        no_facts="Ninguna cifra aparece en dos fuentes.",
        more_facts="Aquí: {shown} de {total} filas. El JSON gemelo (facts) las tiene todas.",
        possible_update="Posible actualización",
        key_update="¿{b} actualiza a {a} en {kind}? {va} ({wa}) y después {vb} ({wb})",
        min="al menos", max="hasta", approx="unos",
        kinds=FactKinds(deaths="muertos", injured="heridos", missing="desaparecidos", magnitude="magnitud",
                        depth="profundidad", distance="distancia", height="altura", money="importe", rate="tasa",
                        percentage="porcentaje", count="cifra", time="hora", report_time="hora del balance",
                        date="fecha", year="año", duration="duración", age="edad", speed="velocidad",
                        speed_limit="límite de velocidad"),
    ),
    archived_same="Verificada antes: {verdict} ({when})",
    archived_related="Se verificó una afirmación parecida: {verdict} ({when})",
    short_title="Lo primero que verificar",
    short_more=("{more} más por verificar: la lista CSV tiene una fila por afirmación; "
                "el informe sin --short las recoge todas."),
    short_more_sources="y {more} fuentes más (el JSON las recoge todas)",
    lang="es",
    counted=(
        ("house", "viviendas"), ("people", "personas"), ("resident", "vecinos"), ("shelter", "albergues"),
        ("albergue", "albergues"), ("aftershock", "réplicas"), ("city", "localidades"), ("dose", "dosis"),
        ("hour", "horas"), ("day", "días"), ("month", "meses"), ("year", "años"), ("rescue", "rescatados o evacuados"),
        ("worker", "trabajadores"), ("company", "empresas"), ("miner", "mineros"), ("hospital", "hospitales"),
        ("protest", "protestas"), ("ha", "hectáreas"), ("t", "toneladas"), ("kg", "kg"), ("degree", "grados")),
)


def labels_for(language: str) -> Labels:
    return ES if language == "es" else EN
