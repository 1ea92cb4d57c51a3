"""Readers of the labeled-data formats `reporter eval` measures on, and the pair scorer.

Formats: anchor gold for news pairs (seeds-gold.json), STS tsv/csv, CheckThat!
TSV, ClaimBuster JSON, BBC News Summary jsonl, ECB+ jsonl, UD sentence offsets jsonl; any
of them may be gzip-compressed. score_pair counts exactly what
../shared/eval/score.py counts, so our eval and the judges' agree.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import re
from pathlib import Path

from reporter.errors import InputError
from reporter.model import BODY, Article, Sentence


def _text(path: str | Path) -> str:
    p = Path(path)
    try:
        data = p.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        return data.decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, EOFError) as e:
        raise InputError(f"{path}: cannot be read ({e})") from None


def _bad(path, what: str) -> InputError:
    return InputError(f"{path}: not {what}")


def _jsonl(path, what: str, record, fields: str = "") -> list:
    """record(object) of each non-blank line of a JSON-lines file, in order; a line that is
    not JSON, or lacks what `record` reads, is one clean error naming the line (and `fields`)."""
    out = []
    for n, line in enumerate(_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(record(json.loads(line)))
        except (ValueError, KeyError, TypeError, AssertionError):
            raise _bad(path, f"{what} (line {n}{': ' + fields if fields else ''})") from None
    return out


# ---- news pairs (anchor gold) --------------------------------------------------------------


def read_gold(path) -> list[dict]:
    try:
        pairs = json.loads(_text(path))["pairs"]
        assert all({"name", "a", "b", "overlap"} <= set(p) for p in pairs)
        return pairs
    except (ValueError, KeyError, TypeError, AssertionError):
        raise _bad(path, "a gold file of news pairs (a JSON object with 'pairs')") from None


def brief_pair(pair: dict, folder: Path, settings):
    """The briefing of one gold pair: its articles `a` and `b`, read from folder."""
    from reporter.pipeline import brief, make_source
    from reporter.stages.read import read

    texts = []
    for side in ("a", "b"):
        path = Path(folder) / pair[side]
        if not path.is_file():
            raise InputError(f"{path}: no such file (named by pair {pair['name']})")
        texts.append(read(str(path)))
    return brief([make_source(i.label, i.text, settings, i.format, i.encoding, i.published) for i in texts], settings)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def score_pair(g: dict, briefing: dict) -> dict:
    """The counts of ../shared/eval/score.py for one pair (same definitions; tests prove it on
    a hand-made briefing). "lost" counts anchors found in no sentence, once per anchor
    (score.py counts a lost not_conflict anchor twice: it looks those up twice)."""
    arts = briefing["articles"]
    sents = [[(s["id"], _norm(s["text"])) for s in a["sentences"]] for a in arts[:2]]
    lost: list = []

    def find(side: int, anchor: str):
        a = _norm(anchor)
        for sid, text in sents[side]:
            if a in text:
                return sid
        lost.append(("ab"[side], anchor))
        return None

    fa, fb = (lambda x: find(0, x)), (lambda y: find(1, y))
    rel = {frozenset((r["a"], r["b"])): r.get("type", "overlap") for r in briefing.get("relations", [])}
    gold_pairs = [(fa(x), fb(y)) for x, y in g["overlap"]]
    conf_pairs = [(fa(x), fb(y)) for x, y in g.get("conflict", [])]
    ok_pairs = [(fa(x), fb(y)) for x, y in g.get("acceptable", [])]
    not_conf = [(fa(x), fb(y)) for x, y in g.get("not_conflict", [])]
    allowed = {frozenset(p) for p in gold_pairs + conf_pairs + ok_pairs + not_conf if None not in p}
    need = gold_pairs + conf_pairs
    out: dict = {}
    out["overlap_recall"] = (sum(1 for p in need if None not in p and frozenset(p) in rel), len(need))
    out["conflict_recall"] = (sum(1 for p in conf_pairs if None not in p and rel.get(frozenset(p)) == "conflict"),
                              len(conf_pairs))
    out["false_conflicts"] = sum(1 for p in gold_pairs + not_conf
                                 if None not in p and rel.get(frozenset(p)) == "conflict")
    # conflict precision: a conflict relation is right only on a gold conflict pair or an acceptable pair
    conflict_ok = {frozenset(p) for p in conf_pairs + ok_pairs if None not in p}
    conflicts = [k for k, t in rel.items() if t == "conflict"]
    out["conflict_precision"] = (sum(1 for k in conflicts if k in conflict_ok), len(conflicts))
    wrong = [k for k in rel if k not in allowed]
    out["precision"] = (len(rel) - len(wrong), len(rel))
    touched = set().union(*rel.keys()) if rel else set()
    only = [fa(x) for x in g.get("only_a", [])] + [fb(y) for y in g.get("only_b", [])]
    out["only_violations"] = sum(1 for s in only if s and s in touched)
    summary = set(arts[0].get("summary", [])) | set(arts[1].get("summary", []))
    flagged = {f["sentence"] for f in briefing.get("flags", [])}
    bp = g.get("boilerplate", {"a": [], "b": []})
    bp_ids = [fa(x) for x in bp["a"]] + [fb(y) for y in bp["b"]]
    out["boilerplate_violations"] = sum(1 for s in bp_ids if s and (s in summary or s in touched or s in flagged))
    nis = g.get("not_in_summary", {"a": [], "b": []})
    out["summary_violations"] = sum(1 for s in [fa(x) for x in nis["a"]] + [fb(y) for y in nis["b"]]
                                    if s and s in summary)
    lead = g.get("summary_lead", {"a": [], "b": []})
    hits = 0
    for side, f, art in (("a", fa, arts[0]), ("b", fb, arts[1])):
        if lead[side]:
            hits += bool({f(x) for x in lead[side]} & set(art.get("summary", [])))
    out["summary_lead"] = (hits, sum(1 for k in "ab" if lead[k]))
    cw = g.get("checkworthy", {"a": [], "b": []})
    cw_ids = [fa(x) for x in cw["a"]] + [fb(y) for y in cw["b"]]
    out["checkworthy_recall"] = (sum(1 for s in cw_ids if s and s in flagged), len(cw_ids))
    ncw = g.get("not_checkworthy", {"a": [], "b": []})
    out["checkworthy_violations"] = sum(1 for s in [fa(x) for x in ncw["a"]] + [fb(y) for y in ncw["b"]]
                                        if s and s in flagged)
    out["lost"] = len(lost)
    return out


# ---- sentence similarity -----------------------------------------------------------------


def read_sts(path) -> list[tuple[str, str, float | None]]:
    """(sentence 1, sentence 2, gold score or None) from the three STS layouts, told apart
    by the file's first row: a header "sentence1, sentence2, score" (SemEval-2017), seven
    or more columns (STS Benchmark: genre, file, year, id, score, s1, s2), or three columns
    with the score first (headlines; a blank score is an unscored pair, kept as None)."""
    text = _text(path)
    rows = [r for r in csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE) if r]
    if not rows:
        raise _bad(path, "an STS file (no sentence pairs)")
    if [c.strip().lower() for c in rows[0][:3]] in (["sentence1", "sentence2", "score"],
                                                     ["sentence_es", "sentence_en", "score"]):  # es-en: Spanish first
        layout, rows = "s1 s2 score", rows[1:]
    elif len(rows[0]) >= 7:
        layout = "benchmark"
    elif len(rows[0]) == 3 and (not rows[0][0].strip() or _is_number(rows[0][0])):
        layout = "score s1 s2"
    elif len(rows[0]) == 3 and _is_number(rows[0][2]):
        layout = "s1 s2 score"
    else:
        raise _bad(path, f"an STS file (first row: {rows[0][:3]})")
    out: list[tuple[str, str, float | None]] = []
    for n, row in enumerate(rows, start=1):
        try:
            if layout == "benchmark":
                out.append((row[5], row[6], float(row[4])))
            elif layout == "s1 s2 score":
                out.append((row[0], row[1], float(row[2])))
            else:
                out.append((row[1], row[2], float(row[0]) if row[0].strip() else None))
        except (ValueError, IndexError):
            raise _bad(path, f"an STS file ({layout}; row {n}: {row[:3]})") from None
    return out


def _is_number(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return False


# ---- check-worthiness --------------------------------------------------------------------


def read_checkworthy(path) -> list[tuple[str, int]]:
    text = _text(path)
    if text.lstrip().startswith("["):  # ClaimBuster: [{"text", "label"}]
        try:
            return [(r["text"], int(r["label"] == 1)) for r in json.loads(text)]
        except (ValueError, KeyError, TypeError):
            raise _bad(path, "ClaimBuster JSON") from None
    rows = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    try:
        return [(_unquote(r.get("tweet_text") or r.get("Text") or ""), int(r["class_label"].strip() == "Yes"))
                for r in rows]
    except (KeyError, AttributeError):
        raise _bad(path, "a CheckThat! TSV (columns Text or tweet_text, class_label)") from None


_LONE_QUOTE = re.compile(r'(?<!")"(?!")')


def _unquote(field: str) -> str:
    """A CSV-quoted field back to its text: the English CheckThat! file wraps 450 of its
    sentences in quotes and doubles the quotes inside (a movie - ""Crocodile Dundee."").
    A field is CSV-quoted only when it starts and ends with a quote and every quote inside
    is doubled; a tweet that merely opens with a quotation (49 in the Spanish file) is kept
    whole, since its quotation marks are part of the claim."""
    inner = field[1:-1]
    if len(field) >= 2 and field[0] == field[-1] == '"' and not _LONE_QUOTE.search(inner.replace('""', "")):
        return inner.replace('""', '"')
    return field


_SOCIAL = re.compile(r"https?://\S+|@\w+|#")


def clean_social(text: str) -> str:
    """Links, handles and hash marks out of a tweet: they are not the claim."""
    return _SOCIAL.sub(" ", text)


def checkworthy_items(path) -> list[tuple[str, int]]:
    """(text, 1 if check-worthy else 0) as the check-worthiness model sees them, in file
    order: read_checkworthy's items with clean_social applied. `reporter eval checkworthy`
    scores these and `python -m reporter.tools.train` learns from these, so the two agree."""
    return [(clean_social(text), label) for text, label in read_checkworthy(path)]


# ---- summaries ---------------------------------------------------------------------------


def read_bbc(path) -> list[tuple[str, str]]:
    return _jsonl(path, "BBC summaries jsonl", lambda d: (d["article"], d["extractive_summary"]))


def count_reference_sentences(reference: str, sentences: list[str]) -> int:
    """How many article sentences the reference holds (its sentences are joined without spaces)."""
    flat = re.sub(r"\s+", "", reference)
    return sum(1 for s in sentences if re.sub(r"\s+", "", s) in flat)


# ---- ECB+ event coreference ------------------------------------------------------------


def read_ecb(path) -> list[dict]:
    """ECB+ documents: {"doc_id", "subtopic", "sentences": [tokenised text],
    "cross_doc_mentions": [{"sent", "type", "instance", ...}]}, in file order."""

    def document(d: dict) -> dict:
        assert isinstance(d["sentences"], list) and isinstance(d["cross_doc_mentions"], list)
        d["subtopic"], d["doc_id"] = str(d["subtopic"]), str(d["doc_id"])
        return d

    docs = _jsonl(path, "ECB+ jsonl", document, "doc_id, subtopic, sentences, cross_doc_mentions")
    if not docs:
        raise _bad(path, "ECB+ jsonl (no documents)")
    return docs


def ecb_pairs(docs: list[dict], per_subtopic: int = 10):
    """Document pairs of one subtopic, each as (doc a, doc b, gold): gold holds the
    (sentence of a, sentence of b) index pairs that mention the same ACTION instance,
    i.e. describe the same event. At most `per_subtopic` pairs (0 = all), neighbours in
    file order first ((1, 2), (2, 3), ... then (1, 3), ...), so ten pairs cover eleven
    documents instead of pairing the first document with ten others."""
    by_subtopic: dict[str, list[dict]] = {}
    for d in docs:
        by_subtopic.setdefault(d["subtopic"], []).append(d)
    for group in by_subtopic.values():
        order = sorted(((i, j) for i in range(len(group)) for j in range(i + 1, len(group))),
                       key=lambda p: (p[1] - p[0], p[0]))
        for i, j in order[: per_subtopic or None]:
            a, b = group[i], group[j]
            ea, eb = _actions(a), _actions(b)
            gold = {(s, t) for s, xs in ea.items() for t, ys in eb.items() if xs & ys}
            yield a, b, gold


def ecb_annotated(doc: dict) -> list[int]:
    """Indices of the sentences with any cross-document mention: the only ones ECB+ labels."""
    return sorted({int(m["sent"]) for m in doc["cross_doc_mentions"]})


def ecb_article(aid: str, doc: dict, keep) -> Article:
    """One ECB+ document as an English Article whose claims are the kept sentences (their
    tokenised text, one per line, so offsets hold); a sentence's id and index keep its
    ECB+ number (0-based k is "A{k+1}"), so relations map back to the gold."""
    sentences, parts, offset = [], [], 0
    for k in keep:
        text = doc["sentences"][k]
        sentences.append(Sentence(f"{aid}{k + 1}", aid, k + 1, offset, offset + len(text), text, BODY, len(parts)))
        parts.append(text)
        offset += len(text) + 1
    text = "\n".join(parts)
    title = parts[0] if parts else ""
    return Article(aid, doc["doc_id"], text, title, "en", tuple(sentences))


def ecb_relations(relations, ja: set[int], jb: set[int]) -> set[tuple[int, int]]:
    """(sentence index in a, in b) of each relation between two annotated sentences
    (a relation that touches an unannotated sentence cannot be judged)."""
    out = set()
    for r in relations:
        i, j = int(r.a[1:]) - 1, int(r.b[1:]) - 1
        if i in ja and j in jb:
            out.add((i, j))
    return out


def _actions(doc: dict) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for m in doc["cross_doc_mentions"]:
        if str(m.get("type", "")).startswith("ACTION"):
            out.setdefault(int(m["sent"]), set()).add(m["instance"])
    return out


# ---- segmentation ------------------------------------------------------------------------


def read_segmentation(path) -> dict[str, list[tuple[str, list]]]:
    """(text, sentences as [start, end] offsets) of each document, by language ("lang", default en)."""
    out: dict[str, list] = {}
    for lang, doc in _jsonl(path, "a segmentation jsonl",
                            lambda d: (d.get("lang", "en"), (d["text"], d["sentences"]))):
        out.setdefault(lang, []).append(doc)
    return out
