"""Stage 6: the briefing as HTML (Jinja2, autoescaped) and PDF (WeasyPrint).

Article text is untrusted. Jinja2 escapes it; WeasyPrint gets a URL fetcher
that refuses every URL except files inside our own template folder, so no
article can make the renderer read a local file or reach the network.
"""
from __future__ import annotations

import logging
from pathlib import Path

from reporter.bundled import templates_dir
from reporter.errors import RenderError
from reporter.model import Briefing
from reporter.view import View, build_view

TEMPLATE = "briefing.html"


def environment(folder: Path):
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def to_html(view: View, folder: Path | None = None) -> str:
    folder = folder or templates_dir()
    try:
        return environment(folder).get_template(TEMPLATE).render(v=view)
    except Exception as e:  # jinja2 raises many types; all mean "the template is broken"
        raise RenderError(f"template {folder / TEMPLATE}: {type(e).__name__}: {e}") from e


def make_fetcher(folder: Path):
    """A WeasyPrint URL fetcher that serves only files under `folder`."""
    from urllib.parse import unquote, urlparse

    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = folder.resolve()

    class AssetsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
                raise ValueError(f"refused: {url[:80]}")
            path = Path(unquote(parsed.path)).resolve()
            if root not in path.parents or not path.is_file():
                raise ValueError(f"refused: {url[:80]}")
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _mime(path)})

    return AssetsOnly(timeout=1, allowed_protocols=("file",), allow_redirects=False)


def _mime(path: Path) -> str:
    return {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png",
            ".ttf": "font/ttf", ".woff2": "font/woff2", ".woff": "font/woff"}.get(path.suffix, "application/octet-stream")


def to_pdf(html: str, folder: Path | None = None) -> bytes:
    folder = (folder or templates_dir()).resolve()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML

    try:
        document = HTML(string=html, base_url=folder.as_uri() + "/", url_fetcher=make_fetcher(folder))
        return document.write_pdf()
    except Exception as e:  # WeasyPrint has no single error type
        raise RenderError(f"PDF rendering failed: {type(e).__name__}: {e}") from e


def render(briefing: Briefing, folder: Path | None = None, ui_language: str | None = None) -> tuple[str, bytes]:
    view = build_view(briefing, ui_language)
    html = to_html(view, folder)
    return html, to_pdf(html, folder)
