"""Charts of the portfolio figures (SVG for the web page). Bars differ by hatch as well as colour."""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text in the SVG, as in grafiek.py (readable, zoomable)


def _hele_aantallen(ax) -> None:
    """A count axis shows whole numbers only (no '0.25 vraag'), so no decimal point or comma appears either."""
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _svg(fig, label: str) -> str:
    """The chart as inline SVG, named for assistive technology (the page puts the table beside it)."""
    buf = io.StringIO()
    fig.tight_layout()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg") :].replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def termijnen_svg(rows: list[dict]) -> str:
    """Per step: done on time, done late, open and overdue (stacked horizontal bars)."""
    rows = [r for r in rows if r["op_tijd"] + r["te_laat_gedaan"] + r["open_te_laat"]]
    # long step names wrap onto two lines, so the labels fit beside the bars instead of being cut off
    names = [textwrap.fill(r["naam"], 26) for r in rows]
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(rows) + 1.2))
    left = [0] * len(rows)
    for key, label, color, hatch in (
        ("op_tijd", "op tijd", "#1b7837", ""),
        ("te_laat_gedaan", "te laat gedaan", "#b35806", "//"),
        ("open_te_laat", "open en te laat", "#b2182b", "xx"),
    ):
        values = [r[key] for r in rows]
        ax.barh(names, values, left=left, label=label, color=color, hatch=hatch, edgecolor="white")
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("Aantal termijnen")
    _hele_aantallen(ax)
    ax.legend(fontsize=8, loc="lower right")
    ax.tick_params(axis="y", labelsize=8)
    return _svg(
        fig,
        "Per stap het aantal termijnen op tijd, te laat gedaan en open en te laat; de tabel eronder bevat dezelfde cijfers.",
    )


def start_tweede_spoor_svg(t: dict, bron: dict) -> str:
    """When trajectories started: this portfolio against the UWV dossier study (2021)."""
    labels = ["in het eerste ziektejaar", "binnen 3 maanden daarna", "later"]
    own = [t["aandeel"][k] or 0 for k in ("jaar1", "na_jaar1_3_maanden", "later")]
    study = [bron["jaar1"] / 100, bron["na_jaar1_3_maanden"] / 100, (bron["later_jaar2"] + bron["na_2_jaar"]) / 100]
    fig, ax = plt.subplots(figsize=(7, 2.8))
    x = range(len(labels))
    ax.bar([i - 0.2 for i in x], [100 * v for v in own], width=0.4, label="deze selectie", color="#1f3a5f")
    ax.bar(
        [i + 0.2 for i in x],
        [100 * v for v in study],
        width=0.4,
        label="UWV-dossieronderzoek 2021",
        color="#9ecae1",
        hatch="//",
        edgecolor="#1f3a5f",
    )
    ax.set_xticks(list(x), labels, fontsize=8)
    ax.set_ylabel("% van de trajecten")
    ax.legend(fontsize=8)
    return _svg(
        fig,
        "Wanneer de trajecten startten, naast het UWV-dossieronderzoek 2021; de lijst eronder bevat dezelfde cijfers.",
    )


def toets_svg(r: dict) -> str:
    """The RIV-toets outcome per case by severity, open and closed cases stacked."""
    rows = r["per_ernst"]
    fig, ax = plt.subplots(figsize=(7, 2.5))
    names = [e["naam"] for e in rows]
    lopend = [e["lopend"] for e in rows]
    ax.barh(names, lopend, label="lopend", color="#1f3a5f", edgecolor="white")
    ax.barh(
        names,
        [e["afgesloten"] for e in rows],
        left=lopend,
        label="afgesloten",
        color="#9ecae1",
        hatch="//",
        edgecolor="#1f3a5f",
    )
    for i, e in enumerate(rows):
        ax.text(e["dossiers"], i, f" {e['dossiers']}", va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("Aantal dossiers")
    _hele_aantallen(ax)
    ax.legend(fontsize=8, ncol=2, loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False)
    ax.margins(x=0.12)
    return _svg(
        fig,
        "Uitkomst van de RIV-toets per dossier: geen risico, risico of tekortkoming, lopend en afgesloten; "
        "de tabel eronder bevat dezelfde cijfers.",
    )


def vragen_svg(vr: dict) -> str:
    """Questions and disputes by response: answered in time, late, unanswered past the term, still within it."""
    namen = ("Op tijd beantwoord", "Te laat beantwoord", "Geen antwoord, termijn verstreken", "Nog binnen de termijn")
    waarden = [vr["reactie"][k] for k in ("op_tijd", "te_laat", "open_te_laat", "open")]
    kleuren = ("#2c7a3f", "#b45309", "#b91c1c", "#9ecae1")
    fig, ax = plt.subplots(figsize=(7, 2.8))
    namen = tuple(textwrap.fill(n, 22) for n in namen)  # two short lines fit beside the bars, one long one was cut
    for naam, n, kleur, arcering in zip(namen, waarden, kleuren, ("", "//", "xx", ".."), strict=True):
        ax.barh(naam, n, color=kleur, hatch=arcering, edgecolor="#1f3a5f")
    for i, n in enumerate(waarden):
        ax.text(n, i, f" {n}", va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("Aantal vragen en onenigheden")
    _hele_aantallen(ax)
    ax.margins(x=0.12)
    return _svg(
        fig, "Vragen en onenigheid naar antwoord: op tijd, te laat, zonder antwoord; de tabel bevat dezelfde cijfers."
    )
