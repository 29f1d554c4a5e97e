"""The income chart is readable without colour: own line style and marker per scenario, direct labels as
text (not drawn paths), and a table with the same figures."""

from __future__ import annotations

import html
import re

from spoorwijzer import berekeningen
from spoorwijzer.grafiek import STYLE, inkomenspaden_svg, jaartabel

INVOER = {"eerste_ziektedag": "2025-01-06", "maandloon": 3500, "uren_per_week": 38}


def test_scenarios_differ_by_more_than_colour_and_carry_their_label():
    assert len({(s[1] if isinstance(s[1], str) else str(s[1]), s[2]) for s in STYLE.values()}) == len(STYLE)
    result = berekeningen.run("inkomenspad", INVOER)
    svg = inkomenspaden_svg(result)
    texts = [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    for s in result["scenarios"]:
        assert STYLE[s["code"]][3] in texts  # direct label, as text
    # the two default scenarios: dotted (< 35%) and solid (IVA); the dashed line marks the end of the wachttijd
    dashes = set(re.findall(r"stroke-dasharray: ([^;\"]+)", svg))
    assert len(dashes) >= 2


def test_table_beside_the_chart_holds_the_yearly_figures():
    result = berekeningen.run("inkomenspad", INVOER)
    tabel = jaartabel(result)
    assert tabel["rijen"][0]["jaar"] == "2025"
    first = result["scenarios"][0]
    months_2025 = [m["totaal_cent"] for m in first["maanden"] if m["maand"].startswith("2025")]
    assert tabel["rijen"][0]["bedragen"][0] == round(sum(months_2025) / len(months_2025))
    assert len(tabel["rijen"][0]["bedragen"]) == len(result["scenarios"])


def test_count_charts_show_whole_numbers_only():
    """Review finding: the figures' count axes read '0.25 0.50 ...' (a quarter of a question, and an English decimal
    point). A count axis has whole numbers only."""
    from spoorwijzer.grafiek_figuren import termijnen_svg, vragen_svg

    vr = {"reactie": {"op_tijd": 2, "te_laat": 0, "open_te_laat": 0, "open": 1}}
    rows = [{"naam": "Probleemanalyse", "op_tijd": 1, "te_laat_gedaan": 0, "open_te_laat": 0}]
    for svg in (vragen_svg(vr), termijnen_svg(rows)):
        texts = [html.unescape(t).strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
        ticks = [t for t in texts if re.fullmatch(r"[\d.,−-]+", t)]
        assert ticks and all(re.fullmatch(r"\d+", t) for t in ticks), ticks
