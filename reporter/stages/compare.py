"""Stage 4: relate the claims of different articles.

Each claim (a body sentence) becomes a TF-IDF vector of folded lemmas and figure
tokens, IDF taken over all claims of the briefing, so names every sentence
repeats ("Rusia", "Putin") weigh little and the specific words of a claim weigh
much. Similarities of a pair of articles are one matrix product (numpy), not a
Python loop over sentence pairs. Two claims are related when their cosine
clears the overlap threshold and one is among the other's best matches.

A related pair is a conflict when both state a figure of the same kind about
the same thing (deaths, percent, euros, a date) and no value agrees. Figures of
different kinds never conflict: "24 years" and "since 2000" may both be true.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace
from itertools import combinations

import numpy as np

from reporter.text.features import Features, analyze
from reporter.text.figures import figure_label
from reporter.text.lexicon import TITLES, concept
from reporter.settings import Comparison
from reporter.model import CONFLICT, OVERLAP, Article, Difference, Evidence, Figure, Relation, Sentence

# The calibrated constants (thresholds, weights) live in reporter.settings.Comparison,
# each with the data it was tuned on; every function here takes them as `c`.


def _vectors(features: list[Features], c: Comparison, local_idf: bool = True) -> list[dict[str, float]]:
    """Each claim's weighted terms times their IDF, L2-normalised: a sparse row (term ->
    weight). Dense claims x vocabulary rows of two long reports took hundreds of MB."""
    docs = [_terms(f, c) for f in features]
    df = Counter(t for d in docs for t in d)
    n = len(docs)
    rows = []
    for d in docs:
        row = {t: w * (math.log((1 + n) / (1 + df[t])) + 1 if local_idf else 1.0) for t, w in d.items()}
        norm = math.sqrt(sum(w * w for w in row.values()))
        rows.append({t: w / norm for t, w in row.items()} if norm else row)
    return rows


def _similarities(a: list[dict[str, float]], b: list[dict[str, float]]) -> np.ndarray:
    """The cosine of every row of `a` with every row of `b`: one matrix product (numpy)
    over the terms both sides use (the others add nothing to a dot product)."""
    shared = sorted(set().union(*a) & set().union(*b))
    column = {t: i for i, t in enumerate(shared)}

    def dense(rows: list[dict[str, float]]) -> np.ndarray:
        m = np.zeros((len(rows), len(shared)), dtype=np.float64)
        for r, row in enumerate(rows):
            for t, w in row.items():
                c = column.get(t)
                if c is not None:
                    m[r, c] = w
        return m

    return dense(a) @ dense(b).T


def _terms(f: Features, c: Comparison) -> dict[str, float]:
    """Weighted terms: lemmas (weighted by rarity; names and titles count less: they
    say what a claim is about, not what it claims, and the same word may be a name
    in one sentence and not in the other), concept classes "~" (paraphrases meet
    there), figures "#"."""
    name_words = {w for n in f.names for w in n.split()}
    terms: dict[str, float] = {}

    def add(t: str, w: float) -> None:
        terms[t] = terms.get(t, 0.0) + w

    for x, w in zip(f.lemmas, f.weights):
        if x in TITLES:
            add(x, c.title_weight * w)
        elif x in name_words:
            add(x, c.name_weight * w)
        else:
            add(x, w)
            cls = concept(x)
            if cls:
                add("~" + cls, c.concept_weight * w)
    for x in f.figures:
        add(f"#{x.kind}:{x.value:g}", c.figure_weight)
        if x.unit:
            # the same kind of figure about the same thing, whatever its value: what
            # makes "32 muertos" and "58 muertos" the same claim, and a conflict
            add(f"#{x.kind}:{x.unit}", c.figure_weight)
    return terms


def compare(articles: tuple[Article, ...], c: Comparison = Comparison()) -> tuple[tuple[Relation, ...], float]:
    """All relations between claims of different articles, and how related the articles are."""
    claims = [s for a in articles for s in a.claims]
    if not claims:
        return (), 0.0
    feats = [analyze(s.text, a.language) for a in articles for s in a.claims]
    vecs = _vectors(feats, c)
    rows: dict[str, list[int]] = {a.id: [] for a in articles}
    for i, s in enumerate(claims):
        rows[s.article].append(i)
    relations: list[Relation] = []
    related_scores: list[float] = []
    for x, y in combinations(articles, 2):
        ia, ib = rows[x.id], rows[y.id]
        if not ia or not ib:
            related_scores.append(0.0)
            continue
        sim = _similarities([vecs[i] for i in ia], [vecs[i] for i in ib])
        related_scores.append(document_similarity([feats[i] for i in ia], [feats[i] for i in ib]))
        pairs = set(_candidates(sim, c)) | _same_quotes([feats[i] for i in ia], [feats[i] for i in ib], c)
        for r, col in sorted(pairs):
            s, t = claims[ia[r]], claims[ib[col]]
            relations.append(_relation(s, t, feats[ia[r]], feats[ib[col]], float(sim[r, col]), c))
    relatedness = float(np.mean(related_scores)) if related_scores else 0.0
    return tuple(relations), round(relatedness, 3)


def _document_vector(feats: list[Features]) -> dict[str, float]:
    v: dict[str, float] = {}
    for f in feats:
        for x, w in zip(f.lemmas, f.weights):
            v[x] = v.get(x, 0.0) + w
    return v


def document_similarity(fa: list[Features], fb: list[Features]) -> float:
    """Cosine of two whole articles' rarity-weighted lemmas, names included: on ECB+
    (dev), two reports of one event score a median 0.54 (10th percentile 0.34);
    reports of another event of the same kind 0.16; other topics 0.01 (90th pct 0.06)."""
    a, b = _document_vector(fa), _document_vector(fb)
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    na, nb = math.sqrt(sum(w * w for w in a.values())), math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _same_quotes(fa: list[Features], fb: list[Features], c: Comparison) -> set[tuple[int, int]]:
    """Claims that quote the same words: related whatever else they say (a quotation of
    stop words only, "we have never seen it this high", has almost no lemma to match)."""
    out = set()
    quoted_b = [(j, f.quote_words) for j, f in enumerate(fb) if len(f.quote_words) >= c.min_quote_words]
    for i, f in enumerate(fa):
        if len(f.quote_words) < c.min_quote_words:
            continue
        for j, words in quoted_b:
            if len(f.quote_words & words) / len(f.quote_words | words) >= c.same_quote:
                out.add((i, j))
    return out


def _candidates(sim: np.ndarray, c: Comparison) -> list[tuple[int, int]]:
    k = min(c.top_k, sim.shape[1])
    top_rows = np.argsort(-sim, axis=1, kind="stable")[:, :k]
    k = min(c.top_k, sim.shape[0])
    top_cols = np.argsort(-sim, axis=0, kind="stable")[:k, :]
    keep = np.zeros_like(sim, dtype=bool)
    keep[np.arange(sim.shape[0])[:, None], top_rows] = True
    keep[top_cols, np.arange(sim.shape[1])[None, :]] = True
    keep &= sim >= c.overlap_threshold
    return [(int(r), int(c)) for r, c in zip(*np.nonzero(keep))]


def _relation(s: Sentence, t: Sentence, fa: Features, fb: Features, score: float, c: Comparison) -> Relation:
    names_a = {w for n in fa.names for w in n.split()}
    words = tuple(sorted((set(fa.lemmas) & set(fb.lemmas)) - names_a))
    names = _shared_names(fa.names, fb.names)
    agree, differ = _figures(fa, fb, score, c)
    kind = CONFLICT if differ else OVERLAP
    evidence = Evidence(words, names, tuple(agree), tuple(differ))
    return Relation(s.id, t.id, kind, round(min(score, 1.0), 3), evidence)


def _shared_names(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    out = set()
    for x in a:
        for y in b:
            if x == y or set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split()):
                out.add(x if len(x) <= len(y) else y)
    return tuple(sorted(out))


def _figures(fa: Features, fb: Features, score: float, c: Comparison) -> tuple[list[str], list[Difference]]:
    """Figures both claims agree on, and (kind, a, b) for those that differ."""
    def keyed(f: Features):
        out: dict[tuple[str, str], list] = {}
        for x in f.figures:
            if x.kind == "count" and not x.unit:
                continue  # a bare number: we cannot tell what it counts
            out.setdefault((x.kind, x.unit), []).append(x)
        return out

    ka, kb = keyed(fa), keyed(fb)
    agree, differ = [], []
    for key in sorted(set(ka) & set(kb)):
        matched = [x for x in ka[key] if any(_agrees(x, y, c.approx_margin) for y in kb[key])]
        if matched:
            agree.extend(figure_label(x) for x in matched)
        elif key[0] not in ("year",) or score >= c.date_conflict_threshold:
            differ.append(Difference(key[0], key[1], ", ".join(x.text for x in ka[key]), ", ".join(x.text for x in kb[key])))
    if (fa.weekdays and fb.weekdays and not set(fa.weekdays) & set(fb.weekdays)
            and score >= c.date_conflict_threshold):
        differ.append(Difference("day", "", _days(fa.weekdays), _days(fb.weekdays)))
    speaker = _speaker_conflict(fa, fb, c.same_quote)
    if speaker:
        differ.append(speaker)
    return agree, differ


def _speaker_conflict(fa: Features, fb: Features, same_quote: float) -> Difference | None:
    """The same quotation attributed to different people: names outside the quotes
    on both sides, none in common, and most of the quoted words shared."""
    if not fa.speakers or not fb.speakers or not fa.quote_lemmas or not fb.quote_lemmas:
        return None
    qa, qb = set(fa.quote_lemmas), set(fb.quote_lemmas)
    if len(qa & qb) / min(len(qa), len(qb)) < same_quote:
        return None
    if _shared_names(fa.speakers, fb.speakers) or set(fa.names) & set(fb.speakers) or set(fb.names) & set(fa.speakers):
        return None
    return Difference("speaker", "", ", ".join(n.title() for n in fa.speakers), ", ".join(n.title() for n in fb.speakers))


def _agrees(x: Figure, y: Figure, margin: float) -> bool:
    if x.value == y.value:
        return True
    if "approx" in (x.qualifier, y.qualifier):
        return abs(x.value - y.value) <= margin * max(abs(x.value), abs(y.value))
    return False


_DAY_NAMES = ("", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _days(days: tuple[int, ...]) -> str:
    return ", ".join(_DAY_NAMES[d] for d in sorted(set(days)))


def claim_groups(articles: tuple[Article, ...], relations: tuple[Relation, ...]) -> tuple[tuple[str, ...], ...]:
    """Claims carried by several sources: connected groups of related sentences
    (union-find over the relations), each a tuple of sentence ids in source order."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in relations:
        ra, rb = root(r.a), root(r.b)
        if ra != rb:
            parent[max(ra, rb, key=_order)] = min(ra, rb, key=_order)
    order = {s.id: (ai, s.index) for ai, a in enumerate(articles) for s in a.sentences}
    groups: dict[str, list[str]] = {}
    for x in parent:
        groups.setdefault(root(x), []).append(x)
    out = [tuple(sorted(g, key=order.__getitem__)) for g in groups.values()]
    return tuple(sorted(out, key=lambda g: order[g[0]]))


def _order(sid: str) -> tuple[str, int]:
    head = sid.rstrip("0123456789")
    return (len(head), head, int(sid[len(head):]))


def similarity(text_a: str, text_b: str, language: str, c: Comparison = Comparison()) -> float:
    """The comparator's similarity of two sentences on their own (for `reporter eval sts`):
    the same weighted terms as compare(), with a corpus of just the two sentences, so
    the local IDF is flat and the rarity weights (wordfreq) do the weighting."""
    # Compared on their own, two sentences' names are what they are about: full weight.
    vecs = _vectors([analyze(text_a, language), analyze(text_b, language)], replace(c, name_weight=1.0), local_idf=False)
    return float(np.clip(_similarities(vecs[:1], vecs[1:])[0, 0], 0.0, 1.0))
