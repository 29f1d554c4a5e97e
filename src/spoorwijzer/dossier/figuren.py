"""Portfolio figures for casemanagers, employers and the organisation, computed in the database
(aggregates over the cases a user may see, never a loop over rows in Python).

The measures are those of the source documents and of Dutch practice:
- the UWV dossier study's (2021) measures of the second track: when trajectories started (against the
  law's own end of year 1 per case, so interruptions count as law counts them), how many had no job
  search, placements and the time to placement;
- deadlines met and late per step (from the schedule law stored per case);
- verzuim figures as Vernet defines them (verzuimpercentage weighted by contract hours, annual
  meldingsfrequentie, duration classes from a sourced parameter);
- per re-integratiebedrijf: trajectories, placements and time to placement, with counts so small numbers
  are not over-read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import (
    Avg,
    Count,
    DateField,
    F,
    FloatField,
    Func,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, Least
from django.db.models.lookups import GreaterThan, LessThanOrEqual

from spoorwijzer.dossier.models import (
    Gebeurtenis,
    Termijn,
    Termijntelling,
    Traject,
    Verzuimduur,
    Verzuimgeval,
    Verzuimtelling,
    Werknemer,
    Ziekteperiode,
)
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.toets import ERNST_NAAM
from spoorwijzer.law.toezicht import GEWICHTEN, Jaar, toezichtscore

KLEINE_GROEP = 10  # below this many cases a share is shown with a warning not to over-read it
ZOEKACTIVITEIT = ("sollicitatie", "netwerkcontact")
NIEUWE_WERKGEVER = ("contract", "detachering")  # placement kinds that are work with another employer


FIGUUR_VELDEN = ["tweede_spoor_start", "eerste_jaar_uiterlijk", "plaatsing_op", "zoekactiviteit"]


def bewaar_op_geval(geval: Verzuimgeval, events: list[Gebeurtenis], rijen: list[Termijn]) -> None:
    """Copy the track-2 facts the figures count onto the case (not yet saved), from the log as it stands and
    the schedule law computed; services.vernieuw calls this after every event."""
    geval.tweede_spoor_start = min((e.datum for e in events if e.code == "start_tweede_spoor"), default=None)
    geval.plaatsing_op = min(
        (e.datum for e in events if e.code == "plaatsing" and (e.data or {}).get("soort") in NIEUWE_WERKGEVER),
        default=None,
    )
    geval.zoekactiviteit = any(e.code in ZOEKACTIVITEIT for e in events)
    geval.eerste_jaar_uiterlijk = next((t.uiterlijk for t in rijen if t.code == "eerstejaarsevaluatie"), None)


def bewaar_op_trajecten(geval: Verzuimgeval, events: list[Gebeurtenis]) -> None:
    """Store on each trajectory of the case its first placement with another employer on or after its start (a
    current 'plaatsing' of kind contract or detachering), from the log as it stands; services.vernieuw calls this
    after every event. The providers' figure counts these dates."""
    plaatsingen = sorted(
        e.datum for e in events if e.code == "plaatsing" and (e.data or {}).get("soort") in NIEUWE_WERKGEVER
    )
    for pk, start, opgeslagen in Traject.objects.filter(geval=geval).values_list("pk", "start", "plaatsing_op"):
        plaatsing = next((d for d in plaatsingen if d >= start), None)
        if plaatsing != opgeslagen:
            Traject.objects.filter(pk=pk).update(plaatsing_op=plaatsing)


def vul_plaatsingen(trajecten: QuerySet[Traject]) -> None:
    """The same for the trajectories at once, in one UPDATE (migration 0022, the benchmark generator)."""
    placement = Subquery(
        _current("plaatsing")
        .filter(geval=OuterRef("geval"), data__soort__in=NIEUWE_WERKGEVER, datum__gte=OuterRef("start"))
        .order_by("datum")
        .values("datum")[:1],
        output_field=DateField(),
    )
    trajecten.update(plaatsing_op=placement)


class Dagen(Func):
    """Whole days from the first date to the second (second - first), as an integer in the database:
    PostgreSQL subtracts dates to days, SQLite needs julianday()."""

    arity = 2
    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra):
        (a, a_params), (b, b_params) = (compiler.compile(e) for e in self.get_source_expressions())
        return f"(({b}) - ({a}))", [*b_params, *a_params]

    def as_sqlite(self, compiler, connection, **extra):
        (a, a_params), (b, b_params) = (compiler.compile(e) for e in self.get_source_expressions())
        return f"CAST(julianday({b}) - julianday({a}) AS INTEGER)", [*b_params, *a_params]


@dataclass
class Periode:
    van: dt.date
    tot: dt.date

    @property
    def dagen(self) -> int:
        return (self.tot - self.van).days + 1


@dataclass
class Figuren:
    periode: Periode
    gevallen: int
    tweede_spoor: dict[str, Any] = field(default_factory=dict)
    termijnen: list[dict[str, Any]] = field(default_factory=list)
    verzuim: dict[str, Any] = field(default_factory=dict)
    bureaus: list[dict[str, Any]] = field(default_factory=list)
    toets: dict[str, Any] = field(default_factory=dict)
    # the loonsanctie exposure of every running case in scope, whatever its first sick day (see blootstelling)
    blootstelling: dict[str, Any] = field(default_factory=dict)


def _current(code: str | tuple[str, ...]) -> QuerySet[Gebeurtenis]:
    codes = (code,) if isinstance(code, str) else code
    return Gebeurtenis.objects.filter(code__in=codes, vervangen_door__isnull=True)


def _tweede_spoor_sommen() -> dict[str, Any]:
    """The dossier study's measures as aggregates over case rows, each counting only the cases with a track-2
    start, so they share one pass over the cases with the other figures (figuren)."""
    start, eje, plaatsing = F("tweede_spoor_start"), F("eerste_jaar_uiterlijk"), F("plaatsing_op")
    na_jaar1 = Dagen(eje, start)  # days after the end of year 1 as law counts it for this case
    three_months = 91  # the dossier study's "within three months after the first year"
    gestart = Q(tweede_spoor_start__isnull=False)
    return {
        "totaal": Count("pk", filter=gestart),
        "jaar1": Count("pk", filter=gestart & Q(LessThanOrEqual(na_jaar1, 0))),
        "na_jaar1_3_maanden": Count(
            "pk", filter=gestart & Q(GreaterThan(na_jaar1, 0), LessThanOrEqual(na_jaar1, three_months))
        ),
        "later": Count("pk", filter=gestart & Q(GreaterThan(na_jaar1, three_months))),
        "zonder_zoekactiviteit": Count("pk", filter=gestart & Q(zoekactiviteit=False)),
        "geplaatst": Count("pk", filter=gestart & Q(plaatsing_op__isnull=False)),
        "dagen_tot_plaatsing": Avg(Dagen(start, plaatsing), filter=gestart),
    }


def tweede_spoor(gevallen: QuerySet[Verzuimgeval]) -> dict[str, Any]:
    """The dossier study's measures over the cases with a track-2 start, from the facts stored on each case
    (bewaar_op_geval): one aggregate over the case rows."""
    return _tweede_spoor_uit(gevallen.aggregate(**_tweede_spoor_sommen()))


def _tweede_spoor_uit(row: dict[str, Any]) -> dict[str, Any]:
    n = row["totaal"]
    avg = row["dagen_tot_plaatsing"]
    return {
        **row,
        "dagen_tot_plaatsing": round(avg) if avg is not None else None,
        "aandeel": {
            k: (row[k] / n if n else None)
            for k in ("jaar1", "na_jaar1_3_maanden", "later", "zonder_zoekactiviteit", "geplaatst")
        },
        "kleine_groep": n < KLEINE_GROEP,
    }


def termijnen(
    gevallen: QuerySet[Verzuimgeval], vandaag: dt.date, telling: QuerySet[Termijntelling] | None = None
) -> list[dict[str, Any]]:
    """Per step: done on time, done late, open and overdue, open (the stored schedule of each case).
    With ``telling`` (the stored counts of exactly these cases, see ``telling``) the figure sums those counts;
    without, it reads every stored deadline of the cases. Both give the same rows (tests/dossier/test_termijntelling)."""
    if telling is not None:
        som = Termijntelling.OP_TIJD, Termijntelling.TE_LAAT, Termijntelling.OPEN
        rows = (
            telling.filter(aantal__gt=0)
            .values("code")
            .annotate(
                naam=Min("naam"),
                op_tijd=Coalesce(Sum("aantal", filter=Q(stand=som[0])), 0),
                te_laat_gedaan=Coalesce(Sum("aantal", filter=Q(stand=som[1])), 0),
                open_te_laat=Coalesce(Sum("aantal", filter=Q(stand=som[2], uiterlijk__lt=vandaag)), 0),
                open=Coalesce(Sum("aantal", filter=Q(stand=som[2], uiterlijk__gte=vandaag)), 0),
                eerste_uiterlijk=Min("uiterlijk"),
            )
            .order_by("eerste_uiterlijk", "code")
        )
    else:
        rows = (
            Termijn.objects.filter(geval__in=gevallen.values("pk"), niet_nodig=False, uiterlijk__isnull=False)
            .annotate(geldt=Coalesce("afwijking_tot", "uiterlijk"))  # as TELLING_VULLEN
            .values("code")
            .annotate(
                naam=Min("naam"),
                op_tijd=Count("pk", filter=Q(gedaan_op__lte=F("geldt"))),
                te_laat_gedaan=Count("pk", filter=Q(gedaan_op__gt=F("geldt"))),
                open_te_laat=Count("pk", filter=Q(gedaan_op__isnull=True, geldt__lt=vandaag)),
                open=Count("pk", filter=Q(gedaan_op__isnull=True, geldt__gte=vandaag)),
                eerste_uiterlijk=Min("geldt"),
            )
            .order_by("eerste_uiterlijk", "code")
        )
    result = []
    for r in rows:
        r.pop("eerste_uiterlijk")
        judged = r["op_tijd"] + r["te_laat_gedaan"] + r["open_te_laat"]
        r["aandeel_op_tijd"] = r["op_tijd"] / judged if judged else None
        result.append(r)
    return result


@dataclass(frozen=True)
class Bereik:
    """Whose cases the figures cover, when that is all cases of an organisation (werkgever_id None) or all cases
    of one employer (of this organisation, or of any when organisatie_id is None): then the deadlines per step
    come from the stored counts (Termijntelling). access.figuren_bereik says when a user's view is such a set."""

    organisatie_id: int | None
    werkgever_id: int | None = None


def telling(bereik: Bereik, p: Periode) -> QuerySet[Termijntelling]:
    """The stored deadline counts of the cases in the scope whose first sick day lies in the period."""
    qs = Termijntelling.objects.filter(
        werkgever_pk=bereik.werkgever_id or 0, eerste_ziektedag__gte=p.van, eerste_ziektedag__lte=p.tot
    )
    if bereik.organisatie_id is not None:
        qs = qs.filter(organisatie_id=bereik.organisatie_id)
    elif bereik.werkgever_id is None:
        raise ValueError("een bereik noemt een organisatie of een werkgever")
    return qs


Sleutel = tuple[int, int, dt.date, str, str, dt.date, str]  # organisation, employer, first sick day, step, deadline


def _stand(gedaan_op: dt.date | None, uiterlijk: dt.date) -> str:
    if gedaan_op is None:
        return Termijntelling.OPEN
    return Termijntelling.OP_TIJD if gedaan_op <= uiterlijk else Termijntelling.TE_LAAT


def _tel(rows: Iterable[tuple]) -> Counter[Sleutel]:
    """(organisation, employer, first sick day, code, name, deadline, done on) per counted deadline -> counts."""
    return Counter((o, w, d, code, naam, u, _stand(gedaan, u)) for o, w, d, code, naam, u, gedaan in rows)


def termijnen_geteld(geval_ids: list[int]) -> Counter[Sleutel]:
    """What the cases' stored deadlines contribute to the counts now (read before they are rewritten)."""
    return _tel(
        Termijn.objects.filter(
            geval_id__in=geval_ids, niet_nodig=False, uiterlijk__isnull=False, geval__eerste_ziektedag__isnull=False
        )
        .annotate(geldt=Coalesce("afwijking_tot", "uiterlijk"))
        .values_list(
            "geval__organisatie_id",
            "geval__werkgever_id",
            "geval__eerste_ziektedag",
            "code",
            "naam",
            "geldt",
            "gedaan_op",
        )
    )


def termijnen_te_tellen(geval: Verzuimgeval, rijen: list[Termijn]) -> Counter[Sleutel]:
    """What the case's new deadline rows (and its first sick day, set on the case by termijn_rijen) contribute."""
    if geval.eerste_ziektedag is None:
        return Counter()
    return _tel(
        (
            geval.organisatie_id,
            geval.werkgever_id,
            geval.eerste_ziektedag,
            t.code,
            t.naam,
            t.afwijking_tot or t.uiterlijk,  # as TELLING_VULLEN: the date the step must be met by
            t.gedaan_op,
        )
        for t in rijen
        if not t.niet_nodig and t.uiterlijk is not None
    )


def tel_termijnen_bij(nieuw: Counter[Sleutel], oud: Counter[Sleutel]) -> None:
    """Move the stored counts from ``oud`` to ``nieuw``, for the employer and for the organisation, in the caller's
    transaction: an upsert that adds (concurrent events on the same day and step add up instead of overwriting),
    in key order (two transactions lock shared rows in the same order), then rows that fell to zero go."""
    delta: Counter[Sleutel] = Counter(nieuw)
    delta.subtract(oud)
    per_rij: Counter[Sleutel] = Counter()
    for (o, w, d, code, naam, u, stand), n in delta.items():
        if n:
            per_rij[(o, w, d, code, naam, u, stand)] += n
            per_rij[(o, 0, d, code, naam, u, stand)] += n
    rows = sorted((k, n) for k, n in per_rij.items() if n)
    if not rows:
        return
    ops, table = connection.ops, Termijntelling._meta.db_table
    cols = "organisatie_id, werkgever_pk, eerste_ziektedag, code, naam, uiterlijk, stand"
    with connection.cursor() as c:
        for i in range(0, len(rows), 200):
            chunk = rows[i : i + 200]
            params: list[Any] = []
            for (o, w, d, code, naam, u, stand), n in chunk:
                params += [o, w, ops.adapt_datefield_value(d), code, naam, ops.adapt_datefield_value(u), stand, n]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s)"] * len(chunk))
            c.execute(
                f"INSERT INTO {table} AS t ({cols}, aantal) VALUES {values} "
                f"ON CONFLICT ({cols}) DO UPDATE SET aantal = t.aantal + excluded.aantal",
                params,
            )
    Termijntelling.objects.filter(
        aantal=0, organisatie_id__in={k[0] for k, _ in rows}, eerste_ziektedag__in={k[2] for k, _ in rows}
    ).delete()


# a deadline counts against the date it must be met by: the new date of a deviation with a deugdelijke grond
# (law/afwijking.py) where one is recorded, else the legal one: the same date the step's status reads
# (poortwachter.deadline_status), so a deviated step is not 'open en te laat' while its new date is still ahead
TELLING_VULLEN = """
INSERT INTO dossier_termijntelling
    (organisatie_id, werkgever_pk, eerste_ziektedag, code, naam, uiterlijk, stand, aantal)
SELECT g.organisatie_id, {werkgever}, g.eerste_ziektedag, t.code, t.naam, COALESCE(t.afwijking_tot, t.uiterlijk),
    CASE WHEN t.gedaan_op IS NULL THEN 'open'
         WHEN t.gedaan_op <= COALESCE(t.afwijking_tot, t.uiterlijk) THEN 'op_tijd' ELSE 'te_laat' END,
    COUNT(*)
FROM dossier_termijn t JOIN dossier_verzuimgeval g ON g.id = t.geval_id
WHERE NOT t.niet_nodig AND t.uiterlijk IS NOT NULL AND g.eerste_ziektedag IS NOT NULL
GROUP BY g.organisatie_id, {groep}g.eerste_ziektedag, t.code, t.naam, COALESCE(t.afwijking_tot, t.uiterlijk),
    CASE WHEN t.gedaan_op IS NULL THEN 'open'
         WHEN t.gedaan_op <= COALESCE(t.afwijking_tot, t.uiterlijk) THEN 'op_tijd' ELSE 'te_laat' END
"""


def vul_termijntellingen() -> None:
    """Count every stored deadline again (migration 0020 does the same; the benchmark generator after COPY)."""
    Termijntelling.objects.all().delete()
    with connection.cursor() as c:
        c.execute(TELLING_VULLEN.format(werkgever="g.werkgever_id", groep="g.werkgever_id, "))
        c.execute(TELLING_VULLEN.format(werkgever="0", groep=""))  # GROUP BY 0 would mean a column number


def verzuim(
    ctx: LawContext,
    gevallen: QuerySet[Verzuimgeval],
    werknemers: QuerySet[Werknemer],
    p: Periode,
    bereik: Bereik | None = None,
) -> dict[str, Any]:
    """Verzuimpercentage, meldingsfrequentie and duration classes over the period (Vernet's definitions):
    sick days and employment days weighted by contract hours; frequency per year. With ``bereik`` (``gevallen`` are
    exactly that organisation's or employer's cases) the sick periods come from their stored counts
    (Verzuimtelling, Verzuimduur); without, from the rows. Both give the same figures (tests/dossier/
    test_verzuimtelling.py)."""
    klassen = ctx.value("verzuim.duurklassen", p.tot)
    agg = _verzuim_geteld(bereik, p, klassen) if bereik is not None else _verzuim_rijen(gevallen, p, klassen)
    emp = _employment(werknemers, p)

    available, sick = emp["gewogen"] or 0, agg["gewogen"] or 0
    headcount = (emp["dagen"] or 0) / p.dagen
    return {
        "werknemers_gemiddeld": round(headcount, 1),
        "verzuimpercentage": 100 * sick / available if available else None,
        "meldingsfrequentie": agg["nieuw"] / headcount * 365 / p.dagen if headcount else None,
        "nieuwe_meldingen": agg["nieuw"],
        "duurklassen": {k: agg[f"klasse_{k}"] for k in klassen},
        "duurklassen_grenzen": klassen,
        "meldingen_in_periode": agg["meldingen"],
        "bron": str(ctx.version("verzuim.duurklassen", p.tot).reference),
    }


def _verzuim_rijen(gevallen: QuerySet[Verzuimgeval], p: Periode, klassen: dict[str, int]) -> dict[str, Any]:
    """The sick periods' part of the verzuim figures, read from the stored periods of the cases: one aggregate."""
    van = Value(p.van, output_field=DateField())
    na = Value(p.tot + dt.timedelta(days=1), output_field=DateField())  # the day after the period
    # first day back, the day the case was closed (employment ended, WIA: no longer a sick employee of this
    # employer), or the day after the period: whichever comes first
    terug = Least(Coalesce(F("herstel"), na), Coalesce(F("geval__afgesloten_op"), na), na)
    # the stored sick periods (services.vernieuw): each period's recovery is a column, not a lookup in the log
    meldingen = Ziekteperiode.objects.filter(
        Q(herstel__isnull=True) | Q(herstel__gt=p.van),
        Q(geval__afgesloten_op__isnull=True) | Q(geval__afgesloten_op__gt=p.van),
        geval__in=gevallen.values("pk"),
        begin__lte=p.tot,
    )
    # one duration per sick report, first sick day up to and including the last (or the period's end), capped
    # at the last class (ZW Connect: 'kan maximaal 730 dagen duren'): every report falls in exactly one class
    duur = Least(Dagen(F("begin"), terug), Value(max(klassen.values()), output_field=IntegerField()))
    bounds, low = {}, 0
    for name, last in klassen.items():
        bounds[name] = Q(GreaterThan(duur, low), LessThanOrEqual(duur, last))
        low = last
    return meldingen.aggregate(
        nieuw=Count("pk", filter=Q(begin__gte=p.van)),
        gewogen=Sum(
            Dagen(Greatest(F("begin"), van), terug) * F("geval__werknemer__uren_per_week"), output_field=FloatField()
        ),
        **{f"klasse_{k}": Count("pk", filter=q) for k, q in bounds.items()},
        meldingen=Count("pk"),
    )


def _verzuim_geteld(bereik: Bereik, p: Periode, klassen: dict[str, int]) -> dict[str, Any]:
    """The same figures as _verzuim_rijen from the stored counts (decision 0031). A period runs from its first sick
    day b to its end e (the first day back or the closing day, whichever first; none while it runs); with N the day
    after the period, it counts when b <= tot and e > van, and then:
    - sick days: e' - max(b, van) with e' = min(e, N): a sum over the days of (hours begun - hours ended) times
      (N - max(day, van)), the ended part cancelling the begun part beyond e;
    - counted reports: begun up to tot minus ended up to van (an ended period began before it ended);
    - duration min(e', N) - b in classes: an ended period (van < e <= tot) by e - b from Verzuimduur; a period
      still running at N by N - b, that is by the day it began: the days' begun counts minus the ended periods
      that began on those days, the last class what remains of the running ones."""
    na = p.tot + dt.timedelta(days=1)
    wpk = bereik.werkgever_id or 0
    dagen = Verzuimtelling.objects.filter(werkgever_pk=wpk, dag__lte=p.tot)
    duren = Verzuimduur.objects.filter(werkgever_pk=wpk, einde__lte=p.tot)
    if bereik.organisatie_id is not None:
        dagen, duren = (
            dagen.filter(organisatie_id=bereik.organisatie_id),
            duren.filter(organisatie_id=bereik.organisatie_id),
        )
    grenzen, low = [], 0
    for name, last in klassen.items():
        grenzen.append((name, low, last))
        low = last
    *lopend_klassen, (laatste, laatste_low, _) = grenzen
    # a running period's class by its first day: N - hi <= b <= N - lo - 1
    bij_begin = {
        k: Q(dag__gte=na - dt.timedelta(days=hi), dag__lte=na - dt.timedelta(days=lo + 1))
        for k, lo, hi in lopend_klassen
    }
    d = dagen.aggregate(
        alle_begonnen=Coalesce(Sum("begonnen"), 0),
        alle_geeindigd=Coalesce(Sum("geeindigd"), 0),
        geeindigd_voor=Coalesce(Sum("geeindigd", filter=Q(dag__lte=p.van)), 0),
        nieuw=Coalesce(Sum("begonnen", filter=Q(dag__gte=p.van)), 0),
        leeg_na_van=Coalesce(Sum("leeg", filter=Q(dag__gt=p.van)), 0),
        uren_dagen=Sum(
            (F("begonnen_uren") - F("geeindigd_uren"))
            * Dagen(Greatest(F("dag"), Value(p.van, output_field=DateField())), Value(na, output_field=DateField()))
        ),
        **{f"begonnen_in_{k}": Coalesce(Sum("begonnen", filter=q), 0) for k, q in bij_begin.items()},
    )
    duur = Dagen(F("begin"), F("einde"))
    oudste = min((na - dt.timedelta(days=hi) for _, _, hi in lopend_klassen), default=na)
    e = duren.filter(Q(einde__gt=p.van) | Q(begin__gte=oudste)).aggregate(
        **{
            f"dicht_{k}": Coalesce(
                Sum("aantal", filter=Q(einde__gt=p.van) & Q(GreaterThan(duur, lo)) & Q(LessThanOrEqual(duur, hi))), 0
            )
            for k, lo, hi in lopend_klassen
        },
        **{
            f"dicht_{laatste}": Coalesce(
                Sum("aantal", filter=Q(einde__gt=p.van) & Q(GreaterThan(duur, laatste_low))), 0
            )
        },
        **{
            f"geeindigd_{k}": Coalesce(
                Sum(
                    "aantal", filter=Q(begin__gte=na - dt.timedelta(days=hi), begin__lte=na - dt.timedelta(days=lo + 1))
                ),
                0,
            )
            for k, lo, hi in lopend_klassen
        },
    )
    lopend = {k: d[f"begonnen_in_{k}"] - e[f"geeindigd_{k}"] for k, _, _ in lopend_klassen}
    lopend[laatste] = d["alle_begonnen"] - d["alle_geeindigd"] - sum(lopend.values())
    return {
        "nieuw": d["nieuw"] + d["leeg_na_van"],
        "gewogen": None if d["uren_dagen"] is None else d["uren_dagen"] / 100,
        **{f"klasse_{k}": lopend[k] + e[f"dicht_{k}"] for k, _, _ in grenzen},
        "meldingen": d["alle_begonnen"] - d["geeindigd_voor"] + d["leeg_na_van"],
    }


# ("dag", organisation, employer pk, day, column) or ("duur", organisation, employer pk, end, begin)
Verzuimsleutel = tuple
DAG_KOLOMMEN = ("begonnen", "begonnen_uren", "geeindigd", "geeindigd_uren", "leeg")


def _einde(herstel: dt.date | None, afgesloten_op: dt.date | None) -> dt.date | None:
    """The first day a period no longer counts as sick: the first day back or the case's closing, the earlier."""
    return min((d for d in (herstel, afgesloten_op) if d is not None), default=None)


def _tel_verzuim(rows: Iterable[tuple]) -> Counter[Verzuimsleutel]:
    """(organisation, employer, first sick day, first day back, case closed on, contract hours) per stored sick
    period -> its counts, for the employer and for the organisation (werkgever_pk 0)."""
    c: Counter[Verzuimsleutel] = Counter()
    for o, w, begin, herstel, afgesloten_op, uren in rows:
        e = _einde(herstel, afgesloten_op)
        honderdsten = int((Decimal(str(uren)) * 100).to_integral_value())
        for wpk in (w, 0):
            if e is not None and e <= begin:  # closed the day it began: a report without a sick day
                c[("dag", o, wpk, begin, "leeg")] += 1
                continue
            c[("dag", o, wpk, begin, "begonnen")] += 1
            c[("dag", o, wpk, begin, "begonnen_uren")] += honderdsten
            if e is not None:
                c[("dag", o, wpk, e, "geeindigd")] += 1
                c[("dag", o, wpk, e, "geeindigd_uren")] += honderdsten
                c[("duur", o, wpk, e, begin)] += 1
    return c


_PERIODE_VELDEN = (
    "geval__organisatie_id",
    "geval__werkgever_id",
    "begin",
    "herstel",
    "geval__afgesloten_op",
    "geval__werknemer__uren_per_week",
)


def verzuim_geteld(geval_ids: list[int]) -> Counter[Verzuimsleutel]:
    """What the cases' stored sick periods contribute to the verzuim counts now (read before they are rewritten)."""
    return _tel_verzuim(Ziekteperiode.objects.filter(geval_id__in=geval_ids).values_list(*_PERIODE_VELDEN))


def verzuim_van_werknemer(werknemer_id: int) -> Counter[Verzuimsleutel]:
    """What the employee's stored sick periods contribute, with the contract hours as stored now."""
    return _tel_verzuim(Ziekteperiode.objects.filter(geval__werknemer_id=werknemer_id).values_list(*_PERIODE_VELDEN))


def verzuim_te_tellen(geval: Verzuimgeval, rijen: list[Ziekteperiode]) -> Counter[Verzuimsleutel]:
    """What the case's new sick period rows contribute, with its closing day as set on the case by vernieuw."""
    if not rijen:
        return Counter()
    uren = Werknemer.objects.filter(pk=geval.werknemer_id).values_list("uren_per_week", flat=True).first()
    return _tel_verzuim(
        (geval.organisatie_id, geval.werkgever_id, z.begin, z.herstel, geval.afgesloten_op, uren) for z in rijen
    )


def tel_verzuim_bij(nieuw: Counter[Verzuimsleutel], oud: Counter[Verzuimsleutel]) -> None:
    """Move the stored verzuim counts from ``oud`` to ``nieuw`` in the caller's transaction, as tel_termijnen_bij
    does for the deadlines: an adding upsert in key order, then rows that fell to zero go."""
    delta: Counter[Verzuimsleutel] = Counter(nieuw)
    delta.subtract(oud)
    dag: dict[tuple, list[int]] = {}
    duur: dict[tuple, int] = {}
    for key, n in delta.items():
        if not n:
            continue
        if key[0] == "dag":
            _, o, w, d, kolom = key
            dag.setdefault((o, w, d), [0] * len(DAG_KOLOMMEN))[DAG_KOLOMMEN.index(kolom)] += n
        else:
            _, o, w, e, b = key
            duur[(o, w, e, b)] = duur.get((o, w, e, b), 0) + n
    ops = connection.ops
    dag_rijen = [(o, w, ops.adapt_datefield_value(d), *v) for (o, w, d), v in sorted(dag.items()) if any(v)]
    duur_rijen = [
        (o, w, ops.adapt_datefield_value(e), ops.adapt_datefield_value(b), n)
        for (o, w, e, b), n in sorted(duur.items())
        if n
    ]
    _optellen(Verzuimtelling._meta.db_table, ["organisatie_id", "werkgever_pk", "dag"], list(DAG_KOLOMMEN), dag_rijen)
    _optellen(
        Verzuimduur._meta.db_table, ["organisatie_id", "werkgever_pk", "einde", '"begin"'], ["aantal"], duur_rijen
    )
    if dag_rijen:
        Verzuimtelling.objects.filter(
            begonnen=0, begonnen_uren=0, geeindigd=0, geeindigd_uren=0, leeg=0,
            organisatie_id__in={o for o, *_ in dag}, dag__in={d for _, _, d in dag},
        ).delete()  # fmt: skip
    if duur_rijen:
        Verzuimduur.objects.filter(
            aantal=0, organisatie_id__in={o for o, *_ in duur}, einde__in={e for _, _, e, _ in duur}
        ).delete()


def _optellen(table: str, sleutel: list[str], waarden: list[str], rows: list[tuple]) -> None:
    """INSERT ... ON CONFLICT (key) DO UPDATE SET v = v + excluded.v, 200 rows a statement (PostgreSQL, SQLite)."""
    if not rows:
        return
    cols = ", ".join(sleutel + waarden)
    zet = ", ".join(f"{v} = t.{v} + excluded.{v}" for v in waarden)
    plek = "(" + ", ".join(["%s"] * (len(sleutel) + len(waarden))) + ")"
    with connection.cursor() as c:
        for i in range(0, len(rows), 200):
            chunk = rows[i : i + 200]
            c.execute(
                f"INSERT INTO {table} AS t ({cols}) VALUES {', '.join([plek] * len(chunk))} "
                f"ON CONFLICT ({', '.join(sleutel)}) DO UPDATE SET {zet}",
                [x for row in chunk for x in row],
            )


# each stored sick period with its end (the first day back or the case's closing, the earlier) and its employee's
# contract hours in hundredths; portable SQL (PostgreSQL and SQLite): no LEAST, which ignores NULL in one only
PERIODEN = """
SELECT g.organisatie_id AS o, g.werkgever_id AS w, z."begin" AS b,
    CASE WHEN z.herstel IS NULL THEN g.afgesloten_op
         WHEN g.afgesloten_op IS NULL OR z.herstel <= g.afgesloten_op THEN z.herstel
         ELSE g.afgesloten_op END AS e,
    CAST(ROUND(wn.uren_per_week * 100) AS BIGINT) AS u
FROM dossier_ziekteperiode z JOIN dossier_verzuimgeval g ON g.id = z.geval_id
    JOIN dossier_werknemer wn ON wn.id = g.werknemer_id
"""
VERZUIM_VULLEN = """
INSERT INTO dossier_verzuimtelling
    (organisatie_id, werkgever_pk, dag, begonnen, begonnen_uren, geeindigd, geeindigd_uren, leeg)
SELECT o, {werkgever}, dag, SUM(nb), SUM(ub), SUM(ne), SUM(ue), SUM(nl) FROM (
    SELECT o, w, b AS dag, CASE WHEN e IS NULL OR e > b THEN 1 ELSE 0 END AS nb,
        CASE WHEN e IS NULL OR e > b THEN u ELSE 0 END AS ub, 0 AS ne, 0 AS ue,
        CASE WHEN e IS NULL OR e > b THEN 0 ELSE 1 END AS nl
    FROM ({perioden}) p1
    UNION ALL
    SELECT o, w, e, 0, 0, 1, u, 0 FROM ({perioden}) p2 WHERE e > b
) x
GROUP BY o, {groep}dag
"""
DUUR_VULLEN = """
INSERT INTO dossier_verzuimduur (organisatie_id, werkgever_pk, einde, "begin", aantal)
SELECT o, {werkgever}, e, b, COUNT(*) FROM ({perioden}) p WHERE e > b GROUP BY o, {groep}e, b
"""


def vul_verzuimtellingen() -> None:
    """Count every stored sick period again (migration 0022 does the same; the benchmark generator after COPY)."""
    Verzuimtelling.objects.all().delete()
    Verzuimduur.objects.all().delete()
    with connection.cursor() as c:
        for sql in (VERZUIM_VULLEN, DUUR_VULLEN):
            c.execute(sql.format(werkgever="w", groep="w, ", perioden=PERIODEN))
            c.execute(sql.format(werkgever="0", groep="", perioden=PERIODEN))


def _employment(werknemers: QuerySet[Werknemer], p: Periode) -> dict[str, Any]:
    """Employment days in the period (from in_dienst, to uit_dienst as the last day), plain and weighted
    by contract hours."""
    days = _dienstdagen(p)
    return _in_dienst(werknemers, p).aggregate(
        gewogen=Sum(days * F("uren_per_week"), output_field=FloatField()), dagen=Sum(days)
    )


def _in_dienst(werknemers: QuerySet[Werknemer], p: Periode) -> QuerySet[Werknemer]:
    return werknemers.filter(
        Q(uit_dienst__isnull=True) | Q(uit_dienst__gte=p.van), Q(in_dienst__isnull=True) | Q(in_dienst__lte=p.tot)
    )


def _dienstdagen(p: Periode):
    """Days employed within the period, from in_dienst to uit_dienst (its last day), as a database expression."""
    first_day = Greatest(Coalesce(F("in_dienst"), Value(p.van, output_field=DateField())), Value(p.van))
    last_day = Least(Coalesce(F("uit_dienst"), Value(p.tot, output_field=DateField())), Value(p.tot))
    return Dagen(first_day, last_day) + 1


GROOTTEKLASSEN = ((1, 24, "1 tot 25 werknemers"), (25, 99, "25 tot 100 werknemers"), (100, None, "100 of meer"))
# Spoorwijzer's own grouping for comparison (not a legal class); shown with the figure.
MIN_VERGELIJKING = 5  # fewer comparable employers than this: no comparison (small groups identify employers)


def wia_instroom_per_jaar(werkgevers: QuerySet, jaren: list[int]) -> dict[int, list[Jaar]]:
    """Per employer and calendar year: cases closed with a WIA benefit whose wachttijd ended in the year
    (the WIA starts the next day), and the average number of employees. Grouped queries: one for the
    inflow, one per year for employment, whatever the number of employers."""
    counts = {
        (wg, y): n
        for wg, y, n in Verzuimgeval.objects.filter(
            werkgever__in=werkgevers, afsluitreden="wia", einde_wachttijd__year__in=jaren
        )
        .values_list("werkgever_id", "einde_wachttijd__year")
        .annotate(n=Count("pk"))
    }
    staff: dict[tuple[int, int], int] = {}
    for y in jaren:
        p = Periode(dt.date(y, 1, 1), dt.date(y, 12, 31))
        rows = (
            _in_dienst(Werknemer.objects.filter(werkgever__in=werkgevers), p)
            .values("werkgever_id")
            .annotate(dagen=Sum(_dienstdagen(p)))
        )
        for r in rows:
            staff[(r["werkgever_id"], y)] = round(r["dagen"] / p.dagen)
    ids = list(werkgevers.values_list("pk", flat=True))
    return {wg: [Jaar(y, counts.get((wg, y), 0), staff.get((wg, y), 0)) for y in jaren] for wg in ids}


def _klasse(size: int):
    return next((k for k in GROOTTEKLASSEN if size >= k[0] and (k[1] is None or size <= k[1])), None)


def toezicht(ctx: LawContext, werkgever, peers: QuerySet, peildatum: dt.date) -> dict[str, Any]:
    """The employer's supervision score, and the mean of comparable employers (same sector and size class)
    among ``peers`` when there are enough of them."""
    years = [peildatum.year - 1 - i for i in range(len(ctx.value(GEWICHTEN, peildatum)))]
    group = peers.filter(sector=werkgever.sector) | peers.model.objects.filter(pk=werkgever.pk)
    per_employer = wia_instroom_per_jaar(group, years)
    own = toezichtscore(ctx, per_employer.pop(werkgever.pk), peildatum)
    klasse = _klasse(own.jaren[0].werknemers)
    scores = []
    for jaren in per_employer.values():
        s = toezichtscore(ctx, jaren, peildatum)
        if klasse and _klasse(s.jaren[0].werknemers) == klasse and s.score is not None:
            scores.append(s.score)
    return {
        "score": own,
        "sector": werkgever.sector or "onbekend",
        "grootteklasse": klasse[2] if klasse else "geen werknemers",
        "vergelijking": sum(scores) / len(scores) if len(scores) >= MIN_VERGELIJKING else None,
        "vergelijking_aantal": len(scores),
        "bron": str(ctx.version(GEWICHTEN, peildatum).reference),
    }


def bureaus(gevallen: QuerySet[Verzuimgeval]) -> list[dict[str, Any]]:
    """Per re-integratiebedrijf: trajectories in the scope, placements with another employer, days to placement
    (the first placement on or after the trajectory's start, stored on the trajectory by bewaar_op_trajecten)."""
    rows = (
        Traject.objects.filter(geval__in=gevallen.values("pk"))
        .values("reintegratiebedrijf__naam")
        .annotate(
            trajecten=Count("pk"),
            plaatsingen=Count("pk", filter=Q(plaatsing_op__isnull=False)),
            duur=Avg(Dagen(F("start"), F("plaatsing_op"))),
        )
        .order_by("-trajecten", "reintegratiebedrijf__naam")
    )
    return [
        {
            "naam": r["reintegratiebedrijf__naam"],
            "trajecten": r["trajecten"],
            "plaatsingen": r["plaatsingen"],
            "aandeel": r["plaatsingen"] / r["trajecten"] if r["trajecten"] else None,
            "dagen_tot_plaatsing": round(r["duur"]) if r["duur"] is not None else None,
            "kleine_groep": r["trajecten"] < KLEINE_GROEP,
        }
        for r in rows
    ]


def _toets_sommen() -> dict[str, Any]:
    lopend = Q(afgesloten_op__isnull=True)
    sanctie = Q(toets_ernst=2) & lopend
    return {
        "totaal": Count("pk"),
        **{f"ernst_{e}": Count("pk", filter=Q(toets_ernst=e)) for e in ERNST_NAAM},
        **{f"lopend_{e}": Count("pk", filter=Q(toets_ernst=e) & lopend) for e in ERNST_NAAM},
        "blootstelling_dossiers": Count("pk", filter=sanctie),
        "blootstelling_cent": Sum("toets_loonsanctie_cent", filter=sanctie),
        "blootstelling_weken": Sum("toets_loonsanctie_weken", filter=sanctie),
    }


def toets(gevallen: QuerySet[Verzuimgeval]) -> dict[str, Any]:
    """The RIV-toets outcome stored on each case (law/toets.py via dossier/toets.py, after every event): how
    many cases per severity, open and closed, and the loonsanctie exposure in euros and weeks of the open cases
    where a loonsanctie can follow (severity 2). A closed case's outcome is the toets at its last event."""
    return _toets_uit(gevallen.aggregate(**_toets_sommen()))


def _toets_uit(row: dict[str, Any]) -> dict[str, Any]:
    getoetst = sum(row[f"ernst_{e}"] for e in ERNST_NAAM)
    return {
        "totaal": row["totaal"],
        "niet_getoetst": row["totaal"] - getoetst,
        "per_ernst": [
            {
                "ernst": e,
                "naam": naam,
                "dossiers": row[f"ernst_{e}"],
                "lopend": row[f"lopend_{e}"],
                "afgesloten": row[f"ernst_{e}"] - row[f"lopend_{e}"],
                "aandeel": row[f"ernst_{e}"] / getoetst if getoetst else None,
            }
            for e, naam in ERNST_NAAM.items()
        ],
        "blootstelling_dossiers": row["blootstelling_dossiers"],
        "blootstelling_cent": row["blootstelling_cent"] or 0,
        "blootstelling_weken": row["blootstelling_weken"] or 0,
        "kleine_groep": getoetst < KLEINE_GROEP,
    }


def blootstelling(gevallen: QuerySet[Verzuimgeval]) -> dict[str, Any]:
    """The loonsanctie exposure of all running cases, whatever their first sick day. A loonsanctie follows the
    RIV-toets near the end of the wachttijd, so the exposure sits in cases that began one to two years ago; a
    period of first sick days (by default the last year) would leave exactly those out (outside review: the demo's
    two cases with a tekortkoming read 'verwachte loonsanctie € 0,00')."""
    row = gevallen.filter(afgesloten_op__isnull=True, toets_ernst=2).aggregate(
        dossiers=Count("pk"), cent=Sum("toets_loonsanctie_cent"), weken=Sum("toets_loonsanctie_weken")
    )
    return {"dossiers": row["dossiers"], "cent": row["cent"] or 0, "weken": row["weken"] or 0}


def geval_cijfers(gevallen: QuerySet[Verzuimgeval]) -> tuple[int, dict[str, Any], dict[str, Any]]:
    """The number of cases, the track-2 measures and the RIV-toets outcome in one pass over the case rows (three
    aggregates over the same 100,000 rows took three passes)."""
    ts, ts_sommen = "ts__", _tweede_spoor_sommen()
    row = gevallen.aggregate(**{ts + k: v for k, v in ts_sommen.items()}, **_toets_sommen())
    spoor = {k: row.pop(ts + k) for k in ts_sommen}
    return row["totaal"], _tweede_spoor_uit(spoor), _toets_uit(row)


def figuren(
    ctx: LawContext,
    gevallen: QuerySet[Verzuimgeval],
    werknemers: QuerySet[Werknemer],
    p: Periode,
    vandaag: dt.date,
    bereik: Bereik | None = None,
) -> Figuren:
    """Every figure for the cases that started in the period (first sick day within it), and the verzuim
    figures of the period itself. ``bereik``: ``gevallen`` are exactly all cases of this organisation or
    employer (access.figuren_bereik), so the deadlines per step and the sick periods come from the stored
    counts."""
    in_period = gevallen.filter(eerste_ziektedag__gte=p.van, eerste_ziektedag__lte=p.tot)
    aantal, spoor, uitkomst = geval_cijfers(in_period)
    return Figuren(
        periode=p,
        gevallen=aantal,
        tweede_spoor=spoor,
        termijnen=termijnen(in_period, vandaag, telling(bereik, p) if bereik else None),
        verzuim=verzuim(ctx, gevallen, werknemers, p, bereik),
        bureaus=bureaus(in_period),
        toets=uitkomst,
        blootstelling=blootstelling(gevallen),
    )


def vooruitzicht_feiten(geval: Verzuimgeval, peildatum: dt.date) -> dict[str, Any]:
    """The facts of one case the track-2 outlook reads: age, whether track 2 started, any job search."""
    born = geval.werknemer.geboortedatum
    age = None
    if born:
        age = peildatum.year - born.year - ((peildatum.month, peildatum.day) < (born.month, born.day))
    events = _current(("start_tweede_spoor", *ZOEKACTIVITEIT)).filter(geval=geval)
    codes = set(events.values_list("code", flat=True))
    return {
        "leeftijd": age,
        "tweede_spoor_gestart": "start_tweede_spoor" in codes,
        "zoekactiviteit": bool(codes & set(ZOEKACTIVITEIT)),
    }
