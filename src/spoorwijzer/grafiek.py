"""Charts: the income paths of the scenarios in one picture (PNG or SVG)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no screen needed
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text in the SVG (readable, searchable, zoomable)

# Scenarios differ by line style and marker as well as by colour (WCAG 1.4.1), and every line carries its
# own label at its end, so nobody has to match colours against a legend. Colours are dark enough for 3:1
# against white (WCAG 1.4.11).
STYLE = {
    "eigen_werkgever": ("#1b7837", "-", "o", "eigen werkgever"),
    "nieuwe_werkgever": ("#35713b", (0, (6, 2)), "s", "nieuwe werkgever"),
    "35_minner_zonder_werk": ("#a3185f", (0, (2, 2)), "v", "< 35%, zonder werk"),
    "wga_werkend": ("#2166ac", "-.", "D", "WGA, werkend"),
    "wga_niet_werkend": ("#b2412b", (0, (8, 2, 2, 2, 2, 2)), "^", "WGA, niet werkend"),
    "iva": ("#5e2169", "-", "P", "IVA"),
}
COLORS = {code: style[0] for code, style in STYLE.items()}


def inkomenspaden(result: dict[str, Any], path: str | Path, title: str = "Inkomen per maand per scenario") -> Path:
    """Draw every scenario's monthly income (bruto, euro) as a step line into a .png or .svg file."""
    path = Path(path)
    fig = _figure(result, title)
    fig.savefig(path, format=path.suffix.lstrip(".") or "png")
    plt.close(fig)
    return path


def inkomenspaden_svg(
    result: dict[str, Any], title: str = "Inkomen per maand per scenario", legend: bool = True
) -> str:
    """The same chart as an SVG string, for the web page (which may show the legend as HTML beside it:
    ``legend=False``, see :func:`legenda`)."""
    buf = io.StringIO()
    fig = _figure(result, title, legend)
    fig.savefig(buf, format="svg")
    plt.close(fig)
    return buf.getvalue()


def legenda(result: dict[str, Any]) -> list[dict[str, str]]:
    """The chart's legend as data for an HTML list that wraps on a phone: name, colour and SVG dash pattern."""
    rows = []
    for s in result["scenarios"]:
        color, linestyle, _marker, _short = STYLE.get(s["code"], ("#1d2433", "-", "o", s["naam"]))
        dash = (
            {"-": "", "-.": "6 2 2 2"}.get(linestyle, "")
            if isinstance(linestyle, str)
            else " ".join(str(x) for x in linestyle[1])
        )
        rows.append({"naam": s["naam"], "kleur": color, "streep": dash})
    return rows


def _figure(result: dict[str, Any], title: str, legend: bool = True):
    fig, ax = plt.subplots(figsize=(11, 5.5), dpi=110)
    ends = []
    for s in result["scenarios"]:
        months = [dt.date.fromisoformat(m["maand"] + "-01") for m in s["maanden"]]
        euros = [m["totaal_cent"] / 100 for m in s["maanden"]]
        color, linestyle, marker, short = STYLE.get(s["code"], ("#1d2433", "-", "o", s["naam"]))
        ax.step(
            months,
            euros,
            where="post",
            label=s["naam"],
            color=color,
            linestyle=linestyle,
            linewidth=2,
            marker=marker,
            markevery=12,
            markersize=6,
        )
        if months:
            ends.append([euros[-1], months[-1], short, color])
    wia_start = dt.date.fromisoformat(result["wia_start"])
    ax.axvline(wia_start, color="#555", linestyle="--", linewidth=1)
    ax.set_ylim(bottom=0)
    top = ax.get_ylim()[1]
    ax.annotate(
        "einde wachttijd / WIA-beoordeling",
        (wia_start, top * 0.97),
        fontsize=8,
        ha="left",
        va="top",
        xytext=(4, 0),
        textcoords="offset points",
    )
    # direct labels at the right end of each line, nudged apart where lines end close together
    ends.sort(key=lambda e: e[0])
    gap = top * 0.045
    for i in range(1, len(ends)):
        ends[i][0] = max(ends[i][0], ends[i - 1][0] + gap)
    for y, x, short, color in ends:
        ax.annotate(short, (x, y), xytext=(6, 0), textcoords="offset points", va="center", fontsize=9, color=color)
    ax.set_xlim(right=ax.get_xlim()[1] + 500)  # room for the labels
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"€\u00a0{v:,.0f}".replace(",", ".")))
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_title(title)
    ax.set_ylabel("bruto per maand (prijspeil, zonder apart betaalde vakantiebijslag)")
    ax.grid(True, alpha=0.3)
    if legend:
        ax.legend(fontsize=8, loc="lower left")
    fig.tight_layout()
    return fig


def jaartabel(result: dict[str, Any]) -> dict[str, Any]:
    """The chart's data as a table: per calendar year, each scenario's average gross income per month
    (eurocent). The page shows it beside the chart, so the figures are readable without the picture."""
    jaren: list[str] = sorted({m["maand"][:4] for s in result["scenarios"] for m in s["maanden"]})
    rijen = []
    for jaar in jaren:
        cellen = []
        for s in result["scenarios"]:
            months = [m["totaal_cent"] for m in s["maanden"] if m["maand"].startswith(jaar)]
            cellen.append(round(sum(months) / len(months)) if months else None)
        rijen.append(
            {
                "jaar": jaar,
                "maanden": max(
                    len([m for m in s["maanden"] if m["maand"].startswith(jaar)]) for s in result["scenarios"]
                ),
                "bedragen": cellen,
            }
        )
    return {"scenarios": [s["naam"] for s in result["scenarios"]], "rijen": rijen}
