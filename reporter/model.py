"""Typed data passed between the pipeline stages.

ingest -> segment -> summarize -> compare -> flag -> render/export.
An article owns its text; a sentence is a pair of character offsets into it, so
every claim in the PDF and the JSON can be traced to the exact source characters.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from reporter.settings import Settings

# Roles a sentence can have. Only "body" sentences are claims: they alone are
# summarized, compared and flagged.
TITLE, BODY, HEADING, CAPTION, BOILERPLATE = "title", "body", "heading", "caption", "boilerplate"
ROLES = (TITLE, BODY, HEADING, CAPTION, BOILERPLATE)

OVERLAP, CONFLICT = "overlap", "conflict"


@dataclass(frozen=True)
class Line:
    """A non-blank line of the source, with its role decided by ingest."""

    start: int
    end: int
    paragraph: int
    role: str
    why: str = ""  # why a non-body role was given (shown in the appendix)


@dataclass(frozen=True)
class Source:
    """A decoded input file, before sentence splitting."""

    path: str
    text: str
    language: str
    lines: tuple[Line, ...]
    format: str = "text"  # "text", "markdown", "html": what the text was extracted from
    encoding: str = "utf-8"
    published: "Published | None" = None  # from the page's metadata or the text's lines (ingest); None: unknown


@dataclass(frozen=True)
class Sentence:
    id: str  # "A7": article letter + 1-based index, unique in a briefing
    article: str
    index: int
    start: int
    end: int
    text: str
    role: str
    paragraph: int
    why: str = ""

    @property
    def is_claim(self) -> bool:
        return self.role == BODY


@dataclass(frozen=True)
class Published:
    """When a source was published, and how we know it (never guessed)."""

    date: str  # ISO 8601: "2024-06-19", or "2024-06-19T13:00" when the time is known
    how: str  # "html-meta", "dateline", "byline", "updated-line", "option"

    def as_dict(self) -> dict:
        return {"date": self.date, "how": self.how}


@dataclass(frozen=True)
class SharedText:
    """Two sentences of different sources that say the same words outside quotations (wire copy)."""

    a: str  # sentence id
    b: str
    share: float  # of the shorter one's word trigrams found in the other

    def as_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "share": self.share}


@dataclass(frozen=True)
class Article:
    id: str  # "A", "B", ...
    source: str
    text: str
    title: str
    language: str
    sentences: tuple[Sentence, ...]
    format: str = "text"
    encoding: str = "utf-8"
    published: Published | None = None  # None: unknown
    credits: tuple[str, ...] = ()  # agencies credited for the text (text/provenance.py): "AFP", "EFE"

    @property
    def claims(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.is_claim)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Figure:
    """A number found in a sentence, compared as a number, with what it counts."""

    value: float
    text: str  # as written in the source
    kind: str  # "count", "percent", "money", "year", "date"
    unit: str  # what is counted or measured ("death", "km", "magnitude"), "" when unknown
    qualifier: str = ""  # "min" (at least), "max" (up to), "approx" (about), "" exact


@dataclass(frozen=True)
class Fact:
    """One figure of a claim as a fact (stages/facts.py): what quantity it is, what it is about,
    who says it, and its value in a normalised unit, so facts of two sources compare as numbers."""

    sentence: str  # sentence id ("A7")
    kind: str  # "deaths", "injured", "missing", "magnitude", "depth", "distance", "money", "rate",
    #            "percentage", "count" (of `unit`), "time" (of day), "date", "year", "report-time"
    value: float  # in `unit`: km for depth and distance, minutes after midnight for a time, month*100+day for a date
    unit: str  # "km", "usd", "eur", "min", what a count counts ("house"), "" when the kind says it all
    text: str  # as written in the source
    subject: str = ""  # the place, organisation or event it is about, as written ("Oaxaca"); "" unknown
    qualifier: str = ""  # "min" (at least), "max" (up to), "approx" (about), "" exact
    source: str = ""  # who says it, as written ("Protección Civil", "the governor"); "" unattributed
    at: str = ""  # the time of the report the sentence states ("13:00"), "" none
    step: float = 0.0  # the resolution of the value as written, in `unit` ("7,1" -> 0.1; "1,2 millones" -> 100000)

    def as_dict(self) -> dict:
        out = {"sentence": self.sentence, "kind": self.kind, "value": self.value, "unit": self.unit, "text": self.text}
        for k in ("subject", "qualifier", "source", "at"):
            if getattr(self, k):
                out[k] = getattr(self, k)
        return out


@dataclass(frozen=True)
class Difference:
    """A fact two related claims state differently: what it is, and each side's value as written."""

    kind: str  # "count", "percent", "money", "date", "year", "day", "speaker"
    unit: str  # what is counted or measured ("death", "km", "eur"), "" when the kind says it all
    a: str  # the value(s) in the earlier article, as written
    b: str  # the value(s) in the later one
    subject: str = ""  # what the values are about ("Oaxaca"), "" unknown (stages/facts.py)
    a_when: str = ""  # when side a states it (publication date and/or a time in the text), "" unknown
    b_when: str = ""

    def as_dict(self) -> dict:
        out = {"kind": self.kind, "unit": self.unit, "a": self.a, "b": self.b}
        for k in ("subject", "a_when", "b_when"):
            if getattr(self, k):
                out[k] = getattr(self, k)
        return out


@dataclass(frozen=True)
class Evidence:
    words: tuple[str, ...] = ()  # shared content lemmas
    names: tuple[str, ...] = ()  # shared proper names
    figures: tuple[str, ...] = ()  # figures both sentences state with the same value
    differing: tuple[Difference, ...] = ()

    def as_dict(self) -> dict:
        return {
            "words": list(self.words),
            "names": list(self.names),
            "figures": list(self.figures),
            "differing": [d.as_dict() for d in self.differing],
        }


@dataclass(frozen=True)
class Relation:
    a: str  # sentence id in the earlier article
    b: str  # sentence id in the later article
    type: str  # OVERLAP or CONFLICT
    score: float
    evidence: Evidence
    update: bool = False  # a conflict that may be an update: the later source or time gives a new value


@dataclass(frozen=True)
class Flag:
    sentence: str
    score: float
    reasons: tuple[str, ...]

    @property
    def priority(self) -> str:
        return "high" if self.score >= 0.75 else "medium" if self.score >= 0.55 else "low"


@dataclass(frozen=True)
class TimelineEntry:
    """A date the claims mention (text/dates.py), resolved against their source's publication date."""

    date: str  # "2023-08-15", "2023-07", "2023"
    granularity: str  # "day", "month", "year"
    sentences: tuple[str, ...]  # the sentence ids that mention it, in briefing order
    text: str  # the expressions as written, distinct, "; "-joined ("el martes; on Tuesday")

    def as_dict(self) -> dict:
        return {"date": self.date, "granularity": self.granularity, "sentences": list(self.sentences),
                "text": self.text}


def derived(b: "Briefing", name: str, make):
    """A value derived from a briefing (the checklist rows, the fact table), made once: kept in the
    frozen Briefing's __dict__ as a cached_property's value is. replace() makes another Briefing,
    which makes its own. The PDF's view, the JSON twin and the CSV each ask (issue 17)."""
    cache = b.__dict__
    if name not in cache:
        cache[name] = make()
    return cache[name]


@dataclass(frozen=True)
class Briefing:
    articles: tuple[Article, ...]
    summaries: dict[str, tuple[str, ...]]  # article id -> sentence ids, source order
    relations: tuple[Relation, ...]
    flags: tuple[Flag, ...]
    relatedness: float  # document-level similarity in [0, 1]
    settings: Settings
    title: str
    version: str
    generated: str = ""  # human-readable time of the run, set at the edge (CLI)
    generated_iso: str = ""  # the same as a W3C date, for the PDF metadata
    notes: tuple[str, ...] = field(default=())  # warnings shown on page 1
    verdicts: dict = field(default_factory=dict)  # claim key -> review.checklist.Verdict (--verdicts, --since)
    unmatched_verdicts: tuple[int, ...] = ()  # lines of the --verdicts file that match no claim now
    previous: object = None  # since.Previous, from --since
    timeline: tuple[TimelineEntry, ...] = ()  # dates the claims mention, in date order (pipeline.timeline)
    facts: tuple[Fact, ...] = ()  # every claim's facts (stages/facts.py), in sentence order
    shared_text: tuple[SharedText, ...] = ()  # sentences two sources tell in the same words (text/provenance.py)

    def sentence(self, sid: str) -> Sentence:
        return self._by_id[sid]  # KeyError for an unknown id

    def article_of(self, sid: str) -> Article:
        """The article a sentence id belongs to."""
        return self._articles[self.sentence(sid).article]

    @cached_property
    def _by_id(self) -> dict[str, Sentence]:
        # the views ask for thousands of sentences by id on long documents: index them once
        return {s.id: s for a in self.articles for s in a.sentences}

    @cached_property
    def _articles(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}
