"""What makes two claims "the same claim" for the reviewer's loop: one normaliser.

A verdict follows a claim's words, never its position: the checklist key, the
verdicts read back (--verdicts) and the claims matched with an earlier briefing
(--since) all go through `normal` and `claim_key`, so renumbered sentences,
renamed files and re-saved text (NFC or NFD, a zero-width space, another line
wrapping) keep their verdicts, and a new sentence never inherits one.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normal(text: str) -> str:
    """The claim's words as compared: Unicode NFC, invisible format characters (zero-width
    spaces, joiners, bidi marks: category Cf) dropped, runs of white space one space, case folded."""
    text = unicodedata.normalize("NFC", text)
    if not text.isprintable():
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _SPACE.sub(" ", text).strip().casefold()


def claim_key(text: str) -> str:
    """Stable across runs and file names: the same claim words give the same key."""
    return hashlib.sha1(normal(text).encode("utf-8")).hexdigest()[:12]
