"""`--since PREVIOUS.json`: what changed since an earlier briefing of the same story.

Claims are matched by their words (review/claims.py: spacing, case and Unicode
form aside), so the comparison survives renumbered sentences and renamed files.
Verdicts given in the earlier briefing are carried over to the claims with the
same words; a verdict word it does not know is refused, as in --verdicts.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from reporter.errors import InputError
from reporter.model import BODY, Briefing
from reporter.review.checklist import Verdict, verdict_word
from reporter.review.claims import claim_key, normal


@dataclass(frozen=True)
class Previous:
    path: str
    claims: dict  # normalised text -> (source, text) of every body sentence
    verdicts: dict  # claim key -> Verdict, for the claims with the same text now


@dataclass(frozen=True)
class Changes:
    added: tuple[str, ...]  # sentence ids of claims new since then
    dropped: tuple[tuple[str, str], ...]  # (source, text) of claims gone since then
    carried: int  # verdicts carried over


def load_previous(path: str | Path, name: str | None = None) -> Previous:
    """The earlier briefing JSON at `path` (`name`: the path as the user gave it, for messages)."""
    shown = name or path
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        claims, texts = {}, {}
        for a in data["articles"]:
            for s in a["sentences"]:
                texts[s["id"]] = s["text"]
                if s.get("role") == BODY:
                    claims[normal(s["text"])] = (a["source"], s["text"])
        verdicts = {normal(texts[f["sentence"]]): Verdict(verdict_word(f["verdict"], f"--since {shown}"),
                                                          str(f.get("notes", "")), f["verdict"])
                    for f in data.get("flags", []) if f.get("verdict") and f.get("sentence") in texts}
    except FileNotFoundError:
        raise InputError(f"--since {shown}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as e:
        raise InputError(f"--since {shown}: not a reporter briefing JSON ({type(e).__name__})") from None
    return Previous(str(path), claims, verdicts)


def carried_verdicts(previous: Previous, b: Briefing) -> dict:
    """The earlier verdicts, keyed by the claim keys of the same texts in this briefing."""
    out = {}
    for a in b.articles:
        for s in a.claims:
            v = previous.verdicts.get(normal(s.text))
            if v:
                out[claim_key(s.text)] = v
    return out


def changes(b: Briefing) -> Changes | None:
    if b.previous is None:
        return None
    now = {normal(s.text): s.id for a in b.articles for s in a.claims}
    added = tuple(sid for text, sid in now.items() if text not in b.previous.claims)
    dropped = tuple(v for text, v in b.previous.claims.items() if text not in now)
    flagged = {normal(b.sentence(f.sentence).text) for f in b.flags}
    carried = sum(1 for text in b.previous.verdicts if text in flagged)
    return Changes(added, dropped, carried)
