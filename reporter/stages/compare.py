"""Stage 4: relate the claims of different articles.

Each claim (a body sentence) becomes a TF-IDF vector of folded lemmas and figure
tokens, IDF taken over all claims of the briefing, so names every sentence
repeats ("Rusia", "Putin") weigh little and the specific words of a claim weigh
much. Similarities of a pair of articles are one matrix product (numpy), not a
Python loop over sentence pairs. Two claims are related when their cosine
clears the overlap threshold and one is among the other's best matches.

A related pair is a conflict when both state a fact (stages/facts.py) of the same
kind about the same subject (deaths in Oaxaca, the depth, euros, a time of day) and no
value agrees: the same kind for another place ("2 dead in Tabasco", "36 in Juchitán"),
a time of day against the time of a report, a depth against a distance, never conflict;
km and miles agree when they are the same length; a bound the other value meets ("at
least 30" and 32) and values within the rounding they are written at agree. When the
later source (by publication date, or by a report time stated in the text) gives a larger
count, the conflict is a possible update (Relation.update).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from itertools import combinations

import numpy as np

from reporter.text.features import Features, analyze, quote_spans
from reporter.stages.facts import EVENT_KINDS, GROWING, mentioned, risen, same_subject, sentence_facts, value_label
from reporter.text.language import WORD, fold, resources
from reporter.text.lexicon import TITLES, concept, phrase_concepts
from reporter.settings import Comparison
from reporter.text.encoder import Encoder
from reporter.model import CONFLICT, OVERLAP, Article, Difference, Evidence, Fact, Relation, Sentence

# The calibrated constants (thresholds, weights) live in reporter.settings.Comparison,
# each with the data it was tuned on; every function here takes them as `c`.


def _vectors(features: list[Features], c: Comparison, local_idf: bool = True,
             texts: list[str] | None = None) -> list[dict[str, float]]:
    """Each claim's weighted terms times their IDF, L2-normalised: a sparse row (term ->
    weight). Dense claims x vocabulary rows of two long reports took hundreds of MB. With the
    claims' `texts`, their paraphrases of several words count as concept classes too."""
    docs = [_terms(f, c, phrase_concepts(fold(t)) if texts is not None else ())
            for f, t in zip(features, texts if texts is not None else features)]
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


def _terms(f: Features, c: Comparison, phrases: tuple[str, ...] = ()) -> dict[str, float]:
    """Weighted terms: lemmas (weighted by rarity; names and titles count less: they
    say what a claim is about, not what it claims, and the same word may be a name
    in one sentence and not in the other), concept classes "~" (paraphrases meet
    there: of a lemma, or of several words, `phrases`: "came down" ~ "collapsed"), figures "#"."""
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
    for cls in phrases:
        add("~" + cls, c.concept_weight)  # a phrase's words are stop words: the weight of a rare word
    for x in f.figures:
        add(f"#{x.kind}:{x.value:g}", c.figure_weight)
        if x.unit:
            # the same kind of figure about the same thing, whatever its value: what
            # makes "32 muertos" and "58 muertos" the same claim, and a conflict
            add(f"#{x.kind}:{x.unit}", c.figure_weight)
    return terms


def compare(articles: tuple[Article, ...], c: Comparison = Comparison(),
            encoder: Encoder | None = None, facts: tuple[Fact, ...] | None = None) -> tuple[tuple[Relation, ...], float]:
    """All relations between claims of different articles, and how related the articles are.
    With an `encoder`, a pair's score mixes meaning (sentence vectors) with the lexical
    score (c.meaning_weight; meaning alone across languages, where lemmas do not meet)."""
    claims = [s for a in articles for s in a.claims]
    if not claims:
        return (), 0.0
    feats = [analyze(s.text, a.language) for a in articles for s in a.claims]
    stated: dict[str, list[Fact]] = {}  # sentence id -> its facts (the stage's table, or read here)
    for f in (facts if facts is not None else
              tuple(f for a in articles for s in a.claims for f in sentence_facts(s.text, a.language, s.id))):
        stated.setdefault(f.sentence, []).append(f)
    vecs = _vectors(feats, c, texts=[s.text for s in claims])
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
            floor = lexical >= c.min_lexical if same_language else None
            cosine = _meaning(encoder, ta, tb, floor)
            sim = w * cosine + (1 - w) * lexical
            if same_language:
                sim = np.where(floor, sim, 0.0)  # no partner without lexical support or the same number
            related = w * _centroid_similarity(encoder, ta, tb, c) + (1 - w) * words
            threshold = c.meaning_threshold if same_language else c.cross_language_threshold
        related_scores.append(related)
        sim = _other_subjects(sim, [stated.get(claims[i].id, []) for i in ia], [stated.get(claims[j].id, []) for j in ib],
                              c.other_subject_factor)
        select = sim
        if encoder is not None and not same_language and c.cross_language_support:
            # Across languages no lemma meets: a pair that states the same kind of fact about the
            # same subject, or names the same person or place, is chosen with this much more
            # (its score stays the meaning cosine)
            select = sim + c.cross_language_support * _support([stated.get(claims[i].id, []) for i in ia],
                                                               [stated.get(claims[j].id, []) for j in ib], fa, fb)
            if c.cross_language_same_value:
                # the same value of one quantity ("a las 04:00 hora local" / "at about 4 a.m. local time",
                # "0,8 %" / "0.8%" in one quarter) is more than the same kind of fact: this much more again
                select = select + c.cross_language_same_value * _same_value(
                    [stated.get(claims[i].id, []) for i in ia], [stated.get(claims[j].id, []) for j in ib])
        elif encoder is not None and same_language and c.same_language_support:
            # In one language the words meet already; the same quantity stated by both (the time
            # of the collapse, the train's speed) is chosen with this much more
            select = sim + c.same_language_support * _same_quantity(
                [stated.get(claims[i].id, []) for i in ia], [stated.get(claims[j].id, []) for j in ib]) * (sim > 0)
        merged = _same_value([stated.get(claims[i].id, []) for i in ia], [stated.get(claims[j].id, []) for j in ib]) \
            if encoder is not None and same_language else None
        found = _candidates(select, c, threshold, None if encoder is None else _same_saying(encoder, ta, tb, c), merged)
        if same_language:
            found = [(r, col) for r, col in found
                     if _enough(fa[r], fb[col], None if cosine is None else float(cosine[r, col]), c)
                     or _same_fact(stated.get(claims[ia[r]].id, []), stated.get(claims[ib[col]].id, []),
                                   ta[r], tb[col])]
        translated = _translated_quotes(encoder, ta, tb, c) if encoder is not None and not same_language else set()
        pairs = set(found) | _same_quotes(fa, fb, c) | translated
        if encoder is not None and same_language and c.toll_meaning:  # (across languages: _support)
            pairs |= _differing_tolls(pairs, [stated.get(claims[i].id, []) for i in ia],
                                      [stated.get(claims[j].id, []) for j in ib], ta, tb, encoder, c)
        if c.sole_values:
            pairs |= _differing_ages(pairs, [stated.get(claims[i].id, []) for i in ia],
                                     [stated.get(claims[j].id, []) for j in ib], c, ta, tb, sim)
        known = (_roles(ta, x.language), _roles(tb, y.language))  # who each article says holds which role
        for r, col in sorted(pairs):
            s, t = claims[ia[r]], claims[ib[col]]
            relations.append(_relation(s, t, feats[ia[r]], feats[ib[col]], float(sim[r, col]), c,
                                       (stated.get(s.id, []), x, s.text), (stated.get(t.id, []), y, t.text), known,
                                       (r, col) in translated))
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


_TOLLS = ("deaths", "injured", "missing")


def _differing_tolls(pairs: set[tuple[int, int]], xa: list[list[Fact]], xb: list[list[Fact]], ta: list[str],
                     tb: list[str], encoder: Encoder, c: Comparison) -> set[tuple[int, int]]:
    """A toll (dead, injured, missing) one source states in a claim left unrelated, against the other
    source's claim with the same toll about the same place that disagrees with it, the nearest in
    meaning (cosine at least c.toll_meaning): "A las 7:00 horas, el centro de emergencias confirmaba 11
    fallecidos" / "El número de fallecidos en el accidente ... ascendió este sábado a 14" share two
    words (lexical 0.11) and the second already pairs with the morning's lead ("Al menos una decena
    de personas murieron", a bound it meets), so the update was no relation at all. A fact-checker
    must see two tolls that disagree; each claim gets at most one such partner. One language only:
    across languages a toll of one kind on both sides already lifts the pair (_support), while
    within one the lexical floor (c.min_lexical) drops it before meaning is read."""
    related_a = {r for r, _ in pairs}
    related_b = {col for _, col in pairs}
    out: set[tuple[int, int]] = set()
    rows = [r for r in range(len(xa)) if any(f.kind in _TOLLS for f in xa[r])]
    cols = [j for j in range(len(xb)) if any(f.kind in _TOLLS for f in xb[j])]
    if not rows or not cols or (all(r in related_a for r in rows) and all(j in related_b for j in cols)):
        return out
    cosine = np.zeros((len(xa), len(xb)))  # the meaning of the claims that state a toll only
    cosine[np.ix_(rows, cols)] = encoder.encode([ta[r] for r in rows]) @ encoder.encode([tb[j] for j in cols]).T

    def differ(r: int, col: int) -> bool:
        for x in xa[r]:
            for y in xb[col]:
                if x.kind == y.kind and x.kind in _TOLLS and _comparable(x, y, xa[r], xb[col], ta[r], tb[col]) \
                        and not _agrees(x, y, c) and not _bound_met(x, ta[r], y, tb[col]):
                    return True
        return False

    for side, mine, theirs in (("a", rows, cols), ("b", cols, rows)):
        for i in mine:
            own = xa[i] if side == "a" else xb[i]
            if (i in related_a if side == "a" else i in related_b) or not any(f.kind in _TOLLS for f in own):
                continue
            best = None
            for j in theirs:
                r, col = (i, j) if side == "a" else (j, i)
                if cosine[r, col] >= c.toll_meaning and differ(r, col) and (best is None or cosine[r, col] > cosine[best]):
                    best = (r, col)
            if best is not None:
                out.add(best)
    return out


def _differing_ages(pairs: set[tuple[int, int]], xa: list[list[Fact]], xb: list[list[Fact]],
                    c: Comparison, ta: list[str] = (), tb: list[str] = (),
                    sim: np.ndarray | None = None) -> set[tuple[int, int]]:
    """A story's one key quantity that each source tells in exactly one claim, both claims left
    unrelated, when the two values differ: the suspect's age ("detuvieron ... a un sospechoso de 25
    años" / "el detenido, de 27 años, fue identificado como ..." share one word: lexical 0.26, meaning
    0.30) and today's toll of one kind about one place ("Protección Civil confirmó tres muertos: dos
    personas arrastradas ... y un hombre al que le cayó un árbol" / "At least six people were killed,
    civil protection officials said": meaning 0.34 across languages, under the 0.65 a pair needs). A
    fact-checker must see the two values. A source that tells two such values (two suspects, two
    tolls), an earlier event's toll or another instance's, are left alone: which is whose cannot be read.
    The pair's score must reach c.min_lexical (in one language: some lexical support at all; a web
    address's digits read as injured against 'an ankle injury that limited him to six games' had none)."""
    related_a, related_b = {p for p, _ in pairs}, {q for _, q in pairs}

    def told(facts: list[list[Fact]]) -> dict[tuple[str, str], list[tuple[int, Fact]]]:
        out: dict[tuple[str, str], list[tuple[int, Fact]]] = {}
        for i, fs in enumerate(facts):
            for f in fs:
                if (f.kind == "age" and f.subject == "suspect") or (f.kind in _TOLLS and not f.unit):
                    out.setdefault((f.kind, f.subject if f.kind == "age" else ""), []).append((i, f))
        return out

    ga, gb = told(xa), told(xb)
    found: set[tuple[int, int]] = set()
    for key in ga.keys() & gb.keys():
        if len({i for i, _ in ga[key]}) != 1 or len({j for j, _ in gb[key]}) != 1:
            continue
        r, col = ga[key][0][0], gb[key][0][0]
        if r in related_a or col in related_b or (sim is not None and sim[r, col] < c.min_lexical):
            continue
        text_a, text_b = (ta[r] if ta else ""), (tb[col] if tb else "")
        if any(_comparable(x, y, xa[r], xb[col], text_a, text_b) and not _agrees(x, y, c)
               and not _bound_met(x, text_a, y, text_b)
               for _, x in ga[key] for _, y in gb[key]):
            found.add((r, col))
    return found


def _quoted(text: str, c: Comparison) -> str:
    """The words a claim quotes (its quotations joined), or "" when fewer than c.min_quote_words."""
    inner = " ".join(text[a:b].strip("\"'“”«»‘’ ") for a, b in quote_spans(text))
    return inner if len(inner.split()) >= c.min_quote_words else ""


def _translated_quotes(encoder: Encoder, ta: list[str], tb: list[str], c: Comparison) -> set[tuple[int, int]]:
    """Claims of two languages that quote the same words in translation ("The people have chosen
    stability" / "El pueblo ha elegido la estabilidad"): the quotations alone, encoded, at meaning
    cosine c.same_quote_meaning or more. Related whatever else the sentences say (the rest of a
    quoting sentence, who said it and where, pulled the whole pair to 0.41), so a quotation given to
    two people across languages is seen, as _same_quotes sees it within one."""
    qa = [(i, q) for i, q in enumerate(_quoted(t, c) for t in ta) if q]
    qb = [(j, q) for j, q in enumerate(_quoted(t, c) for t in tb) if q]
    if not qa or not qb:
        return set()
    m = encoder.encode([q for _, q in qa]) @ encoder.encode([q for _, q in qb]).T
    return {(qa[r][0], qb[k][0]) for r, k in zip(*np.nonzero(m >= c.same_quote_meaning))}


def _enough(fa: Features, fb: Features, meaning: float | None, c: Comparison) -> bool:
    """More than one shared common word: two content words (names aside), or a shared
    figure, or strong meaning (a pair that rests on "inflation" alone is no claim in common)."""
    if meaning is not None and meaning >= c.strong_meaning:
        return True
    names = {w for n in (*fa.names, *fb.names) for w in n.split()}
    shared = (set(fa.lemmas) & set(fb.lemmas)) - names
    # a concept both name in other words counts as one more shared word ("investigación" /
    # "investiga", "siniestro" / "accidente"), as it counts in the lexical score
    said = {concept(w) for w in shared}
    alike = ({concept(w) for w in fa.lemmas} & {concept(w) for w in fb.lemmas}) - said - {None}
    if len(shared) + len(alike) >= 2:
        return True
    return bool({(x.kind, x.value) for x in fa.figures} & {(y.kind, y.value) for y in fb.figures})


def _other_subjects(sim: np.ndarray, xa: list[list[Fact]], xb: list[list[Fact]], factor: float) -> np.ndarray:
    """Claims that count the same thing about different named places ("two dead in Calera",
    "36 dead in Torrealta") are probably other claims: their score is multiplied by `factor`,
    so each finds the claim about its own place when the other source has one. Matrix products
    over the distinct (kind, subject) facts, not a Python loop over every pair of claims (two
    1000-sentence reports: 4 s). The same thing: the same kind and unit ("25 basis points" of the
    Bank of Tarsis and "0,25 puntos de dinero" of the Banco de Tarsis count other things, as
    3,000 passengers and 400 police officers do)."""
    def counts(facts: list[Fact]) -> set[tuple[tuple[str, str], str]]:
        return {((x.kind, x.unit), x.subject) for x in facts if x.subject and x.kind in GROWING}

    ka, kb = [counts(f) for f in xa], [counts(f) for f in xb]
    # a kind both count about a named subject, and no subject of that kind in common
    shared = _any_pair([{(k, "") for k, _ in x} for x in ka], [{(k, "") for k, _ in x} for x in kb],
                       lambda a, b: True)
    if not shared.any():
        return sim
    other = shared & ~_any_pair(ka, kb, lambda a, b: same_subject(_POSSESSIVE.sub("", a), _POSSESSIVE.sub("", b)))
    return np.where(other, sim * factor, sim) if other.any() else sim


# "Albera's metro" names Albera: the subject of "3,000 passengers" there and of "unos 3.000 pasajeros" in Albera
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)


def _any_pair(xa: list[set[tuple]], xb: list[set[tuple]], related: Callable[[str, str], bool]) -> np.ndarray:
    """n x m booleans: whether some (group, value) of xa[r] and some of xb[col] have one group and
    related values. `related` is asked once per distinct pair of values within a group, and the
    claims are joined to it by two indicator matrices (a product, not a loop over claim pairs)."""
    out = np.zeros((len(xa), len(xb)), dtype=bool)
    index_a = {k: i for i, k in enumerate(dict.fromkeys(k for ks in xa for k in ks))}
    index_b = {k: i for i, k in enumerate(dict.fromkeys(k for ks in xb for k in ks))}
    if not index_a or not index_b:
        return out
    by_group: dict = {}
    for k, j in index_b.items():
        by_group.setdefault(k[0], []).append((k[1], j))
    keys = np.zeros((len(index_a), len(index_b)), dtype=np.float32)
    for (group, value), i in index_a.items():
        for other, j in by_group.get(group, ()):
            if related(value, other):
                keys[i, j] = 1.0
    if not keys.any():
        return out

    def indicator(items: list[set[tuple]], index: dict) -> np.ndarray:
        m = np.zeros((len(items), len(index)), dtype=np.float32)
        for r, ks in enumerate(items):
            m[r, [index[k] for k in ks]] = 1.0
        return m

    return (indicator(xa, index_a) @ keys @ indicator(xb, index_b).T) > 0


# Facts that say little about which claim a sentence is: when a report was made, a bare year.
_WEAK_KINDS = ("report-time", "year")


def _support(xa: list[list[Fact]], xb: list[list[Fact]], fa: list[Features], fb: list[Features]) -> np.ndarray:
    """1 where two claims (of two languages) state the same kind of fact about the same subject
    (or one of them names none), or share a proper name; else 0. Matrix products over the
    distinct facts and names (_any_pair), not a loop over every pair of claims."""
    def stated(facts: list[Fact]) -> set[tuple]:
        return {((x.kind, x.unit), x.subject) for x in facts if x.kind not in _WEAK_KINDS}

    facts = _any_pair([stated(f) for f in xa], [stated(f) for f in xb],
                      lambda a, b: not a or not b or same_subject(a, b))
    names = _any_pair([{("", n) for n in f.names} for f in fa], [{("", n) for n in f.names} for f in fb],
                      lambda a, b: bool(_shared_names((a,), (b,))))
    # the same number, whatever words count it (figures are read locale by locale: "1.250.000" /
    # "1,250,000", "cinco de los siete" / "Five of ... seven"): the units of a count are words of
    # each language ("pasajeros" / "passengers") and never meet as facts do
    # (the value must be the same: _any_pair groups by kind, and "41.3%" supported "55,3 %")
    figures = _any_pair([{(x.kind, x.value) for x in f.figures if x.kind != "year"} for f in fa],
                        [{(x.kind, x.value) for x in f.figures if x.kind != "year"} for f in fb],
                        lambda a, b: a == b)
    return (facts | names | figures).astype(np.float64)


def _same_quantity(xa: list[list[Fact]], xb: list[list[Fact]]) -> np.ndarray:
    """1 where two claims state the same quantity (kind and unit; not a report's time, a date or a
    year) about the same subject, or one of them names none; else 0 (matrix products, _any_pair)."""
    def stated(facts: list[Fact]) -> set[tuple]:
        return {((x.kind, x.unit), x.subject) for x in facts
                if x.kind not in _WEAK_KINDS + _REPORTED + _DATES and (x.kind != "count" or x.unit)}

    return _any_pair([stated(f) for f in xa], [stated(f) for f in xb],
                     lambda a, b: not a or not b or same_subject(a, b)).astype(np.float64)


def _same_fact(xa: list[Fact], xb: list[Fact], text_a: str = "", text_b: str = "") -> bool:
    """Both claims state a count of one kind about one named subject ("three people died in
    Calera", "in Calera, two people were killed"), or the same quantity (kind and unit, comparable
    as the conflict rule compares them: "traveling at 38 mph" / "moving at about 52 mph"; "about
    6:40 a.m." / "shortly before 7 a.m."): support enough for a pair over the threshold, as a shared
    figure is, when the two sentences word it differently. Not a report's time, a date or a year
    (many claims of one story share them)."""
    if any(x.kind == y.kind and x.kind in GROWING and x.subject and y.subject and same_subject(x.subject, y.subject)
           for x in xa for y in xb):
        return True
    xa = [x for x in xa if x.kind not in _WEAK_KINDS + _REPORTED + _DATES]
    xb = [y for y in xb if y.kind not in _WEAK_KINDS + _REPORTED + _DATES]
    return any(_comparable(x, y, xa, xb, text_a, text_b) for x in xa for y in xb)


def _same_value(xa: list[list[Fact]], xb: list[list[Fact]]) -> np.ndarray:
    """True where two claims state one quantity (kind and unit, not a report's time, a date or a year;
    a count with its noun) with the same value: "se aseguraron 38 casquillos" / "recogieron 38
    casquillos", "alrededor de las 23:15 horas" / "alrededor de las 11:15 de la noche"."""
    def stated(facts: list[Fact]) -> set[tuple]:
        return {((x.kind, x.unit), round(x.value, 3)) for x in facts
                if x.kind not in _WEAK_KINDS + _REPORTED + _DATES and (x.kind != "count" or x.unit)
                and (abs(x.value) >= 2 or x.kind in ("time", "money", "percentage", "rate"))}

    # (a one meets by chance: "one", or the 1 of a tokenised "6 . 1 - magnitude" read as 6 and 1, which set an
    # ECB+ headline's 6.1 against a background 9.1 quake; on ECB+ a floor of ten lost 14 right pairs, none wrong)
    return _any_pair([stated(f) for f in xa], [stated(f) for f in xb], lambda a, b: a == b)


def _candidates(sim: np.ndarray, c: Comparison, threshold: float,
                same: Callable[[str, int, int], bool] | None = None,
                merged: np.ndarray | None = None) -> list[tuple[int, int]]:
    """Pairs over the threshold. Lexical alone: each claim's top_k best matches either way.
    With meaning: each claim's best partner, when it is best for it too (the mutual best: no
    sentence in four pairs for the same reason); a second partner only when two sentences of
    one source say the same thing (`same(side, i, j)`: "a" or "b", two indices of that side)
    and the pair scores within best_margin of the best both ways."""
    if c.use_meaning and c.best_margin:
        keep = (sim >= threshold) & (sim >= c.best_margin * sim.max(axis=1, keepdims=True)) \
            & (sim >= c.best_margin * sim.max(axis=0, keepdims=True))
        best_col, best_row = np.argmax(sim, axis=1), np.argmax(sim, axis=0)
        row_max, col_max = sim.max(axis=1), sim.max(axis=0)
        out = []
        for r, col in zip(*np.nonzero(keep)):
            r, col = int(r), int(col)
            r_best, col_best = int(best_row[col]), int(best_col[r])
            # a tie is best for all it ties (a sentence repeated in a source): the same pairs
            # whichever article comes first
            mutual = sim[r, col] >= row_max[r] - 1e-12 and sim[r, col] >= col_max[col] - 1e-12
            if mutual or (same is not None and (
                    (col_best == col and same("a", r, r_best)) or (r_best == r and same("b", col, col_best)))):
                out.append((r, col))
        if merged is not None:
            # One source merges two claims of the other into one sentence ("deberán indemnizar con 150.000
            # euros a la familia y pagar una multa de 6.000 euros" against two sentences, one for each),
            # or words a claim so that the other's lead is nearer ("dos sujetos armados entraron al local
            # alrededor de las 11:15 de la noche"): a claim whose best partner, over the threshold,
            # states one of its quantities with the same value pairs with it though that partner has a
            # better match (one language; a second partner for that sentence, never a third)
            taken = {p for p in out}
            extra: dict[int, int] = {}
            for r in range(sim.shape[0]):
                col = int(best_col[r])
                if sim[r, col] >= threshold and merged[r, col] and (r, col) not in taken \
                        and sim[r, col] >= row_max[r] - 1e-12 and extra.get(col, 0) < 1:
                    out.append((r, col))
                    extra[col] = extra.get(col, 0) + 1
            for col in range(sim.shape[1]):
                r = int(best_row[col])
                if sim[r, col] >= threshold and merged[r, col] and (r, col) not in taken and (r, col) not in out \
                        and sim[r, col] >= col_max[col] - 1e-12 and extra.get(-1 - r, 0) < 1:
                    out.append((r, col))
                    extra[-1 - r] = extra.get(-1 - r, 0) + 1
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


def _relation(s: Sentence, t: Sentence, fa: Features, fb: Features, score: float, c: Comparison,
              side_a: tuple[list[Fact], Article, str], side_b: tuple[list[Fact], Article, str],
              known: tuple[dict[str, set[str]], dict[str, set[str]]] = ({}, {}),
              translated: bool = False) -> Relation:
    names_a = {w for n in fa.names for w in n.split()}
    words = tuple(sorted((set(fa.lemmas) & set(fb.lemmas)) - names_a))
    names = _shared_names(fa.names, fb.names)
    agree, differ, update = _facts(side_a, side_b, score, c)
    reported = any(f.kind == "report-time" for f in (*side_a[0], *side_b[0]))
    others = _other_differences(fa, fb, score, c, weekdays=not reported, known=known, translated=translated)
    differ.extend(others)
    update = update and not others
    kind = CONFLICT if differ else OVERLAP
    evidence = Evidence(words, names, tuple(agree), tuple(differ))
    return Relation(s.id, t.id, kind, round(min(score, 1.0), 3), evidence, update=bool(differ) and update)


def _shared_names(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    out = set()
    for x in a:
        for y in b:
            if x == y or set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split()):
                out.add(x if len(x) <= len(y) else y)
    return tuple(sorted(out))


# Kinds compared only between near-identical claims (c.date_conflict_threshold): "since 2000"
# and "in 2024" may both be true of two claims that are only alike.
_DATES = ("year", "date")
_REPORTED = ("report-time", "report-date")  # when a figure was reported: never compared


def _facts(side_a: tuple[list[Fact], Article, str], side_b: tuple[list[Fact], Article, str], score: float,
           c: Comparison) -> tuple[list[str], list[Difference], bool]:
    """Facts both claims agree on (labels), the (kind, subject) facts that differ, and whether
    every growing count that differs grew in the later source (a possible update)."""
    (xa, art_a, text_a), (xb, art_b, text_b) = side_a, side_b
    xa = [f for f in xa if f.kind not in _REPORTED and (f.kind not in _DATES or score >= c.date_conflict_threshold)]
    xb = [f for f in xb if f.kind not in _REPORTED and (f.kind not in _DATES or score >= c.date_conflict_threshold)]
    agree: list[str] = []
    differ: list[Difference] = []
    updates: list[bool] = []
    groups: dict[tuple[str, str, str], tuple[list[Fact], list[Fact]]] = {}
    def agrees(x: Fact, y: Fact) -> bool:
        return _agrees(x, y, c) or _bound_met(x, text_a, y, text_b)

    for x in xa:
        partners = [y for y in xb if _comparable(x, y, xa, xb, text_a, text_b)]
        if not partners:
            continue
        if any(agrees(x, y) for y in partners):
            agree.append(_label(x))
            continue
        alone = [y for y in partners
                 if not any(agrees(z, y) for z in xa if _comparable(z, y, xa, xb, text_a, text_b))]
        if alone:
            key = (x.kind, x.unit, "" if x.kind in EVENT_KINDS else x.subject or alone[0].subject)
            ga, gb = groups.setdefault(key, ([], []))
            ga.append(x)
            gb.extend(y for y in alone if y not in gb)
    for (kind, unit, subject), (ga, gb) in groups.items():
        later = _later(ga[0], art_a, gb[0], art_b)
        if kind in GROWING and later:
            first, last = (ga, gb) if later == "b" else (gb, ga)
            updates.append(max(f.value for f in last) > max(f.value for f in first))
        else:
            updates.append(False)
        differ.append(Difference(kind, unit, _values(ga), _values(gb), subject,
                                 _when(ga[0], art_a), _when(gb[0], art_b)))
    return agree, differ, bool(updates) and all(updates)


def _comparable(x: Fact, y: Fact, xa: list[Fact], xb: list[Fact], text_a: str = "", text_b: str = "") -> bool:
    """The same quantity about the same subject: same kind and unit (a count of the same thing,
    the same currency), and the same subject (or each sentence names the other's: "en Lima ... de
    Chile y Perú"), or none on either side, or one side names none while the other names just
    one for that kind (the claims are matched: they tell the same)."""
    if x.kind != y.kind or (x.kind == "count" and not x.unit):
        return False
    if x.unit != y.unit and not (x.kind in ("percentage", "rate") and not (x.unit and y.unit)):
        return False  # a share of one thing and of another, or over a quarter and a year; one unsaid may be either
    if x.kind in EVENT_KINDS:
        return True  # the event's own time, magnitude, depth: the place beside it is where it was
    if x.kind == "age":
        # whose age: the same person, named or told by the same noun ("the suspect, 34" / "the suspect,
        # 36"). Two names a sentence both mention are no one person: ECB+ (read in place) set "27-year-old
        # Christopher Simpson in the death of 20-year-old Ka'loni Flynn" against "26-year-old Simpson",
        # and a wife's age, 23, against her husband's, 32, told of no one.
        return bool(x.subject and y.subject and same_subject(x.subject, y.subject))
    if x.subject and y.subject:
        return same_subject(x.subject, y.subject) or (mentioned(x.subject, text_b) and mentioned(y.subject, text_a))
    if not x.subject and not y.subject:
        return True
    if (x.subject or y.subject)[:1].islower():
        return True  # a doer told by a common noun ("los bomberos evacuaron a 2.000") against none: it may be theirs
    named, bare, bare_side = (x, y, xb) if x.subject else (y, x, xa)
    others = xa if bare_side is xb else xb  # the side that names a subject
    one_subject = len({f.subject for f in others if f.kind == named.kind}) == 1
    bare_unnamed = all(not f.subject for f in bare_side if f.kind == bare.kind)
    return one_subject and bare_unnamed


def _agrees(x: Fact, y: Fact, c: Comparison) -> bool:
    """Two values of one quantity agree: equal within the resolution they are written at
    ("7" and "7,1"; 10 km and 6.2 miles), within c.approx_margin when either is approximate,
    or a bound ("at least", "up to") the other value meets within c.bound_margin."""
    gap = abs(x.value - y.value)
    if gap <= max(x.step, y.step) / 2 + 1e-9 * max(1.0, abs(x.value)):
        return True
    if "approx" in (x.qualifier, y.qualifier) and gap <= c.approx_margin * max(abs(x.value), abs(y.value)):
        return True
    for bound, other in ((x, y), (y, x)):
        if bound.qualifier == "min" and bound.value <= other.value <= bound.value * (1 + c.bound_margin):
            return True
        if bound.qualifier == "max" and bound.value * (1 - c.bound_margin) <= other.value <= bound.value:
            return True
        if bound.qualifier == other.qualifier == "min" and gap <= c.bound_margin * max(x.value, y.value):
            return True
    return False


def _bound_met(x: Fact, text_x: str, y: Fact, text_y: str) -> bool:
    """A lower bound and a tally that one source says rose to a value above it ("At least 12 people
    were killed" / "The death toll ... rose to 19"; "Al menos una decena de personas murieron" /
    "El número de fallecidos ... ascendió a 14"): the bound was honest and the count grew, so they
    agree however far apart. An exact earlier count ("confirmaba 11 fallecidos") against the risen
    one still differs (a possible update), and so does a bound above it."""
    for bound, text_b, other, text_o in ((x, text_x, y, text_y), (y, text_y, x, text_x)):
        if bound.kind in GROWING and bound.qualifier == "min" and other.qualifier != "max" \
                and other.value >= bound.value and _risen_fact(other, text_o):
            return True
    return False


def _risen_fact(f: Fact, text: str) -> bool:
    at = text.find(f.text)
    return at >= 0 and risen(text, at)


values_agree = _agrees  # for the report's fact table: the comparator's own rule


def _later(x: Fact, art_x: Article, y: Fact, art_y: Article) -> str:
    """Which side states its value later: "a", "b" or "" (unknown). Publication dates first
    (Article.published); on the same or an unknown date, the report times the texts state."""
    px = art_x.published.date if art_x.published else ""
    py = art_y.published.date if art_y.published else ""
    if px and py and px[:10] != py[:10]:
        return "a" if px[:10] > py[:10] else "b"
    if px and py and len(px) > 10 and len(py) > 10 and px != py:
        return "a" if px > py else "b"
    if x.at and y.at and x.at != y.at and (not (px or py) or px[:10] == py[:10]):
        return "a" if x.at > y.at else "b"
    return ""


def _when(f: Fact, art: Article) -> str:
    """When a side states a value: the report time the text gives ("As of 8:30 a.m.") on the
    publication's day, else the publication's date and time ("2026-03-17 08:30", not the
    publication's 08:55 and the report's 08:30 side by side)."""
    day = art.published.date.replace("T", " ") if art.published else ""
    return " ".join(p for p in (day[:10] if f.at else day, f.at) if p)


def _values(facts: list[Fact]) -> str:
    return ", ".join(dict.fromkeys(f.text for f in facts))


def _label(f: Fact) -> str:
    return value_label(f) if f.kind in ("time", "date", "money", "percentage", "rate") or f.unit in ("km", "m", "hour", "km/h") \
        else f"{value_label(f)} {f.kind if f.kind != 'count' else f.unit}"


def _other_differences(fa: Features, fb: Features, score: float, c: Comparison,
                       weekdays: bool = True,
                       known: tuple[dict[str, set[str]], dict[str, set[str]]] = ({}, {}),
                       translated: bool = False) -> list[Difference]:
    """Differences that are not figures: weekdays (not when a claim says when it was reported:
    "at 1 p.m. on Friday" dates the report, not the event; nor a day told only in the possessive,
    "will play in Sunday's game", which names another event), and the same quotation given to two
    speakers."""
    differ = []
    if (weekdays and set(fa.weekdays) - set(fa.named_days) and set(fb.weekdays) - set(fb.named_days)
            and not set(fa.weekdays) & set(fb.weekdays)
            and score >= c.date_conflict_threshold):
        differ.append(Difference("day", "", _days(fa.weekdays), _days(fb.weekdays)))
    speaker = _speaker_conflict(fa, fb, c.same_quote, known, translated)
    if speaker:
        differ.append(speaker)
    return differ


def _speaker_conflict(fa: Features, fb: Features, same_quote: float,
                      known: tuple[dict[str, set[str]], dict[str, set[str]]] = ({}, {}),
                      translated: bool = False) -> Difference | None:
    """The same quotation attributed to different people: names outside the quotes
    on both sides, none in common, and most of the quoted words shared. A role and a name
    are one speaker when the article that gives the role names its holder ("afirmó el
    ministro" / "subrayó Lledó", where the first article calls him "El ministro de
    Agricultura, Fernando Lledó"): `known` maps, per article, a role to the names it is
    given to and a name to its roles (_roles)."""
    if not fa.speakers or not fb.speakers or not fa.quote_lemmas or not fb.quote_lemmas:
        return None
    qa, qb = set(fa.quote_lemmas), set(fb.quote_lemmas)
    if not translated and len(qa & qb) / min(len(qa), len(qb)) < same_quote:
        return None  # (in translation no lemma meets: `translated` says the quotations mean the same)
    if _shared_names(fa.speakers, fb.speakers) or set(fa.names) & set(fb.speakers) or set(fb.names) & set(fa.speakers):
        return None
    names_a, names_b = _holders(fa, known[0]), _holders(fb, known[1])
    if names_a and names_b:
        if _shared_names(tuple(names_a), tuple(names_b)):
            return None  # "Lledó" and "el ministro" whom the other article calls Fernando Lledó
    elif _roles_of(fa, names_a, known[0]) & _roles_of(fb, names_b, known[1]):
        return None  # a role left unnamed, which the other side's speaker holds
    return Difference("speaker", "", ", ".join(n.title() for n in fa.speakers), ", ".join(n.title() for n in fb.speakers))


def _holders(f: Features, known: dict[str, set[str]]) -> set[str]:
    """The people a quotation is given to: the names among its speakers, and the holders of the
    roles among them as their own article names them ("el ministro" -> "fernando lledo")."""
    out = {s for s in f.speakers if s in f.names}
    for s in f.speakers:
        if s in TITLES:
            out |= known.get(s, set())
    return out


def _roles_of(f: Features, names: set[str], known: dict[str, set[str]]) -> set[str]:
    """The roles a quotation's speakers hold: role words among them, and the roles their own
    article gives the named ones ("Lledó" -> the "ministro" of "El ministro ..., Fernando Lledó")."""
    out = {s for s in f.speakers if s in TITLES}
    for name in names:
        for other, roles in known.items():
            if " " in other and other not in TITLES and _shared_names((name,), (other,)):
                out |= roles
    return out


# A role word before a name, or after it across a comma, in one clause: "El ministro de Agricultura,
# Fernando Lledó", "said party leader Marta Quiroga", "Dr. Karen Holt, the state epidemiologist".
_ROLE_GAP = 4  # words between the role and the name (", the state", "de Agricultura,")


def _roles(texts: list[str], language: str) -> dict[str, set[str]]:
    """Who an article says holds which role: role -> names and name -> roles, from the role words
    (lexicon.TITLES) within _ROLE_GAP words of a name of two words or more in one sentence, with no
    other name between them. An article's own text only: what another outlet says is no evidence."""
    res = resources(language)
    out: dict[str, set[str]] = {}
    for text in texts:
        if not any(ch.isupper() for ch in text[1:]):
            continue
        tokens = list(WORD.finditer(text))
        runs = _name_runs(tokens, text)
        for a, b, name in runs:  # a title inside the name: "Police Chief Ramona Diaz", "Mayor Colin Reyes"
            words = name.split()
            at = max((k for k, w in enumerate(words) if w in TITLES), default=-1)
            if 0 <= at and len(words) - at - 1 >= 2:
                holder = " ".join(words[at + 1:])
                out.setdefault(words[at], set()).add(holder)
                out.setdefault(holder, set()).add(words[at])
        spots = [(i, fold(res.lemma(t.group().lower()))) for i, t in enumerate(tokens)
                 if t.group()[0].islower() and fold(res.lemma(t.group().lower())) in TITLES]
        if not spots:
            continue
        for i, role in spots:
            near = [(abs(i - (a if a > i else b)), name) for a, b, name in runs
                    if len(name.split()) > 1 and (0 < a - i <= _ROLE_GAP + 1 or 0 < i - b <= _ROLE_GAP + 1)]
            if near:
                name = min(near)[1]
                out.setdefault(role, set()).add(name)
                out.setdefault(name, set()).add(role)
    return out


def _name_runs(tokens: list[re.Match], text: str) -> list[tuple[int, int, str]]:
    """(first token, last token, folded name) of each run of capitalised words not opening the
    text; punctuation between two words ends a run ("Agricultura, Fernando Lledó" is two)."""
    runs: list[tuple[int, int, str]] = []
    start = None
    for i in range(1, len(tokens) + 1):
        cap = i < len(tokens) and tokens[i].group()[0].isupper()
        joined = cap and start is not None and not text[tokens[i - 1].end():tokens[i].start()].strip()
        if start is not None and not joined:
            runs.append((start, i - 1, fold(" ".join(t.group() for t in tokens[start:i]))))
            start = None
        if cap and start is None:
            start = i
    return runs


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
        vecs = _vectors([analyze(a, language_a), analyze(b, language_b)], alone, local_idf=False, texts=[a, b])
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
