"""Issue 6's inputs: a URL served from 127.0.0.1 (never the internet), and five sources at once."""
import http.server
import json
import threading

import pytest

from conftest import FIXTURES, one_error_line
from reporter.errors import ExitStatus, InputError
from reporter.stages.read import read
from reporter.run.briefing import Job, run

PAGE = """<!DOCTYPE html><html><head><title>Incendio en la sierra</title></head><body>
<nav><a href="/">Portada</a> <a href="/a">Política</a> <a href="/b">Deportes</a></nav>
<article><h1>Incendio en la sierra</h1>
<p>Un incendio forestal obligó el sábado a evacuar a 2.000 vecinos de tres pueblos, según los bomberos.</p>
<p>Las llamas han arrasado 1.500 hectáreas de pinar, informó el gobierno regional en un comunicado.</p>
</article></body></html>"""


@pytest.fixture
def server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/story":
                body = PAGE.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
            elif self.path == "/big":
                body = b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
            elif self.path == "/to-file":
                self.send_response(302)
                self.send_header("Location", "file:///etc/passwd")
                self.end_headers()
                return
            else:
                body = b"not here"
                self.send_response(404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)  # quick shutdown
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_url_is_fetched_and_its_article_extracted(server):
    got = read(f"{server}/story", allow_urls=True)
    assert got.format == "html" and "1.500 hectáreas" in got.text and "Portada" not in got.text


def test_url_errors_are_one_clean_line(server):
    with pytest.raises(InputError, match="404"):
        read(f"{server}/missing", allow_urls=True)
    with pytest.raises(InputError, match="limit"):
        read(f"{server}/big", allow_urls=True, max_bytes=1024 * 1024)
    with pytest.raises(InputError):
        read(f"{server}/to-file", allow_urls=True)  # no redirect out of HTTP
    with pytest.raises(InputError, match="--allow-urls"):
        read(f"{server}/story")


@pytest.mark.slow
def test_a_url_and_a_file_make_a_briefing(cli, server, tmp_path):
    r = cli("brief", f"{server}/story", str(FIXTURES / "fire_b.txt"), "-o", "u.pdf", "--allow-urls")
    assert r.status == 0, r.err
    data = json.loads((tmp_path / "u.json").read_text(encoding="utf-8"))
    assert data["articles"][0]["source"] == f"{server}/story" and data["relations"]


def test_a_url_needs_allow_urls_on_the_command_line(cli, server):
    line = one_error_line(cli("brief", f"{server}/story", str(FIXTURES / "fire_b.txt"), "-o", "u.pdf"),
                          ExitStatus.INPUT)
    assert line == f"reporter: error: {server}/story: URL input is off (add --allow-urls to fetch it)"


@pytest.mark.slow
def test_five_sources_give_one_briefing_with_a_claim_matrix(tmp_path):
    names = ["sismo_a.txt", "sismo_b.txt", "fire_a.txt", "fire_b.txt", "cumbre_a.txt"]
    out = tmp_path / "five.pdf"
    run(Job(tuple(str(FIXTURES / n) for n in names), str(out)))
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == ["A", "B", "C", "D", "E"]
    pairs = {(r["a"][0], r["b"][0]) for r in data["relations"]}
    assert ("A", "B") in pairs and ("C", "D") in pairs  # every pair of sources is compared
    assert all(a < b for a, b in pairs)
    assert any(set(c["sentences"]) == {"A", "B"} and c["conflict"] for c in data["claims"])
    assert out.read_bytes().startswith(b"%PDF-")
