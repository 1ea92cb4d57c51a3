"""Reading articles: files (.txt, .md, .html), standard input, and URLs behind a flag.

I/O at the edge: everything here turns bytes into the article text the
pipeline sees, or raises InputError with one clear line. For HTML the article
is extracted with trafilatura (navigation, adverts and related links dropped,
title kept); for Markdown the markup is removed. The sentences' offsets then
point into that extracted text, which the JSON twin carries in full.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass

from reporter.errors import InputError
from reporter.model import Published
from reporter.run.env import Env
from reporter.settings import Limits

URL_TIMEOUT = 10.0  # seconds
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
# Encodings tried when a file is not UTF-8: Western European text, the common case
# for Spanish and English copy saved by older tools.
LEGACY_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman"]
MAX_MESS = 0.2  # charset-normalizer's "chaos": above this the bytes are not text in any of them


@dataclass(frozen=True)
class Input:
    label: str  # what the user gave: a path, "-", or a URL
    text: str  # the article text offsets point into
    format: str  # "text", "markdown", "html"
    encoding: str  # how the bytes were decoded
    published: Published | None = None  # from an HTML page's metadata or a Markdown page's front matter; None: unknown


def read(spec: str, *, allow_urls: bool = False, max_bytes: int = Limits().max_bytes, env: Env = Env(),
         fetch: Callable[[str, int], tuple[bytes, str]] | None = None) -> Input:
    """One input as article text. `fetch(url, max_bytes)` gets a URL (default: fetch_url);
    paths are relative to env's working folder, "-" is env's standard input."""
    if spec == "-":
        data = env.input.read(max_bytes + 1)
        _check_size(len(data), "standard input", max_bytes)
        return _parse("-", data, _sniff(data))
    if re.match(r"^https?://", spec, re.IGNORECASE):
        if not allow_urls:
            raise InputError(f"{spec}: URL input is off (add --allow-urls to fetch it)")
        data, kind = (fetch or fetch_url)(spec, max_bytes)
        return _parse(spec, data, kind)
    p = env.path(spec)
    data = read_file(p, spec, max_bytes, directory="is a directory, not an article file")
    suffix = p.suffix.lower()
    kind = "html" if suffix in HTML_SUFFIXES else "markdown" if suffix in MARKDOWN_SUFFIXES else _sniff(data)
    return _parse(spec, data, kind)


def read_file(path, name: str, max_bytes: int, *, missing: str = "no such file",
              directory: str = "is a directory, not a file", limit: str = "input limit (raise it with --max-input-mb)",
              instead: str = "give a file, or - to read standard input") -> bytes:
    """The bytes of the regular file at `path` (`name`: as the user gave it, for messages), or
    one clear InputError. At most `max_bytes`, counted while reading: a device such as /dev/zero
    reports a size of 0 and never ends. What is not a regular file (a device, a FIFO, a socket)
    is refused before a byte is read: a FIFO would wait for a writer for ever. It is opened
    without blocking and checked on the open file, so it cannot be swapped in between."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(f"{name}: {missing}") from None
    except IsADirectoryError:
        raise InputError(f"{name}: {directory}") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise InputError(f"{name}: {directory}")
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file")
        raise InputError(f"{name}: is {kind}, not a regular file" + (f" ({instead})" if instead else ""))
    with os.fdopen(fd, "rb") as f:
        _check_size(os.fstat(fd).st_size, name, max_bytes, limit)
        try:
            data = f.read(max_bytes + 1)
        except OSError as e:
            raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None
    _check_size(len(data), name, max_bytes, limit)
    return data


def _check_size(size: int, name: str, max_bytes: int, limit: str = "input limit (raise it with --max-input-mb)") -> None:
    if size > max_bytes:
        amount = (f"{max_bytes / (1024 * 1024):g} MB" if max_bytes >= 1024 * 1024
                  else f"{max_bytes // 1024} KB" if max_bytes >= 1024 else f"{max_bytes} bytes")
        raise InputError(f"{name}: larger than the {amount} {limit}")


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"


def _parse(label: str, data: bytes, kind: str) -> Input:
    text, encoding = decode(data, label)
    published = None
    if kind == "html":
        published = html_published(text)
        text = html_to_text(text, label)
    elif kind == "markdown" or (kind == "text" and _READER_HEADER.match(text)):
        kind = "markdown"  # a reader service's Markdown saved as .txt
        published = front_matter_published(text)
        text = markdown_to_text(text)
    if not text.strip():
        raise InputError(f"{label}: is empty" if kind == "text" else f"{label}: no article text found in it")
    return Input(label, text, kind, encoding, published)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """UTF-8 (with or without BOM, or UTF-16 with BOM); else a legacy Western encoding if
    the bytes read as text in one; else a clear refusal."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _clean(data.decode("utf-16"), name), "utf-16"
        except UnicodeDecodeError:
            raise InputError(f"{name}: starts like UTF-16 but is not valid UTF-16") from None
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return _clean(data.decode("utf-8-sig"), name), "utf-8"
    except UnicodeDecodeError as e:
        first_bad = e.start
    mixed = _mixed(data)
    if mixed is not None:
        return _clean(mixed, name), "utf-8+cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None or best.chaos > MAX_MESS:
        raise InputError(f"{name}: not UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) and not "
                         f"readable as Windows-1252/Latin-1 either; save it as UTF-8")
    return _clean(str(best), name), best.encoding


def _cp1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("reporter-cp1252", _cp1252_bytes)


def _mixed(data: bytes) -> str | None:
    """A UTF-8 file with a few Windows-1252 bytes pasted in (copy from an old page):
    the UTF-8 is kept, the stray bytes read as Windows-1252. None if it is not that."""
    lenient = data.decode("utf-8", errors="replace")
    stray = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte == 0 or stray > 2 * multibyte:
        return None  # no real UTF-8 in it, or mostly not UTF-8: a legacy encoding
    return data.decode("utf-8-sig", errors="reporter-cp1252")


def _clean(text: str, name: str) -> str:
    if not text.strip():
        raise InputError(f"{name}: is empty")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text) // 100):
        raise InputError(f"{name}: looks like a binary file, not text")
    return text


def html_to_text(html: str, name: str) -> str:
    """The article of a web page: title, then the main text, one paragraph per block."""
    import trafilatura

    body = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=False,
                               include_links=False, include_images=False, favor_precision=True,
                               # trafilatura's deduplication remembers text across calls in one process
                               # (a module-level cache): the fourth reading of a page lost its lead,
                               # so a batch, the archive or a test run read the same page differently
                               deduplicate=False)
    meta = trafilatura.extract_metadata(html)
    title = (meta.title or "").strip() if meta else ""  # og:title, then <title>, then <h1>
    if not body:
        raise InputError(f"{name}: no article text found in this HTML page")
    paragraphs = [p.strip() for p in body.splitlines() if p.strip() and not SKIP_LINK.fullmatch(p.strip())]
    if not title or SKIP_LINK.fullmatch(title):
        # A page whose <title> or <h1> is an accessibility skip link: the headline is the first
        # heading-like line of the article itself (ingest decides; nothing is invented here).
        title = ""
    if title:
        paragraphs = _after_headline(paragraphs, title)
    return "\n\n".join(([title] if title else []) + paragraphs) + "\n"


# Lines a page prints above its headline inside the article element: a kicker or section label
# ("Villalbar", "Sucesos"), an antetítulo, a date. When the headline itself follows within the first
# ABOVE_HEADLINE paragraphs and everything before it is such a label (a few words, no sentence), those
# labels and the repeated headline go: the title is put first, and a label left between it and the
# standfirst made the standfirst read as body (feria_b's kicker; its standfirst was summarised).
ABOVE_HEADLINE = 3
LABEL_WORDS = 8


def _after_headline(paragraphs: list[str], title: str) -> list[str]:
    norm = " ".join(title.split()).casefold()
    for i, p in enumerate(paragraphs[:ABOVE_HEADLINE + 1]):
        if " ".join(p.split()).casefold() == norm:
            return paragraphs[i + 1:]
        if len(p.split()) > LABEL_WORDS or re.search(r"[.!?…]\W*$", p):
            break  # a sentence of the article: the headline is not repeated above the text
    return paragraphs


# Accessibility links that some pages put first, even in <h1> ("Press "Enter" to skip to content"):
# never a title, never a claim.
SKIP_LINK = re.compile(r"(?i)(?:press\s+\W?enter\W?\s+to\s+)?(?:skip|jump)\s+to\s+(?:the\s+)?(?:main\s+)?"
                       r"(?:content|article|navigation|menu)\W*|(?:saltar|ir|pasar)\s+al\s+contenido(?:\s+principal)?\W*")


def html_published(html: str) -> Published | None:
    """The publication date a page's markup states: article:published_time and the other meta
    tags, JSON-LD datePublished, <time datetime> (htmldate, which trafilatura installs, with its
    extensive search off: it never guesses from the page's text or its address). None if the
    markup says nothing, or nothing htmldate can read."""
    try:
        from htmldate import find_date

        found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%dT%H:%M")
    except Exception:  # noqa: BLE001  (a page htmldate cannot parse has no date we can trust)
        return None
    if not found:
        return None
    day, _, clock = found.partition("T")
    # htmldate gives midnight when the markup has a date only: keep the day alone then
    return Published(day if clock in ("", "00:00") else found, "html-meta")


_MD_RULES = [
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.M), ""),  # headings
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),  # block quotes
    (re.compile(r"^[ \t]*[-*+][ \t]+", re.M), ""),  # bullets
    # numbered items ("1. Contratar..."): the number alone would be cut off as a sentence "1."
    (re.compile(r"^[ \t]{0,3}\d{1,3}[.)][ \t]+(?=\S)", re.M), ""),
    # tables: the separator row goes, a row keeps its cells between bars ("Hospital Central | 78 %")
    (re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$", re.M), ""),
    (re.compile(r"^[ \t]*\|[ \t]*(.*?)[ \t]*\|[ \t]*$", re.M), r"\1"),
    # an image alone on its line: its alt text describes the picture, it is not the article's text
    # (a caption, when there is one, is the line under it)
    (re.compile(r"^[ \t]*!\[[^\[\]\n]*\]\([^)\]\n]*\)[ \t]*$", re.M), ""),
    # Images and links: keep the alt text / the text. Neither part may hold the bracket that
    # would start the next one, so each scan stops where the next begins: with [^\]]* a line of
    # 30,000 "![" was scanned to its end from every one of them (minutes).
    (re.compile(r"!\[([^\[\]]*)\]\([^)\]]*\)"), r"\1"),
    (re.compile(r"\[([^\[\]]+)\]\([^)\]]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])[*_]([^*_\n]+)[*_](?![\w*])"), r"\1"),  # italics
    (re.compile(r"`([^`]+)`"), r"\1"),  # code
    (re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M), ""),  # rules
]


# A Markdown page saved by a web clipper or a static-site tool opens with its front matter: a block of
# "key: value" lines between two "---" lines (title, source, author, published, tags). It is the page's
# metadata, not its text: read as text it became the title ('title: "..." source: "https://..."'), and
# its 'tags' a body line in the summary (the second HTML red team's tarifa_en.md). Only at the very start,
# and only when every line of the block looks like YAML (a key, a list item, an indented value).
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n((?:[^\n]*\n){0,80}?)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
_YAML_LINE = re.compile(r"[ \t]*(?:[\w@$-][\w .@$-]{0,40}:(?:[ \t].*)?|-(?:[ \t].*)?|[ \t]+\S.*|#.*)?\r?")
# the date the page was published, as the front matter gives it (not "created": the day it was clipped)
_FRONT_DATE = re.compile(r"^(?:published(?: time)?|date|date_?published|publish_?date|pub_?date)[ \t]*:[ \t]*[\"']?"
                         r"(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d))?", re.IGNORECASE | re.MULTILINE)


# A reader service's header gives the same metadata in its own words: "Title: ...", "URL Source: https://...",
# "Published Time: 2026-12-01T07:00:00+00:00", then "Markdown Content:" and the page as Markdown (saved as
# .md or .txt). Read as text, the "Title:" line was the title and "Markdown Content:" a body line.
_READER_HEADER = re.compile(r"\A\ufeff?((?:[ \t]*(?:Title|URL Source|Published Time|Description|Author|Site|Warning)"
                            r"[ \t]*:[^\n]{0,2000}\r?\n[ \t\r\n]*){1,10})Markdown Content:[ \t]*(?:\r?\n|\Z)")


def _front_matter(text: str) -> re.Match | None:
    m = _FRONT_MATTER.match(text)
    if m and all(_YAML_LINE.fullmatch(line) for line in m.group(1).split("\n")):
        return m
    return _READER_HEADER.match(text)


def front_matter_published(text: str) -> Published | None:
    """The publication date a Markdown page's front matter states ("published: 2026-12-01"); None if it
    has no front matter or no such key. Said by the page's metadata, as an HTML page's meta tags."""
    m = _front_matter(text)
    found = _FRONT_DATE.search(m.group(1)) if m else None
    if not found:
        return None
    day, clock = found.groups()
    return Published(day if not clock or clock == "00:00" else f"{day}T{clock}", "html-meta")


def markdown_to_text(text: str) -> str:
    m = _front_matter(text)
    if m:  # the block goes (the sentences' offsets point into the text this returns)
        text = text[m.end():]
    # A handful of regular expressions rather than a Markdown library: news copy in
    # Markdown uses only headings, emphasis, links and quotes, and we need text, not HTML.
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text


def fetch_url(url: str, max_bytes: int, timeout: float = URL_TIMEOUT) -> tuple[bytes, str]:
    """GET a page: `timeout` seconds in all (connecting, the headers and the whole body: a server
    that trickles a byte at a time is cut off at the deadline, not only one that goes silent),
    at most `max_bytes`, redirects only to http(s) on the same host (a redirect to another host
    is refused: fetch that address yourself if you trust it). What the server says (a reason
    phrase, a redirect target) reaches the terminal without control characters."""
    import socket
    import threading
    import time

    deadline = time.monotonic() + timeout
    late = f"{shown(url)}: took longer than {timeout:g} s to download (the limit for a URL)"
    stop = threading.Event()
    outcome: dict = {}
    sockets: list = []  # the download's connections, so the deadline can close them

    def work() -> None:
        try:
            outcome["page"] = _download(url, max_bytes, deadline, stop, late, sockets)
        except BaseException as e:  # handed to the caller's thread
            outcome["error"] = e

    worker = threading.Thread(target=work, name="reporter-fetch", daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        stop.set()  # the download stops at its next chunk...
        for sock in list(sockets):  # ...or now, if the server trickles its headers a byte at a time
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        worker.join(1.0)
        raise InputError(late)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["page"]


def shown(text: str, limit: int = 100) -> str:
    """Text from outside (a server's words, an address) as it may be printed on a terminal:
    control and other invisible characters as \\x.. / \\u.... escapes, at most `limit` characters."""
    text = text if len(text) <= limit else text[:limit] + "…"
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}"
                   for ch in text)


def _download(url: str, max_bytes: int, deadline: float, stop, late: str, sockets: list) -> tuple[bytes, str]:
    import http.client
    import time
    import urllib.error
    import urllib.parse
    import urllib.request

    host = (urllib.parse.urlsplit(url).hostname or "").lower()

    class SameHostOnly(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if not re.match(r"^https?://", newurl, re.IGNORECASE):
                raise InputError(f"{shown(url)}: redirected to a non-HTTP address ({shown(newurl, 60)})")
            try:
                target = (urllib.parse.urlsplit(newurl).hostname or "").lower()
            except ValueError:
                target = "?"
            if target != host:
                raise InputError(f"{shown(url)}: redirected to another host ({shown(target, 60)}); "
                                 "reporter follows redirects only within the same host: give that address "
                                 "itself if you trust it")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    def recorded(connection):  # a connection class that hands its socket to fetch_url's deadline
        class Recorded(connection):
            def connect(self):
                super().connect()
                sockets.append(self.sock)
        return Recorded

    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(recorded(http.client.HTTPConnection), req)

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(recorded(http.client.HTTPSConnection), req, context=self._context)

    opener = urllib.request.build_opener(SameHostOnly, HTTP, HTTPS)
    request = urllib.request.Request(url, headers={"User-Agent": "reporter (fact-check briefings)"})
    chunks: list[bytes] = []
    size = 0
    try:
        with opener.open(request, timeout=max(0.05, deadline - time.monotonic())) as response:
            ctype = response.headers.get("Content-Type", "")
            while size <= max_bytes:
                if stop.is_set() or time.monotonic() >= deadline:
                    raise InputError(late)  # never a page cut short at the deadline
                chunk = response.read1(min(65536, max_bytes + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
    except InputError:
        raise
    except urllib.error.HTTPError as e:
        raise InputError(f"{shown(url)}: the server answered {e.code} {shown(str(e.reason), 60)}") from None
    except (urllib.error.URLError, http.client.HTTPException, TimeoutError, OSError, ValueError) as e:
        reason = getattr(e, "reason", None) or e
        raise InputError(f"{shown(url)}: cannot be fetched ({shown(str(reason), 100)})") from None
    data = b"".join(chunks)
    _check_size(len(data), shown(url), max_bytes)
    return data, "html" if "html" in ctype.lower() or _sniff(data) == "html" else "text"
