"""The JSON twin of the briefing: every sentence with its offsets, every relation and flag."""
from __future__ import annotations

import json

from reporter.stages.compare import claim_groups, group_id
from reporter.stages.facts import table_of as fact_table
from reporter.model import CONFLICT, Briefing
from reporter.review.checklist import row_keys, row_verdict, rows as checklist_rows, verdict_for
from reporter.review.claims import claim_key
from reporter.text.provenance import independent


def to_dict(b: Briefing) -> dict:
    # the first sentences of the conflicts: a claim group with one is in conflict (a set, not a scan
    # of every relation per group: two long reports have a thousand groups and relations)
    disputed = {r.a for r in b.relations if r.type == CONFLICT}
    return {
        "format": "reporter-briefing/1",
        "title": b.title,
        "version": b.version,
        "settings": {"summarizer": b.settings.summary.summarizer, "length": b.settings.summary.length,
                     "language": b.settings.language},
        "relatedness": b.relatedness,
        "notes": list(b.notes),
        "articles": [
            {
                "id": a.id,
                "source": a.source,
                "title": a.title,
                "language": a.language,
                "format": a.format,
                "encoding": a.encoding,
                # when it was published and how we know it (html-meta, dateline, byline, updated-line,
                # option); null: unknown, never guessed
                "published": a.published.as_dict() if a.published else None,
                # the agencies credited for the text (dateline, byline, credit line): text/provenance.py
                "credits": list(a.credits),
                "words": a.word_count,
                # offsets point into the decoded file; for HTML and Markdown into the
                # extracted text, carried here so every offset can be checked
                **({"content": a.text} if a.format != "text" else {}),
                "sentences": [
                    {"id": s.id, "text": s.text, "start": s.start, "end": s.end, "role": s.role,
                     "paragraph": s.paragraph, **({"why": s.why} if s.why else {})}
                    for s in a.sentences
                ],
                "summary": list(b.summaries[a.id]),
            }
            for a in b.articles
        ],
        "relations": [
            {"a": r.a, "b": r.b, "type": r.type, "score": r.score, **({"update": True} if r.update else {}),
             "evidence": r.evidence.as_dict()}
            for r in b.relations
        ],
        "flags": [_flag(b, f) for f in b.flags],
        # the checklist (issue 13, item 2): a row per claim, however many sources tell it, highest
        # priority first, as the CSV has them; flags[] stays a flag per sentence, in source order
        "checklist": [_row(b, row) for row in checklist_rows(b)],
        # the claim matrix: every claim carried by two or more sources, with its sentences per source
        "claims": [_claim(b, n, g, disputed) for n, g in enumerate(claim_groups(b.articles, b.relations), start=1)],
        # the dates the claims mention, resolved against their source's publication date, earliest first
        "timeline": [e.as_dict() for e in b.timeline],
        # the fact table: one row per quantity and subject, with what each source says (stages/facts.py)
        "facts": [{"kind": row.kind, "unit": row.unit, "subject": row.subject,
                   "values": [{"article": aid, **f.as_dict()} for aid, f in row.facts]} for row in fact_table(b)],
        # claims reviewed before (the archive, issue 16): absent when no archive was consulted
        **_archive_matches(b),
    }


def _archive_matches(b: Briefing) -> dict:
    matches = getattr(b, "archive_matches", None)  # archive/consult.py ArchivedBriefing
    return {} if matches is None else {"archive_matches": [m.as_dict() for m in matches]}


def to_json(b: Briefing) -> str:
    return json.dumps(to_dict(b), ensure_ascii=False, indent=2) + "\n"


def _flag(b: Briefing, f) -> dict:
    s = b.sentence(f.sentence)
    out = {"sentence": f.sentence, "key": claim_key(s.text), "score": f.score, "priority": f.priority,
           "reasons": list(f.reasons)}
    v = verdict_for(b, f.sentence) if b.verdicts else None
    if v:
        out["verdict"], out["notes"] = v.verdict, v.notes
    return out


def _row(b: Briefing, row) -> dict:
    keys = row_keys(b, row)
    out = {"sentences": list(row.sentences), "key": keys[0], "keys": list(keys),
           "lead": row.lead, "sources": list(dict.fromkeys(b.sentence(x).article for x in row.sentences)),
           "priority": row.priority, "score": row.score, "reasons": list(row.reasons),
           "conflicts_with": list(row.conflicts)}
    v = row_verdict(b, row) if b.verdicts else None
    if v:
        out["verdict"], out["notes"] = v.verdict, v.notes
    return out


def _claim(b: Briefing, n: int, group: tuple[str, ...], disputed: set[str]) -> dict:
    members = set(group)
    by_source: dict[str, list[str]] = {}
    for sid in group:
        by_source.setdefault(b.sentence(sid).article, []).append(sid)
    conflict = not members.isdisjoint(disputed)  # some conflict's first sentence is one of them
    # sources that tell the claim in the same words (wire copy) count as one independent source
    sources = independent(group, {sid: b.sentence(sid).article for sid in group}, b.shared_text)
    return {"id": group_id(n), "sentences": by_source, "conflict": conflict,
            "independent_sources": len(sources), "same_text": [ids for ids in sources if len(ids) > 1]}
