"""The figures read what is stored after every event (the sick periods in Ziekteperiode, the track-2 facts on
the case) instead of looking each thing up in the log with a correlated subquery per row. The old
computations are kept here as the reference: old and new must give the same figures on the demo data and on a
generated caseload with recoveries, relapses within the same case, track-2 starts, placements and corrections."""

from __future__ import annotations

import datetime as dt
import importlib
import random
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.db.models import Avg, DateField, Exists, F, FloatField, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.aggregates import Count
from django.db.models.functions import Coalesce, Greatest, Least
from django.db.models.lookups import GreaterThan, IsNull, LessThanOrEqual

from spoorwijzer.dossier import figuren, services
from spoorwijzer.dossier.figuren import NIEUWE_WERKGEVER, ZOEKACTIVITEIT, Dagen, _current, _employment
from spoorwijzer.dossier.models import (
    Organisatie,
    Termijn,
    Traject,
    Verzuimduur,
    Verzuimgeval,
    Verzuimtelling,
    Werkgever,
    Werknemer,
    Ziekteperiode,
)
from spoorwijzer.law.context import LawContext

D = dt.date


def verzuim_uit_het_logboek(ctx, gevallen, werknemers, p):
    """The computation before stored periods (main at 8306875): each current ziekmelding with the first current
    herstelmelding on or after it, as a correlated subquery; verbatim but for the two definition fixes of the
    review (a closed case stops counting on its closing day; a report over 730 days is extra lang)."""
    van = Value(p.van, output_field=DateField())
    na = Value(p.tot + dt.timedelta(days=1), output_field=DateField())
    herstel = Subquery(
        _current("herstelmelding")
        .filter(geval=OuterRef("geval"), datum__gte=OuterRef("datum"))
        .order_by("datum")
        .values("datum")[:1],
        output_field=DateField(),
    )
    terug = Least(Coalesce(herstel, na), Coalesce(F("geval__afgesloten_op"), na), na)
    meldingen = _current("ziekmelding").filter(
        Q(IsNull(herstel, True)) | Q(GreaterThan(herstel, van)),
        Q(geval__afgesloten_op__isnull=True) | Q(geval__afgesloten_op__gt=p.van),
        geval__in=gevallen.values("pk"),
        datum__lte=p.tot,
    )
    klassen = ctx.value("verzuim.duurklassen", p.tot)
    duur = Least(Dagen(F("datum"), terug), Value(max(klassen.values()), output_field=IntegerField()))
    bounds, low = {}, 0
    for name, last in klassen.items():
        bounds[name] = Q(GreaterThan(duur, low), LessThanOrEqual(duur, last))
        low = last
    agg = meldingen.aggregate(
        nieuw=Count("pk", filter=Q(datum__gte=p.van)),
        gewogen=Sum(
            Dagen(Greatest(F("datum"), van), terug) * F("geval__werknemer__uren_per_week"), output_field=FloatField()
        ),
        **{f"klasse_{k}": Count("pk", filter=q) for k, q in bounds.items()},
    )
    emp = _employment(werknemers, p)
    available, sick = emp["gewogen"] or 0, agg["gewogen"] or 0
    headcount = (emp["dagen"] or 0) / p.dagen
    return {
        "verzuimpercentage": 100 * sick / available if available else None,
        "meldingsfrequentie": agg["nieuw"] / headcount * 365 / p.dagen if headcount else None,
        "nieuwe_meldingen": agg["nieuw"],
        "duurklassen": {k: agg[f"klasse_{k}"] for k in klassen},
    }


def tweede_spoor_uit_het_logboek(gevallen):
    """The track-2 measures before stored facts (main at 8306875), verbatim."""

    def first(codes, **data):
        qs = _current(codes).filter(geval=OuterRef("pk"), **data).order_by("datum").values("datum")[:1]
        return Subquery(qs, output_field=DateField())

    start = first("start_tweede_spoor")
    eje = Subquery(
        Termijn.objects.filter(geval=OuterRef("pk"), code="eerstejaarsevaluatie").values("uiterlijk")[:1],
        output_field=DateField(),
    )
    plaatsing = first("plaatsing", data__soort__in=NIEUWE_WERKGEVER)
    na_jaar1 = Dagen(eje, start)
    qs = gevallen.filter(Exists(_current("start_tweede_spoor").filter(geval=OuterRef("pk"))))
    row = qs.aggregate(
        totaal=Count("pk"),
        jaar1=Count("pk", filter=Q(LessThanOrEqual(na_jaar1, 0))),
        na_jaar1_3_maanden=Count("pk", filter=Q(GreaterThan(na_jaar1, 0), LessThanOrEqual(na_jaar1, 91))),
        later=Count("pk", filter=Q(GreaterThan(na_jaar1, 91))),
        zonder_zoekactiviteit=Count("pk", filter=~Exists(_current(ZOEKACTIVITEIT).filter(geval=OuterRef("pk")))),
        geplaatst=Count("pk", filter=Q(IsNull(plaatsing, False))),
        dagen_tot_plaatsing=Avg(Dagen(start, plaatsing)),
    )
    avg = row["dagen_tot_plaatsing"]
    return {**row, "dagen_tot_plaatsing": round(avg) if avg is not None else None}


def _agree(gevallen, werknemers, perioden, bereik=None):
    """Old and new agree; with ``bereik`` (``gevallen`` are exactly its cases) the figures from the stored counts
    (decision 0031) agree with both as well."""
    ctx = LawContext.baseline()
    compared = 0
    for p in perioden:
        old = verzuim_uit_het_logboek(ctx, gevallen, werknemers, p)
        new = figuren.verzuim(ctx, gevallen, werknemers, p)
        assert {k: new[k] for k in old} == old, p
        if bereik is not None:
            geteld = figuren.verzuim(ctx, gevallen, werknemers, p, bereik)
            assert {k: v for k, v in geteld.items() if k != "verzuimpercentage"} == {
                k: v for k, v in new.items() if k != "verzuimpercentage"
            }, (p, bereik)
            assert geteld["verzuimpercentage"] == pytest.approx(new["verzuimpercentage"], rel=1e-12), (p, bereik)
        compared += old["nieuwe_meldingen"]
    in_period = gevallen.filter(eerste_ziektedag__gte=p.van, eerste_ziektedag__lte=p.tot)
    for scope in (gevallen, in_period):
        old = tweede_spoor_uit_het_logboek(scope)
        new = figuren.tweede_spoor(scope)
        assert {k: new[k] for k in old} == old
    return compared


def _periods(today):
    return [
        figuren.Periode(today - dt.timedelta(days=365), today),
        figuren.Periode(today - dt.timedelta(days=730), today - dt.timedelta(days=366)),
        figuren.Periode(today - dt.timedelta(days=90), today + dt.timedelta(days=30)),
        figuren.Periode(D(2020, 1, 1), today),
    ]


def agree_on_every_employer(today):
    """Old and new agree for the whole organisation and each employer over four periods; called on the demo
    data by test_dossier.test_demo_data_command (which loads the demo already, so it is loaded once)."""
    assert Ziekteperiode.objects.filter(herstel__isnull=False).exists()  # the data has recoveries
    for wg in [None, *Werkgever.objects.all()]:
        gevallen = Verzuimgeval.objects.all() if wg is None else Verzuimgeval.objects.filter(werkgever=wg)
        werknemers = Werknemer.objects.all() if wg is None else Werknemer.objects.filter(werkgever=wg)
        _agree(gevallen, werknemers, _periods(today), None if wg is None else figuren.Bereik(None, wg.pk))
    for org in Organisatie.objects.all():  # and each organisation's figures from its stored counts
        gevallen = Verzuimgeval.objects.filter(organisatie=org, vernietigd_op__isnull=True)
        werknemers = Werknemer.objects.filter(werkgever__organisatie=org)
        _agree(gevallen, werknemers, _periods(today), figuren.Bereik(org.pk))


def test_old_and_new_verzuim_agree_on_a_generated_caseload(world):
    """Sixty employees with random sick reports: recoveries after a few days or months, still sick, a relapse
    in the same case after a herstel, part-timers, and corrected recovery dates."""
    rng = random.Random(2026)
    cm = world.users.casemanager
    wg = Werkgever.objects.create(organisatie=world.noord, naam="Gegenereerd BV")
    today = world.today
    for i in range(60):
        w = Werknemer.objects.create(werkgever=wg, naam=f"G{i}", uren_per_week=rng.choice([16, 24, 32, 38, 40]))
        start = today - dt.timedelta(days=rng.randrange(5, 900))
        g = services.nieuw_geval(cm, w, start)
        if rng.random() < 0.75:  # most recover
            back = start + dt.timedelta(days=rng.choice([2, 5, 9, 30, 60, 200, 400]))
            if back <= today:
                h = services.vastleggen(cm, g, "herstelmelding", back)
                if rng.random() < 0.2:  # the recovery date corrected afterwards
                    back = back + dt.timedelta(days=3)
                    h = services.vastleggen(cm, g, "herstelmelding", back, vervangt=h)
                relapse = back + dt.timedelta(days=rng.randrange(1, 60))
                if rng.random() < 0.3 and relapse <= today:  # falls sick again in the same case
                    services.vastleggen(cm, g, "ziekmelding", relapse)
                    again = relapse + dt.timedelta(days=rng.randrange(1, 40))
                    if again <= today and rng.random() < 0.5:
                        services.vastleggen(cm, g, "herstelmelding", again)
    rb = world.users.reintegratiebedrijf
    for i in range(14):  # long cases with track 2: early, just after year 1, late; job search, placements
        w = Werknemer.objects.create(werkgever=wg, naam=f"S{i}", uren_per_week=38)
        start = today - dt.timedelta(days=rng.randrange(420, 700))
        g = services.nieuw_geval(cm, w, start)
        s2 = services.vastleggen(
            cm,
            g,
            "start_tweede_spoor",
            min(today, start + dt.timedelta(days=rng.choice([200, 330, 380, 400, 500]))),
            {"reintegratiebedrijf": str(world.rb.pk)},
        )
        if i % 4 == 0 and s2.datum + dt.timedelta(days=20) <= today:  # the start date corrected
            s2 = services.vastleggen(
                cm, g, "start_tweede_spoor", s2.datum + dt.timedelta(days=20), dict(s2.data), vervangt=s2
            )
        if i % 3 != 0 and s2.datum + dt.timedelta(days=10) <= today:
            services.vastleggen(
                rb,
                g,
                "sollicitatie",
                s2.datum + dt.timedelta(days=10),
                {"werkgever": "X", "functie": "Magazijn", "uitkomst": "verstuurd"},
            )
        placed = s2.datum + dt.timedelta(days=rng.randrange(20, 120))
        if i % 2 == 0 and placed <= today:
            soort = "contract" if i % 6 else "proefplaatsing"
            services.vastleggen(cm, g, "plaatsing", placed, {"soort": soort, "werkgever": "Y"})
    gevallen = Verzuimgeval.objects.filter(werkgever=wg)
    assert gevallen.filter(plaatsing_op__isnull=False).exists() and gevallen.filter(zoekactiviteit=False).exists()
    assert Ziekteperiode.objects.filter(geval__werkgever=wg).count() > 60  # relapses give a second period
    assert _agree(gevallen, Werknemer.objects.filter(werkgever=wg), _periods(today), figuren.Bereik(None, wg.pk)) > 60
    # each trajectory's placement as services.vernieuw stored it equals the earlier subquery (migration 0022's fill)
    trajecten = Traject.objects.filter(geval__werkgever=wg)
    kept = sorted(trajecten.values_list("pk", "plaatsing_op"))
    assert any(d for _, d in kept) and any(d is None for _, d in kept)
    trajecten.update(plaatsing_op=None)
    tellingen = sorted(
        Verzuimtelling.objects.values_list("organisatie_id", "werkgever_pk", "dag", *figuren.DAG_KOLOMMEN)
    )
    Verzuimtelling.objects.all().delete()  # the migration fills the verzuim counts too (test_verzuimtelling)
    Verzuimduur.objects.all().delete()
    importlib.import_module("spoorwijzer.dossier.migrations.0023_verzuimtelling").vullen(
        django_apps, SimpleNamespace(connection=connection)
    )
    assert sorted(trajecten.values_list("pk", "plaatsing_op")) == kept
    assert tellingen == sorted(
        Verzuimtelling.objects.values_list("organisatie_id", "werkgever_pk", "dag", *figuren.DAG_KOLOMMEN)
    )
    # the migration fills the periods of a database that had none, by the old definition: the same rows
    stored = sorted(Ziekteperiode.objects.values_list("geval_id", "begin", "herstel"))
    Ziekteperiode.objects.all().delete()
    migration = importlib.import_module("spoorwijzer.dossier.migrations.0013_figuren_opgeslagen")
    migration.vullen(django_apps, None)
    assert sorted(Ziekteperiode.objects.values_list("geval_id", "begin", "herstel")) == stored
    facts = sorted(Verzuimgeval.objects.values_list("pk", *figuren.FIGUUR_VELDEN))
    Verzuimgeval.objects.update(
        tweede_spoor_start=None, eerste_jaar_uiterlijk=None, plaatsing_op=None, zoekactiviteit=False
    )
    migration.feiten(django_apps, None)
    assert sorted(Verzuimgeval.objects.values_list("pk", *figuren.FIGUUR_VELDEN)) == facts


def test_a_corrected_recovery_moves_the_stored_period(world):
    cm = world.users.casemanager
    g = world.bert
    first = g.eerste_ziektedag
    h = services.vastleggen(cm, g, "herstelmelding", first + dt.timedelta(days=10))
    assert list(g.ziekteperioden.values_list("begin", "herstel")) == [(first, first + dt.timedelta(days=10))]
    services.vastleggen(cm, g, "herstelmelding", first + dt.timedelta(days=4), vervangt=h)
    assert list(g.ziekteperioden.values_list("begin", "herstel")) == [(first, first + dt.timedelta(days=4))]
