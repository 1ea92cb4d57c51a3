"""Provenance (issue 13, item 3): agency credits, and text two sources share word for word."""
import pytest

from reporter.text.provenance import credits, independent, shared_text


@pytest.mark.parametrize("role, line, expected", [
    ("body", "SEOUL (AFP) – North Korea fired a missile on Sunday, the South's military said.", ("AFP",)),
    ("body", "Ciudad de México, 23 jun (EFE).- Un sismo de magnitud 7,4 sacudió Oaxaca.", ("EFE",)),
    ("body", "MADRID, 12 Mar. (EUROPA PRESS) - El Gobierno aprobó el decreto.", ("Europa Press",)),
    ("heading", "México/Washington/EFE-EL UNIVERSAL", ("EFE",)),
    ("boilerplate", "Por EFE", ("EFE",)),
    ("boilerplate", "By The Associated Press", ("AP",)),
    ("boilerplate", "Con información de AP y Reuters", ("AP", "Reuters")),
    ("boilerplate", "© 2024 The Associated Press. All rights reserved.", ("AP",)),
    ("boilerplate", "AFP", ("AFP",)),
    # a photo credit credits a picture; a quoted agency is an interview; a byline without an agency
    ("caption", "(Photo: AP)", ()),
    ("body", "The minister told Reuters the talks had failed.", ()),
    ("body", "Reuters could not verify the report independently, officials said.", ()),
    ("boilerplate", "Reporting by Jane Doe; Editing by John Smith", ()),
])
def test_credits_come_from_datelines_bylines_and_credit_lines_only(role, line, expected):
    assert credits([(role, line)]) == expected


A = [("A3", "A", "North Korea fired a ballistic missile into the sea off its east coast on Sunday, "
                 "the South Korean military said."),
     ("A5", "A", '"We have never seen the water this high in all my years here," the mayor told local radio.')]
B = [("B7", "B", "North Korea fired a ballistic missile into the sea off its east coast on Sunday, "
                 "South Korea's military said."),
     ("B9", "B", '"We have never seen the water this high in all my years here," the fire chief said.')]
C = [("C2", "C", "Pyongyang launched a missile on Sunday that landed in the sea, according to officials in Seoul.")]


def test_wire_copy_is_found_and_a_shared_quotation_is_not():
    found = shared_text(A + B + C)
    assert [(s.a, s.b) for s in found] == [("A3", "B7")]  # the same quotation given to two speakers is not copy
    assert 0.6 <= found[0].share < 1


def test_sources_that_share_the_text_count_as_one_independent_source():
    article_of = {"A3": "A", "B7": "B", "C2": "C"}
    assert independent(["A3", "B7", "C2"], article_of, shared_text(A + B + C)) == [["A", "B"], ["C"]]
    assert independent(["A3", "C2"], article_of, shared_text(A + B + C)) == [["A"], ["C"]]


def test_a_short_common_phrase_is_not_copy():
    short = [("A1", "A", "The talks ended on Sunday."), ("B1", "B", "The talks ended on Sunday.")]
    assert shared_text(short) == ()


def test_two_outlets_running_the_same_efe_paragraphs_are_one_independent_source():
    # tests/fixtures/wire_a.txt and wire_b.txt: both carry the same two EFE paragraphs, each with
    # its own reporting around them; A credits EFE in its dateline, B in a credit line.
    from conftest import fixture

    from reporter.pipeline import brief, make_source
    from reporter.report.json_twin import to_dict
    from reporter.settings import Settings

    s = Settings()
    d = to_dict(brief([make_source(n, fixture(n), s) for n in ("wire_a.txt", "wire_b.txt")], s))
    assert [a["credits"] for a in d["articles"]] == [["EFE"], ["EFE"]]
    shared = [c for c in d["claims"] if c["same_text"]]
    assert len(shared) == 2
    assert all(c["independent_sources"] == 1 and c["same_text"] == [["A", "B"]] for c in shared)
    texts = {sid: x["text"] for a in d["articles"] for x in a["sentences"] for sid in [x["id"]]}
    assert any("800 vecinos" in texts[c["sentences"]["A"][0]] for c in shared)


def test_a_claim_only_wire_copy_repeats_is_flagged_as_one_independent_source():
    # wire_a/wire_b: the two EFE paragraphs are related across the sources, yet each has no
    # independent support: the flag says "single source", and why ("same_text")
    from conftest import fixture

    from reporter.pipeline import brief, make_source
    from reporter.settings import Settings

    s = Settings()
    b = brief([make_source(n, fixture(n), s) for n in ("wire_a.txt", "wire_b.txt")], s)
    reasons = {f.sentence: f.reasons for f in b.flags}
    copied = {x for t in b.shared_text for x in (t.a, t.b)}
    assert copied == {"A4", "A5", "B2", "B3"}  # A3 is A's dateline "Valdemora, 14 ago (EFE).-", a line of its own
    for sid in copied & set(reasons):
        assert "single_source" in reasons[sid] and "same_text" in reasons[sid]
    assert all("same_text" not in r for sid, r in reasons.items() if sid not in copied)


def test_page_one_names_each_claim_once_with_every_source_that_tells_it():
    # issue 13, item 4 (a page-1 section): "Do not miss" lists a claim once, as "A3 · B2" when two
    # sources tell it, and never again as a flag after its conflict
    from conftest import briefing_of

    from reporter.report.view import build_view

    a = ("Incendio en la sierra\n\n"
         "Un incendio forestal obligó el domingo a evacuar a 800 vecinos de dos pueblos, según los bomberos.\n\n"
         "Las llamas arrasaron 1.200 hectáreas de pinar, según el gobierno regional.\n")
    b = ("Fuego en Valdemora\n\n"
         "Los bomberos evacuaron el domingo a 800 vecinos de dos pueblos por un incendio forestal.\n\n"
         "El gobierno regional cifró en 4.000 las hectáreas arrasadas por las llamas.\n")
    brief = briefing_of(a, b)
    points = build_view(brief).key_points
    conflict = next(r for r in brief.relations if r.type == "conflict")
    assert not any(p.startswith(f"{conflict.a}:") or p.startswith(f"{conflict.b}:") for p in points)
    shared = next(r for r in brief.relations if r.type == "overlap")
    flagged = {f.sentence for f in brief.flags}
    assert shared.a in flagged and shared.b in flagged
    assert sum(p.startswith(f"{shared.a} · {shared.b}:") for p in points) == 1
    assert not any(p.startswith(f"{shared.b}:") for p in points)
