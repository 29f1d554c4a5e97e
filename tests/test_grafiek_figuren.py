"""The figures' charts (grafiek_figuren.py, hand-written SVG) as a reader meets them: a bar as long as its count,
every name and number as text, whole numbers on a count axis, parts that differ by hatching and not only by
colour, long names wrapped, nothing placed beyond the chart's width (which is the screen's on a phone)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from spoorwijzer.grafiek_figuren import (
    NAAM_TEKENS,
    PLOT,
    as_stappen,
    start_tweede_spoor_svg,
    termijnen_svg,
    toets_svg,
    vragen_svg,
)

NS = "{http://www.w3.org/2000/svg}"

TERMIJNEN = [
    {"naam": "Probleemanalyse bedrijfsarts", "op_tijd": 10, "te_laat_gedaan": 0, "open_te_laat": 0},
    {"naam": "Plan van aanpak", "op_tijd": 5, "te_laat_gedaan": 3, "open_te_laat": 2},
    {"naam": "Routeadvies arbeidsdeskundige met WIA-prognose", "op_tijd": 1, "te_laat_gedaan": 0, "open_te_laat": 7},
    {"naam": "Eindevaluatie", "op_tijd": 0, "te_laat_gedaan": 0, "open_te_laat": 0, "open": 4},
]
TOETS = {
    "per_ernst": [
        {"naam": "geen risico", "lopend": 6, "afgesloten": 2},
        {"naam": "risico", "lopend": 3, "afgesloten": 0},
        {"naam": "tekortkoming", "lopend": 0, "afgesloten": 1},
    ]
}
VRAGEN = {"reactie": {"op_tijd": 2, "te_laat": 1, "open_te_laat": 0, "open": 1}}
STUDIE = {"jaar1": 16, "na_jaar1_3_maanden": 53, "later_jaar2": 26, "na_2_jaar": 5}
SPOOR = {"aandeel": {"jaar1": 0.5, "na_jaar1_3_maanden": 0.375, "later": 0.125}}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # well-formed XML, or the browser draws nothing


def teksten(root: ET.Element, klasse: str | None = None) -> list[str]:
    return [
        (t.text or "").strip()
        for t in root.iter(f"{NS}text")
        if klasse is None or klasse in (t.get("class") or "").split()
    ]


def staven(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{NS}rect") if r.get("data-reeks")]


def procent(x: str) -> float:
    assert x.endswith("%"), x
    return float(x[:-1])


def test_a_bar_is_as_long_as_its_count_and_the_parts_follow_each_other():
    root = parse(termijnen_svg(TERMIJNEN))
    bars = staven(root)
    einde = as_stappen(10)[0]
    for bar in bars:
        assert procent(bar.get("width")) == pytest.approx(PLOT * float(bar.get("data-waarde")) / einde, abs=0.01)
    # a step's parts: te laat gedaan starts where op tijd ends, open en te laat where te laat gedaan ends
    plan = [b for b in bars if "Plan van aanpak" in b.find(f"{NS}title").text]
    assert [b.get("data-reeks") for b in plan] == ["op_tijd", "te_laat_gedaan", "open_te_laat"]
    for a, b in zip(plan, plan[1:], strict=False):
        assert procent(b.get("x")) == pytest.approx(procent(a.get("x")) + procent(a.get("width")), abs=0.01)
    # 10 on time is twice as long as 5 on time
    op_tijd = {
        b.find(f"{NS}title").text.split(",")[0]: procent(b.get("width"))
        for b in bars
        if b.get("data-reeks") == "op_tijd"
    }
    assert op_tijd["Probleemanalyse bedrijfsarts"] == pytest.approx(2 * op_tijd["Plan van aanpak"], abs=0.01)


def test_each_step_name_and_its_total_are_text_and_a_step_without_judged_deadlines_is_left_out():
    root = parse(termijnen_svg(TERMIJNEN))
    namen = " ".join(teksten(root, "naam"))
    for r in TERMIJNEN[:3]:
        assert r["naam"] in namen
    assert "Eindevaluatie" not in namen
    assert teksten(root, "waarde") == ["10", "10", "8"]
    assert {"op tijd", "te laat gedaan", "open en te laat"} <= set(teksten(root, "legenda"))
    assert root.get("role") == "img" and "termijnen" in root.get("aria-label")


def test_long_names_wrap_onto_more_lines_and_every_line_fits():
    root = parse(termijnen_svg(TERMIJNEN))
    regels = teksten(root, "naam")
    assert "Routeadvies arbeidsdeskundige met" in regels and "WIA-prognose" in regels
    assert all(len(r) <= NAAM_TEKENS for r in regels)


@pytest.mark.parametrize(
    "svg",
    [termijnen_svg(TERMIJNEN), toets_svg(TOETS), vragen_svg(VRAGEN), termijnen_svg(TERMIJNEN[1:2])],
    ids=["termijnen", "toets", "vragen", "een stap"],
)
def test_a_count_axis_has_whole_numbers_from_zero_past_the_longest_bar(svg):
    root = parse(svg)
    ticks = teksten(root, "as")
    assert ticks and all(re.fullmatch(r"\d+", t) for t in ticks), ticks
    getallen = [int(t) for t in ticks]
    assert getallen[0] == 0 and getallen == sorted(set(getallen))
    assert getallen[-1] >= max(int(t) for t in teksten(root, "waarde"))  # the number at the end of each bar


def test_small_counts_get_steps_of_one_and_large_counts_round_steps():
    assert as_stappen(3) == (3, [0, 1, 2, 3])
    assert as_stappen(0) == (1, [0, 1])
    einde, ticks = as_stappen(862565)
    assert einde >= 862565 and len(ticks) <= 7 and all(t % 100000 == 0 for t in ticks)


@pytest.mark.parametrize(
    "svg", [termijnen_svg(TERMIJNEN), toets_svg(TOETS), vragen_svg(VRAGEN)], ids=["termijnen", "toets", "vragen"]
)
def test_parts_differ_by_hatching_as_well_as_colour(svg):
    root = parse(svg)
    patronen = {p.get("id"): ET.tostring(p, encoding="unicode") for p in root.iter(f"{NS}pattern")}
    vulling = {}
    for b in staven(root):
        vulling.setdefault(b.get("data-reeks"), b.get("fill"))
    assert len(set(vulling.values())) == len(vulling) > 1
    # without colour: at most one kind is plain, every other one has its own drawn hatching
    arcering = []
    for fill in vulling.values():
        m = re.fullmatch(r"url\(#([\w-]+)\)", fill)
        if m:
            body = patronen[m.group(1)]
            arcering.append(re.sub(r'fill="#[0-9a-f]{6}"|id="[\w-]+"|stroke="#[0-9a-f]{6}"', "", body))
        else:
            arcering.append("")
    assert arcering.count("") <= 1
    assert len(set(arcering)) == len(arcering)


def test_pattern_ids_do_not_collide_between_the_charts_on_one_page():
    ids = []
    for svg in (termijnen_svg(TERMIJNEN), toets_svg(TOETS), vragen_svg(VRAGEN), start_tweede_spoor_svg(SPOOR, STUDIE)):
        ids += [p.get("id") for p in parse(svg).iter(f"{NS}pattern")]
    assert len(ids) == len(set(ids))


def test_track_two_start_in_whole_percents_beside_the_study():
    root = parse(start_tweede_spoor_svg(SPOOR, STUDIE))
    assert teksten(root, "waarde") == ["50%", "16%", "38%", "53%", "12%", "31%"]  # as the list: 37.5 -> 38
    assert teksten(root, "as") == ["0%", "25%", "50%", "75%", "100%"]
    bars = staven(root)
    breed = {b.find(f"{NS}title").text: procent(b.get("width")) for b in bars}
    assert breed["In het eerste ziektejaar, deze selectie: 50%"] == pytest.approx(PLOT / 2, abs=0.01)
    assert breed["Binnen 3 maanden daarna, UWV-dossieronderzoek 2021: 53%"] == pytest.approx(PLOT * 0.53, abs=0.01)


@pytest.mark.parametrize(
    "svg",
    [termijnen_svg(TERMIJNEN), toets_svg(TOETS), vragen_svg(VRAGEN), start_tweede_spoor_svg(SPOOR, STUDIE)],
    ids=["termijnen", "toets", "vragen", "start"],
)
def test_everything_stays_within_the_width_and_text_keeps_its_size(svg):
    """Positions across are percentages of the chart's width (never beyond it) and there is no viewBox, so on a
    phone the bars get shorter while the letters keep their size."""
    root = parse(svg)
    assert root.get("viewBox") is None and root.get("width") == "100%"
    for el in root.iter():
        for attr in ("x", "x1", "x2"):
            v = el.get(attr)
            if v is None or el.tag == f"{NS}pattern" or el.get("width") == "6":
                continue
            if v.endswith("%"):
                assert 0 <= procent(v) <= 100
            else:
                assert 0 <= float(v) <= 30  # a legend swatch or the text beside it, in px from the left
        if el.tag == f"{NS}rect" and el.get("data-reeks"):
            assert procent(el.get("x")) + procent(el.get("width")) <= PLOT + 0.01
