"""`--since PREVIOUS.json`: what changed since an earlier briefing of the same story.

Claims are matched by their words (review/claims.py: spacing, case and Unicode
form aside), so the comparison survives renumbered sentences and renamed files.
Verdicts given in the earlier briefing are carried over to the claims with the
same words; a verdict word it does not know is refused, as in --verdicts. A verdict
is read from the earlier checklist's rows (`checklist[]`, issue 13: a row per claim,
its verdict on every sentence that tells it, `keys`) as well as from its flags, so a
verdict given on a claim two sources tell reaches a sentence that was not flagged
then; an earlier JSON without `checklist[]` carries its flags' verdicts as before.
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
    verdicts: dict  # claim key -> Verdict: every sentence of each reviewed row, and each reviewed flag


@dataclass(frozen=True)
class Changes:
    added: tuple[str, ...]  # sentence ids of claims new since then
    dropped: tuple[tuple[str, str], ...]  # (source, text) of claims gone since then; source as shown (shown_source)
    carried: int  # verdicts carried over
    added_texts: tuple[tuple[str, str], ...] = ()  # (sentence id, text) of each added claim, as `added`


# An earlier briefing's JSON is a few times its articles' size; past this it is not one.
MAX_PREVIOUS_BYTES = 256 * 1024 * 1024


def load_previous(path: str | Path, name: str | None = None, max_bytes: int = MAX_PREVIOUS_BYTES) -> Previous:
    """The earlier briefing JSON at `path` (`name`: the path as the user gave it, for messages).
    Whatever the file holds, the result is this or one InputError: a device or FIFO, JSON
    nested past the parser's depth, a number of thousands of digits, a string with a lone
    surrogate (which no output could encode), or values of the wrong type."""
    from reporter.stages.read import read_file

    shown = name or path
    where = f"--since {shown}"
    raw = read_file(path, where, max_bytes, limit="limit for an earlier briefing", instead="")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # a lone surrogate ("\ud800") fails here, not at the end
        claims, texts = {}, {}
        for a in data["articles"]:
            for s in a["sentences"]:
                if not isinstance(s["text"], str) or not isinstance(s["id"], str):
                    raise TypeError("a sentence's id and text must be strings")
                texts[s["id"]] = s["text"]
                if s.get("role") == BODY:
                    claims[normal(s["text"])] = (shown_source(str(a["source"])), s["text"])
        verdicts = {claim_key(texts[f["sentence"]]): Verdict(verdict_word(f["verdict"], where),
                                                             str(f.get("notes", "")), f["verdict"])
                    for f in data.get("flags", []) if f.get("verdict") and f.get("sentence") in texts}
        verdicts.update(_row_verdicts(data.get("checklist") or [], where))
    except RecursionError:
        reason = "nested too deep"
    except UnicodeEncodeError:
        reason = "a string holds a lone surrogate, half of a character"
    except UnicodeDecodeError:
        reason = "not UTF-8"
    except json.JSONDecodeError:
        reason = "JSONDecodeError"
    except ValueError:  # the one other ValueError json.loads raises: an integer of thousands of digits
        reason = "a number with too many digits"
    except (KeyError, TypeError, AttributeError) as e:
        reason = type(e).__name__
    else:
        return Previous(str(path), claims, verdicts)
    raise InputError(f"{where}: not a reporter briefing JSON ({reason})")


def _row_verdicts(checklist: list, where: str) -> dict:
    """Claim key -> Verdict of every sentence of each reviewed row of an earlier checklist[]
    (its `keys`; an older row, its `key`). A value of the wrong type is a TypeError."""
    out = {}
    for row in checklist:
        if not row.get("verdict"):
            continue
        keys = row.get("keys") or [row["key"]]
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise TypeError("a checklist row's keys must be a list of strings")
        v = Verdict(verdict_word(row["verdict"], where), str(row.get("notes", "")), row["verdict"])
        out.update(dict.fromkeys(keys, v))
    return out


def carried_verdicts(previous: Previous, b: Briefing) -> dict:
    """The earlier verdicts, keyed by the claim keys of the same texts in this briefing."""
    out = {}
    for a in b.articles:
        for s in a.claims:
            key = claim_key(s.text)
            v = previous.verdicts.get(key)
            if v:
                out[key] = v
    return out


def changes(b: Briefing) -> Changes | None:
    if b.previous is None:
        return None
    now = {normal(s.text): s for a in b.articles for s in a.claims}
    added = tuple(s for text, s in now.items() if text not in b.previous.claims)
    dropped = tuple(v for text, v in b.previous.claims.items() if text not in now)
    # checklist rows (a claim, however many sources tell it) with a verdict from the earlier briefing
    from reporter.review.checklist import row_keys, rows

    carried = sum(1 for row in rows(b) if any(k in b.previous.verdicts for k in row_keys(b, row)))
    return Changes(tuple(s.id for s in added), dropped, carried, tuple((s.id, s.text) for s in added))


def shown_source(source: str, folder: Path | None = None) -> str:
    """An earlier briefing's source as a reader finds it (issue 15): a path inside the working
    folder relative to it, any other path by its file name, a URL or '-' as it is; never an
    absolute path (it says nothing about the story and names the user's folders)."""
    if "://" in source or source in ("-", ""):
        return source
    path = Path(source)
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to((folder or Path.cwd()).resolve()).as_posix()
    except (ValueError, OSError):
        return path.name
