"""Income over time per scenario, month by month from the first sick day (one person).

A scenario is a list of dated phases (wage, loondoorbetaling, WW, WGA, IVA, bijstand) with a
constant monthly amount each; a calendar month gets each phase's amount pro rata by days. All
amounts are in prices of one date (``prijspeil``): no future indexation is assumed, so a ten-year
picture never borrows amounts that are not yet published. The assessors' judgements (maatman-
inkomen, resterende verdiencapaciteit, duurzaam) are inputs; without them the WGA scenarios are
not computed and the result says who must judge.

The vectorised twin (``inkomenspad_vec``) builds the same phases for many persons at once.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from spoorwijzer.law import loondoorbetaling as ldb
from spoorwijzer.law import wia, ww
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput, ParameterNotCovered
from spoorwijzer.law.money import bp, euro, mul_div, pct_of
from spoorwijzer.law.poortwachter import Event, WachttijdEinde, wachttijd_einde
from spoorwijzer.law.receipt import Receipt
from spoorwijzer.law.tekst import datum, procent
from spoorwijzer.law.weeks import SickPeriod

SCENARIOS = {
    "eigen_werkgever": "Terugkeer bij de eigen werkgever",
    "nieuwe_werkgever": "Nieuwe werkgever (tweede spoor)",
    "35_minner_zonder_werk": "Minder dan 35% arbeidsongeschikt, baan kwijt (WW, daarna bijstand)",
    "wga_werkend": "WGA, gedeeltelijk werkend",
    "wga_niet_werkend": "WGA, niet werkend",
    "iva": "IVA (volledig en duurzaam arbeidsongeschikt)",
}


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day-of-month ``months`` later, clamped to the month's last day."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Beoordeling:
    """The assessors' judgement (or a labour expert's prognosis): never computed by Spoorwijzer."""

    maatmaninkomen: int  # cents per month (same hours basis as the RVC)
    resterende_verdiencapaciteit: int  # cents per month
    duurzaam: bool = False
    bron: str = ""


@dataclass(frozen=True)
class Inhouding:
    """Days of the wage continuation that are not paid when they fall due: a loonstop or loonopschorting
    (BW 7:629 lid 3 and 6; which one, and whether the wage is paid after all, is decided by
    ``law/loonmaatregel.inhoudingen``). The days are [van, tot); the withheld wage is paid on ``nabetaald_op``
    (None: lost for good, or still held back while ``opgeschort``)."""

    van: dt.date
    tot: dt.date
    soort: str  # loonstop | opschorting
    omschrijving: str
    nabetaald_op: dt.date | None = None
    opgeschort: bool = False  # a running opschorting: not paid yet, still owed
    loopt: bool = False  # still running at the peildatum: counted up to and including that day


@dataclass(frozen=True)
class Invoer:
    eerste_ziektedag: dt.date
    maandloon: int  # cents, bruto per month, naar tijdruimte
    uren_per_week_x100: int = 3800
    voltijd_uren_per_week_x100: int | None = None  # the employer's full-time week (the minimum wage before 2024)
    sv_jaarloon: int | None = None  # cents, SV-loon in the refertejaar; default: maandloon x 12 + vakantiebijslag
    percentage_jaar1: float | None = None  # None: the legal percentage
    percentage_jaar2: float | None = None
    jaren_voor_2016: int | None = None  # None: 0, and the receipt says so
    jaren_vanaf_2016: int = 0
    jareneis: bool = True
    referte_eis: bool = True
    huishouden: str = "alleenstaande"
    beoordeling: Beoordeling | None = None
    hervatting_datum: dt.date | None = None
    hervatting_loon: int | None = None
    plaatsing_datum: dt.date | None = None
    plaatsing_loon: int | None = None
    inkomen_wga: int | None = None
    # partial resumption during the wachttijd: from this date this share of the hours is worked
    deels_werken_vanaf: dt.date | None = None
    gewerkt_percentage: float = 0
    # cao top-up: sick hours paid at this percentage while the employee works (RSC 2025 bouwsteen 2)
    percentage_bij_werkhervatting: float | None = None
    prijspeil: dt.date | None = None
    maanden: int = 120
    # the wachttijd as the schedule computes it: sick periods (samentelling), vrijwillige verlenging, loonsanctie
    ziekteperioden: tuple[SickPeriod, ...] = ()  # empty: one period from the first sick day, still sick
    vrijwillige_verlenging_weken: int = 0
    loonsanctie_weken: int | None = None  # None: no loonsanctie
    herstel_vastgesteld: dt.date | None = None  # UWV found the shortcoming repaired: the sanction ends earlier
    inhoudingen: tuple[Inhouding, ...] = ()  # loonstop / loonopschorting (law/loonmaatregel.inhoudingen)

    @property
    def peil(self) -> dt.date:
        return self.prijspeil or self.eerste_ziektedag

    def perioden(self) -> tuple[SickPeriod, ...]:
        return self.ziekteperioden or (SickPeriod(self.eerste_ziektedag),)

    def gebeurtenissen(self) -> list[Event]:
        """The events of the wachttijd that move its end, as the schedule reads them."""
        first = self.perioden()[-1].start  # on or after the current wachttijd's first day
        events = []
        if self.vrijwillige_verlenging_weken:
            events.append(Event("vrijwillige_verlenging", first, {"weken": self.vrijwillige_verlenging_weken}))
        if self.loonsanctie_weken is not None:
            events.append(Event("loonsanctie", first, {"weken": self.loonsanctie_weken}))
            if self.herstel_vastgesteld is not None:
                events.append(Event("herstel_vastgesteld", self.herstel_vastgesteld))
        return events


def wachttijd(ctx: LawContext, inv: Invoer) -> WachttijdEinde:
    """The end of the wachttijd for these inputs: the schedule's one computation (``poortwachter.wachttijd_einde``)."""
    einde = wachttijd_einde(ctx, inv.perioden(), inv.gebeurtenissen())
    if einde.eerste_ziektedag != inv.eerste_ziektedag:
        raise InvalidInput(
            f"De eerste ziektedag {datum(inv.eerste_ziektedag)} past niet bij de ziekteperioden: de wachttijd begint "
            f"op {datum(einde.eerste_ziektedag)}."
        )
    return einde


@dataclass
class Phase:
    soort: str  # loon | loondoorbetaling | ww | wga_lgu | wga_lau | wga_vvu | iva | bijstand | inkomen
    start: dt.date
    end: dt.date  # exclusive
    bedrag: int  # cents per month
    toelichting: str


def _binnen(f: Phase, van: dt.date, tot: dt.date, erbij: str = "") -> Phase:
    """The part of a phase between two days (empty when they do not overlap; empty phases are dropped later)."""
    return dataclasses.replace(f, start=max(f.start, van), end=min(f.end, tot), toelichting=f.toelichting + erbij)


@dataclass
class Betaling:
    """A one-off payment on a day (the back pay of withheld wage)."""

    soort: str  # nabetaling
    op: dt.date
    bedrag: int  # cents
    toelichting: str


@dataclass
class Inhoudingseffect:
    """What one withholding did in a scenario: the wage the days would have paid, and what became of it."""

    inhouding: Inhouding
    dagen: int
    niet_betaald: int  # cents: the wage continuation of those days
    vervallen: int  # lost for good (a loonstop that stands)
    nabetaald: int  # paid after all on inhouding.nabetaald_op
    opgeschort: int  # still held back, still owed


@dataclass
class Scenario:
    code: str
    naam: str
    fasen: list[Phase] = field(default_factory=list)
    maanden: list[dict[str, Any]] = field(default_factory=list)
    betalingen: list[Betaling] = field(default_factory=list)
    inhoudingen: list[Inhoudingseffect] = field(default_factory=list)

    @property
    def totaal(self) -> int:
        return sum(m["totaal_cent"] for m in self.maanden)


@dataclass
class Uitkomst:
    scenarios: list[Scenario]
    niet_berekend: dict[str, str]
    receipt: Receipt
    wachttijd: WachttijdEinde
    klasse: int | None

    @property
    def wia_start(self) -> dt.date:
        return self.wachttijd.wia_start

    def as_dict(self) -> dict[str, Any]:
        return {
            "inhoudingen": [
                {
                    "soort": i.inhouding.soort,
                    "omschrijving": i.inhouding.omschrijving,
                    "van": i.inhouding.van.isoformat(),
                    "tot_en_met": (i.inhouding.tot - dt.timedelta(days=1)).isoformat(),
                    "dagen": i.dagen,
                    "niet_betaald_cent": i.niet_betaald,
                    "vervallen_cent": i.vervallen,
                    "nabetaald_cent": i.nabetaald,
                    "nabetaald_op": i.inhouding.nabetaald_op.isoformat() if i.inhouding.nabetaald_op else None,
                    "opgeschort_cent": i.opgeschort,
                    "loopt": i.inhouding.loopt,
                }
                for i in next((s.inhoudingen for s in self.scenarios if s.code == "iva"), [])
            ],
            "einde_wachttijd": self.wachttijd.einde_wachttijd.isoformat(),
            "loonsanctie_tot": self.wachttijd.loonsanctie_tot.isoformat() if self.wachttijd.loonsanctie_tot else None,
            "wia_start": self.wia_start.isoformat(),
            "wia_klasse": wia.KLASSE_CODE[self.klasse] if self.klasse is not None else None,
            "scenarios": [
                {
                    "code": s.code,
                    "naam": s.naam,
                    "totaal_cent": s.totaal,
                    "fasen": [
                        {
                            "soort": f.soort,
                            "van": f.start.isoformat(),
                            "tot": f.end.isoformat(),
                            "per_maand_cent": f.bedrag,
                            "toelichting": f.toelichting,
                        }
                        for f in s.fasen
                    ],
                    "maanden": s.maanden,
                    "betalingen": [
                        {
                            "soort": b.soort,
                            "op": b.op.isoformat(),
                            "bedrag_cent": b.bedrag,
                            "toelichting": b.toelichting,
                        }
                        for b in s.betalingen
                    ],
                }
                for s in self.scenarios
            ],
            "niet_berekend": self.niet_berekend,
            "bon": self.receipt.as_dict(),
        }


def resolve(ctx: LawContext, inv: Invoer) -> Invoer:
    """The inputs with what was left open filled in: the legal loondoorbetaling percentage, 0 years of
    arbeidsverleden before 2016 (stated in the receipt by ``bereken``)."""
    legal = ctx.value("bw.loondoorbetaling", inv.peil)["percentage"]
    return dataclasses.replace(
        inv,
        percentage_jaar1=legal if inv.percentage_jaar1 is None else inv.percentage_jaar1,
        percentage_jaar2=legal if inv.percentage_jaar2 is None else inv.percentage_jaar2,
        jaren_voor_2016=0 if inv.jaren_voor_2016 is None else inv.jaren_voor_2016,
    )


def validate(inv: Invoer) -> None:
    if inv.maandloon <= 0:
        raise InvalidInput("Het maandloon moet groter zijn dan 0.")
    if not 0 < inv.uren_per_week_x100 <= 6000:
        raise InvalidInput("Het aantal uren per week moet tussen 0 en 60 liggen.")
    for what, amount in (
        ("het SV-jaarloon", inv.sv_jaarloon),
        ("het loon bij hervatting", inv.hervatting_loon),
        ("het loon bij de nieuwe werkgever", inv.plaatsing_loon),
        ("het inkomen in de WGA", inv.inkomen_wga),
    ):
        if amount is not None and amount < 0:
            raise InvalidInput(f"{what[0].upper()}{what[1:]} kan niet negatief zijn.")
    if not 1 <= inv.maanden <= 600:
        raise InvalidInput("Het aantal maanden moet tussen 1 en 600 liggen.")
    ww.check_arbeidsverleden(inv.jaren_voor_2016, inv.jaren_vanaf_2016)
    if inv.beoordeling:
        wia.check_judgement(inv.beoordeling.maatmaninkomen, inv.beoordeling.resterende_verdiencapaciteit)
    if not 0 <= inv.gewerkt_percentage < 100:
        raise InvalidInput("Het gewerkte deel van de uren ligt tussen 0 en 100%.")
    if inv.percentage_bij_werkhervatting is not None and not 70 <= inv.percentage_bij_werkhervatting <= 100:
        raise InvalidInput("Het doorbetalingspercentage bij werkhervatting ligt tussen 70 en 100%.")
    for what, day in (
        ("hervatting", inv.hervatting_datum),
        ("plaatsing", inv.plaatsing_datum),
        ("gedeeltelijke hervatting", inv.deels_werken_vanaf),
    ):
        if day is not None and day < inv.eerste_ziektedag:
            raise InvalidInput(f"De datum van {what} ligt vóór de eerste ziektedag.")


def sv_jaarloon(ctx: LawContext, inv: Invoer, r: Receipt) -> int:
    if inv.sv_jaarloon is not None:
        return inv.sv_jaarloon
    vb = ctx.value("wml.vakantiebijslag", inv.peil)
    value = pct_of(inv.maandloon * 12, 10_000 + bp(vb))
    r.step(f"SV-jaarloon niet opgegeven: maandloon x 12 + {vb}% vakantiebijslag = {euro(value)}")
    return int(value)


def loondoorbetaling_bedragen(ctx: LawContext, inv: Invoer, on: dt.date):
    """Monthly pay while sick: (year 1, year 2, year 1 working partly, year 2 working partly)."""
    worked = bp(inv.gewerkt_percentage)
    top1 = bp(max(inv.percentage_jaar1, inv.percentage_bij_werkhervatting or 0))
    top2 = bp(max(inv.percentage_jaar2, inv.percentage_bij_werkhervatting or 0))
    uren, voltijd = inv.uren_per_week_x100, inv.voltijd_uren_per_week_x100
    return (
        ldb.per_maand(ctx, inv.maandloon, uren, bp(inv.percentage_jaar1), True, 0, on, voltijd),
        ldb.per_maand(ctx, inv.maandloon, uren, bp(inv.percentage_jaar2), False, 0, on, voltijd),
        ldb.per_maand(ctx, inv.maandloon, uren, top1, True, worked, on, voltijd),
        ldb.per_maand(ctx, inv.maandloon, uren, top2, False, worked, on, voltijd),
    )


def bereken(ctx: LawContext, inv: Invoer) -> Uitkomst:
    """All scenarios the inputs allow, month by month."""
    r = Receipt(ctx, inputs={k: v for k, v in inv.__dict__.items() if v is not None})
    given, inv = inv, resolve(ctx, inv)
    validate(inv)
    on = inv.peil
    d = inv.eerste_ziektedag
    r.step(
        f"Alle bedragen bruto per maand, in prijspeil {datum(on)} (geen indexatie verondersteld). De vakantiebijslag die "
        "apart wordt uitbetaald (bij loon door de werkgever, bij een uitkering als vakantiegeld van UWV) is niet "
        "meegeteld; het dagloon van WW en WIA is wel berekend over het loon inclusief vakantiebijslag, zoals het "
        "Dagloonbesluit voorschrijft (SV-loon in het refertejaar)."
    )
    agreement = ldb.check_agreement(
        ctx, inv.percentage_jaar1, inv.percentage_jaar2, on, inv.percentage_bij_werkhervatting
    )
    r.step(f"Loondoorbetaling: {inv.percentage_jaar1:g}% in jaar 1, {inv.percentage_jaar2:g}% in jaar 2 ({agreement}).")
    einde = wachttijd(ctx, inv)
    wia_start = einde.wia_start
    year2 = einde.wachttijd.date_of(7 * ctx.value("bw.loondoorbetaling", on)["minimumloon_weken"])
    r.step(
        f"Einde wachttijd {datum(einde.einde_wachttijd)}"
        + (
            f" (samengeteld uit {len(einde.wachttijd.periods)} ziekteperioden)"
            if einde.wachttijd.is_samengesteld
            else ""
        )
        + (
            f", met {inv.vrijwillige_verlenging_weken} weken vrijwillige verlenging"
            if inv.vrijwillige_verlenging_weken
            else ""
        )
        + (f"; loonsanctie tot en met {datum(einde.loonsanctie_tot)}" if einde.loonsanctie_tot else "")
        + f": WIA/WW vanaf {datum(wia_start)}; minimumloon gegarandeerd tot {datum(year2)}."
    )
    ldb1, ldb2, deels1, deels2 = (int(x) for x in loondoorbetaling_bedragen(ctx, inv, on))
    r.step(
        f"Loondoorbetaling per maand: jaar 1 {euro(ldb1)}, jaar 2 {euro(ldb2)} "
        f"(loon gemaximeerd op {euro(ldb.maximum_maandloon(ctx, on))} per maand; in jaar 1 ten minste het "
        f"{ldb.minimumloon_toelichting(ctx, inv.uren_per_week_x100, on, inv.voltijd_uren_per_week_x100)})."
    )
    # what each year pays, in words: year 1 is lifted to the minimum wage where the percentage falls below it
    pct1 = int(pct_of(min(inv.maandloon, ldb.maximum_maandloon(ctx, on)), bp(inv.percentage_jaar1)))
    uitleg1 = (
        f"Loondoorbetaling jaar 1: het minimumloon, want {inv.percentage_jaar1:g}% van het loon is minder (BW 7:629 lid 1)"
        if ldb1 > pct1
        else f"Loondoorbetaling jaar 1: {inv.percentage_jaar1:g}% van het loon (BW 7:629 lid 1)"
    )
    uitleg2 = f"Loondoorbetaling jaar 2: {inv.percentage_jaar2:g}% van het loon (BW 7:629 lid 1)"
    deels = inv.deels_werken_vanaf if inv.gewerkt_percentage > 0 else None
    if deels:
        top_up = inv.percentage_bij_werkhervatting
        ziek = "het gewone percentage" if top_up is None else f"{top_up:g}%"
        r.step(
            f"Vanaf {datum(deels)} {inv.gewerkt_percentage:g}% van de uren gewerkt (betaald als loon), zieke uren tegen "
            f"{ziek}: jaar 1 {euro(deels1)}, jaar 2 {euro(deels2)}."
        )

    jaarloon = sv_jaarloon(ctx, inv, r)
    capped, uncapped = (int(x) for x in wia.dagloon(ctx, jaarloon, on))
    mloon = int(wia.maandloon(ctx, capped, on))
    r.step(
        f"Dagloon {euro(capped)} (SV-jaarloon inclusief vakantiebijslag / 261; ongemaximeerd {euro(uncapped)}), "
        f"maandloon {euro(mloon)} (x 21,75): de grondslag van WW, WGA en IVA."
    )
    if given.jaren_voor_2016 is None:
        r.step(
            "Arbeidsverleden vóór 2016 niet opgegeven: gerekend met 0 jaar, dus alleen de minimumduur van WW en "
            "loongerelateerde WGA; geef het arbeidsverleden op voor de echte duur."
        )
    duur = int(ww.duur_maanden(ctx, inv.jaren_voor_2016, inv.jaren_vanaf_2016, inv.jareneis, on))
    r.step(
        f"WW- en LGU-duur uit arbeidsverleden ({inv.jaren_voor_2016} jaar vóór 2016, {inv.jaren_vanaf_2016} "
        f"vanaf 2016): {duur} maanden."
    )

    horizon = add_months(dt.date(d.year, d.month, 1), inv.maanden)
    before = Phase("loon", dt.date(d.year, d.month, 1), d, inv.maandloon, "Loon vóór de eerste ziektedag")

    def sick_until(stop: dt.date) -> list[Phase]:
        split = min(deels or stop, stop)
        return [
            before,
            Phase("loondoorbetaling", d, min(year2, split), ldb1, uitleg1),
            Phase("loondoorbetaling", year2, min(wia_start, split), ldb2, uitleg2),
            Phase("loondoorbetaling", split, min(year2, stop), deels1, "Jaar 1, gedeeltelijk werkend"),
            Phase("loondoorbetaling", max(split, year2), min(wia_start, stop), deels2, "Jaar 2, gedeeltelijk werkend"),
        ]

    scenarios: list[Scenario] = []
    missing: dict[str, str] = {}
    ao_bp = klasse = None
    if inv.beoordeling:
        b = inv.beoordeling
        ao_bp = int(wia.ao_basispunten(b.maatmaninkomen, b.resterende_verdiencapaciteit))
        klasse = int(wia.klasse(ctx, ao_bp, b.duurzaam, on))
        r.step(
            f"Arbeidsongeschiktheid {procent(ao_bp / 100)} uit maatmaninkomen {euro(b.maatmaninkomen)} en resterende "
            f"verdiencapaciteit {euro(b.resterende_verdiencapaciteit)} ({b.bron or 'bron niet vermeld'}): "
            f"{wia.KLASSE_NAAM[klasse]}."
        )

    def wga_phases(inkomen: int, start: dt.date) -> list[Phase]:
        b = inv.beoordeling
        assert b is not None and ao_bp is not None
        scaled = int(wia.scaled_income(inkomen, capped, uncapped))
        lgu_months = duur if inv.referte_eis else 0
        high_end = min(add_months(start, ctx.value("wia.wga", on)["lgu_hoog_maanden"]), add_months(start, lgu_months))
        lgu_end = add_months(start, lgu_months)
        rvc_scaled = int(wia.scaled_income(b.resterende_verdiencapaciteit, capped, uncapped))
        after, is_lau = (
            int(x)
            for x in wia.lau_of_vvu(
                ctx, mloon, inkomen, scaled, b.resterende_verdiencapaciteit, rvc_scaled, b.maatmaninkomen, ao_bp, on
            )
        )
        return [
            Phase(
                "wga_lgu",
                start,
                high_end,
                int(wia.lgu(ctx, mloon, scaled, 0, on)),
                "WGA loongerelateerd 75% (art. 61 lid 1)",
            ),
            Phase(
                "wga_lgu",
                high_end,
                lgu_end,
                int(wia.lgu(ctx, mloon, scaled, 2, on)),
                "WGA loongerelateerd 70% (art. 61 lid 1)",
            ),
            Phase(
                "wga_lau" if is_lau else "wga_vvu",
                lgu_end,
                horizon,
                after,
                "Loonaanvullingsuitkering (inkomen ten minste 50% van de RVC, art. 60-61)"
                if is_lau
                else "Vervolguitkering (inkomen onder 50% van de RVC, art. 61 lid 6)",
            ),
        ]

    # 1. return with own employer
    if inv.hervatting_datum:
        stop = inv.hervatting_datum
        s = Scenario("eigen_werkgever", SCENARIOS["eigen_werkgever"], sick_until(stop))
        s.fasen.append(
            Phase(
                "loon",
                stop,
                horizon,
                inv.hervatting_loon if inv.hervatting_loon is not None else inv.maandloon,
                "Loon na hervatting bij de eigen werkgever",
            )
        )
        scenarios.append(s)
    else:
        missing["eigen_werkgever"] = "geen hervattingsdatum opgegeven"
    # 2. new employer
    if inv.plaatsing_datum and inv.plaatsing_loon is not None:
        stop = inv.plaatsing_datum
        s = Scenario("nieuwe_werkgever", SCENARIOS["nieuwe_werkgever"], sick_until(stop))
        s.fasen.append(Phase("loon", stop, horizon, inv.plaatsing_loon, "Loon bij de nieuwe werkgever"))
        if klasse in (wia.WGA_35_80, wia.WGA_80_100):
            # the WGA runs from the WIA start, also when the new job begins later: without income until the
            # placement, then with the new wage; its terms (LGU months) still count from the WIA start
            s.fasen += [
                *(_binnen(f, wia_start, stop, " (nog zonder werk)") for f in wga_phases(0, wia_start)),
                *(_binnen(f, stop, horizon) for f in wga_phases(inv.plaatsing_loon, wia_start)),
            ]
        elif stop > wia_start:
            r.step(
                f"Nieuwe werkgever: tussen het einde van de wachttijd ({datum(einde.einde_wachttijd)}) en de "
                f"plaatsing ({datum(stop)}) rekent dit scenario geen inkomen. Wie dan geen dienstverband meer "
                "heeft, kan WW krijgen: zie het scenario van de 35-minner zonder werk."
            )
        scenarios.append(s)
    else:
        missing["nieuwe_werkgever"] = "geen plaatsingsdatum en loon bij de nieuwe werkgever opgegeven"
    # 3. 35-minner who loses the job: WW, then bijstand (approximation)
    ww_high = int(ww.uitkering(ctx, mloon, 0, on))
    ww_low = int(ww.uitkering(ctx, mloon, 2, on))
    hoog = ctx.value("ww.hoogte", on)["hoog_maanden"]
    try:
        bijstand = ww.bijstand_norm(ctx, inv.huishouden, on)
    except ParameterNotCovered as err:  # only this scenario needs the norm: the others still answer
        missing["35_minner_zonder_werk"] = str(err)
    else:
        s = Scenario("35_minner_zonder_werk", SCENARIOS["35_minner_zonder_werk"], sick_until(wia_start))
        s.fasen += [
            Phase("ww", wia_start, add_months(wia_start, hoog), ww_high, "WW 75% (WW art. 47)"),
            Phase("ww", add_months(wia_start, hoog), add_months(wia_start, duur), ww_low, "WW 70% (WW art. 47)"),
            Phase(
                "bijstand",
                add_months(wia_start, duur),
                horizon,
                bijstand,
                "Bijstand: een schatting (het netto normbedrag inclusief vakantiebijslag; vermogen en het inkomen van een "
                "partner zijn niet meegeteld)",
            ),
        ]
        scenarios.append(s)
    # 4-5. WGA
    if inv.beoordeling and klasse in (wia.WGA_35_80, wia.WGA_80_100):
        if inv.inkomen_wga is not None:
            s = Scenario("wga_werkend", SCENARIOS["wga_werkend"], sick_until(wia_start))
            s.fasen.append(Phase("inkomen", wia_start, horizon, inv.inkomen_wga, "Eigen inkomen uit werk"))
            s.fasen += wga_phases(inv.inkomen_wga, wia_start)
            scenarios.append(s)
        else:
            missing["wga_werkend"] = "geen inkomen uit werk in de WGA opgegeven"
        s = Scenario("wga_niet_werkend", SCENARIOS["wga_niet_werkend"], sick_until(wia_start))
        s.fasen += wga_phases(0, wia_start)
        scenarios.append(s)
    else:
        reason = (
            "oordeel arbeidsdeskundige nodig: maatmaninkomen en resterende verdiencapaciteit"
            if not inv.beoordeling
            else f"beoordeling leidt tot {wia.KLASSE_NAAM[klasse]}"
        )
        missing["wga_werkend"] = missing["wga_niet_werkend"] = reason
    # 6. IVA (shown always: what full and lasting incapacity would pay)
    s = Scenario("iva", SCENARIOS["iva"], sick_until(wia_start))
    s.fasen.append(
        Phase(
            "iva",
            wia_start,
            horizon,
            int(wia.iva(ctx, mloon, 0, on)),
            "IVA 75% van het WIA-maandloon (dagloon incl. vakantiebijslag x 21,75; art. 51)",
        )
    )
    scenarios.append(s)

    for s in scenarios:
        s.fasen = [f for f in s.fasen if f.end > f.start]
        if inv.inhoudingen:
            inhouden(s, inv.inhoudingen)
        s.maanden = spread(s.fasen, d, inv.maanden, s.betalingen)
    # the withholdings as they fall in the scenario that runs through the whole wachttijd (the others stop earlier)
    # (IVA is always computed; the WW scenario is missing when the bijstandsnorm of the date is not on file)
    for i in next(s for s in scenarios if s.code == "iva").inhoudingen:
        h = i.inhouding
        tot = h.tot - dt.timedelta(days=1)
        wat = (
            f"nabetaald op {datum(h.nabetaald_op)}: {euro(i.nabetaald)}"
            if i.nabetaald
            else f"nog opgeschort (blijft verschuldigd): {euro(i.opgeschort)}"
            if i.opgeschort
            else f"vervallen: {euro(i.vervallen)}"
        )
        r.step(
            f"{h.omschrijving} van {datum(h.van)} tot en met {datum(tot)} ({i.dagen} dagen): geen loondoorbetaling "
            f"over die dagen, {euro(i.niet_betaald)} naar rato van de dagen per kalendermaand; {wat}."
        )
    return Uitkomst(scenarios, missing, r, einde, klasse)


def inhouden(s: Scenario, inhoudingen: tuple[Inhouding, ...]) -> None:
    """Take the withheld days out of the scenario's wage continuation: each 'loondoorbetaling' phase is split
    around them (the days pay nothing), what they would have paid is computed with the one pro-rata rule, and the
    back pay (if any) becomes a one-off payment on its day."""
    for h in sorted(inhoudingen, key=lambda h: h.van):
        fasen: list[Phase] = []
        withheld = 0
        days = 0
        for f in s.fasen:
            lo, hi = max(f.start, h.van), min(f.end, h.tot)
            if f.soort != "loondoorbetaling" or lo >= hi:
                fasen.append(f)
                continue
            withheld += _over_days(f.bedrag, lo, hi)
            days += (hi - lo).days
            if f.start < lo:
                fasen.append(dataclasses.replace(f, end=lo))
            fasen.append(Phase(h.soort, lo, hi, 0, f"{h.omschrijving}: geen loon betaald"))
            if hi < f.end:
                fasen.append(dataclasses.replace(f, start=hi))
        s.fasen = sorted(fasen, key=lambda f: (f.start, f.end))
        if not days:
            continue
        if h.nabetaald_op is not None:
            s.betalingen.append(
                Betaling("nabetaling", h.nabetaald_op, withheld, f"Nabetaling {h.omschrijving.lower()}")
            )
            s.inhoudingen.append(Inhoudingseffect(h, days, withheld, 0, withheld, 0))
        elif h.opgeschort:
            s.inhoudingen.append(Inhoudingseffect(h, days, withheld, 0, 0, withheld))
        else:
            s.inhoudingen.append(Inhoudingseffect(h, days, withheld, withheld, 0, 0))


def _over_days(bedrag: int, lo: dt.date, hi: dt.date) -> int:
    """A monthly amount over the days [lo, hi): per calendar month pro rata by days (``pro_rata``)."""
    total, month = 0, dt.date(lo.year, lo.month, 1)
    while month < hi:
        nxt = add_months(month, 1)
        total += pro_rata(bedrag, max(lo, month), min(hi, nxt), month, nxt)
        month = nxt
    return total


def pro_rata(bedrag: int, lo: dt.date, hi: dt.date, month_start: dt.date, month_end: dt.date) -> int:
    """The part of a monthly amount for the days [lo, hi) of the month [month_start, month_end): the one
    pro-rata-by-days rule of every path (the vector twin applies the same ``mul_div`` to arrays)."""
    overlap = (hi - lo).days
    if overlap <= 0:
        return 0
    return int(mul_div(bedrag, overlap, (month_end - month_start).days))


def spread(
    phases: list[Phase], first_sick_day: dt.date, months: int, betalingen: list[Betaling] = ()
) -> list[dict[str, Any]]:
    """Calendar months from the first sick day's month; each phase counts pro rata by days, a one-off payment
    in its month."""
    rows = []
    start = dt.date(first_sick_day.year, first_sick_day.month, 1)
    for m in range(months):
        lo, hi = add_months(start, m), add_months(start, m + 1)
        parts: dict[str, int] = {}
        for p in phases:
            if p.start < hi and p.end > lo:
                parts[p.soort] = parts.get(p.soort, 0) + pro_rata(p.bedrag, max(lo, p.start), min(hi, p.end), lo, hi)
        for b in betalingen:
            if lo <= b.op < hi:
                parts[b.soort] = parts.get(b.soort, 0) + b.bedrag
        rows.append({"maand": lo.strftime("%Y-%m"), "totaal_cent": sum(parts.values()), "delen": parts})
    return rows
