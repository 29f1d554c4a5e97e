"""Charts of a comparison: each reform's effect against the baseline, with its uncertainty, and the
cohort's mean income per month. Lines differ by style and marker and carry direct labels, so the chart
does not depend on colour alone."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from spoorwijzer.simulation.vergelijking import BASIS, KENGETALLEN  # noqa: E402

EFFECTEN = ("plaatsingen_nieuwe_werkgever", "wia_instroom", "kosten_werkgevers", "kosten_uitkeringen")
STYLES = ("-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (3, 1, 1, 1, 1, 1)))
MARKERS = ("o", "s", "^", "D", "v", "P")


def _figure(result: dict[str, Any]):
    reforms = [n for n in result["hervormingen"] if n != BASIS]
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.8), gridspec_kw={"width_ratios": [1.2, 1]})
    ax = axes[0]
    n = result["instellingen"]["personen"]
    for i, code in enumerate(EFFECTEN):
        label, unit = KENGETALLEN[code]
        for j, name in enumerate(reforms):
            f = result["hervormingen"][name]["kengetallen"][code]
            base = result["hervormingen"][BASIS]["kengetallen"][code]["waarde"] or 1
            pct = 100 * f["verschil_met_basis"] / base
            lo, hi = (100 * x / base for x in f["verschil_bereik"])
            y = i + (j - (len(reforms) - 1) / 2) * 0.8 / max(len(reforms), 1)
            ax.errorbar(
                pct,
                y,
                xerr=[[pct - lo], [hi - pct]],
                fmt=MARKERS[j % len(MARKERS)],
                color="#1f3a5f",
                capsize=3,
                label=name if i == 0 else None,
            )
    ax.axvline(0, color="#555555", linewidth=1)
    ax.set_yticks(range(len(EFFECTEN)), [KENGETALLEN[c][0].split(" (")[0] for c in EFFECTEN], fontsize=8)
    ax.set_xlabel("Verschil met de huidige regels (%), met bereik over seeds en aannames")
    ax.set_title(f"Effect per hervorming ({n:,} werknemers)".replace(",", "."), fontsize=10)
    if reforms:
        ax.legend(fontsize=8, loc="lower right")
    ax2 = axes[1]
    for j, (name, r) in enumerate(result["hervormingen"].items()):
        months = [x / 100 for x in r["inkomen_per_maand"]]
        ax2.plot(
            range(len(months)),
            months,
            linestyle=STYLES[j % len(STYLES)],
            color="#1f3a5f" if j else "#000000",
            linewidth=1.4,
            label="huidige regels" if name == BASIS else name,
        )
        ax2.annotate(
            "huidige regels" if name == BASIS else name,
            (len(months) - 1, months[-1]),
            fontsize=7,
            xytext=(3, 0),
            textcoords="offset points",
        )
    ax2.axvline(24, color="#888888", linewidth=0.8)
    ax2.text(24.5, ax2.get_ylim()[1] * 0.98, "einde wachttijd", fontsize=7, va="top")
    ax2.set_xlabel("Maanden na de eerste ziektedag")
    ax2.set_ylabel("Gemiddeld bruto inkomen per maand (€)")
    ax2.set_title("Inkomen van de werknemers", fontsize=10)
    ax2.legend(fontsize=7)
    fig.tight_layout()
    return fig


def teken(result: dict[str, Any], path: str | Path) -> Path:
    path = Path(path)
    fig = _figure(result)
    fig.savefig(path, format=path.suffix.lstrip(".") or "png", dpi=110)
    plt.close(fig)
    return path


def svg(result: dict[str, Any]) -> str:
    buf = io.StringIO()
    fig = _figure(result)
    fig.savefig(buf, format="svg")
    plt.close(fig)
    text = buf.getvalue()
    label = (
        "Links het verschil met de huidige regels per hervorming in procenten, met het bereik over herhalingen "
        "en aannames; rechts het gemiddelde inkomen per maand. De tabel eronder bevat dezelfde cijfers."
    )
    return text[text.index("<svg") :].replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
