"""Concept classes for news vocabulary: words outlets use for the same thing.

Also the rest of the news vocabulary the stages read: number words, scales,
units and qualifiers of figures (text/figures.py), the verbs that introduce a
quotation (text/features.py), and the cue words of each flag reason
(stages/flag.py). One file, so a word an outlet uses is added in one place.

Written by us: no offline package maps Spanish and English news paraphrases
("sismo" / "terremoto", "ofensiva" / "invasión", "fallecidos" / "muertos") and
a sentence-embedding model would need a download. Each class is a list of
folded lemmas, Spanish and English together,
so a Spanish and an English claim about the same event share the concept too.
The comparator adds the class id as an extra term beside the lemma.
"""
from __future__ import annotations

import re
from functools import lru_cache

from reporter.text.language import fold

CONCEPTS: dict[str, str] = {
    "war": "guerra ofensiva invasion invadir conflicto belico war offensive invasion invade conflict hostilities",
    "attack": "ataque atacar bombardeo bombardear atentado ofensiva ataco attack strike bombing bomb assault raid",
    "alliance": "alianza aliado aliada acercamiento cooperacion cooperar asociacion socio relacion vinculo lazo "
                "estrechar fortalecer reforzar ally alliance allied cooperation cooperate partnership partner "
                "relation relationship ties tie rapprochement strengthen",
    "agreement": "acuerdo tratado pacto convenio firmar agreement treaty pact accord deal sign",
    "death": "muerto muerte morir fallecido fallecer fallecimiento victima mortal dead death die killed kill "
             "fatality fatalities toll victim",
    "injury": "herido herida herir lesionado lesion injured injure injury wounded wound hurt",
    "quake": "sismo terremoto temblor seismo quake earthquake tremor",
    "magnitude": "magnitud intensidad escala magnitude",
    "depth": "profundidad profundo depth deep",
    "storm": "tormenta huracan ciclon tifon temporal storm hurricane cyclone typhoon",
    "flood": "inundacion inundar riada crecida flood flooding",
    "fire": "incendio fuego llamas fire wildfire blaze flames",
    "say": "decir afirmar declarar asegurar senalar indicar explicar manifestar sostener say state declare "
           "assert tell claim remark",
    "accuse": "acusar acusacion denunciar culpar responsabilizar accuse accusation blame allege allegation",
    "sanction": "sancion sancionar embargo veto vetar sanction embargo veto",
    "weapon": "arma armamento armamentista armamentistico municion misil cohete proyectil weapon arms "
              "armament munition ammunition missile rocket",
    "nuclear": "nuclear atomico atomic nuclear",
    "visit": "visita visitar viaje viajar llegar llegada gira visit trip travel arrive arrival tour",
    "meeting": "cumbre reunion encuentro reunirse conferencia summit meeting talks meet conference",
    "support": "apoyo apoyar respaldo respaldar ayuda asistencia support back backing aid assistance help",
    "election": "eleccion elecciones comicios votacion voto votar sufragio election vote ballot poll",
    "president": "presidente presidenta mandatario jefe president leader head",
    "leader": "lider dirigente lider leader chief",
    "government": "gobierno ejecutivo administracion gabinete government administration executive cabinet",
    "minister": "ministro ministra secretario minister secretary",
    "police": "policia agente policial police officer cop",
    "arrest": "detener detenido detencion arrestar arresto capturar arrest detain detention capture",
    "court": "tribunal juez jueza juzgado corte court judge tribunal",
    "money": "dinero fondo financiacion financiar money fund funding finance",
    "price": "precio costo coste price cost",
    "increase": "aumento aumentar subir subida alza incremento crecer crecimiento increase rise raise grow "
                "growth hike",
    "decrease": "disminuir disminucion bajar bajada caida caer reducir reduccion descenso decrease decline "
                "fall drop cut reduce reduction",
    "company": "empresa compania firma sociedad company firm business corporation",
    "worker": "trabajador empleado obrero plantilla worker employee staff",
    "strike": "huelga paro strike walkout",
    "protest": "protesta manifestacion manifestante protestar marcha protest demonstration demonstrator rally",
    "rescue": "rescate rescatar salvamento evacuar evacuacion rescue evacuate evacuation",
    "missing": "desaparecido desaparecer missing disappeared",
    "hospital": "hospital clinica sanitario hospital clinic",
    "message": "mensaje comunicado carta nota message statement letter note",
    "congratulate": "felicitacion felicitar congratulate congratulation",
    "security": "seguridad defensa militar ejercito tropas soldado security defence defense military army "
                "troops soldier",
    "border": "frontera fronterizo border frontier",
    "city": "ciudad localidad municipio poblacion town city municipality",
    "house": "vivienda casa hogar edificio house home building dwelling",
    "destroy": "destruir destruccion derrumbar derrumbe colapsar colapso destroy destruction collapse "
               "demolish",
    "first": "primer primero primera first",
    "dose": "dosis dose",
    "year": "ano anos year years",
    # third red team (bus): "La Guardia Civil ha abierto una investigación para esclarecer las causas del
    # siniestro" / "La Guardia Civil investiga las causas del accidente": a noun and its verb, two nouns
    "accident": "accidente siniestro choque colision accident crash collision",
    "inquiry": "investigacion investigar pesquisa diligencias inquiry investigation investigate probe",
}


# Paraphrases of more than one word that no lemma carries (their words are stop words or say
# nothing alone): "came down" / "collapsed", "se vino abajo" / "se derrumbó", "perdieron la vida" /
# "murieron". Matched on the folded sentence; the comparator adds the class as it adds a lemma's.
PHRASES: tuple[tuple[str, re.Pattern], ...] = (
    ("destroy", re.compile(r"\b(?:came|come|comes|coming) (?:crashing )?down\b|\bcaved? in\b|\bgave way\b"
                           r"|\b(?:se )?vin(?:o|ieron|iendo)(?:se)? abajo\b|\bvenirse abajo\b|\bse viene abajo\b")),
    ("death", re.compile(r"\bperd(?:io|ieron|er|iendo) la vida\b|\blost (?:their|his|her) li(?:fe|ves)\b"
                         r"|\bhan perdido la vida\b")),
)


def phrase_concepts(folded: str) -> tuple[str, ...]:
    """The concept classes of the paraphrases (PHRASES) in a folded sentence."""
    return tuple(name for name, pattern in PHRASES if pattern.search(folded))


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    exact: dict[str, str] = {}
    for name, words in CONCEPTS.items():
        for w in words.split():
            exact.setdefault(w, name)
    return exact


def concept(lemma: str) -> str | None:
    """The concept class of a folded lemma, or None."""
    return _index().get(lemma)


# Titles and roles that introduce a name ("el presidente ruso, Vladimir Putin"):
# they say who a claim is about, like the name itself, so they weigh as names.
TITLES = frozenset("""
presidente presidenta vicepresidente lider dirigente ministro ministra canciller primer portavoz vocero
secretario secretaria jefe jefa mandatario mandataria rey reina principe general comandante director
directora alcalde alcaldesa gobernador gobernadora senador senadora diputado diputada embajador
homologo
president vice leader minister chancellor premier spokesman spokeswoman spokesperson secretary chief
king queen prince general commander director mayor governor senator representative ambassador
counterpart
""".split())


# ---- figures: numbers written as words, scales, units, qualifiers (text/figures.py) --------

SCALE = {
    "mil": 1e3, "miles": 1e3, "thousand": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6,
    "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "billones": 1e12,
    "mil millones": 1e9, "trillion": 1e12,
}
NUMBER_WORDS = {
    "es": {"un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
           "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
           "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
           "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
           "noventa": 90, "veintiuno": 21, "veintiún": 21, "veintiuna": 21, "veintidós": 22, "veintitrés": 23,
           "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintisiete": 27, "veintiocho": 28,
           "veintinueve": 29, "cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300,
           "cuatrocientos": 400, "quinientos": 500, "mil": 1000},
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
           "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
           "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
           "hundred": 100, "thousand": 1000},
}
# Collective numerals: a round quantity told in words, approximate in news copy ("una decena de
# muertos", "medio centenar de efectivos", "más de un centenar de familiares", "a dozen injured",
# "dos centenares de vecinos"). Read after un/una/a, medio/media/half (a) or a number (times it);
# the plurals only after a number: "decenas de heridos", "dozens" alone are any number (see below).
COLLECTIVES = {"decena": 10, "decenas": 10, "docena": 12, "docenas": 12, "veintena": 20, "veintenas": 20,
               "treintena": 30, "cincuentena": 50, "centenar": 100, "centenares": 100, "millar": 1000,
               "millares": 1000, "dozen": 12, "dozens": 12}
COLLECTIVE_PLURALS = {"decenas", "docenas", "veintenas", "centenares", "millares", "dozens"}
# "Decenas", "cientos", "hundreds", "dozens" are not numbers: "cientos de familias" is any number
# from 200 to 999 and agrees with "unas 300 familias", so they are left out of NUMBER_WORDS.
# Words a quantity is often followed by before the counted noun: "8 millones DE personas".
NUMBER_LINKS = {"de", "del", "of", "the", "más", "more", "than", "que", "por", "al", "menos", "la", "las", "los", "el",
          "least", "some", "unos", "unas", "cerca", "about", "around", "over", "casi", "almost"}
CURRENCY_WORDS = {"dólar", "dólares", "dolar", "euro", "euros", "dollar", "dollars", "peso", "pesos", "libras",
                   "pounds", "yuan", "rublos", "rubles"}
MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}
WEEKDAYS = {
    "lunes": 1, "martes": 2, "miércoles": 3, "miercoles": 3, "jueves": 4, "viernes": 5, "sábado": 6,
    "sabado": 6, "domingo": 7, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}
# Units written several ways; generic nouns for people take the event they are counted in.
UNIT_ALIASES = {
    "km": "km", "kilometro": "km", "kilometros": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "metro": "m", "metros": "m", "metre": "m", "meter": "m", "m": "m", "milla": "mi",
    "millas": "mi", "mile": "mi", "miles": "mi", "kg": "kg", "kilo": "kg", "kilogramo": "kg", "kilogram": "kg",
    "tonelada": "t", "ton": "t", "tonne": "t", "hectarea": "ha", "hectareas": "ha", "hectare": "ha",
    "hectares": "ha", "ha": "ha", "grado": "degree", "degree": "degree", "hora": "hour",
    "hour": "hour", "dia": "day", "day": "day", "ano": "year", "year": "year", "mes": "month", "month": "month",
    # speeds: "traveling at 38 mph" is a speed, not a count of what "traveling" names
    "mph": "mph", "kph": "km/h",
    # rain: "210 litros por metro cuadrado" and "145 l/m²" are one unit (the fourth red team's riada pair)
    "litro": "l", "litros": "l", "l": "l", "litre": "l", "litres": "l", "liter": "l", "liters": "l",
}
PEOPLE = {"persona", "people", "person", "personas", "individuo", "habitante", "resident", "ciudadano",
           "civil", "civilian", "nino", "child", "children", "mujer", "woman", "women", "hombre", "man", "men"}
QUALIFIERS = (
    ("min", ("al menos", "por lo menos", "como minimo", "mas de", "at least", "more than", "over", "upwards of",
             "no menos de", "superior a", "exceeding", "in excess of")),
    ("max", ("menos de", "hasta", "como maximo", "less than", "fewer than", "under", "up to", "at most")),
    ("approx", ("unos", "unas", "alrededor de", "cerca de", "casi", "aproximadamente", "about", "around",
                "nearly", "almost", "roughly", "some", "approximately", "estimated", "estimado", "estimada")),
)

# ---- quotations (text/features.py) ----------------------------------------------------

# Verbs that introduce a quotation's speaker: "X said", "dijo X", "according to X".
SAYS = {"said", "says", "told", "tells", "stated", "added", "declared", "explained", "insisted", "warned",
         "dijo", "dice", "afirmó", "afirma", "declaró", "declara", "aseguró", "asegura", "señaló", "señala",
         "explicó", "añadió", "agregó", "sostuvo", "advirtió", "indicó", "subrayó", "según", "according"}
# Verbs that give a quotation to a speaker, beyond SAYS (whose words near it are read as roles): a
# quotation with none of these outside it is a phrase the sentence quotes ("accused him of
# 'squabbling like schoolboys'"), not words given to anyone (features._speakers).
SPEECH = SAYS | {
    "say", "tell", "state", "add", "declare", "explain", "insist", "warn", "write", "wrote", "writes",
    "tweeted", "posted", "asked", "asks", "replied", "replies", "responded", "answered", "noted", "notes",
    "recalled", "stressed", "admitted", "acknowledged", "claimed", "claims", "argued", "argues", "commented",
    "announced", "announces", "conceded", "cautioned", "urged", "pleaded", "shouted", "quoted", "quipped",
    "testified", "vowed", "promised", "concluded", "continued", "recounted", "remarked", "observed",
    "comentó", "escribió", "respondió", "contestó", "reconoció", "admitió", "recordó", "destacó", "insistió",
    "manifestó", "expresó", "apuntó", "precisó", "lamentó", "denunció", "anunció", "reiteró", "puntualizó",
    "relató", "contó", "concluyó", "preguntó", "exclamó", "gritó", "publicó", "tuiteó", "prometió", "confesó",
    "matizó", "enfatizó", "remarcó", "defendió", "criticó", "aclaró", "zanjó", "resumió", "valoró",
    "afirman", "aseguran", "dicen", "señalan", "explican", "indican", "declararon", "afirmaron",
    "aseguraron", "dijeron", "señalaron", "explicaron", "indicaron", "añadieron", "advirtieron"}



# ---- flag reasons (stages/flag.py) --------------------------------------------------------

def _stems(words: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in words.split())


def _cues(words: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(whole words, word starts). A cue is a word start, except cues of up to four
    letters and cues ending in "$", which must match a whole word ("según$" is not
    "segundo", "dijo" not "dijon"). Split in two so a claim's tokens are tested
    against a set and one C-level startswith, not cue by cue (a third of a long
    document's run time went there)."""
    cues = _stems(words)
    whole = frozenset(c.rstrip("$") for c in cues if len(c) <= 4 or c.endswith("$"))
    return whole, tuple(c for c in cues if not (len(c) <= 4 or c.endswith("$")))


# Word starts (folded) that signal each reason of the flagger (stages/flag.py), Spanish and English.
ATTRIBUTION = _cues(
    "dijo dice decir declar afirm asegur señal explic indicó indica$ indican$ indicaron calific subray sostuv "
    "sostien anunci confirm inform advirt adviert reconoc insist negó niega desment denunci acusa acuso acuse "
    "acusad según$ citado citada "  # not "cita" (an appointment), not "indic..." ("indicador", "indicios")
    "said says say told tell stated claim according announc confirm report added adds "  # not "states": United States
    "warned warns accus describ insist denied denies deny acknowledg quoted"
)
ACCUSATION = _cues(
    "acusa acuso acuse acusad denunci culpa culpo culpan culpable responsabiliz imput alega señalado "
    "accus alleg blame blamed charged indict"
)
# A superlative needs a superlative (stages/flag.py, superlative()): "más" / "more" alone is a
# comparison ("Dos personas más fallecieron"), "mayor" is also the English "mayor", "mejor..."
# starts "mejorar", "menores" are minors, "mínimo" is the minimum wage, "primer" the prime minister.
# Whole words (folded) that are superlatives or records on their own:
SUPERLATIVE_WORDS = frozenset(_stems(
    "récord récords record records unprecedented "
    "largest biggest highest lowest worst best deadliest strongest greatest oldest youngest fastest "
    "longest shortest smallest hottest coldest warmest wettest driest heaviest richest poorest busiest "
    "costliest tallest deepest widest weakest"
))
# Word pairs (folded) that make one: "sin precedentes", "the most ...", "por primera vez".
SUPERLATIVE_PAIRS = frozenset(tuple(_stems(p)) for p in (
    "sin precedentes", "the most", "the least", "first time", "first ever", "all time", "primera vez",
    "primero en", "primera en", "primeros en", "primeras en",
))
# Spanish: an article or possessive, then "mayor / menor / peor / mejor" ("el mayor terremoto", "su peor
# dato"), or "más / menos" after "el / la / los / las / lo" and at most one word ("el más fuerte", "la
# cifra más alta"). Not "la mayor parte" (most of), "más de" / "más que" (more than), "los mayores de 60
# años" (the over-60s), nor an "-ísimo" intensifier ("carísima", "muchísimas gracias": it ranks nothing).
SPANISH_DETERMINERS = frozenset(_stems("el la los las lo su sus"))
SPANISH_COMPARATIVES = frozenset(_stems("mayor mayores menor menores peor peores mejor mejores"))
NOT_SUPERLATIVE_AFTER = frozenset(_stems("parte partes edad"))  # after mayor/menor/peor/mejor
NOT_SUPERLATIVE_AFTER_MAS = frozenset(_stems("de que tarde"))  # "más de 30", "más que", "más tarde"
# A record told against time (stages/flag.py, record()): "the first in 24 years", "the first strike since
# 1987", "not since 2000", "desde 1998 no", "no se veía desde 1998", "a 24-year high", "máximos desde 2008",
# "mínimo histórico". Folded tokens. "first" / "primer..." is the rank; not "primer ministro", "first lady".
RECORD_FIRST = frozenset(_stems("first primer primera primero primeros primeras"))
RECORD_NOT_FIRST = frozenset(_stems("ministro ministra ministros minister ministers lady dama damas teniente "
                                    "vicepresidente secretario secretaria mandatario minuto minutos minute minutes"))
RECORD_SINCE = frozenset(_stems("since desde"))
RECORD_IN = frozenset(_stems("in en"))
RECORD_SPANS = frozenset(_stems("years year decade decades century centuries anos ano decada decadas siglo siglos "
                                "generation generations generacion generaciones"))
RECORD_NEGATION = frozenset(_stems("not never no nunca jamas t"))  # "t": "hasn't" splits into "hasn", "t"
RECORD_PEAKS = frozenset(_stems("high highs low lows peak"))  # "a 24-year high", "a 10-year low"
RECORD_EXTREMES = frozenset(_stems("maximo maximos maxima maximas minimo minimos minima minimas"))
# Spanish "su / sus" + noun + "más" + one of these ranks ("su nivel más bajo", "sus cifras más altas");
# with another word after it, "más" is "more" ("pidió a su familia más apoyo").
RANKING_ADJECTIVES = frozenset(_stems(
    "alto alta altos altas bajo baja bajos bajas grande grandes fuerte fuertes grave graves importante importantes "
    "largo larga largos largas corto corta cortos cortas rapido rapida rapidos rapidas lento lenta caro cara caros "
    "caras barato barata baratos baratas antiguo antigua antiguos antiguas reciente recientes pequeno pequena "
    "pequenos pequenas intenso intensa intensos intensas severo severa duro dura mortal mortales letal letales "
    "elevado elevada elevados elevadas profundo profunda costoso costosa violento violenta violentos violentas"))
# A span of clock time that a measure applies in is a figure to check (stages/flag.py, _clock_span): "The
# charge will apply from 7 a.m. to 7 p.m.", "el toque de queda regirá de 22.00 a 6.00", "la autovía estará
# cortada entre las 8 y las 20 horas". Word starts of the measure (a rule, a closure, a curfew, a service).
MEASURE = _cues(
    "aplic apply applies applied regirá$ rige$ regirán$ vigor cerrad cierre$ cierra$ cerrará$ cerrarán$ cerró$ "
    "cerraron cortad cortar$ cortó$ cortaron corte$ toque restric prohib limit suspend evacu desaloj funcion "
    "servicio abiert abrir$ abrirá$ reabr horario peaje tarifa cobra "
    "closed close closes closure shut curfew restrict ban banned bans prohibit limit suspend evacuat "
    "service services open opens reopen hours toll fee fees charge charges force order cancel confin lockdown "
    "shelter orden"
)
# Spanish "el / la / los / las" + a noun phrase + "más" + a rank (RANKING_ADJECTIVES) is a superlative however
# long the noun phrase ("el accidente ferroviario con mercancías peligrosas más grave"); reading back from
# "más", one of these first means a comparison ("una respuesta más fuerte", "la situación es más grave").
NOT_SUPERLATIVE_BEFORE_MAS = frozenset(_stems(
    "un una unos unas es son fue era eran fueron sera seran esta estan estaba estaban parece parecen resulta "
    "sigue siguen queda quedan se muy cada vez algo mucho mucha poco poca"))
# An inquiry opened is an act to check (stages/flag.event): "opened an investigation", "launched an inquiry",
# "ha abierto diligencias", "abrió una investigación"; the verb, then the inquiry within three words.
INQUIRY_OPENED = frozenset(_stems("opened launched abrio abrieron abierto abierta inicio iniciaron iniciado incoo "
                                  "incoado"))
INQUIRY = frozenset(_stems("investigation investigations inquiry probe investigacion investigaciones diligencias "
                           "expediente pesquisas sumario causa"))
# A past participle after a determiner describes a thing, it reports no act (stages/flag.event): "the
# overturned wagons", "the collapsed building", "a derailed train".
EVENT_NOT_AFTER = frozenset(_stems("the a an its their his her our these those this that whose"))
# Speculation said in two words ("tal vez": "vez" alone is "time", as in "primera vez").
SPECULATION_PAIRS = frozenset({("tal", "vez")})
CONSEQUENTIAL = _cues(
    "sancion veto vetar vetand vetó tratado acuerdo ley leyes decreto misil nuclear arma armas municion ataque "  # not "de acuerdo", "ha tratado de" (flag.py)
    "muert fallec herid deten elección eleccion voto presupuesto impuesto deuda inflación crimen "
    "sanction treaty law laws decree missile weapon munition attack dead death kill kills killed killing "
    "injur arrest election vote votes budget tax taxes debt inflation crime fraud corruption"
)  # not "víctimas" / "victims": "las campanas sonaron por las víctimas" names people, not an event
# An act that happened and can be checked (stages/flag.py, the model feature "event", shown as
# "consequential"): a signing, an approval, a vote, a resignation, an arrest, a death, a rate moved.
# Verb forms only, past or perfect ("firmaron", "aprobado", "signed", "passed"): not "firma" (a
# signature), "anuncio" (an announcement), "bajo" (under); nor a past form that folds to a noun
# ("decretó" / "decreto", "arrestó" / "arresto", "asesinó" / "asesino").
# On the training data (CheckThat! / ClaimBuster), sentences with "signed", "passed", "voted",
# "vetoed", "killed" are check-worthy 73-97% of the time (base 32%); Spanish "aprob", "vot",
# "recort", "elev" 27-71% (base 14%).
EVENT = _cues(
    "firmó$ firmaron firmado firmada firmados firmadas suscribió suscribieron suscrito suscrita "
    "ratificó$ ratificaron ratificado ratificada aprobó$ aprobaron aprobado aprobada aprobados aprobadas "
    "promulgó$ promulgaron decretaron votaron dimitió$ dimitieron destituyó$ destituido destituida "
    "detuvo$ detuvieron arrestaron condenado condenada condenados mató$ mataron asesinaron "
    "murió$ murieron falleció$ fallecieron elevó$ elevaron recortó$ recortaron rebajó$ rebajaron "
    "acordó$ acordaron prohibió$ prohibieron impuso$ impusieron adoptó$ adoptaron "
    "signed ratified approved enacted vetoed voted resigned arrested convicted sentenced killed "
    "died raised slashed banned imposed adopted appointed dismissed charged "
    # A disaster's act, as checkable as a death: a building collapsed, a ferry sank, a train derailed.
    "derrumbó$ derrumbaron desplomó$ desplomaron explotó$ explotaron estalló$ estallaron descarriló$ "
    "descarrilaron hundió$ hundieron naufragó$ naufragaron volcó$ volcaron zozobró$ estrelló$ estrellaron "
    "colapsó$ colapsaron "
    "collapsed exploded derailed sank capsized overturned crashed erupted "
    # An administrative act, as "banned" / "dismissed": a licence, a minister, flights suspended.
    "suspendió$ suspendieron suspendido suspendida suspendidos suspendidas suspended"
)  # "passed" only with what a house passes (stages/flag.event): not "passed thermoses of coffee"
PASSED_WHAT = frozenset(_stems("bill bills law laws legislation budget motion resolution measure act amendment reform"))
# A bystander's testimony is not an attribution to a source on the record (stages/flag.py,
# testimony()): what a neighbour, a witness, a passenger or a trader says they saw, heard or felt
# is colour a fact-checker cannot check against anything, while "según Protección Civil", "police
# said", "the company said", "a report found" name a source that answers for its words. A sentence
# whose attribution names none of OFFICIAL and either quotes or narrates (NARRATED) one of BYSTANDER,
# or whose quote is a first-person account of the senses (TESTIMONY_SENSES), is testimony: no
# "attribution" reason, no single-source lift.
# OFFICIAL: titles and offices (TITLES above), institutions, organisations and documents; a
# president's or a minister's words stay on the record however they are worded.
OFFICIAL = _cues(
    "ministr gobiern presiden portavoz vocero polic guardia autoridad juec agencia consejer ayuntamiento alcald "
    "concejal gobernador jefe jefa jefes$ director secretari senador diputad juez jueza tribunal fiscal empresa compañia "
    "operador sindicat asociacion camara informe estudio encuesta datos cifras comunicado registro investigador "
    "cientific expert profesor analista economista medico hospital servicio ejercito proteccion bombero rescat "
    "instituto oficina organiza institucion federacion patronal comision comite fuentes oficial "
    "minister ministry government president prime spokes police authorit agency department council mayor "
    "governor chief director secretary senator congress lawmaker judge court prosecutor company operator firm "
    "union associat chamber report study survey data figures statement records research scientist expert "
    "professor analyst economist doctor hospital service army military navy coast firefight rescuer institute "
    "office organi institution federation commission committee official sources"
)
BYSTANDER = _cues(
    "testigo vecino vecina vecinos vecinas residente pasajer supervivient sobrevivient transeunte familiar "
    "comerciante vendedor vendedora tendero tendera taxista estudiante jubilad lugaren agricultor ganader "
    "pescador madre padre hijo hija hermano hermana esposa esposo marido viuda amigo amiga cliente turista "
    "visitante joven mujer hombre ancian abuela abuelo panader carnicer camarer cociner mecanic albañil "
    "peluquer alumn "
    "witness neighbour neighbor resident passenger survivor bystander onlooker relative$ relatives$ trader vendor "
    "shopkeeper driver commuter student pensioner retiree locals$ villager farmer fisherm mother father "
    "daughter brother sister wife husband widow friend customer tourist visitor shopper parent man woman sons$ "
    "baker butcher waiter waitress cook cleaner mechanic builder labourer laborer hairdresser barber pupil"
)
# A bystander's account of what they lived, told in the reporter's words: "Survivors described
# scenes of panic", "los vecinos relataron" (stages/flag.py, testimony()). Without one of these (or a
# quote) a bystander's reported fact stays an attribution: "Residents said they had complained for
# months", "witnesses said the gunman fired 20 shots" can be checked.
NARRATED = _cues("describ relató$ relataron relata$ relatan$ narró$ narraron contó$ contaron recounted$ recalled$")
# A first-person account of what the senses took in, inside a quote: "I saw", "we heard", "it
# sounded like", "hemos visto", "parecía", "sonó como" (stages/flag.py, testimony()).
TESTIMONY_SENSES = re.compile(  # case-sensitive beyond a capital first letter: "Felipe VI" is no "vi"
    r"\b(?:(?:I|[Ww]e)\s+(?:saw|heard|felt|smelled|smelt|watched|could\s+(?:see|hear|feel|smell))|"
    r"(?:[Ii]t|[Tt]hat)\s+(?:looked|sounded|felt|smelled)\s+like|"
    r"(?:[Hh]e|[Hh]emos)\s+(?:visto|oído|oido|sentido|olido)|[Vv]i|[Vv]imos|[Oo]í|[Oo]ímos|[Ss]entí|[Ss]entimos|"
    r"[Oo]lía|[Pp]arecía|[Ss]onó\s+como)\b")
SPECULATION = _cues(
    "podría podrían podria podrian quizás quizá posiblemente probablemente puede pueden "
    "could might may perhaps possibly probably likely opin creo think believe parece seems"
)
DATE_WORDS = frozenset(_stems(
    "ayer hoy mañana anoche enero febrero marzo abril mayo junio julio agosto septiembre octubre "
    "noviembre diciembre yesterday today tomorrow tonight january february april june july "
    "august september october november december"
))
# English months that are also common words count only capitalised ("in March", not "thousands
# march"; "in May", not "may cost"): stages/flag.py.
CAPITALISED_MONTHS = frozenset({"March", "May"})


# News agencies whose text outlets run (text/provenance.py reads credits with these; stages/ingest.py
# adds the picture agencies for credit lines). Canonical name -> how it is written.
AGENCIES: dict[str, str] = {
    "AP": r"AP|The Associated Press|Associated Press",
    "AFP": r"AFP|Agence France-Presse|Agence France Presse",
    "EFE": r"EFE|Agencia EFE",
    "Reuters": r"Reuters|REUTERS|Thomson Reuters",
    "Europa Press": r"Europa Press|EUROPA PRESS",
    "dpa": r"dpa|DPA",
    "ANSA": r"ANSA",
    "Xinhua": r"Xinhua",
    "Notimex": r"Notimex",
    "Prensa Latina": r"Prensa Latina",
    "Bloomberg": r"Bloomberg",
    "TASS": r"TASS",
    "Télam": r"Télam|Telam",
    "Sputnik": r"Sputnik|SPUTNIK",
    "ANSA Latina": r"ANSA Latina",
}
# Agencies that credit pictures, not text: "(Foto: Getty Images)", "/ SPUTNIK / AFP)".
PICTURE_AGENCIES = (r"Getty Images", r"Getty", r"EPA", r"AP Photo", r"NA", r"EP")


# An official act a news report states plainly (stages/flag.official_act, issue 13): the Spanish
# model, trained on tweets, scores "El Ayuntamiento ordenó a los vecinos permanecer en sus casas"
# 0.04 and a road closure 0.07, while a fact-checker must verify them.
# An order, an evacuation, a confinement by an authority (with an OFFICIAL word in the sentence). Not
# "ordenado / ordenada": an adjective as often ("una evacuación ordenada", orderly) as an order.
ORDERED = _cues(
    "ordenó$ ordenaron decretó$ decretaron evacuó$ evacuaron evacuado evacuados "
    "evacuadas desalojó$ desalojaron desalojado desalojados desalojadas confinó$ confinaron confinado confinados "
    "ordered evacuated"
)
# A closure of a way or a service (CLOSED near a WAY): "obligaron a cortar la autovía A-58", "la línea
# permanecerá cortada", "the line will remain closed", "police shut the bridge"; not "shops closed early",
# "with the windows shut" (no way), nor "close to the airport". Not "calle" / "street": "los comercios
# de la calle Mayor cerraron" is the scene.
CLOSED = frozenset(_stems(
    "cortar cortó cortaron cortada cortado cortadas cortados cerrar cerró cerraron cerrada cerrado cerradas cerrados "
    "closed shut blocked"))
WAY = frozenset(_stems(
    "autovía autovia autopista carretera carreteras vía via línea linea puente túnel tunel aeropuerto "
    "estación estacion tramo accesos circulación trafico tráfico "
    "road roads highway motorway freeway interstate route line bridge tunnel airport station lanes traffic"))
# A toll of all or none ("todos están con vida", "nadie resultó herido", "no one was hurt", "all were
# alive", "no hubo heridos", "there were no injuries"): a toll as checkable as a count. "vida" only in
# "con vida"; not "safe" ("everyone deserves to feel safe") nor "salvo" ("todos salvo uno").
WHOLE_GROUP = frozenset(_stems("todos todas nadie ninguno ninguna all none nobody everyone"))
LIFE_STATE = frozenset(_stems(
    "vivos vivas ilesos ilesas herido heridos herida heridas muerto muertos fallecido fallecidos "
    "alive unharmed uninjured injured hurt killed dead"))
# After "no" only: "no hubo víctimas", "no injuries". Not after "todas": "justicia para todas las víctimas".
TOLL_NOUNS = frozenset(_stems("victimas injuries deaths casualties fatalities"))
# A measured level against a limit, told without a number: "las mediciones nunca superaron los niveles
# de riesgo", "readings did not exceed safe levels".
MEASURED = frozenset(_stems(
    "mediciones medición medicion niveles nivel concentración concentracion concentraciones lecturas "
    "readings reading levels level concentrations concentration measurements"))
EXCEEDED = _cues("superó$ superaron superado superada superar$ supera$ superan$ rebas exced sobrepas exceed surpass")
# Verbs that tell a person's account without being an attribution on the record (stages/flag.reasons_for:
# a bystander who "relató" / "contó" what they saw is testimony, as one who "dijo" it): «Vimos una columna
# de humo negro...», relató Carmen Ortiz, vecina de Villalbar (HTML red team, feria: flagged at 0.73).
TOLD = _cues("relató$ relataron relata$ contó$ contaron narró$ narraron recordó$ recalled recounted")
