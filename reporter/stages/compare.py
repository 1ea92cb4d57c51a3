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
from collections.abc import Callable
from dataclasses import replace
from itertools import combinations

import numpy as np

from reporter.text.features import Features, analyze
from reporter.text.figures import figure_label
from reporter.text.lexicon import TITLES, concept
from reporter.settings import Comparison
from reporter.text.encoder import Encoder
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


def compare(articles: tuple[Article, ...], c: Comparison = Comparison(),
            encoder: Encoder | None = None) -> tuple[tuple[Relation, ...], float]:
    """All relations between claims of different articles, and how related the articles are.
    With an `encoder`, a pair's score mixes meaning (sentence vectors) with the lexical
    score (c.meaning_weight; meaning alone across languages, where lemmas do not meet)."""
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
        lexical = _similarities([vecs[i] for i in ia], [vecs[i] for i in ib])
        fa, fb = [feats[i] for i in ia], [feats[i] for i in ib]
        words = document_similarity(fa, fb)
        same_language = x.language == y.language
        ta, tb = [claims[i].text for i in ia], [claims[i].text for i in ib]
        if encoder is None:
            sim, related, threshold, cosine = lexical, words, c.overlap_threshold, None
        else:
            w = c.meaning_weight if same_language else c.cross_language_meaning_weight
            cosine = _meaning(encoder, ta, tb, lexical >= c.min_lexical if same_language else None)
            sim = w * cosine + (1 - w) * lexical
            if same_language:
                sim = np.where(lexical >= c.min_lexical, sim, 0.0)  # no partner without lexical support
            related = w * _centroid_similarity(encoder, ta, tb, c) + (1 - w) * words
            threshold = c.meaning_threshold if same_language else c.cross_language_threshold
        related_scores.append(related)
        found = _candidates(sim, c, threshold, None if encoder is None else _same_saying(encoder, ta, tb, c))
        if same_language:
            found = [(r, col) for r, col in found
                     if _enough(fa[r], fb[col], None if cosine is None else float(cosine[r, col]), c)]
        pairs = set(found) | _same_quotes(fa, fb, c)
        for r, col in sorted(pairs):
            s, t = claims[ia[r]], claims[ib[col]]
            relations.append(_relation(s, t, feats[ia[r]], feats[ib[col]], float(sim[r, col]), c))
    relatedness = float(np.mean(related_scores)) if related_scores else 0.0
    return tuple(relations), round(relatedness, 3)


def _same_saying(encoder: Encoder, ta: list[str], tb: list[str], c: Comparison) -> Callable[[str, int, int], bool]:
    """Whether two sentences of one article say the same thing (meaning cosine at least
    c.strong_meaning): then both may relate to one sentence of the other article."""
    def same(side: str, i: int, j: int) -> bool:
        texts = ta if side == "a" else tb
        v = encoder.encode([texts[i], texts[j]])
        return float(v[0] @ v[1]) >= c.strong_meaning
    return same


def _meaning(encoder: Encoder, ta: list[str], tb: list[str], support: np.ndarray | None) -> np.ndarray:
    """The meaning cosine of every pair, encoding only what needs it: within one language only
    claims with some lexical support (a pair needs c.min_lexical anyway), so two long reports
    encode the few hundred claims that may pair, not all of them. Unencoded pairs score 0."""
    cosine = np.zeros((len(ta), len(tb)))
    rows = np.arange(len(ta)) if support is None else np.nonzero(support.any(axis=1))[0]
    cols = np.arange(len(tb)) if support is None else np.nonzero(support.any(axis=0))[0]
    if len(rows) and len(cols):
        ma = encoder.encode([ta[i] for i in rows])
        mb = encoder.encode([tb[j] for j in cols])
        cosine[np.ix_(rows, cols)] = np.clip(ma @ mb.T, 0.0, 1.0)
    return cosine


def _centroid_similarity(encoder: Encoder, ta: list[str], tb: list[str], c: Comparison) -> float:
    """How related two articles are in meaning: the cosine of the mean vectors of their first
    c.centroid_claims claims (the lead tells the story; calibrated that way on ECB+), rescaled
    so that c.centroid_floor (unrelated news) is 0 and 1 stays 1."""
    a = encoder.encode(ta[:c.centroid_claims]).mean(axis=0)
    b = encoder.encode(tb[:c.centroid_claims]).mean(axis=0)
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    cos = float(a @ b) / (na * nb) if na and nb else 0.0
    return max(0.0, (cos - c.centroid_floor) / (1.0 - c.centroid_floor))


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


def _enough(fa: Features, fb: Features, meaning: float | None, c: Comparison) -> bool:
    """More than one shared common word: two content words (names aside), or a shared
    figure, or strong meaning (a pair that rests on "inflation" alone is no claim in common)."""
    if meaning is not None and meaning >= c.strong_meaning:
        return True
    names = {w for n in (*fa.names, *fb.names) for w in n.split()}
    if len((set(fa.lemmas) & set(fb.lemmas)) - names) >= 2:
        return True
    return bool({(x.kind, x.value) for x in fa.figures} & {(y.kind, y.value) for y in fb.figures})


def _candidates(sim: np.ndarray, c: Comparison, threshold: float,
                same: Callable[[str, int, int], bool] | None = None) -> list[tuple[int, int]]:
    """Pairs over the threshold. Lexical alone: each claim's top_k best matches either way.
    With meaning: each claim's best partner, when it is best for it too (the mutual best: no
    sentence in four pairs for the same reason); a second partner only when two sentences of
    one source say the same thing (`same(side, i, j)`: "a" or "b", two indices of that side)
    and the pair scores within best_margin of the best both ways."""
    if c.use_meaning and c.best_margin:
        keep = (sim >= threshold) & (sim >= c.best_margin * sim.max(axis=1, keepdims=True)) \
            & (sim >= c.best_margin * sim.max(axis=0, keepdims=True))
        best_col, best_row = np.argmax(sim, axis=1), np.argmax(sim, axis=0)
        out = []
        for r, col in zip(*np.nonzero(keep)):
            r, col = int(r), int(col)
            r_best, col_best = int(best_row[col]), int(best_col[r])
            if (col_best == col and r_best == r) or (same is not None and (
                    (col_best == col and same("a", r, r_best)) or (r_best == r and same("b", col, col_best)))):
                out.append((r, col))
        return out
    k = min(c.top_k, sim.shape[1])
    top_rows = np.argsort(-sim, axis=1, kind="stable")[:, :k]
    k = min(c.top_k, sim.shape[0])
    top_cols = np.argsort(-sim, axis=0, kind="stable")[:k, :]
    keep = np.zeros_like(sim, dtype=bool)
    keep[np.arange(sim.shape[0])[:, None], top_rows] = True
    keep[top_cols, np.arange(sim.shape[1])[None, :]] = True
    keep &= sim >= threshold
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
        agree.extend(figure_label(x) for x in matched)
        # A value on each side that nothing on the other side agrees with: a conflict, even
        # when another figure of the same kind agrees ("15 injured, three seriously" against
        # "12 heridos, tres de ellos graves": the three agree, 15 and 12 do not).
        alone_a = [x for x in ka[key] if x not in matched]
        alone_b = [y for y in kb[key] if not any(_agrees(x, y, c.approx_margin) for x in ka[key])]
        if alone_a and alone_b and (key[0] not in ("year",) or score >= c.date_conflict_threshold):
            differ.append(Difference(key[0], key[1], ", ".join(x.text for x in alone_a), ", ".join(y.text for y in alone_b)))
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
    """Claims carried by several sources: each group is one claim as each source tells it,
    at most one sentence per source, a tuple of sentence ids in source order.

    Relations are taken strongest first, and two groups merge only when they share no
    source: related pairs no longer chain through a third sentence into one row of thirty
    (A1~B1, B1~C1, C1~A5 ... was one union-find component). A relation that would put a
    second sentence of a source into a group stays a pair (the briefing still lists it)."""
    order = {s.id: (ai, s.index) for ai, a in enumerate(articles) for s in a.sentences}
    article = {s.id: a.id for a in articles for s in a.sentences}
    group_of: dict[str, list[str]] = {}
    for r in sorted(relations, key=lambda r: (-r.score, order[r.a], order[r.b])):
        ga, gb = group_of.get(r.a, [r.a]), group_of.get(r.b, [r.b])
        if ga is gb:
            continue
        if {article[x] for x in ga} & {article[x] for x in gb}:
            continue  # a source would tell the claim twice
        ga.extend(gb)
        for x in ga:
            group_of[x] = ga
    unique = {id(g): g for g in group_of.values()}.values()
    out = [tuple(sorted(g, key=order.__getitem__)) for g in unique]
    return tuple(sorted(out, key=lambda g: order[g[0]]))


def group_id(n: int) -> str:
    """The id of the n-th claim group (1-based): "#3", never a sentence id ("C3" is one)."""
    return f"#{n}"


def similarities(pairs: list[tuple[str, str]], language_a: str, language_b: str, c: Comparison = Comparison(),
                 encoder: Encoder | None = None) -> list[float]:
    """The comparator's similarity of sentence pairs on their own (for `reporter eval sts`):
    the same weighted terms as compare(), with a corpus of just the two sentences, so the
    local IDF is flat and the rarity weights (wordfreq) do the weighting; with an encoder,
    mixed with meaning as compare() mixes them."""
    # Compared on their own, two sentences' names are what they are about: full weight.
    alone = replace(c, name_weight=1.0)
    lexical = []
    for a, b in pairs:
        vecs = _vectors([analyze(a, language_a), analyze(b, language_b)], alone, local_idf=False)
        lexical.append(float(np.clip(_similarities(vecs[:1], vecs[1:])[0, 0], 0.0, 1.0)))
    if encoder is None or not pairs:
        return lexical
    ea, eb = encoder.encode([a for a, _ in pairs]), encoder.encode([b for _, b in pairs])
    meaning = np.clip((ea * eb).sum(axis=1), 0.0, 1.0)
    w = c.meaning_weight if language_a == language_b else c.cross_language_meaning_weight
    return [float(w * m + (1 - w) * x) for m, x in zip(meaning, lexical)]


def similarity(text_a: str, text_b: str, language: str, c: Comparison = Comparison()) -> float:
    """The lexical similarity of two sentences of one language (see similarities)."""
    return similarities([(text_a, text_b)], language, language, c)[0]
