"""The archive at scale (issue 16): `python -m reporter.archive.bench [--claims N]`, and the
`archive` case of `python -m reporter.tools.bench`.

Builds an archive of N generated claims (100,000 by default; seeded Spanish-like sentences of
bench.py's vocabulary, each with figures, and random unit vectors: encoding 100,000 sentences
would take the encoder about an hour on two cores, and the scan costs the same whatever the
vectors say), then times, in this process:
- building it (one `add` of N claims), and its size on disk;
- opening it (start-up: a fresh connection, as a briefing or `search` makes one);
- a briefing's lookups: 60 claims against every archived one (the vectors given, as a briefing
  has them from comparing its articles);
- `search` after start-up: one text encoded and looked up (the encoder loaded beforehand);
- adding 1,000 reviewed claims to the full archive: the store alone (vectors given), and the
  whole `reporter archive add` of a 1,000-row checklist in a subprocess (reading, detecting the
  language, encoding every claim, storing) -- the encoder's time dominates that.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reporter.archive.command import ONE_THREAD

for _variable, _value in ONE_THREAD.items():  # as a `reporter archive` process runs (archive/command.py)
    os.environ.setdefault(_variable, _value)

import numpy as np  # noqa: E402  (after the thread settings, which numpy reads when imported)

CLAIMS = 100_000
BRIEFING_CLAIMS = 60  # two news articles' claims
ADDED = 1_000


def _records(n: int, seed: int, start: int = 0):
    from reporter.archive.match import claim_figures
    from reporter.archive.store import Record
    from reporter.review.claims import claim_key
    from reporter.tools.bench import generate_sentence

    rng = random.Random(seed)
    vectors = np.random.default_rng(seed).standard_normal((n, 512)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    for i in range(n):
        text = f"{generate_sentence(rng)} ({start + i})"  # distinct claims
        yield Record(key=claim_key(text), text=text, language="es", verdict="inaccurate", source=f"gen/{i % 977}.txt",
                     reviewed="2026-01-01T00:00:00Z", figures=claim_figures(text, "es"), vector=vectors[i])


def _time(fn, runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def measure(claims: int = CLAIMS, runs: int = 3, progress=lambda s: None, with_cli: bool = True) -> dict:
    from reporter.archive.match import lookup, search
    from reporter.archive.store import open_archive
    from reporter.settings import Archive as Tiers

    out: dict = {"claims": claims}
    with tempfile.TemporaryDirectory(prefix="reporter-archive-bench-") as tmp:
        path = Path(tmp) / "archive.sqlite"
        progress(f"archive: building {claims} generated claims")
        t = time.perf_counter()
        with open_archive(path, create=True) as a:
            a.add(_records(claims, 1), "bench")
        out["build_s"] = time.perf_counter() - t
        out["size_mb"] = sum(p.stat().st_size for p in Path(tmp).glob("archive.sqlite*")) / 1e6
        out["open_s"], _ = _time(lambda: open_archive(path).close(), runs)
        queries = list(_records(BRIEFING_CLAIMS, 2, start=10 * claims))
        texts = [r.text for r in queries]
        vectors = np.stack([r.vector for r in queries])
        progress(f"archive: a briefing's {BRIEFING_CLAIMS} lookups")
        with open_archive(path) as a:
            out["briefing_lookups_s"], found = _time(lambda: lookup(a, texts, ["es"] * len(texts), vectors, Tiers()), runs)
        progress("archive: search after start-up")
        from reporter.archive.match import Index
        from reporter.text.encoder import load

        t = time.perf_counter()
        encoder = load()
        encoder.encode(["warm-up"])  # the first call sets up the backend: part of start-up
        out["encoder_load_s"] = time.perf_counter() - t
        text = "El sismo dejó 58 muertos en la costa de Valdora, según Protección Civil."
        with open_archive(path) as a:
            t = time.perf_counter()
            index = Index(a)
            out["index_load_s"] = time.perf_counter() - t
            vector = encoder.encode([text])[0]
            out["search_scan_s"], _ = _time(lambda: search(a, text, "es", vector), runs)
            out["search_lookup_s"], _ = _time(lambda: search(a, text, "es", vector, index=index), runs)
            out["search_encode_s"], _ = _time(lambda: encoder.encode([f"{text} {time.time()}"]), runs)
            out["search_s"] = out["search_lookup_s"] + out["search_encode_s"]
        progress(f"archive: adding {ADDED} claims (store)")
        t = time.perf_counter()
        with open_archive(path, create=True) as a:
            new, _ = a.add(_records(ADDED, 3, start=20 * claims), "bench")
        out["add_store_s"] = time.perf_counter() - t
        assert new == ADDED
        if with_cli:
            progress(f"archive: `reporter archive add` of a {ADDED}-row checklist (subprocess, encoder included)")
            review = Path(tmp) / "review.csv"
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow(["id", "key", "source", "claim", "reasons", "priority", "score", "verdict", "notes"])
            for i, r in enumerate(_records(ADDED, 4, start=30 * claims)):
                w.writerow([f"A{i}", r.key, "gen.txt", r.text, "", "", "", "falso", ""])
            review.write_text(buf.getvalue(), encoding="utf-8-sig")
            env = {**os.environ, "REPORTER_ARCHIVE": str(path)}
            t = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "reporter", "archive", "add", str(review)], env=env,
                                  capture_output=True, text=True)
            out["add_cli_s"] = time.perf_counter() - t
            out["add_cli_ok"] = done.returncode == 0 and f"added {ADDED}" in done.stderr
            t = time.perf_counter()
            encoder.encode([f"{r.text} ·" for r in _records(100, 5, start=40 * claims)])
            out["encode_per_claim_s"] = (time.perf_counter() - t) / 100
    return out


def targets(r: dict) -> list[str]:
    """Issue 16's targets, PASS or FAIL on this run's times."""
    rows = [(f"a briefing's {BRIEFING_CLAIMS} lookups in {r['claims']:,} claims", r["briefing_lookups_s"], 1.0),
            ("search after start-up", r["search_s"], 0.1),
            (f"adding {ADDED:,} reviewed claims (store)", r["add_store_s"], 5.0)]
    if "add_cli_s" in r:
        rows.append((f"adding {ADDED:,} reviewed claims (`archive add`, encoder included)", r["add_cli_s"], 5.0))
    return [f"  {label:<62} {value:8.3f} s  (< {limit:g})  {'PASS' if value < limit else 'FAIL'}"
            for label, value, limit in rows]


def lines(r: dict) -> list[str]:
    return [f"archive of {r['claims']:,} claims: built in {r['build_s']:.1f} s, {r['size_mb']:.0f} MB on disk",
            f"  open (start-up)                                        {r['open_s']:8.3f} s",
            f"  a briefing's {BRIEFING_CLAIMS} lookups                               {r['briefing_lookups_s']:8.3f} s",
            f"  search after start-up (encode + look up)               {r['search_s']:8.3f} s"
            f"  (encoding the text {r['search_encode_s']:.3f} s, looking up {r['search_lookup_s']:.3f} s)",
            f"    start-up: encoder {r['encoder_load_s']:.2f} s, vectors into memory {r['index_load_s']:.3f} s; "
            f"one search scanning the file instead {r['search_scan_s']:.3f} s",
            f"  adding {ADDED:,} claims, store alone                          {r['add_store_s']:8.3f} s",
            *([f"  `reporter archive add` of a {ADDED:,}-row checklist       {r['add_cli_s']:8.3f} s"
               f"  ({'ok' if r['add_cli_ok'] else 'FAILED'}; encoder {r['encode_per_claim_s'] * 1000:.0f} ms a claim)"]
              if "add_cli_s" in r else []),
            "targets (issue 16):", *targets(r)]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m reporter.archive.bench", description="the archive at scale (issue 16)")
    p.add_argument("--claims", type=int, default=CLAIMS, help=f"archived claims (default: {CLAIMS:,})")
    p.add_argument("--runs", type=int, default=3, help="runs per timing, median reported (default: 3)")
    p.add_argument("--no-cli", action="store_true", help="skip the `reporter archive add` subprocess")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    r = measure(args.claims, args.runs, lambda s: print(f"bench: {s} ...", file=sys.stderr, flush=True),
                not args.no_cli)
    print(json.dumps(r, indent=2) if args.json else "\n".join(lines(r)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
