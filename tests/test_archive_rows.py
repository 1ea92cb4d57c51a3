"""`reporter archive add` of a checklist with a row per claim (issue 13 item 2, issue 16): every
sentence of a reviewed row is archived, each wording with its own article's language, source and
publication date, so a later briefing finds the verdict from either wording."""
from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import briefing_of, fixture
from reporter.archive.match import SAME, lookup
from reporter.archive.reviews import read_reviews
from reporter.archive.store import open_archive
from reporter.report.json_twin import to_json
from reporter.review.checklist import rows, to_csv
from reporter.review.claims import claim_key
from reporter.settings import Settings

from test_archive import ENC

DATES = (("A", "2024-03-01"), ("B", "2024-03-02"))


@pytest.fixture(scope="module")
def valdora():
    # the same quake in Spanish (A) and English (B): a claim both tell is one row, "A3 · B3"
    return briefing_of(fixture("valdora_es.txt"), fixture("valdora_en.txt"), settings=Settings(dates=DATES))


def merged(b):
    return next(r for r in rows(b) if len({b.sentence(x).article for x in r.sentences}) == 2)


def reviewed(b, folder, *, twin: bool = True, drop: tuple[str, ...] = (), stem: str = "story") -> tuple:
    """The briefing's checklist with `falso` on its first two-source row (its JSON twin beside it
    unless not `twin`; columns in `drop` left out, as an older checklist had them)."""
    table = list(csv.DictReader(io.StringIO(to_csv(b).decode("utf-8-sig"))))
    row = merged(b)
    for r in table:
        if r["id"] == row.id:
            r["verdict"], r["notes"] = "falso", "El IGP dice 12 km."
    fields = [c for c in table[0] if c not in drop]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore", lineterminator="\r\n")
    w.writeheader()
    w.writerows(table)
    path = folder / f"{stem}.csv"
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))
    if twin:
        path.with_suffix(".json").write_text(to_json(b), encoding="utf-8")
    return path, row


def test_every_sentence_of_a_reviewed_row_is_archived_with_its_own_language_and_date(valdora, tmp_path):
    b = valdora
    path, row = reviewed(b, tmp_path)
    assert " · " in row.id and {b.article_of(x).language for x in row.sentences} == {"es", "en"}
    got = read_reviews(path, path.name)
    # one review per wording (the row's sentences), each as its own article tells it
    assert sorted((g["text"], g["language"], g["published"], g["source"]) for g in got) == sorted(
        (b.sentence(x).text, b.article_of(x).language, dict(DATES)[b.sentence(x).article], b.article_of(x).source)
        for x in row.sentences)
    assert {(g["verdict"], g["word"], g["notes"]) for g in got} == {("inaccurate", "falso", "El IGP dice 12 km.")}
    assert {g["briefing"] for g in got} == {f"story ({b.title})"}


def test_either_wording_finds_the_archived_verdict_later(valdora, tmp_path):
    from reporter.archive.command import records_of

    b = valdora
    path, row = reviewed(b, tmp_path)
    with open_archive(tmp_path / "archive.sqlite", create=True) as archive:
        archive.add(records_of(read_reviews(path, path.name), ENC), "2026-01-01T00:00:00Z")
        for sid in row.sentences:  # a later briefing telling the claim as either source did
            s = b.sentence(sid)
            (found, *_), = lookup(archive, [s.text], [b.article_of(sid).language], ENC.encode([s.text]))
            assert found.tier == SAME and found.record.key == claim_key(s.text)
            assert found.record.verdict == "inaccurate" and found.record.language == b.article_of(sid).language


def test_export_gives_one_claimreview_per_reviewed_row_with_every_wording_as_an_appearance(valdora, tmp_path):
    # A row told in Spanish (A) and English (B) was two ClaimReviews, one per wording.
    from reporter.archive.command import records_of
    from reporter.archive.reviews import to_claimreview
    from reporter.archive.store import Record

    b = valdora
    path, row = reviewed(b, tmp_path)
    with open_archive(tmp_path / "archive.sqlite", create=True) as archive:
        archive.add(records_of(read_reviews(path, path.name), ENC), "2026-01-01T00:00:00Z")
        other = Record(key=claim_key("Otra afirmación revisada aparte."), text="Otra afirmación revisada aparte.",
                       language="es", verdict="accurate", vector=ENC.encode(["Otra afirmación revisada aparte."])[0])
        archive.add([other], "2026-01-02T00:00:00Z")
        records = archive.records()
    assert len(records) == len(row.sentences) + 1
    items = json.loads(to_claimreview(records))
    assert len(items) == 2  # the row, and the review that came with no row
    lead = b.sentence(row.lead)
    (mine,) = [i for i in items if i["reviewRating"]["alternateName"] == "inaccurate"]
    assert mine["claimReviewed"] == lead.text and mine["inLanguage"] == b.article_of(row.lead).language
    appearances = mine["itemReviewed"]["appearance"]
    assert sorted(a["inLanguage"] for a in appearances) == ["en", "es"]
    assert appearances[0]["inLanguage"] == b.article_of(row.lead).language  # the quoted wording's first
    assert sorted(a["datePublished"] for a in appearances) == sorted(dict(DATES).values())


def test_an_archive_from_before_the_row_column_is_read_and_upgraded(tmp_path):
    import sqlite3

    from reporter.archive.store import Record

    path = tmp_path / "old.sqlite"
    with open_archive(path, create=True) as archive:
        archive.add([Record(key="k1", text="Murieron 32 personas.", language="es", verdict="inaccurate",
                            vector=ENC.encode(["Murieron 32 personas."])[0])], "t")
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE claims DROP COLUMN checklist_row")  # as an archive made before it
    conn.commit()
    conn.close()
    reader = open_archive(path)  # read-only: the missing column reads as ''
    assert [(r.text, r.checklist_row) for r in reader.records()] == [("Murieron 32 personas.", "")]
    reader.close()
    with open_archive(path, create=True) as archive:  # the next `add` adds the column
        archive.add([Record(key="k2", text="Murieron 40.", language="es", verdict="accurate", checklist_row="k2",
                            vector=ENC.encode(["Murieron 40."])[0])], "t2")
        assert [r.checklist_row for r in archive.records()] == ["", "k2"]


def test_the_same_review_added_twice_changes_nothing(valdora, tmp_path):
    from reporter.archive.command import records_of

    path, row = reviewed(valdora, tmp_path)
    records = records_of(read_reviews(path, path.name), ENC)
    with open_archive(tmp_path / "archive.sqlite", create=True) as archive:
        assert archive.add(records, "t1") == (len(row.sentences), 0)
        assert archive.add(records, "t2") == (0, len(row.sentences))


def test_an_older_checklist_without_the_keys_column_takes_the_rows_sentences_from_the_twin(valdora, tmp_path):
    b = valdora
    path, row = reviewed(b, tmp_path, drop=("keys", "sources"))
    got = read_reviews(path, path.name)
    assert sorted(g["text"] for g in got) == sorted(b.sentence(x).text for x in row.sentences)


def test_without_the_twin_the_quoted_wording_is_archived_and_the_others_are_named(valdora, tmp_path):
    b = valdora
    path, row = reviewed(b, tmp_path, twin=False)
    notes: list[str] = []
    (got,) = read_reviews(path, path.name, notes)
    lead = b.sentence(row.lead)
    # the article of the quoted sentence is read from the sources cell, not from the id "A3 · B3"
    assert (got["text"], got["source"], got["published"]) == (lead.text, b.article_of(row.lead).source, "")
    others = len(row.sentences) - 1
    assert notes == [f"{path.name}: {others} sentence of the reviewed rows was not archived: its words are in the "
                     f"briefing's JSON twin, and no JSON in the checklist's folder holds them (keep the twin beside "
                     f"it, as {path.stem}.json)"]


def test_archive_add_warns_of_sentences_it_could_not_archive(valdora, tmp_path, cli, monkeypatch):
    import reporter.text.encoder as encoder

    monkeypatch.setattr(encoder, "load", lambda *a, **k: ENC)  # the words encoder: no model to load
    path, row = reviewed(valdora, tmp_path, twin=False)
    r = cli("archive", "add", path.name, "--archive", "a.sqlite")
    assert r.status == 0, r.err
    assert r.err.splitlines() == [
        f"reporter: warning: {path.name}: 1 sentence of the reviewed rows was not archived: its words are in the "
        f"briefing's JSON twin, and no JSON in the checklist's folder holds them (keep the twin beside it, as "
        f"{path.stem}.json)",
        "added 1 reviewed claims to a.sqlite; it holds 1"]
    path.with_suffix(".json").write_text(to_json(valdora), encoding="utf-8")
    r = cli("archive", "add", path.name, "--archive", "a.sqlite")
    assert r.err == "added 1 reviewed claims to a.sqlite (1 already there); it holds 2\n"
    listed = json.loads(cli("archive", "list", "--json", "--archive", "a.sqlite").out)
    assert sorted(x["text"] for x in listed) == sorted(valdora.sentence(x).text for x in row.sentences)


def test_a_claim_two_sources_tell_in_the_same_words_is_archived_once_per_source(tmp_path):
    # wire copy: the same sentence in both sources has one key; each source keeps its review
    same = "El Gobierno aprobó el martes un plan de 300 millones de euros para reparar 40 puentes."
    b = briefing_of(f"Puentes\n\n{same} La oposición lo criticó por tardío.",
                    f"Plan de puentes\n\n{same} Los alcaldes lo celebraron.")
    table = list(csv.DictReader(io.StringIO(to_csv(b).decode("utf-8-sig"))))
    (r,) = [r for r in table if r["claim"] == same]
    r["verdict"] = "accurate"
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(table[0]), lineterminator="\r\n")
    w.writeheader()
    w.writerows(table)
    (tmp_path / "w.csv").write_bytes(buf.getvalue().encode("utf-8-sig"))
    (tmp_path / "w.json").write_text(to_json(b), encoding="utf-8")
    got = read_reviews(tmp_path / "w.csv", "w.csv")
    assert sorted((g["text"], g["source"]) for g in got) == [(same, "a.txt"), (same, "b.txt")]


def test_a_checklist_saved_under_another_name_finds_its_twin_in_its_folder(valdora, tmp_path):
    # the README's workflow: story.csv filled in and saved as story-review.csv, beside story.json
    b = valdora
    path, row = reviewed(b, tmp_path, twin=False, stem="story-review")
    (tmp_path / "story.json").write_text(to_json(b), encoding="utf-8")
    (tmp_path / "other.json").write_text('{"articles": []}', encoding="utf-8")  # not it: none of the keys
    (tmp_path / "story.claimreview.json").write_text("[]", encoding="utf-8")
    notes: list[str] = []
    got = read_reviews(path, path.name, notes)
    assert notes == [] and sorted((g["text"], g["language"]) for g in got) == sorted(
        (b.sentence(x).text, b.article_of(x).language) for x in row.sentences)
    assert {g["briefing"] for g in got} == {f"story ({b.title})"}


def test_a_twin_that_is_not_a_briefing_is_ignored(valdora, tmp_path):
    path, row = reviewed(valdora, tmp_path, twin=False)
    path.with_suffix(".json").write_text('{"articles": [{"id": "A", "sentences": 7}], "checklist": "x"}', "utf-8")
    notes: list[str] = []
    (got,) = read_reviews(path, path.name, notes)
    assert got["text"] == valdora.sentence(row.lead).text and len(notes) == 1

