"""The reforms the source documents propose, each a parameter set derived from the baseline.

A reform changes parameters only (a policy lever of the simulation, or a parameter of law such as the
maximum length of the loonsanctie); its behavioural effect comes from the named assumptions in
``simulation/parameters/simulatie/aanname``, which every result states.
"""

from __future__ import annotations

import datetime as dt

from spoorwijzer.law.context import ParameterChange, Reform

VANAF = dt.date(2000, 1, 1)  # the reforms apply to the whole simulated period


def _reform(name: str, description: str, *changes: tuple[str, object, str]) -> Reform:
    return Reform(name, description, tuple(ParameterChange(p, VANAF, v, note) for p, v, note in changes))


HERVORMINGEN: dict[str, Reform] = {
    r.name: r
    for r in (
        _reform(
            "spoor2_week26",
            "Tweede spoor uiterlijk in week 26 wanneer terugkeer in de eigen organisatie niet in zicht is",
            ("simulatie.beleid.tweede_spoor_uiterlijk_week", 26, "Kennisdocument 'Heeft spoor 2 wel zin?', principe 1"),
        ),
        _reform(
            "routeadvies",
            "Verplicht arbeidsdeskundig routeadvies met WIA-prognose vóór het einde van het eerste ziektejaar",
            ("simulatie.beleid.routeadvies_verplicht", 1, "RSC 2025 bouwsteen 4; RSC 2023"),
        ),
        _reform(
            "noriskpolis",
            "No-riskpolis voor de nieuwe werkgever bij plaatsing in het tweede spoor",
            ("simulatie.beleid.noriskpolis_bij_overgang", 1, "RSC 2025 bouwsteen 4"),
        ),
        _reform(
            "regel_170",
            "Cao-aanvulling boven 170% over twee jaar alleen bij werkhervatting of actieve medewerking",
            ("simulatie.beleid.cao_170_regel", 1, "RSC 2025 bouwsteen 2"),
        ),
        _reform(
            "loonsanctie_26",
            "Loonsanctie ten hoogste 26 weken in plaats van 52",
            ("poortwachter.loonsanctie_max_weken", 26, "Variant: halvering van de maximale loonsanctie"),
        ),
        _reform(
            "loonsanctie_78",
            "Loonsanctie ten hoogste 78 weken in plaats van 52",
            ("poortwachter.loonsanctie_max_weken", 78, "Variant: verlenging van de maximale loonsanctie"),
        ),
    )
}


def combine(*reforms: Reform) -> Reform:
    """Several reforms at once (their changes together; a later one wins on the same parameter)."""
    return Reform(
        "+".join(r.name for r in reforms),
        "; ".join(r.description for r in reforms),
        tuple(c for r in reforms for c in r.changes),
    )
