"""When a step can sensibly be done at the earliest: declared beside the steps of ``poortwachter.STEPS``.

A step recorded before its earliest date is almost always a typing error (an eerstejaarsevaluatie in
week 2, a re-integratieverslag in week 8). The earliest dates are parameters with their source. Where
the law allows a step early, the declaration says on what ground; the dossier then asks why and records
it (a person's judgement, not ours).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.weeks import Wachttijd

P = "poortwachter."

# an early WIA application for an IVA (WIA art. 23 lid 6) brings the documents of the application forward
VERVROEGDE_IVA = "Vervroegde IVA-aanvraag (WIA art. 23 lid 6): de werknemer vraagt de WIA eerder aan"
# the Ziektewet sets only a latest date for the 42e-weeksmelding (art. 38 lid 1: 'uiterlijk'); UWV asks for it in
# the 42nd week. Earlier is allowed, e.g. when a WIA-aanvraag is expected early
VROEGE_MELDING_UWV = (
    "De wet noemt alleen een uiterste datum (ZW art. 38 lid 1); eerder melden mag, bijvoorbeeld bij een "
    "verwachte vervroegde IVA-aanvraag (WIA art. 23 lid 6)"
)


@dataclass(frozen=True)
class EarliestRule:
    param: str
    anchor: str  # "week": first day of sick week N | "voor_einde": N weeks before the end of the wachttijd
    vroeg_toegestaan: str | None = None  # the ground on which the law allows the step earlier


EARLIEST: dict[str, EarliestRule] = {
    # 'de 42e-weeksmelding': made in the 42nd sick week, the same parameter as its latest date
    "melding_uwv": EarliestRule(P + "melding_uwv_weken", "week", VROEGE_MELDING_UWV),
    "eerstejaarsevaluatie": EarliestRule(P + "vroegst_eerstejaarsevaluatie_week", "week"),
    "actueel_oordeel": EarliestRule(P + "vroegst_wia_documenten_weken_voor_einde", "voor_einde", VERVROEGDE_IVA),
    "eindevaluatie": EarliestRule(P + "vroegst_wia_documenten_weken_voor_einde", "voor_einde", VERVROEGDE_IVA),
    "re_integratieverslag": EarliestRule(P + "vroegst_wia_documenten_weken_voor_einde", "voor_einde", VERVROEGDE_IVA),
    "wia_aanvraag": EarliestRule(P + "vroegst_wia_documenten_weken_voor_einde", "voor_einde", VERVROEGDE_IVA),
}


@dataclass(frozen=True)
class Earliest:
    code: str
    datum: dt.date
    week: int  # the sick week the date falls in
    vroeg_toegestaan: str | None
    grondslag: str
    url: str | None


def vroegste_datum(ctx: LawContext, wachttijd: Wachttijd, einde_wachttijd: dt.date, code: str) -> Earliest | None:
    """The earliest sensible date of step ``code`` in this wachttijd (None: any date after the first sick day)."""
    rule = EARLIEST.get(code)
    if rule is None:
        return None
    d = wachttijd.first_sick_day
    n = ctx.value(rule.param, d)
    offset = 7 * (n - 1) if rule.anchor == "week" else wachttijd.offset_of(einde_wachttijd) - 7 * n + 1
    datum = wachttijd.date_of(offset)
    version = ctx.version(rule.param, d)
    return Earliest(code, datum, offset // 7 + 1, rule.vroeg_toegestaan, str(version.reference), version.reference.url)


@dataclass(frozen=True)
class Prerequisite:
    """A step that builds on an earlier one: without it recorded, the dossier asks why (a person's judgement)."""

    step: str  # the step it builds on
    param: str  # the parameter whose legal reference says so
    zonder: str  # when it may go ahead anyway
    noemen: str  # the step it builds on with its article, as a sentence names it ("het plan van aanpak")

    @property
    def reden_label(self) -> str:
        """The form's field for the reason: 'Reden zonder vastgelegde probleemanalyse' (a de-word inflects the
        adjective), 'Reden zonder vastgelegd plan van aanpak' (a het-word does not)."""
        lidwoord, woord = self.noemen.split(" ", 1)
        return f"Reden zonder vastgelegd{'e' if lidwoord == 'de' else ''} {woord}"


BUILDS_ON: dict[str, Prerequisite] = {
    # Regeling procesgang art. 4 lid 1: the plan van aanpak is made within two weeks after the bedrijfsarts'
    # oordeel (the probleemanalyse) and builds on it
    "plan_van_aanpak": Prerequisite(
        "probleemanalyse",
        P + "plan_van_aanpak_weken",
        "bijvoorbeeld: de probleemanalyse is gemaakt maar staat (nog) niet in dit dossier",
        "de probleemanalyse",
    ),
    # Regeling procesgang art. 4 lid 2 sub b: the evaluation is of the plan van aanpak; without a plan there is
    # nothing to evaluate (an outside review recorded one, and the toets counted it as held)
    "evaluatie": Prerequisite(
        "plan_van_aanpak",
        P + "evaluatie_interval_weken",
        "bijvoorbeeld: het plan van aanpak is gemaakt maar staat (nog) niet in dit dossier",
        "het plan van aanpak",
    ),
}


@dataclass(frozen=True)
class Missing:
    code: str
    step: str
    zonder: str
    grondslag: str
    url: str | None


def ontbrekende_basis(ctx: LawContext, code: str, gedaan: set[str], on: dt.date) -> Missing | None:
    """The step that ``code`` builds on when it is not among the steps ``gedaan`` (None: nothing missing)."""
    pre = BUILDS_ON.get(code)
    if pre is None or pre.step in gedaan:
        return None
    version = ctx.version(pre.param, on)
    return Missing(code, pre.step, pre.zonder, str(version.reference), version.reference.url)
