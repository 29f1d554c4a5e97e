"""Charts of the portfolio figures (/cijfers/): small hand-written SVG, no matplotlib (decision 0031).

Every chart here is a set of horizontal bars, which reads the same on a phone and on a desktop:
- each row's name stands above its bar on the full width (long names wrap), so no name is squeezed beside a bar;
- horizontal positions are percentages of the chart's width and the text keeps its own size, so the bars stretch
  with the screen while the text stays legible (no viewBox that shrinks the letters on a phone);
- the parts of a bar differ by hatching as well as colour (SVG patterns), and a legend names them;
- a count axis has whole numbers only; each bar ends with its number, and each part carries a tooltip (title);
- text stays text (a screen reader, search and zoom read it); the chart is role="img" with an aria-label, and the
  page puts a table with the same figures beside it.
"""

from __future__ import annotations

import html
import math
import textwrap
from dataclasses import dataclass

PLOT = 84.0  # the bars' share of the width in percent; the rest is room for the number at the end of a bar
NAAM_TEKENS = 34  # a row name longer than this wraps (about 230 px of 12 px text: fits a 390 px phone)
REGEL = 15  # px per line of text
STAAF = 14  # px per bar
TUSSEN = 12  # px between rows


@dataclass(frozen=True)
class Reeks:
    """One kind of bar part: its name in the legend, its colour and its hatching (one of ARCERINGEN)."""

    sleutel: str
    naam: str
    kleur: str
    arcering: str = ""


# the hatching drawn in white over the colour: a part is recognisable without colour vision and in grey print
ARCERINGEN = {
    "": "",
    "schuin": '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#fff" stroke-width="1.4"/>',
    "kruis": '<path d="M0,0 l6,6 M0,6 l6,-6" stroke="#fff" stroke-width="1.2"/>',
    "punt": '<circle cx="3" cy="3" r="1.3" fill="#fff"/>',
    "recht": '<path d="M0,3 h6" stroke="#fff" stroke-width="1.4"/>',
}


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


def _pct(x: float) -> str:
    """A share as the page's lists show it: whole percents (Python's rounding, as Django's widthratio)."""
    return f"{round(x)}%"


def as_stappen(hoogste: float) -> tuple[int, list[int]]:
    """Whole-number ticks from 0 past the highest value: a step of 1, 2 or 5 times a power of ten, at most about
    five steps. Returns (the axis end, the ticks)."""
    hoogste = max(hoogste, 1)
    ruw = hoogste / 5
    macht = 10 ** math.floor(math.log10(ruw)) if ruw >= 1 else 1
    stap = next(m * macht for m in (1, 2, 5, 10) if m * macht >= ruw)
    stap = max(1, int(stap))
    einde = math.ceil(hoogste / stap) * stap
    return einde, list(range(0, einde + 1, stap))


def _patronen(id_: str, reeksen: list[Reeks]) -> str:
    out = []
    for i, r in enumerate(reeksen):
        if r.arcering:
            out.append(
                f'<pattern id="{id_}-{i}" patternUnits="userSpaceOnUse" width="6" height="6">'
                f'<rect width="6" height="6" fill="{r.kleur}"/>{ARCERINGEN[r.arcering]}</pattern>'
            )
    return f"<defs>{''.join(out)}</defs>" if out else ""


def _vulling(id_: str, i: int, r: Reeks) -> str:
    return f"url(#{id_}-{i})" if r.arcering else r.kleur


def staven(
    id_: str,
    label: str,
    rijen: list[tuple[str, list[float]]],
    reeksen: list[Reeks],
    as_naam: str,
    *,
    gestapeld: bool = True,
    procent: bool = False,
    legenda: bool = True,
) -> str:
    """Horizontal bars, one row per (name, values): the values stacked into one bar (``gestapeld``) or one bar
    each under the name. Counts get a whole-number axis; ``procent`` values are percentages (the axis too).
    ``legenda``: name the kinds above the bars (not needed when each row is one kind, named above its bar)."""
    y = 0
    parts: list[str] = []
    if legenda and len(reeksen) > 1:  # the legend: one line per kind, a swatch with the same colour and hatching
        for i, r in enumerate(reeksen):
            parts.append(
                f'<rect x="0" y="{y + 2}" width="22" height="11" fill="{_vulling(id_, i, r)}" stroke="{r.kleur}"/>'
                f'<text x="28" y="{y + 12}" class="legenda">{_e(r.naam)}</text>'
            )
            y += REGEL + 2
        y += 6
    totalen = [sum(w) if gestapeld else max(w, default=0) for _, w in rijen]
    einde, ticks = as_stappen(max(totalen, default=0))
    if procent and einde > 50:  # a share over half: the whole scale, so the bars read as parts of 100%
        einde, ticks = 100, [0, 25, 50, 75, 100]
    banden: list[tuple[int, int]] = []  # each row's bars, top and bottom: the grid runs through them, not the names
    for naam, waarden in rijen:
        for regel in textwrap.wrap(naam, NAAM_TEKENS) or [""]:
            parts.append(f'<text x="0" y="{y + 12}" class="naam">{_e(regel)}</text>')
            y += REGEL
        y += 2
        bovenkant = y
        links = 0.0
        for i, (r, w) in enumerate(zip(reeksen, waarden, strict=True)):
            breedte = PLOT * w / einde
            tekst = _pct(w) if procent else str(int(w))
            if w:
                parts.append(
                    f'<rect x="{links:.3f}%" y="{y}" width="{breedte:.3f}%" height="{STAAF}" '
                    f'fill="{_vulling(id_, i, r)}" stroke="{r.kleur}" stroke-width="0.5" data-reeks="{r.sleutel}" '
                    f'data-waarde="{w:g}"><title>{_e(naam)}, {_e(r.naam)}: {tekst}</title></rect>'
                )
            if gestapeld:
                links += breedte
            else:  # one bar per kind, each with its number
                parts.append(f'<text x="{breedte:.3f}%" dx="4" y="{y + 11}" class="waarde">{tekst}</text>')
                y += STAAF + 2
        if gestapeld:
            totaal = sum(waarden)
            tekst = _pct(totaal) if procent else str(int(totaal))
            parts.append(f'<text x="{links:.3f}%" dx="4" y="{y + 11}" class="waarde">{tekst}</text>')
            y += STAAF
        banden.append((bovenkant - 2, y + (0 if gestapeld else -2) + 2))
        y += TUSSEN
    onder = y
    raster = []
    for t in ticks:  # grid lines behind the bars (not through the names) and the axis numbers under them
        x = PLOT * t / einde
        anker = "start" if t == 0 else "middle"
        tekst = f"{t}%" if procent else str(t)
        raster += [f'<line x1="{x:.3f}%" y1="{a}" x2="{x:.3f}%" y2="{b}"/>' for a, b in banden]
        raster.append(f'<line x1="{x:.3f}%" y1="{onder - 6}" x2="{x:.3f}%" y2="{onder}"/>')
        parts.append(f'<text x="{x:.3f}%" y="{onder + 14}" text-anchor="{anker}" class="as">{tekst}</text>')
    parts.append(f'<text x="0" y="{onder + 32}" class="as-naam">{_e(as_naam)}</text>')
    hoogte = onder + 38
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="staven" width="100%" height="{hoogte}" '
        f'role="img" aria-label="{_e(label)}">{_patronen(id_, reeksen)}'
        f'<g stroke="#c9d0db" class="raster">{"".join(raster)}</g>'
        f'<line x1="0" y1="{onder}" x2="{PLOT}%" y2="{onder}" stroke="#5b6475"/>'
        f"{''.join(parts)}</svg>"
    )


TERMIJN_REEKSEN = [
    Reeks("op_tijd", "op tijd", "#1b7837"),
    Reeks("te_laat_gedaan", "te laat gedaan", "#b35806", "schuin"),
    Reeks("open_te_laat", "open en te laat", "#b2182b", "kruis"),
]


def termijnen_svg(rows: list[dict]) -> str:
    """Per step: done on time, done late, open and overdue (stacked horizontal bars)."""
    rows = [r for r in rows if r["op_tijd"] + r["te_laat_gedaan"] + r["open_te_laat"]]
    return staven(
        "termijnen",
        "Per stap het aantal termijnen op tijd, te laat gedaan en open en te laat; de tabel eronder bevat dezelfde "
        "cijfers.",
        [(r["naam"], [r[s.sleutel] for s in TERMIJN_REEKSEN]) for r in rows],
        TERMIJN_REEKSEN,
        "Aantal termijnen",
    )


def start_tweede_spoor_svg(t: dict, bron: dict) -> str:
    """When trajectories started: this portfolio against the UWV dossier study (2021), in percent."""
    own = [100 * (t["aandeel"][k] or 0) for k in ("jaar1", "na_jaar1_3_maanden", "later")]
    study = [bron["jaar1"], bron["na_jaar1_3_maanden"], bron["later_jaar2"] + bron["na_2_jaar"]]
    labels = ["In het eerste ziektejaar", "Binnen 3 maanden daarna", "Later"]
    return staven(
        "start",
        "Wanneer de trajecten startten, naast het UWV-dossieronderzoek 2021; de lijst eronder bevat dezelfde cijfers.",
        [(label, [a, b]) for label, a, b in zip(labels, own, study, strict=True)],
        [
            Reeks("selectie", "deze selectie", "#1f3a5f"),
            Reeks("onderzoek", "UWV-dossieronderzoek 2021", "#4a7fb0", "schuin"),
        ],
        "% van de trajecten",
        gestapeld=False,
        procent=True,
    )


TOETS_REEKSEN = [Reeks("lopend", "lopend", "#1f3a5f"), Reeks("afgesloten", "afgesloten", "#4a7fb0", "schuin")]


def toets_svg(r: dict) -> str:
    """The RIV-toets outcome per case by severity, open and closed cases stacked."""
    return staven(
        "toets",
        "Uitkomst van de RIV-toets per dossier: geen risico, risico of tekortkoming, lopend en afgesloten; "
        "de tabel eronder bevat dezelfde cijfers.",
        [(e["naam"][:1].upper() + e["naam"][1:], [e["lopend"], e["afgesloten"]]) for e in r["per_ernst"]],
        TOETS_REEKSEN,
        "Aantal dossiers",
    )


VRAGEN_REEKSEN = [
    Reeks("op_tijd", "Op tijd beantwoord", "#2c7a3f"),
    Reeks("te_laat", "Te laat beantwoord", "#b45309", "schuin"),
    Reeks("open_te_laat", "Geen antwoord, termijn verstreken", "#b91c1c", "kruis"),
    Reeks("open", "Nog binnen de termijn", "#4a7fb0", "punt"),
]


def vragen_svg(vr: dict) -> str:
    """Questions and disputes by response: answered in time, late, unanswered past the term, still within it.
    One bar per response, each with its own colour and hatching (no legend needed: the name is above the bar)."""
    rijen = [
        (r.naam, [vr["reactie"][r.sleutel] if j == i else 0 for j in range(len(VRAGEN_REEKSEN))])
        for i, r in enumerate(VRAGEN_REEKSEN)
    ]
    return staven(
        "vragen",
        "Vragen en onenigheid naar antwoord: op tijd, te laat, zonder antwoord; de tabel bevat dezelfde cijfers.",
        rijen,
        VRAGEN_REEKSEN,
        "Aantal vragen en onenigheden",
        legenda=False,
    )
