"""Every briefing consults the archive: each claim against the claims reviewed before.

The briefing gains `archive_matches`: per claim (in sentence order) its best archived matches,
`same` first. It is a Briefing with one more field (ArchivedBriefing), so every stage, view and
writer that takes a Briefing takes it unchanged; the JSON twin and the checklist read the field
when it is there. A briefing that consulted no archive (none exists yet, --no-archive) has no
such field, and its JSON no `archive_matches` key: its outputs are what they were before the
archive existed. One that consulted an archive has the key, empty when nothing matched.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from reporter.archive.match import SAME, Match, lookup
from reporter.model import Briefing
from reporter.review.claims import claim_key
from reporter.settings import Archive as Tiers


@dataclass(frozen=True)
class ArchiveMatch:
    sentence: str  # the claim's sentence id in this briefing
    match: Match

    def as_dict(self) -> dict:
        r = self.match.record
        return {"sentence": self.sentence, "key": r.key, "text": r.text, "verdict": r.verdict,
                "tier": self.match.tier, "score": self.match.score, "reviewed": r.reviewed,
                "source": r.source}


@dataclass(frozen=True)
class ArchivedBriefing(Briefing):
    archive_matches: tuple[ArchiveMatch, ...] = ()


def consult(briefing: Briefing, path: Path, name: str, tiers: Tiers = Tiers(), encoder=None) -> Briefing:
    """The briefing with the archive's matches of its claims; the briefing itself when there is
    no archive at `path` (nothing is created: a briefing only reads)."""
    from reporter.archive.store import open_archive

    archive = open_archive(path, name)
    if archive is None:
        return briefing
    try:
        claims = [(s, a.language) for a in briefing.articles for s in a.claims]
        if claims and archive.count():
            if encoder is None:
                from reporter.text.encoder import load

                encoder = load()
            vectors = encoder.encode([s.text for s, _ in claims])
            found = lookup(archive, [s.text for s, _ in claims], [lang for _, lang in claims], vectors, tiers)
        else:
            found = [[] for _ in claims]
    finally:
        archive.close()
    matches = tuple(ArchiveMatch(s.id, m) for (s, _), ms in zip(claims, found) for m in ms)
    values = {f.name: getattr(briefing, f.name) for f in fields(Briefing)}
    return ArchivedBriefing(**values, archive_matches=matches)


def matches_of(b: Briefing) -> tuple[ArchiveMatch, ...] | None:
    """The briefing's archive matches; None when it consulted no archive."""
    return getattr(b, "archive_matches", None)


def previous_verdict(b: Briefing, sid: str) -> str:
    """The checklist's "previous verdict" cell of a claim: its best archived match, as
    "inaccurate (2026-03-01; quake_a.txt)" for the same claim, "related: ..." for one worth
    a look; empty when nothing matched."""
    for m in matches_of(b) or ():
        if m.sentence != sid:
            continue
        r = m.match.record
        place = "; ".join(x for x in (r.reviewed[:10], where(r.source)) if x)
        text = f"{r.word or r.verdict}" + (f" ({place})" if place else "")
        same_words = r.key == claim_key(b.sentence(sid).text)
        return text if m.match.tier == SAME or same_words else f"related {m.match.score:.2f}: {text}"
    return ""


def where(source: str) -> str:
    """Where a claim was read, as shown: its URL, or its file's name (never a local folder)."""
    return source if source.lower().startswith(("http://", "https://")) else Path(source).name if source else ""
