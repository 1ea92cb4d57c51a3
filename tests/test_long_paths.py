"""Issue 17's faster paths for long briefings must give exactly what the former ones gave:
the warm-up encoding in a forked child (text/warmup.py, ForkedWarming) the very vectors the thread
gave, the fact table's per-(kind, unit) subject lookup the rows of the former scan over every
row key, and the checklist rows and fact table, made once, the same each time they are asked."""
import random
from dataclasses import replace

import numpy as np
import pytest

from reporter.text import warmup
from reporter.model import Fact
from reporter.stages import facts as facts_stage
from reporter.stages.facts import _subject_key, fold
from reporter.text.encoder import Encoder, load, warm
from reporter.tools.bench import generate_sentence


def _texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = [generate_sentence(rng) for _ in range(n)]
    return texts + texts[:5]  # repeated sentences are encoded once, as Encoder.encode does


def _fresh() -> Encoder:
    return Encoder(load().backend)  # the shipped model with an empty vector cache


@pytest.mark.skipif(not warmup.can_fork(), reason="the forked warm-up is for Linux (os.fork)")
def test_the_forked_warm_up_gives_the_threads_vectors_bit_for_bit():
    texts = _texts(120)
    threaded, forked = _fresh(), _fresh()
    by_thread = warm(lambda: threaded, texts)().encode(texts)
    warming = warmup.ForkedWarming(lambda: forked, texts)
    by_fork = warming.encode(texts)
    assert warming.forked  # the child's vectors were used, not a fallback
    assert by_fork.dtype == by_thread.dtype and np.array_equal(by_fork, by_thread)
    # and what the stages ask later (pairs, subsets) comes from the same cache
    some = [texts[3], texts[40], texts[3]]
    assert np.array_equal(forked.encode(some), threaded.encode(some))
    assert list(forked._cache) == list(threaded._cache)


def test_the_warm_up_is_cut_where_the_backend_starts_a_batch_into_runs_of_about_as_many_tokens():
    texts = list(dict.fromkeys(_texts(120, seed=9)))
    encoder = _fresh()
    parts = warmup.cut(encoder, texts, 2)
    assert len(parts) == 2 and all(parts) and parts[0] + parts[1] == texts
    tokens = [sum(len(encoder.backend.sp.encode(t, out_type=int, add_bos=True, add_eos=True)) for t in p)
              for p in parts]
    assert abs(tokens[0] - tokens[1]) < 0.2 * sum(tokens)
    assert warmup.cut(encoder, texts, 1) == [texts]
    assert len(warmup.cut(encoder, texts[:2], 2)) == 1  # one micro-batch: nothing to cut
    # encoded apart, the runs give the single call's bits
    assert np.array_equal(np.concatenate([_fresh().encode(p) for p in parts]), _fresh().encode(texts))


def test_a_child_that_delivers_nothing_leaves_the_encoding_to_the_same_single_call(monkeypatch):
    texts = _texts(60, seed=8)
    monkeypatch.setattr(warmup, "fork_encoding", lambda encoder, part: None)
    threaded, fallback = _fresh(), _fresh()
    warming = warmup.ForkedWarming(lambda: fallback, texts)
    got = warming.encode(texts)
    assert not warming.forked
    assert np.array_equal(got, warm(lambda: threaded, texts)().encode(texts))


def test_only_a_long_briefing_forks(monkeypatch):
    from reporter.settings import Settings

    class Article:  # what _warm reads of an article
        def __init__(self, n):
            self.claims = [type("S", (), {"text": t})() for t in _texts(n)]
            self.language = "es"

    made = []
    monkeypatch.setattr(warmup, "ForkedWarming", lambda get, texts: made.append(len(texts)) or object())
    settings = Settings()
    warmup.warm((Article(20), Article(20)), settings, lambda lang: object(), load)
    assert made == []
    warmup.warm((Article(200), Article(200)), settings, lambda lang: object(), load)
    assert made == [410] or not warmup.can_fork()


def _scan_subject_keys(facts_):  # the former lookup: every row key shown so far, scanned per fact
    shown, keys = {}, []
    for f in facts_:
        key = (f.kind, f.unit, _subject_key(f.subject, [k[2] for k in shown if k[:2] == (f.kind, f.unit)]))
        keys.append(key)
        shown.setdefault(key, f.subject)
    return keys


def test_the_subject_lookup_per_kind_finds_what_the_scan_found():
    rng = random.Random(3)
    subjects = ["", "Oaxaca", "oaxaca", "Juchitán", "Juchitan de Zaragoza", "el sur de México", "México",
                "Valencia", "la ciudad de Valencia", "Tabasco"]
    facts_ = tuple(Fact(f"{rng.choice('AB')}{i}", rng.choice(("deaths", "count", "money")),
                        float(rng.randint(1, 50)), rng.choice(("", "house", "eur")), "x", subject=rng.choice(subjects))
                   for i in range(300))
    known: dict = {}
    keys = []
    for f in facts_:
        group = known.setdefault((f.kind, f.unit), {})
        keys.append((f.kind, f.unit, _subject_key(f.subject, group)))
        group.setdefault(keys[-1][2], None)
    assert keys == _scan_subject_keys(facts_)
    assert {k[2] for k in keys} - {""} <= {fold(s) for s in subjects}


def test_the_fact_table_is_made_once_per_briefing_and_anew_for_a_replaced_one(monkeypatch):
    f1 = Fact("A1", "deaths", 3.0, "", "3 muertos", subject="Oaxaca")
    f2 = Fact("B1", "deaths", 4.0, "", "4 muertos", subject="Oaxaca")
    calls = []
    real = facts_stage.table
    monkeypatch.setattr(facts_stage, "table", lambda f, r=(): calls.append(f) or real(f, r))
    b = replace(_briefing(), facts=(f1, f2))
    first = facts_stage.table_of(b)
    assert facts_stage.table_of(b) is first and len(calls) == 1
    assert first == real((f1, f2), ())
    other = replace(b, facts=(f1,))
    assert facts_stage.table_of(other) == real((f1,), ()) != first and len(calls) == 2


def test_checklist_rows_are_made_once_per_briefing_and_anew_for_a_replaced_one(monkeypatch):
    from reporter.review import checklist

    calls = []
    real = checklist._rows
    monkeypatch.setattr(checklist, "_rows", lambda b: calls.append(b) or real(b))
    b = _briefing()
    first = checklist.rows(b)
    assert checklist.rows(b) is first and len(calls) == 1
    other = replace(b, verdicts={})
    assert checklist.rows(other) == first and len(calls) == 2


def _briefing():
    from reporter.model import Briefing
    from reporter.settings import Settings

    return Briefing((), {}, (), (), 0.0, Settings(), "t", "0")


def test_while_the_encoder_loads_in_the_background_the_fork_waits_for_a_stage_boundary(monkeypatch):
    loading = [True]
    monkeypatch.setattr(warmup.ForkedWarming, "_loading", lambda self: loading[0])
    texts = _texts(40, seed=11)
    threaded, forked = _fresh(), _fresh()
    warming = warmup.ForkedWarming(lambda: forked, texts)
    warmup.advance(type("G", (), {"warming": warming})())
    assert not warming._started  # still loading: the main thread goes on with its stages
    loading[0] = False
    warmup.advance(type("G", (), {"warming": warming})())
    assert warming._started
    assert np.array_equal(warming.encode(texts), warm(lambda: threaded, texts)().encode(texts))
