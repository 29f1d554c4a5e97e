"""Aftercare's law: the no-riskpolis for the new employer (Ziektewet art. 29b).

Who qualifies, for how long and what it covers, and how the new employer uses it. Every number is a parameter
(``zw.no_risk``: the five years, 70% ziekengeld for at most 104 weeks; ``zw.no_risk_melding``: the sick report
within six weeks). Whether the employee has a benefit or an assessment is a fact someone records (from UWV's
decision); the rule never guesses it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.inkomenspad import add_months
from spoorwijzer.law.tekst import datum

URL = "https://wetten.overheid.nl/BWBR0001888"

# the groups of ZW art. 29b (as UWV lists them); the 35-minner counts from the WIA assessment, the others from the
# start of the employment
DOELGROEPEN: dict[str, str] = {
    "wia_uitkering": "Heeft bij het begin van het dienstverband een WIA-, WAO- of WAZ-uitkering",
    "wajong": "Heeft (of had) een Wajong-uitkering",
    "35_minner": "Is bij de WIA-beoordeling minder dan 35% arbeidsongeschikt verklaard (35-minner)",
    "doelgroepregister": "Staat in het doelgroepregister banenafspraak",
    "arbeidshandicap": "Heeft een verklaring arbeidshandicap van UWV",
    "geen": "Geen van deze (bijvoorbeeld: geplaatst vóór de WIA-beoordeling)",
}


@dataclass(frozen=True)
class NoRisk:
    van_toepassing: bool
    doelgroep: str
    geldig_tot: dt.date | None
    ziekengeld_percentage: int
    ziekengeld_weken: int
    ziekmelding_binnen_weken: int
    uitleg: str
    grondslag: str
    url: str


def no_risk(
    ctx: LawContext, doelgroep: str, in_dienst: dt.date, beoordeeld_op: dt.date | None = None, op: dt.date | None = None
) -> NoRisk:
    """Whether the new employer has the no-riskpolis for this employee on ``op`` (default: the first day of work),
    until when, and what it covers. The cover is for sickness that begins in the five years after the start of the
    employment (ZW art. 29b lid 1, closing words). A 35-minner (lid 1 onder b) must begin that employment within five
    years after the first day after the end of the wachttijd, the day the WIA assessment is about
    (``beoordeeld_op``; UWV's WIA decision states it)."""
    op = op or in_dienst
    v = ctx.version("zw.no_risk", in_dienst)
    melding = ctx.value("zw.no_risk_melding", in_dienst)
    jaren = int(v.value["jaren"])
    pct, weken = int(v.value["ziekengeld_percentage"]), int(v.value["ziekengeld_weken"])
    meld = int(melding["ziekmelding_binnen_weken"])

    def result(ok: bool, tot: dt.date | None, uitleg: str) -> NoRisk:
        return NoRisk(ok, doelgroep, tot, pct, weken, meld, uitleg, f"{v.reference}", v.reference.url)

    if doelgroep not in DOELGROEPEN:
        raise ValueError(f"onbekende doelgroep {doelgroep!r}")
    if doelgroep == "geen":
        return result(
            False,
            None,
            "Geen no-riskpolis: de werknemer hoort (nog) niet bij een groep van Ziektewet art. 29b. Wordt hij later "
            "als 35-minner of met een WIA-uitkering beoordeeld, leg dat dan vast.",
        )
    if doelgroep == "35_minner":
        if beoordeeld_op is None:
            return result(
                False,
                None,
                "Vul de eerste dag na afloop van de wachttijd in (staat in het WIA-besluit): het nieuwe dienstverband "
                f"moet binnen {jaren} jaar daarna beginnen.",
            )
        uiterlijk = add_months(beoordeeld_op, 12 * jaren) - dt.timedelta(days=1)
        if in_dienst > uiterlijk:
            return result(
                False,
                None,
                f"Geen no-riskpolis: het dienstverband begon meer dan {jaren} jaar na afloop van de wachttijd "
                f"(uiterlijk {datum(uiterlijk)}).",
            )
    tot = add_months(in_dienst, 12 * jaren) - dt.timedelta(days=1)
    if op > tot:
        return result(False, tot, f"De no-riskpolis liep tot en met {datum(tot)}.")
    return result(
        True,
        tot,
        f"UWV betaalt bij ziekte ziekengeld ({pct}% van het dagloon, ten hoogste {weken} weken) aan de werkgever, die "
        f"het verrekent met het doorbetaalde loon; de premie stijgt er niet door.",
    )
