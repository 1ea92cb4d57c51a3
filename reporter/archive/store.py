"""The archive: one SQLite file of reviewed claims.

Where: `--archive PATH`, else $REPORTER_ARCHIVE, else $XDG_DATA_HOME/reporter/archive.sqlite,
else ~/.local/share/reporter/archive.sqlite. Only `reporter archive add` creates it; a briefing,
`search`, `list` and `export` only read (a missing archive is an empty one to them).

- WAL journal, so briefings read while another process adds; a busy_timeout, so a writer
  waiting for another writer waits instead of failing with "database is locked".
- Append-only except `remove`: a review is a row that is never updated. The same review added
  again changes nothing: a row is unique by (claim key, verdict, source) -- the claim's words,
  what the reviewer said of them, and where they were read. Another verdict on the same claim
  (the reviewer changed their mind, or another outlet's claim was rated otherwise) is a new row;
  lookups show the latest review first.
- One `add` is one transaction: a crash or an error midway leaves the archive as it was.
- What a claim is matched by is stored with it: its vector (the multilingual encoder's, as
  int8 with a scale: a quarter of float32's size and the same ranking, see VECTOR_DTYPE) and its figures.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from reporter.archive.location import FILE_NAME, default_path  # noqa: F401  (where the archive is)
from reporter.errors import InputError, OutputError

FORMAT = "reporter-archive/1"
# Vectors as int8 with one float32 scale each (max |component| / 127): 516 bytes a claim instead
# of 2 KB as float32 or 1 KB as float16. Measured (reporter/archive/bench.py, 100,000 claims x 512
# on 2 shared cores): turning float16 into float32 for the product took 1.08 s, int8 0.11 s; the
# cosines move by < 0.001 against float32 on STS 2017 es-es and es-en dev (float16: < 0.0001), far below
# the margins of the tiers (tests/test_archive.py checks the bound).
VECTOR_DTYPE = np.int8
# A writer waiting for another writer (two `add`s at once) waits this long before failing.
BUSY_TIMEOUT_MS = 30_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,          -- review/claims.py claim_key of the text
    text TEXT NOT NULL,
    language TEXT NOT NULL,
    verdict TEXT NOT NULL,      -- canonical (review/checklist.py VERDICTS)
    word TEXT NOT NULL,         -- as the reviewer wrote it ("engañoso", "Mostly False")
    notes TEXT NOT NULL,
    source TEXT NOT NULL,       -- the article's file or URL ('' unknown)
    published TEXT NOT NULL,    -- the article's publication date, YYYY-MM-DD ('' unknown)
    briefing TEXT NOT NULL,     -- the checklist or ClaimReview file it came from
    reviewed TEXT NOT NULL,     -- when it was reviewed (ISO)
    added TEXT NOT NULL,        -- when it was added here (ISO)
    figures TEXT NOT NULL,      -- JSON [[kind, unit, value, qualifier], ...]
    checklist_row TEXT NOT NULL DEFAULT '',  -- the checklist row it was reviewed in (its lead sentence's
                                             -- key): the wordings of one claim share it ('' unknown)
    UNIQUE (key, verdict, source)
);
CREATE INDEX IF NOT EXISTS claims_key ON claims (key);
-- the vectors in pages of up to PAGE claims (ids int64, scales float32, vectors int8 row-major):
-- a lookup reads a few hundred blobs instead of a row per claim (100,000 rows cost ~1 s of Python)
CREATE TABLE IF NOT EXISTS pages (page INTEGER PRIMARY KEY, ids BLOB NOT NULL, scales BLOB NOT NULL,
                                  vectors BLOB NOT NULL);
"""
PAGE = 512
DIMENSIONS = 512
COLUMNS = ("id", "key", "text", "language", "verdict", "word", "notes", "source", "published", "briefing",
           "reviewed", "added", "figures", "checklist_row")


@dataclass(frozen=True)
class Record:
    """One reviewed claim."""

    key: str
    text: str
    language: str
    verdict: str
    word: str = ""
    notes: str = ""
    source: str = ""
    published: str = ""
    briefing: str = ""
    reviewed: str = ""
    added: str = ""
    figures: tuple[tuple[str, str, float, str], ...] = ()
    checklist_row: str = ""
    id: int = 0
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


class Archive:
    """An open archive. `open_archive` makes one; close it (or use `with`)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, name: str):
        self.conn, self.path, self.name = conn, path, name
        # an archive made before a column was added is read as if the column held its default
        present = {row[1] for row in conn.execute("PRAGMA table_info(claims)")}
        self._select = ", ".join(c if c in present else f"'' AS {c}" for c in COLUMNS)

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # ---- reading -----------------------------------------------------------------

    def count(self) -> int:
        return self._read(lambda c: c.execute("SELECT count(*) FROM claims").fetchone()[0])

    def records(self, ids: Iterable[int] | None = None, key: str | None = None) -> list[Record]:
        """Records in the order they were added (all, those of `ids`, or those of a claim key)."""
        cols = self._select
        if ids is not None:
            ids = [int(i) for i in ids]
            out: list[Record] = []
            for n in range(0, len(ids), 500):  # SQLite's variable limit
                chunk = ids[n:n + 500]
                sql = f"SELECT {cols} FROM claims WHERE id IN ({','.join('?' * len(chunk))})"
                out += [_record(r) for r in self._read(lambda c: c.execute(sql, chunk).fetchall())]
            return sorted(out, key=lambda r: r.id)
        if key is not None:
            rows = self._read(lambda c: c.execute(f"SELECT {cols} FROM claims WHERE key = ? ORDER BY id",
                                                  (key,)).fetchall())
        else:
            rows = self._read(lambda c: c.execute(f"SELECT {cols} FROM claims ORDER BY id").fetchall())
        return [_record(r) for r in rows]

    def vectors(self, batch: int = 20_000) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """(ids, int8 matrix, scales) in batches of about `batch` claims, in id order: a claim's
        vector is its row times its scale. A lookup scans the archive a batch at a time."""
        rows = self._read(lambda c: c.execute("SELECT ids, scales, vectors FROM pages ORDER BY page").fetchall())
        ids: list[np.ndarray] = []
        scales: list[np.ndarray] = []
        blocks: list[np.ndarray] = []
        held = 0
        for raw_ids, raw_scales, raw_vectors in rows:
            page_ids = np.frombuffer(raw_ids, dtype=np.int64)
            ids.append(page_ids)
            scales.append(np.frombuffer(raw_scales, dtype=np.float32))
            blocks.append(np.frombuffer(raw_vectors, dtype=VECTOR_DTYPE).reshape(len(page_ids), DIMENSIONS))
            held += len(page_ids)
            if held >= batch:
                yield np.concatenate(ids), np.concatenate(blocks), np.concatenate(scales)
                ids, scales, blocks, held = [], [], [], 0
        if held:
            yield np.concatenate(ids), np.concatenate(blocks), np.concatenate(scales)

    def _read(self, query):
        try:
            return query(self.conn)
        except sqlite3.DatabaseError as e:
            raise InputError(f"{self.name}: cannot read the archive ({e})") from None

    # ---- writing -----------------------------------------------------------------

    def add(self, records: Iterable[Record], added: str, _fail_after: int | None = None) -> tuple[int, int]:
        """Add reviewed claims in one transaction: (added, already there). A review already in the
        archive (same claim key, verdict and source) is left as it is. Any failure midway (an
        error, a crash, Ctrl-C) leaves the archive as it was. `_fail_after` (tests only) raises
        after that many rows, inside the transaction."""
        new = old = 0
        fresh_ids: list[int] = []
        fresh: list[np.ndarray] = []
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for n, r in enumerate(records):
                    if _fail_after is not None and n >= _fail_after:
                        raise RuntimeError("failure injected midway through an add (test)")
                    cur = conn.execute(
                        "INSERT OR IGNORE INTO claims (key, text, language, verdict, word, notes, source, published, "
                        "briefing, reviewed, added, figures, checklist_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (r.key, r.text, r.language, r.verdict, r.word, r.notes, r.source, r.published, r.briefing,
                         r.reviewed, added, json.dumps([list(f) for f in r.figures]), r.checklist_row))
                    if cur.rowcount == 0:
                        old += 1
                        continue
                    vector = np.asarray(r.vector, dtype=np.float32).reshape(-1)
                    if vector.shape != (DIMENSIONS,):
                        raise ValueError(f"a vector of {vector.shape[0]} numbers, not {DIMENSIONS}")
                    fresh_ids.append(cur.lastrowid)
                    fresh.append(vector)
                    new += 1
                _append_pages(conn, fresh_ids, fresh)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as e:
            raise OutputError(f"{self.name}: cannot write the archive ({e}); nothing was added") from None
        return new, old

    def remove(self, key: str) -> int:
        """Remove every review of the claim `key`; the number removed."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                ids = [r[0] for r in conn.execute("SELECT id FROM claims WHERE key = ?", (key,))]
                _drop_from_pages(conn, ids)
                conn.execute("DELETE FROM claims WHERE key = ?", (key,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as e:
            raise OutputError(f"{self.name}: cannot write the archive ({e}); nothing was removed") from None
        return len(ids)


def quantize(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(int8 rows, float32 scales) of float vectors: row * scale is the vector within scale / 2."""
    vectors = np.asarray(vectors, dtype=np.float32)
    peak = np.abs(vectors).max(axis=1)
    scales = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    return np.rint(vectors / scales[:, None]).astype(np.int8), scales


def _append_pages(conn: sqlite3.Connection, ids: list[int], vectors: list[np.ndarray]) -> None:
    """Append vectors to the last page until it holds PAGE, then new pages (inside the caller's transaction)."""
    if not ids:
        return
    new_ids = np.asarray(ids, dtype=np.int64)
    rows, scales = quantize(np.stack(vectors))
    last = conn.execute("SELECT page, ids, scales, vectors FROM pages ORDER BY page DESC LIMIT 1").fetchone()
    start = 0
    if last is not None:
        page, raw_ids, raw_scales, raw_vectors = last
        room = PAGE - len(raw_ids) // 8
        if room > 0:
            start = min(room, len(new_ids))
            conn.execute("UPDATE pages SET ids = ?, scales = ?, vectors = ? WHERE page = ?",
                         (raw_ids + new_ids[:start].tobytes(), raw_scales + scales[:start].tobytes(),
                          raw_vectors + rows[:start].tobytes(), page))
        number = page + 1
    else:
        number = 1
    for n in range(start, len(new_ids), PAGE):
        conn.execute("INSERT INTO pages (page, ids, scales, vectors) VALUES (?, ?, ?, ?)",
                     (number, new_ids[n:n + PAGE].tobytes(), scales[n:n + PAGE].tobytes(), rows[n:n + PAGE].tobytes()))
        number += 1


def _drop_from_pages(conn: sqlite3.Connection, ids: list[int]) -> None:
    """Take these claims' vectors out of their pages (a page left empty goes)."""
    gone = np.asarray(ids, dtype=np.int64)
    for page, raw_ids, raw_scales, raw_vectors in conn.execute("SELECT page, ids, scales, vectors FROM pages").fetchall():
        page_ids = np.frombuffer(raw_ids, dtype=np.int64)
        keep = ~np.isin(page_ids, gone)
        if keep.all():
            continue
        if not keep.any():
            conn.execute("DELETE FROM pages WHERE page = ?", (page,))
            continue
        matrix = np.frombuffer(raw_vectors, dtype=VECTOR_DTYPE).reshape(len(page_ids), DIMENSIONS)
        scales = np.frombuffer(raw_scales, dtype=np.float32)
        conn.execute("UPDATE pages SET ids = ?, scales = ?, vectors = ? WHERE page = ?",
                     (page_ids[keep].tobytes(), scales[keep].tobytes(), matrix[keep].tobytes(), page))


def _record(row) -> Record:
    values = dict(zip(COLUMNS, row))
    figures = tuple(tuple(f) for f in json.loads(values.pop("figures") or "[]"))
    return Record(figures=figures, **values)


def open_archive(path: Path, name: str | None = None, create: bool = False) -> Archive | None:
    """The archive at `path` (`name`: as the user gave it, for messages). Without `create` it is
    opened read-only and a missing file is None (nothing archived yet; no file is made). With
    `create` the file and its folder are made when missing. A file that is not an archive is one
    clear InputError."""
    name = name or str(path)
    if path.is_dir():
        raise InputError(f"{name}: is a folder, not an archive file")
    if not create and not path.exists():
        return None
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = _connect(path, "rwc")
        else:
            conn = _connect(path, "ro")
    except (OSError, sqlite3.Error) as e:
        raise (OutputError if create else InputError)(f"{name}: cannot open the archive ({e})") from None
    try:
        if create:
            _prepare(conn)
        _check(conn, name)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise InputError(f"{name}: not a reporter archive ({e})") from None
    except BaseException:
        conn.close()
        raise
    return Archive(conn, path, name)


def _prepare(conn: sqlite3.Connection) -> None:
    """WAL journal and the schema (idempotent: a second `add` finds them there)."""
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")  # persistent: readers of the file use it too
    conn.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints, never corrupt
    conn.execute("PRAGMA foreign_keys = ON")
    present = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'meta'").fetchone()[0]
    if not present and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise sqlite3.DatabaseError("it holds other tables")
    conn.executescript(_SCHEMA)  # CREATE ... IF NOT EXISTS: two first `add`s at once both succeed
    conn.execute("INSERT OR IGNORE INTO meta (name, value) VALUES ('format', ?)", (FORMAT,))
    if "checklist_row" not in {row[1] for row in conn.execute("PRAGMA table_info(claims)")}:
        try:  # an archive from before the column: its reviews keep '' (each wording its own claim)
            conn.execute("ALTER TABLE claims ADD COLUMN checklist_row TEXT NOT NULL DEFAULT ''")
        except sqlite3.OperationalError as e:
            if "duplicate column" not in str(e):  # another `add` added it just now
                raise


def _check(conn: sqlite3.Connection, name: str) -> None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
    except sqlite3.OperationalError:
        row = None
    if row is None or row[0] != FORMAT:
        raise InputError(f"{name}: not a reporter archive (expected {FORMAT})")
