"""`reporter eval`: measure the comparator, the flagger and the summarizer on labeled data.

    reporter eval pairs GOLD.json --articles DIR     alignment, conflicts, violations (as score.py)
    reporter eval sts FILE --language es|en           similarity vs gold: Pearson, Spearman
    reporter eval checkworthy FILE --language es|en   precision, recall, F1 of the positive class
    reporter eval summaries FILE                      ROUGE-1/2/L beside Lead-3
    reporter eval ecb FILE [--sweep]                  same-event sentence pairs (ECB+): P, R, F1
    reporter eval segmentation FILE                   sentence-boundary precision, recall, F1
    reporter eval dates FILE.tsv                      date expressions resolved exactly (accuracy)

Each prints a table (or JSON with --json). The file formats are those of
../shared/eval (read by evaldata.py); nothing here needs that folder to exist.
Heavy imports happen inside the commands, so `reporter --help` stays fast.
"""
from __future__ import annotations

import json
import math
import sys
from dataclasses import replace
from pathlib import Path

from reporter.errors import InputError
from reporter.run.env import Env
from reporter.settings import Settings
from reporter.tools.metrics import f1, pearson, prf, prf_counts, rouge, spearman


def run(args, settings: Settings, env: Env = Env()) -> int:
    """`reporter eval KIND ...` (the options are defined in cli.py), with the run's settings."""
    from reporter.tools import evaldata

    for name in ("gold", "file"):
        value = getattr(args, name, None)
        if value is not None and not Path(value).is_file():
            raise InputError(f"{value}: no such file")
    result = {"pairs": eval_pairs, "sts": eval_sts, "checkworthy": eval_checkworthy,
              "summaries": eval_summaries, "ecb": eval_ecb, "segmentation": eval_segmentation,
              "dates": eval_dates, "archive": eval_archive}[args.kind](
        args, evaldata, settings)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2), file=env.out)
    else:
        _table(result, env.out)
    return 0


def _table(result: dict, out) -> None:
    rows = result["rows"]
    cols = list(rows[0])
    width = {c: max(len(c), *(len(_fmt(r[c])) for r in rows)) for c in cols}
    print("  ".join(c.ljust(width[c]) for c in cols), file=out)
    for r in rows:
        print("  ".join(_fmt(r[c]).ljust(width[c]) for c in cols), file=out)
    for line in result.get("notes", []):
        print(line, file=out)


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    if isinstance(v, (list, tuple)) and len(v) == 2:
        return f"{v[0]}/{v[1]}"
    return str(v)


# ---- pairs -------------------------------------------------------------------------


def _at_threshold(settings: Settings, threshold: float | None) -> Settings:
    """The settings with another overlap threshold (calibration): passed down, never patched in.
    The threshold in use: the hybrid score's with meaning on (meaning_threshold), else the lexical one."""
    if threshold is None:
        return settings
    field = "meaning_threshold" if settings.compare.use_meaning else "overlap_threshold"
    return replace(settings, compare=replace(settings.compare, **{field: threshold}))


def _threshold(settings: Settings) -> float:
    c = settings.compare
    return c.meaning_threshold if c.use_meaning else c.overlap_threshold


def eval_pairs(args, evaldata, settings: Settings) -> dict:
    from reporter.report.json_twin import to_dict

    gold = evaldata.read_gold(args.gold)
    folder = Path(args.articles)
    if not folder.is_dir():
        raise InputError(f"--articles {args.articles}: no such folder")
    settings = _at_threshold(settings, args.threshold)
    rows, total = [], {}
    for pair in gold:
        briefing = evaldata.brief_pair(pair, folder, settings)
        data = to_dict(briefing)
        if args.save:
            Path(args.save).mkdir(parents=True, exist_ok=True)
            (Path(args.save) / f"{pair['name']}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        counts = evaldata.score_pair(pair, data)
        rows.append({"pair": pair["name"], **_pair_row(counts)})
        for k, v in counts.items():
            if isinstance(v, tuple):
                a, b = total.get(k, (0, 0))
                total[k] = (a + v[0], b + v[1])
            elif isinstance(v, int):
                total[k] = total.get(k, 0) + v
    rows.append({"pair": "TOTAL", **_pair_row(total)})
    return {"rows": rows}


def _pair_row(c: dict) -> dict:
    hit, need = c["overlap_recall"]
    good, made = c["precision"]
    recall = hit / need if need else 1.0
    precision = good / made if made else 1.0
    return {"align_recall": c["overlap_recall"], "align_precision": c["precision"],
            "align_f1": round(f1(precision, recall), 3),
            "conflict_recall": c["conflict_recall"], "conflict_precision": c["conflict_precision"],
            "false_conflicts": c["false_conflicts"],
            "only_viol": c["only_violations"], "boilerplate_viol": c["boilerplate_violations"],
            "summary_viol": c["summary_violations"], "summary_lead": c["summary_lead"],
            "checkworthy_recall": c["checkworthy_recall"], "checkworthy_viol": c["checkworthy_violations"],
            "lost_anchors": c["lost"]}


# ---- sts -------------------------------------------------------------------------


def _encoder(settings: Settings):
    """The sentence encoder when the settings use meaning (as a briefing would), else None."""
    if not settings.compare.use_meaning:
        return None
    from reporter.text.encoder import load

    return load()


def eval_sts(args, evaldata, settings: Settings) -> dict:
    from reporter.stages.compare import similarities

    items = evaldata.read_sts(args.file)
    language_a, _, language_b = args.language.partition("-")  # "es-en": the first sentence Spanish
    predicted = similarities([(a, b) for a, b, _ in items], language_a, language_b or language_a,
                             settings.compare, _encoder(settings))
    if args.predictions:
        _write_lines(args.predictions, [f"{p:.4f}" for p in predicted])
    scored = [(p, g) for p, (_, _, g) in zip(predicted, items) if g is not None]
    xs, ys = [p for p, _ in scored], [g for _, g in scored]
    return {"rows": [{"file": Path(args.file).name, "pairs": len(items), "scored": len(scored),
                      "pearson": round(pearson(xs, ys), 3), "spearman": round(spearman(xs, ys), 3)}]}


# ---- checkworthy -------------------------------------------------------------------


def eval_checkworthy(args, evaldata, settings: Settings) -> dict:
    """The flag decision on each item. briefing: the calibrated model at settings' threshold (what
    the briefing flags); model: the model at its own out-of-fold best threshold; rules: the rules
    alone. A second row scores the held-out part alone (tools/train.py's split): the shipped models
    never saw those sentences, so only that row is an honest measure for them."""
    from reporter.stages.flag import probability, reasons_for, score
    from reporter.text import checkworthy
    from reporter.tools.train import heldout

    items = evaldata.checkworthy_items(args.file)
    model = checkworthy.load(args.language) if args.scorer == "model" or settings.flag.use_model else None
    if args.scorer == "model" and model is None:
        raise InputError(f"no learned model ships for {args.language}")
    if args.scorer == "rules":
        model = None
    vectors = None
    if model is not None:
        from reporter.text.encoder import load as load_encoder

        vectors = load_encoder().encode([text for text, _ in items])
    threshold = (model.threshold if args.scorer == "model" else settings.flag.threshold_for(args.language)) if model is not None \
        else settings.flag.rules_threshold
    decisions, scores = [], []
    for i, (text, _) in enumerate(items):
        r, h = reasons_for(text, args.language, single_source=False, conflict=False)
        s = probability(model, vectors[i], text, args.language, r, h) if model is not None else score(r, h, settings.flag)
        decisions.append(s >= threshold)
        scores.append(s)
    if args.predictions:
        _write_lines(args.predictions, [f"{int(d)}\t{s:.4f}" for d, s in zip(decisions, scores)])
    rows = []
    held = [heldout(text) for text, _ in items]
    for part, keep in (("all", [True] * len(items)), ("held-out", held)):
        gold = [g for (_, g), k in zip(items, keep) if k]
        p, r, f = prf([d for d, k in zip(decisions, keep) if k], gold)
        rows.append({"file": Path(args.file).name, "part": part, "scorer": args.scorer, "threshold": threshold,
                     "items": len(gold), "positives": sum(gold), "precision": round(p, 3), "recall": round(r, 3),
                     "f1": round(f, 3)})
    notes = []
    if model is not None:
        notes.append(f"note: the {args.language} model ({model.about}). It was trained on the rest of the "
                     "development data: only the held-out row is an honest measure.")
    return {"rows": rows, "notes": notes}


# ---- summaries -----------------------------------------------------------------------


def eval_summaries(args, evaldata, settings: Settings) -> dict:
    from reporter.model import Source
    from reporter.settings import SUMMARIZERS, Summary, parse_length
    from reporter.stages.ingest import classify_lines
    from reporter.stages.segment import segment
    from reporter.stages.summarize import summarize

    names = ([n for n in SUMMARIZERS if not n.endswith("-sumy")] if args.summarizer == "all"
             else [n.strip() for n in args.summarizer.split(",") if n.strip()])
    if any(n not in SUMMARIZERS for n in names):
        raise InputError(f"--summarizer {args.summarizer}: not one of {', '.join(SUMMARIZERS)}, all")
    if args.length:
        try:
            parse_length(args.length)
        except ValueError as e:
            raise InputError(str(e)) from None
    docs = evaldata.read_bbc(args.file)
    if args.limit:
        docs = docs[: args.limit]
    totals = {n: [0.0, 0.0, 0.0] for n in ["lead-3", *names]}
    for text, reference in docs:
        article = segment(Source("bbc", text, "en", classify_lines(text)), "A")
        claims = article.claims
        if args.length:
            n = args.length
        else:
            n = str(max(1, evaldata.count_reference_sentences(reference, [s.text for s in claims])))
        picks = {"lead-3": [s.text for s in claims[:3]]}
        for name in names:
            ids = set(summarize(article, Summary(name, n)))
            picks[name] = [s.text for s in claims if s.id in ids]
        for name, sentences in picks.items():
            for k, v in enumerate(rouge(" ".join(sentences), reference)):
                totals[name][k] += v
    rows = [{"summarizer": name, "articles": len(docs), "rouge1": round(v[0] / len(docs), 4),
             "rouge2": round(v[1] / len(docs), 4), "rougeL": round(v[2] / len(docs), 4)}
            for name, v in totals.items()]
    length = f"--length {args.length}" if args.length else "as many sentences as the reference holds"
    return {"rows": rows, "notes": [f"F1 of ROUGE-1/2/L, lowercased word tokens; length: {length} "
                                    "(Lead-3: three sentences)"]}


# ---- ECB+ (calibration of the overlap threshold) -------------------------------------------

SWEEP = tuple(round(0.10 + 0.05 * i, 2) for i in range(15))  # 0.10 ... 0.80


def eval_ecb(args, evaldata, settings: Settings) -> dict:
    from reporter.stages.compare import compare

    current = _threshold(settings)
    threshold = current if args.threshold is None else args.threshold
    if not 0 <= threshold <= 1:
        raise InputError(f"--threshold {threshold}: must be between 0 and 1")
    if args.pairs_per_subtopic < 0:
        raise InputError("--pairs-per-subtopic must be 0 (all) or more")
    docs = evaldata.read_ecb(args.file)
    encoder = _encoder(settings)
    cases = []
    for a, b, gold in evaldata.ecb_pairs(docs, args.pairs_per_subtopic):
        ja, jb = evaldata.ecb_annotated(a), evaldata.ecb_annotated(b)
        gold = {(i, j) for i, j in gold if i in ja and j in jb}
        ka = range(len(a["sentences"])) if args.all_sentences else ja
        kb = range(len(b["sentences"])) if args.all_sentences else jb
        cases.append(((evaldata.ecb_article("A", a, ka), evaldata.ecb_article("B", b, kb)), set(ja), set(jb), gold))
    thresholds = sorted({threshold, *SWEEP}) if args.sweep else [threshold]
    rows = []
    for t in thresholds:
        tp = made = need = 0
        at = _at_threshold(settings, t).compare
        for articles, ja, jb, gold in cases:
            found = evaldata.ecb_relations(compare(articles, at, encoder)[0], ja, jb)
            tp, made, need = tp + len(found & gold), made + len(found), need + len(gold)
        p, r, f = prf_counts(tp, made - tp, need - tp)
        rows.append({"threshold": t, "doc_pairs": len(cases), "gold": need, "related": made, "correct": tp,
                     "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                     "current": "*" if math.isclose(t, current) else ""})
    scope = "every sentence a claim, annotated ones judged" if args.all_sentences else "annotated sentences only"
    judged = sum(len(ja) * len(jb) for _, ja, jb, _ in cases)
    chance = sum(len(g) for *_, g in cases) / judged if judged else 0.0
    notes = [f"gold: sentence pairs of two documents of one subtopic that mention the same ACTION instance; "
             f"{scope}; * = the settings' overlap threshold ({current})",
             f"{chance:.1%} of the {judged} annotated sentence pairs are gold: relating pairs at random "
             f"would score precision {chance:.3f}"]
    if len(rows) > 1:
        best = max(rows, key=lambda r: (r["f1"], r["precision"]))
        edge = " (the lowest threshold measured: F1 may keep rising below it)" if best is rows[0] else ""
        notes.append(f"best F1 {best['f1']:.3f} at {best['threshold']:.2f}: precision {best['precision']:.3f}, "
                     f"recall {best['recall']:.3f}{edge}")
    return {"rows": rows, "notes": notes, "chance_precision": round(chance, 3)}


# ---- segmentation ------------------------------------------------------------------


def eval_segmentation(args, evaldata, settings: Settings) -> dict:
    from reporter.stages.ingest import classify_lines
    from reporter.stages.segment import split

    rows = []
    for lang, docs in evaldata.read_segmentation(args.file).items():
        tp = fp = fn = 0
        for text, gold_spans in docs:
            spans = [sp for line in classify_lines(text) for sp in split(text, line.start, line.end, lang)]
            gold = {len(text[:e].rstrip()) for _, e in gold_spans[:-1]}  # the document's last end is free
            pred = {len(text[:e].rstrip()) for _, e in spans[:-1]}
            tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
        p, r, f = prf_counts(tp, fp, fn)
        rows.append({"file": Path(args.file).name, "language": lang, "documents": len(docs),
                     "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)})
    return {"rows": rows}


def eval_dates(args, evaldata, settings: Settings) -> dict:
    import time

    from reporter.tools import evaldates

    rows = evaldates.read_rows(args.file)
    rows_out = []
    for resolver in args.resolver.split(","):
        if resolver not in evaldates.RESOLVERS:
            raise InputError(f"--resolver {resolver}: not one of {', '.join(evaldates.RESOLVERS)}")
        started = time.perf_counter()
        predicted = evaldates.predict(rows, resolver)
        seconds = time.perf_counter() - started
        if args.predictions and resolver == args.resolver.split(",")[0]:
            _write_lines(args.predictions, predicted)
        for lang, (right, total) in evaldates.score(rows, predicted).items():
            rows_out.append({"file": Path(args.file).name, "resolver": resolver, "language": lang, "rows": total,
                             "exact": (right, total), "accuracy": round(right / total, 3) if total else 0.0,
                             "seconds": round(seconds, 2) if lang == "all" else ""})
    return {"rows": rows_out}


def eval_archive(args, evaldata, settings: Settings) -> dict:
    """`reporter eval archive GOLD --articles DIR`: reporter/archive/quality.py."""
    from reporter.archive.quality import evaluate

    return evaluate(args, evaldata, settings)


def _write_lines(path: str, lines: list[str]) -> None:
    from reporter.run.output import write_all

    write_all({Path(path): ("\n".join(lines) + "\n").encode("utf-8")}, force=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: reporter eval ...")
