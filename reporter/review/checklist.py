"""The reviewer's loop: the checklist as CSV, verdicts read back, ClaimReview export.

Every run writes OUT.csv beside the PDF: one row per flagged claim, with empty
verdict and notes cells. The reviewer fills them in a spreadsheet and passes the
file back with --verdicts; it is only ever read. A verdict follows the claim's
words (review/claims.py): a row lands on the claims whose normalised text has the
row's key or is the row's claim text, never on a sentence because it has the
row's id. Rows that match no claim are counted (the CLI says how many), and a
file none of whose verdicts matches is refused.

One row per claim (issue 13, item 2): a claim several sources tell (the comparator's
claim groups over overlaps, stages/compare.py) is one row naming every sentence that
tells it ("A4 · B3"), ordered by priority (its highest score). The row quotes its
first flagged sentence in source order and carries that sentence's key in `key`, and
every sentence's key in `keys`: a verdict read back lands on each of them. Sentences
in conflict are never one row: each value is verified on its own. Files written with
one row per sentence still read: each row's verdict lands on its own sentence; if
the sentences of one claim then carry different verdicts, the claim is written as
one row per verdict (nothing the reviewer wrote is lost). Two rows giving different
verdicts to the same words are refused with one clear error naming both lines.

The `reasons` and `priority` cells are in the briefing's UI language; `reason codes`
and `priority code` keep the pipeline's codes for tools. Column names stay English:
they are machine keys (the reader finds the verdict column by its name).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from reporter.errors import InputError
from reporter.model import OVERLAP, Briefing, Flag, derived
from reporter.review.claims import claim_key

COLUMNS = ["id", "key", "source", "claim", "reasons", "priority", "score", "verdict", "notes",
           "previous verdict",  # the archive's (issue 16): a suggestion; the verdict column stays the reviewer's
           # issue 13 item 2 and issue 15 item 4, after the older columns so their positions hold:
           "sources",  # every source that tells the claim: "A: a.txt · B: b.txt"
           "keys",  # the key of every sentence of the row, space-separated (the verdict lands on each)
           "reason codes", "priority code"]  # the pipeline's codes; reasons and priority are in the UI language
VERDICTS = {
    "accurate": ("accurate", "correcto", "correcta", "verdadero", "cierto", "true"),
    "inaccurate": ("inaccurate", "false", "falso", "falsa", "incorrecto", "incorrecta"),
    "misleading": ("misleading", "engañoso", "engañosa", "enganoso"),
    "unverifiable": ("unverifiable", "inverificable", "no verificable"),
    "needs context": ("needs context", "needs-context", "falta contexto", "sin contexto", "necesita contexto"),
}
_ALIASES = {alias: canonical for canonical, aliases in VERDICTS.items() for alias in aliases}
# schema.org ratings: 1 = false ... 5 = true (the scale fact-check aggregators read)
RATINGS = {"inaccurate": 1, "misleading": 2, "needs context": 3, "unverifiable": 3, "accurate": 5}


@dataclass(frozen=True)
class Verdict:
    verdict: str  # canonical, one of VERDICTS
    notes: str
    word: str = ""  # as the reviewer wrote it ("engañoso"): written back unchanged


@dataclass(frozen=True)
class Reviewed:
    """One filled row of a reviewer's checklist."""

    line: int  # in the file, for messages
    keys: tuple[str, ...]  # claim keys it stands for: its key and keys cells, and the key of its claim cell
    verdict: Verdict
    where: str = ""  # the file, as the user named it (for messages)


def verdict_word(word: str, where: str) -> str:
    """The canonical verdict of a word a reviewer wrote, or one clear error naming `where`."""
    canonical = _ALIASES.get(word.strip().casefold()) if isinstance(word, str) else None
    if canonical is None:
        raise InputError(f"{where}: unknown verdict {str(word)[:40]!r} (use one of: {', '.join(VERDICTS)})")
    return canonical


# A cell starting with one of these is a formula to a spreadsheet (=HYPERLINK(...), +cmd|...,
# -2+3, @SUM(...); tab and carriage return too, and the full-width forms some locales accept).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def text_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs: one that starts like a formula gets a
    single quote in front (the usual defence; spreadsheets show the rest as typed). A cell that
    already starts with the quote is left alone, so a checklist read back and written again
    never doubles it. The key cell never needs it (hex), so verdicts still match by key."""
    return "'" + value if value.startswith(FORMULA_START) else value


def plain_cell(value: str) -> str:
    """What the reviewer's cell says, without the quote text_cell put in front of a formula-like
    start: a note "=58 según el IGP" comes back as written, and a claim still matches by its words."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


@dataclass(frozen=True)
class Row:
    """One checklist row: one claim, with every sentence that tells it."""

    sentences: tuple[str, ...]  # sentence ids, in source order ("A4", "B3")
    lead: str  # the sentence the row quotes and whose key it carries: its first flagged one
    flag: Flag  # the row's own: the lead's id, the highest score of its sentences, every reason
    conflicts: tuple[str, ...] = ()  # sentences giving another value (rows of their own)

    @property
    def score(self) -> float:
        return self.flag.score

    @property
    def priority(self) -> str:
        return self.flag.priority

    @property
    def reasons(self) -> tuple[str, ...]:
        return self.flag.reasons

    @property
    def id(self) -> str:
        return " · ".join(self.sentences)


def ui_language(b: Briefing) -> str:
    """The language the briefing's labels are in (report/view.py build_view's rule)."""
    return b.settings.report.ui_language or (b.articles[0].language if b.articles[0].language in ("en", "es") else "en")


def rows(b: Briefing) -> tuple[Row, ...]:
    """The checklist (_rows), made once per briefing (model.derived)."""
    return derived(b, "_checklist_rows", lambda: _rows(b))


def _rows(b: Briefing) -> tuple[Row, ...]:
    """The checklist: a row per flagged claim, by priority band; in a band, disputed claims first, then
    the highest score (ties: source order).

    A claim is a claim group of the overlaps (stages/compare.py claim_groups: at most one
    sentence per source); conflicts never join one, so each disputed value is its own row.
    A group is a row when one of its sentences is flagged; its other sentences are named in
    it, flagged or not (they tell the claim). Its reasons are its flags' reasons, highest
    score first. A group whose sentences carry different verdicts is a row per verdict."""
    order = {s.id: (ai, s.index) for ai, a in enumerate(b.articles) for s in a.sentences}
    flags = {f.sentence: f for f in b.flags}
    group_of = claims_of(b)
    disputes: dict[str, list[str]] = {}
    for r in b.relations:
        if r.type != OVERLAP:
            disputes.setdefault(r.a, []).append(r.b)
            disputes.setdefault(r.b, []).append(r.a)
    out: list[Row] = []
    seen: set[str] = set()
    for f in sorted(b.flags, key=lambda f: order[f.sentence]):
        if f.sentence in seen:
            continue
        group = group_of.get(f.sentence, (f.sentence,))
        seen.update(group)
        best = max((flags[x] for x in group if x in flags), key=lambda g: (g.score, [-n for n in order[g.sentence]]))
        for part in _by_verdict(b, group):
            mine = sorted((flags[x] for x in part if x in flags), key=lambda g: (-g.score, order[g.sentence]))
            lead = next((x for x in part if x in flags), part[0])
            reasons = tuple(dict.fromkeys(r for g in (mine or [best]) for r in g.reasons))
            against = tuple(sorted({y for x in part for y in disputes.get(x, ())} - set(part), key=order.__getitem__))
            out.append(Row(part, lead, Flag(lead, (mine or [best])[0].score, reasons), against))
    # By priority band, and in a band the claims the sources dispute first, then by score. A breaking-news
    # briefing puts most claims in the high band at 0.99-1.00: sorted by score alone, two ECB+ reports'
    # disputed toll (four dead / one) came fourth, after background claims a reader could not tell apart.
    return tuple(sorted(out, key=lambda r: (_BANDS.index(r.priority), not r.conflicts, -r.score, order[r.sentences[0]])))


_BANDS = ("high", "medium", "low")


def claims_of(b: Briefing) -> dict[str, tuple[str, ...]]:
    """Sentence id -> every sentence telling the same claim (itself included, source order): the
    comparator's claim groups over overlaps only (a conflict is two claims, each checked)."""
    from reporter.stages.compare import claim_groups

    overlaps = tuple(r for r in b.relations if r.type == OVERLAP)
    return {x: g for g in claim_groups(b.articles, overlaps) for x in g}


def _by_verdict(b: Briefing, group: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The group as one part, or one part per verdict when its sentences carry different ones
    (an older checklist had a row per sentence); sentences without one go with the first."""
    if not b.verdicts or len(group) == 1:
        return [group]
    given = {x: b.verdicts.get(claim_key(b.sentence(x).text)) for x in group}
    distinct = list(dict.fromkeys(v for v in given.values() if v is not None))
    if len(distinct) <= 1:
        return [group]
    parts: dict[Verdict, list[str]] = {v: [] for v in distinct}
    for x in group:
        parts[given[x] or distinct[0]].append(x)
    return [tuple(p) for p in parts.values()]


def row_keys(b: Briefing, row: Row) -> tuple[str, ...]:
    """The keys of a row's sentences, its lead's first."""
    return tuple(dict.fromkeys(claim_key(b.sentence(x).text) for x in (row.lead, *row.sentences)))


def row_verdict(b: Briefing, row: Row) -> Verdict | None:
    """The verdict of a row: the one its sentences carry (rows() splits a claim whose differ)."""
    return next((v for v in (b.verdicts.get(k) for k in row_keys(b, row)) if v is not None), None)


def to_csv(b: Briefing) -> bytes:
    """The checklist, UTF-8 with a byte-order mark so spreadsheets keep the accents; no cell
    starts like a formula (text_cell). A row per claim (rows()), highest priority first."""
    from reporter.archive.consult import previous_verdict
    from reporter.report.labels import labels_for

    t = labels_for(ui_language(b))
    files = {a.id: a.source for a in b.articles}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for row in rows(b):
        s = b.sentence(row.lead)
        keys = row_keys(b, row)
        given = row_verdict(b, row)
        sources = dict.fromkeys(b.sentence(x).article for x in row.sentences)
        previous = next((p for p in (previous_verdict(b, x) for x in (row.lead, *row.sentences)) if p), "")
        w.writerow([text_cell(cell) for cell in (
            row.id, keys[0], b.article_of(s.id).source, s.text, "; ".join(t.reasons.of(r) for r in row.reasons),
            t.levels.of(row.priority), f"{row.score:.2f}",
            (given.word or given.verdict) if given else "", given.notes if given else "", previous,
            " · ".join(f"{a}: {files[a]}" for a in sources), " ".join(keys),
            "; ".join(row.reasons), row.priority)])
    return buf.getvalue().encode("utf-8-sig")


# A checklist has a row per flagged claim; past this it is not one (a device, a wrong file).
MAX_VERDICTS_BYTES = 64 * 1024 * 1024


def read_verdicts(path: str | Path, name: str | None = None, max_bytes: int = MAX_VERDICTS_BYTES
                  ) -> tuple[Reviewed, ...]:
    """The filled rows of a checklist CSV a reviewer returns (`name`: the path as the user gave it).
    UTF-8 (with or without BOM), UTF-16 with its BOM (some spreadsheets' "Unicode text"), or
    Windows-1252; anything else, and cells past the csv module's 128 KB, is one InputError."""
    from reporter.stages.read import read_file

    p = Path(path)
    path = name or path  # messages name the file as the user gave it
    raw = read_file(p, str(path), max_bytes, missing="no such verdicts file", limit="limit for a checklist",
                    instead="give the checklist CSV file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{path}: starts like UTF-16 but is not valid UTF-16") from None
    elif b"\x00" in raw[:65536]:
        raise InputError(f"{path}: not a text CSV (UTF-16 without its byte-order mark, or binary); "
                         "save it as CSV UTF-8")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")  # saved by an older spreadsheet
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","  # Spanish-locale spreadsheets use ";"
    if "verdict" in sample.split("\n", 1)[0].rstrip("\r").split("\t"):
        delimiter = "\t"  # a spreadsheet's "Unicode text": tab-separated UTF-16
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    out: list[Reviewed] = []
    try:
        if not reader.fieldnames or "verdict" not in reader.fieldnames:
            raise InputError(f"{path}: not a reporter checklist (needs the columns id, key, verdict, notes)")
        for n, row in enumerate(reader, start=2):
            word = (row.get("verdict") or "").strip()
            if not word:
                continue
            v = Verdict(verdict_word(word, f"{path}: line {n}"), plain_cell(row.get("notes") or ""), word)
            claim = plain_cell(row.get("claim") or "")
            # `keys` (a row per claim): every sentence of the row; older files have only `key`
            keys = [(row.get("key") or "").strip(), *(row.get("keys") or "").split(),
                    claim_key(claim) if claim.strip() else ""]
            out.append(Reviewed(n, tuple(dict.fromkeys(k for k in keys if k)), v, str(path)))
    except csv.Error as e:
        too_long = "field larger than field limit" in str(e)
        reason = f"a cell longer than {csv.field_size_limit() // 1024} KB" if too_long else str(e)
        raise InputError(f"{path}: line {reader.reader.line_num}: not a readable checklist ({reason})") from None
    return tuple(out)


def attach(rows: tuple[Reviewed, ...], b: Briefing) -> tuple[dict[str, Verdict], tuple[int, ...]]:
    """(claim key -> verdict for the claims of `b` the rows are about, the lines of rows that
    match no claim). A row matches by its key or its claim's words, never by its id."""
    present = {claim_key(s.text): s.text for a in b.articles for s in a.claims}
    verdicts: dict[str, Verdict] = {}
    line_of: dict[str, int] = {}
    unmatched: list[int] = []
    for row in rows:
        hits = [k for k in row.keys if k in present]
        if not hits:
            unmatched.append(row.line)
        for k in hits:
            earlier = verdicts.get(k)
            if earlier is not None and earlier.verdict != row.verdict.verdict:
                # the same words judged twice, differently (an older file's rows for two sources'
                # identical sentences, a row pasted twice): which one holds is the reviewer's call
                text = present[k]
                raise InputError(f"{row.where or 'the verdicts file'}: lines {line_of[k]} and {row.line} give the same "
                                 f"claim different verdicts ({earlier.word or earlier.verdict} and "
                                 f"{row.verdict.word or row.verdict.verdict}: "
                                 f"{text[:60]!r}{'...' if len(text) > 60 else ''}); keep one")
            verdicts[k], line_of[k] = row.verdict, row.line
    return verdicts, tuple(unmatched)


def verdict_for(b: Briefing, sid: str) -> Verdict | None:
    return b.verdicts.get(claim_key(b.sentence(sid).text))


# What would end or confuse a <script type="application/ld+json"> element holding the JSON-LD
# ("</script>", "<!--", "&" entities; U+2028/9 end a line to a JavaScript reader): written as
# \u escapes, which every JSON reader decodes back to the same text.
_EMBED = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                        "\u2028": "\\u2028", "\u2029": "\\u2029"})


def claimreview(b: Briefing, author: str = "reporter") -> bytes:
    """schema.org ClaimReview JSON-LD, one item per reviewed checklist row: review/claimreview.py."""
    from reporter.review.claimreview import claimreview as per_row

    return per_row(b, author)
