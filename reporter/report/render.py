"""Stage 6: the briefing as HTML (Jinja2, autoescaped) and PDF (WeasyPrint).

Article text is untrusted. Jinja2 escapes it; WeasyPrint gets a URL fetcher
that refuses every URL except files inside our own template folder, so no
article can make the renderer read a local file or reach the network.

User templates (--templates) are code: they run in Jinja2's SandboxedEnvironment
(no attribute starting with _, no function internals, no str.format escape, ranges
capped), and a template is read only from a file inside its folder: one reached
through a symlink that leads out of the folder is refused.

The HTML page (--html, standalone_html) is the PDF's own HTML made self-contained: its
stylesheets inlined, no font files, no script, and a Content-Security-Policy that lets
a browser load nothing at all, so it opens with the network off and a user template
cannot make it reach out either.
"""
from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from reporter.run.bundled import templates_dir
from reporter.errors import RenderError
from reporter.model import Briefing
from reporter.report.view import LISTED, View, build_view, visible

TEMPLATE = "briefing.html"


def folders(user: Path | None) -> list[Path]:
    """Template folders, first match wins: the user's own (--templates), then ours."""
    return [p.resolve() for p in ([user] if user else [])] + [templates_dir().resolve()]


def environment(search: list[Path], sandboxed: bool = True):
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    return (SandboxedEnvironment if sandboxed else jinja2.Environment)(
        loader=_confined_loader(search),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # every plain string printed is made visible-safe first (view.visible); markup
        # built by view.highlight has had the same treatment before escaping
        finalize=lambda value: visible(value) if type(value) is str else value,
    )


def _confined_loader(search: list[Path]):
    """Jinja2's FileSystemLoader, but a template is read only from a file inside its folder:
    a name that leads out of it through a symlink (the file or a folder on its way) is refused."""
    import jinja2
    from jinja2.loaders import split_template_path

    roots = [p.resolve() for p in search]

    class Confined(jinja2.BaseLoader):
        def get_source(self, environment, template):
            pieces = split_template_path(template)  # refuses ".." itself
            for root in roots:
                path = root.joinpath(*pieces)
                if not os.path.lexists(path):
                    continue
                real = path.resolve()
                if root not in real.parents:
                    raise RenderError(f"template {template} in {root}: reached through a symlink that leads out "
                                      "of the folder (refused)")
                if not real.is_file():
                    continue
                return real.read_text(encoding="utf-8"), str(real), lambda: True
            raise jinja2.TemplateNotFound(template)

    return Confined()


def to_html(view: View, user_folder: Path | None = None) -> str:
    search = folders(user_folder)
    try:
        return environment(search).get_template(TEMPLATE).render(v=view)
    except RenderError:
        raise
    except Exception as e:  # jinja2 raises many types; all mean "the template is broken"
        raise RenderError(f"template {TEMPLATE} in {search[0]}: {type(e).__name__}: {e}") from e


def make_fetcher(search: list[Path]):
    """A WeasyPrint URL fetcher that serves only files inside the template folders.

    A relative asset ("briefing.css") resolves against the first folder; if the
    user's folder lacks it, the same relative path in ours is served instead.
    """
    from urllib.parse import unquote, urlparse

    from weasyprint.urls import URLFetcher, URLFetcherResponse

    roots = [p.resolve() for p in search]

    class AssetsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
                raise ValueError(f"refused: {url[:80]}")
            path = Path(unquote(parsed.path)).resolve()
            inside = next((r for r in roots if r in path.parents), None)
            if inside is None:
                raise ValueError(f"refused: {url[:80]}")
            for root in roots:
                candidate = (root / path.relative_to(inside)).resolve()
                if root in candidate.parents and candidate.is_file():
                    return URLFetcherResponse(url, candidate.read_bytes(), {"Content-Type": _mime(candidate)})
            raise ValueError(f"refused: {url[:80]}")

    return AssetsOnly(timeout=1, allowed_protocols=("file",), allow_redirects=False)


def _mime(path: Path) -> str:
    return {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png",
            ".ttf": "font/ttf", ".woff2": "font/woff2", ".woff": "font/woff"}.get(path.suffix, "application/octet-stream")


def to_pdf(html: str, user_folder: Path | None = None) -> bytes:
    search = folders(user_folder)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML

    try:
        document = HTML(string=html, base_url=search[0].as_uri() + "/", url_fetcher=make_fetcher(search))
        # Tagged PDF (PDF/UA-1 structure, document language from <html lang>): same cost as untagged.
        return document.write_pdf(pdf_variant="pdf/ua-1")
    except RenderError:
        raise
    except Exception as e:  # WeasyPrint has no single error type
        raise RenderError(f"PDF rendering failed: {type(e).__name__}: {e}") from e


SCREEN_CSS = "screen.css"  # the page's screen rules, after briefing.css (a user's folder may replace it)
# What a browser may load for the page: nothing but its own inline styles (and data: images).
# A <script>, a remote image, font or stylesheet, a form or a <base> that a user template might
# add is refused by the browser itself.
PAGE_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; "
               "form-action 'none'; base-uri 'none'")
_STYLESHEET = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}\s*", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta\s+charset\b[^>]*>", re.IGNORECASE)


def standalone_html(html: str, user_folder: Path | None = None) -> str:
    """The briefing's HTML (to_html) as one page that needs nothing else: each <link>ed
    stylesheet that is a template file inlined (any other <link> dropped), then screen.css; no
    @font-face (the page uses the reader's sans-serif: the PDF's fonts are 750 KB); a
    Content-Security-Policy first in <head>. briefing.css's print rules stay: a browser
    ignores @page, bookmarks and leaders on screen, and paginates like the PDF when printing."""
    search = folders(user_folder)

    def inline(link: re.Match) -> str:
        tag = link.group(0)
        href = _HREF.search(tag)
        if "stylesheet" not in tag.lower() or href is None:
            return ""  # an icon, a preload, ...: nothing the page needs
        css = _asset(search, href.group(1))
        # a stylesheet that is not a template file (a URL, a path leading out) is left out, as
        # the PDF's fetcher refuses it
        return "" if css is None else _style(css)

    page = _STYLESHEET.sub(inline, html)
    screen = _asset(search, SCREEN_CSS)
    if screen is not None:
        head_end = page.lower().find("</head>")
        at = head_end if head_end >= 0 else 0
        page = page[:at] + _style(screen) + page[at:]
    policy = f'<meta http-equiv="Content-Security-Policy" content="{PAGE_POLICY}">'
    head = _HEAD.search(page)
    if head is not None:  # right after <head> (after its <meta charset>, which must come first)
        charset = _CHARSET.match(page, head.end())
        at = charset.end() if charset else head.end()
        return page[:at] + "\n" + policy + page[at:]
    doctype = re.match(r"\s*<!doctype[^>]*>\s*", page, re.IGNORECASE)
    at = doctype.end() if doctype else 0
    return page[:at] + policy + "\n" + page[at:]


def _style(css: str) -> str:
    # "</" would end the <style> element early; "<\/" is the same text to CSS
    return "<style>\n" + _FONT_FACE.sub("", css).replace("</", "<\\/").strip() + "\n</style>\n"


def _asset(search: list[Path], name: str) -> str | None:
    """A template asset's text, from the first folder holding it as a file inside that folder
    (the PDF's fetcher's rule); None for anything else (a URL, a path leading out, no such file)."""
    if not name or ":" in name or name.startswith(("/", "\\")) or "?" in name or "#" in name:
        return None
    for root in (p.resolve() for p in search):
        candidate = (root / name).resolve()
        if root in candidate.parents and candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    return None


def render(briefing: Briefing, user_folder: Path | None = None, ui_language: str | None = None,
           listed: int = LISTED) -> bytes:
    """The briefing's PDF (to_html and to_pdf, for the HTML alone or another page)."""
    return to_pdf(to_html(build_view(briefing, ui_language, listed), user_folder), user_folder)
