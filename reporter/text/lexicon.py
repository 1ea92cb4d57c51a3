"""Concept classes for news vocabulary: words outlets use for the same thing.

Written by us: no offline package maps Spanish and English news paraphrases
("sismo" / "terremoto", "ofensiva" / "invasión", "fallecidos" / "muertos") and
a sentence-embedding model would need a download. Each class is a list of
folded lemmas (or lemma prefixes ending in "*"), Spanish and English together,
so a Spanish and an English claim about the same event share the concept too.
The comparator adds the class id as an extra term beside the lemma.
"""
from __future__ import annotations

from functools import lru_cache

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
    "year": "ano anos year years",
}


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for concept, words in CONCEPTS.items():
        for w in words.split():
            if w.endswith("*"):
                prefixes.append((w[:-1], concept))
            else:
                exact.setdefault(w, concept)
    return exact, tuple(prefixes)


def concept(lemma: str) -> str | None:
    """The concept class of a folded lemma, or None."""
    exact, prefixes = _index()
    if lemma in exact:
        return exact[lemma]
    for p, c in prefixes:
        if lemma.startswith(p):
            return c
    return None


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
