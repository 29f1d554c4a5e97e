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

COLORS = {
    "eigen_werkgever": "#1b7837",
    "nieuwe_werkgever": "#5aae61",
    "35_minner_zonder_werk": "#c51b7d",
    "wga_werkend": "#2166ac",
    "wga_niet_werkend": "#d6604d",
    "iva": "#762a83",
}


def inkomenspaden(result: dict[str, Any], path: str | Path, title: str = "Inkomen per maand per scenario") -> Path:
    """Draw every scenario's monthly income (bruto, euro) as a step line into a .png or .svg file."""
    path = Path(path)
    fig = _figure(result, title)
    fig.savefig(path, format=path.suffix.lstrip(".") or "png")
    plt.close(fig)
    return path


def inkomenspaden_svg(result: dict[str, Any], title: str = "Inkomen per maand per scenario") -> str:
    """The same chart as an SVG string, for the web page."""
    buf = io.StringIO()
    fig = _figure(result, title)
    fig.savefig(buf, format="svg")
    plt.close(fig)
    return buf.getvalue()


def _figure(result: dict[str, Any], title: str):
    fig, ax = plt.subplots(figsize=(11, 5.5), dpi=110)
    for s in result["scenarios"]:
        months = [dt.date.fromisoformat(m["maand"] + "-01") for m in s["maanden"]]
        euros = [m["totaal_cent"] / 100 for m in s["maanden"]]
        ax.step(months, euros, where="post", label=s["naam"], color=COLORS.get(s["code"]), linewidth=1.8)
    wia_start = dt.date.fromisoformat(result["wia_start"])
    ax.axvline(wia_start, color="#555", linestyle="--", linewidth=1)
    ax.annotate(
        "einde wachttijd / WIA-beoordeling",
        (wia_start, ax.get_ylim()[1] * 0.97),
        fontsize=8,
        ha="left",
        va="top",
        xytext=(4, 0),
        textcoords="offset points",
    )
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"€ {v:,.0f}".replace(",", ".")))
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_ylim(bottom=0)
    ax.set_title(title)
    ax.set_ylabel("bruto per maand (prijspeil, zonder vakantietoeslag)")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8, loc="lower left")
    fig.tight_layout()
    return fig
