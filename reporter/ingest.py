"""Stage 1: read an article file and give each line a role.

The decoded text is kept exactly as read (offsets point into it). Lines are
classified with patterns that hold across outlets: photo captions and credits,
agency bylines, comment prompts, related-link lines, adverts, a title repeated
on the next line. These patterns are ours because no library classifies plain
text lines of news copy (trafilatura does it for HTML, whose markup tells it).
"""
from __future__ import annotations

import re
from pathlib import Path

from reporter.errors import InputError
from reporter.model import BODY, BOILERPLATE, CAPTION, HEADING, TITLE, Line

MAX_BYTES = 20 * 1024 * 1024  # refuse larger inputs: a news article is a few KB

_LINE = re.compile(r"[^\r\n]+")
_AGENCIES = (
    r"AFP|EFE|AP|Reuters|REUTERS|Europa Press|EP|dpa|DPA|ANSA|Xinhua|SPUTNIK|Sputnik|"
    r"Getty Images|Getty|EPA|Bloomberg|TASS|Télam|Telam|AP Photo|NA|Notimex|Prensa Latina"
)
# A whole line (or sentence) that is only an agency name or credit: "AFP", "(EFE)".
LONE_CREDIT = re.compile(rf"^\W*(?:{_AGENCIES})(?:\s*[/,]\s*(?:{_AGENCIES}))*\W*$")
# A photo caption: ends (or starts) with a credit such as "(Foto de archivo: Reuters)",
# "(Photo: AP)", "Foto: EFE", "Credit: Getty Images", "/ SPUTNIK / AFP)".
_CREDIT = re.compile(
    r"(?:\(\s*(?:foto|fotos|fotografía|imagen|photo|photograph|picture|image|archivo|crédito|credit|video)\b[^()]*\)"
    r"|\b(?:foto|fotografía|imagen|photo|image|credit|crédito)s?\s*:\s*[^.]{0,80}$"
    r"|/\s*(?:" + _AGENCIES + r")\s*\)?\s*$)\s*$",
    re.IGNORECASE,
)
# Lines that are site furniture rather than reporting. Prefix match, case-insensitive.
_FURNITURE = re.compile(
    r"^\W*(?:deja (?:un|tu) comentario|dejá tu comentario|leave a (?:comment|reply)|comentarios?$|comments?$"
    r"|pod[ée]s leer|puedes leer|lee también|leé también|lea también|te puede interesar|le puede interesar"
    r"|seguir leyendo|sigue leyendo|ver también|ver más|más noticias|noticias relacionadas|relacionad[oa]s?:"
    r"|also read|read more|read also|related(?: articles| stories| coverage)?:|see also|more on this|recommended"
    r"|continue reading|click here|haz clic|hacé clic|suscr[ií]bete|suscribite|subscribe|sign up|newsletter"
    r"|publicidad$|anuncio$|advertisement$|advertising$|sponsored|contenido patrocinado"
    r"|compartir|comparte|share (?:this|on)|follow us|síguenos|seguinos"
    r"|todos los derechos reservados|all rights reserved|copyright|©)",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!?…:;»”\"')\]]\s*$")


def read_text(path: str | Path) -> str:
    """Read a UTF-8 text file; every way it can fail becomes one InputError."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not an article file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{p}: {size // (1024 * 1024)} MB is larger than the {MAX_BYTES // (1024 * 1024)} MB limit")
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as e:
        raise InputError(f"{p}: cannot be read ({e.strerror or e})") from None
    return decode(data, str(p))


def decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise InputError(f"{name}: is empty")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text) // 100):
        raise InputError(f"{name}: looks like a binary file, not text")
    return text


def classify_lines(text: str) -> tuple[Line, ...]:
    """Split the text into non-blank lines and decide each line's role."""
    spans: list[tuple[int, int, int]] = []
    paragraph, last_end = 0, 0
    for m in _LINE.finditer(text):
        start, end = m.span()
        if not m.group().strip():
            continue
        # strip surrounding spaces so offsets cover the words only
        start += len(m.group()) - len(m.group().lstrip())
        end -= len(m.group()) - len(m.group().rstrip())
        if spans and text.count("\n", last_end, start) >= 2:
            paragraph += 1
        spans.append((start, end, paragraph))
        last_end = end
    lines: list[Line] = []
    title_text = None
    for i, (start, end, par) in enumerate(spans):
        s = text[start:end]
        role, why = _role(s, i, spans, text, title_text)
        if role == TITLE:
            title_text = s
        lines.append(Line(start, end, par, role, why))
    return tuple(lines)


def _words(s: str) -> int:
    return len(s.split())


def _role(s: str, i: int, spans, text: str, title: str | None) -> tuple[str, str]:
    if LONE_CREDIT.match(s):
        return BOILERPLATE, "agency credit"
    if _FURNITURE.match(s):
        return BOILERPLATE, "site furniture (comment prompt, related link, advert, sharing)"
    if title is not None and _norm(s) == _norm(title):
        return BOILERPLATE, "title repeated"
    if _CREDIT.search(s):
        return CAPTION, "photo caption or credit"
    if i == 0 and len(spans) > 1 and _looks_like_title(s):
        return TITLE, "first line"
    # A short line without closing punctuation, followed by more text: a subheading.
    if _words(s) <= 12 and not _TERMINAL.search(s) and i + 1 < len(spans) and i > 0:
        return HEADING, "short line without punctuation"
    return BODY, ""


def _looks_like_title(s: str) -> bool:
    # One line, not too long, and not a paragraph of several sentences.
    # Titles rarely end in a full stop; a one-line sentence that does is body.
    if _words(s) > 30 or s.rstrip().endswith("."):
        return False
    return not re.search(r"[.!?]\s+\S", s)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()
