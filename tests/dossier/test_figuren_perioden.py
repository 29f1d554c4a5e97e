"""The verzuim figures read the stored sick periods (Ziekteperiode, rebuilt after every event) instead of
looking up each sick report's recovery in the log. The old computation is kept here as the reference: both
must give the same figures on the demo data and on a generated caseload with recoveries, relapses within the
same case and corrections."""

from __future__ import annotations

import datetime as dt
import importlib
import random

from django.apps import apps as django_apps
from django.db.models import DateField, F, FloatField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.aggregates import Count
from django.db.models.functions import Coalesce, Greatest, Least
from django.db.models.lookups import GreaterThan, IsNull, LessThanOrEqual

from spoorwijzer.dossier import figuren, services
from spoorwijzer.dossier.figuren import Dagen, _current, _employment
from spoorwijzer.dossier.models import Verzuimgeval, Werkgever, Werknemer, Ziekteperiode
from spoorwijzer.law.context import LawContext

D = dt.date


def verzuim_uit_het_logboek(ctx, gevallen, werknemers, p):
    """The computation before stored periods (main at 8306875), verbatim: each current ziekmelding with the
    first current herstelmelding on or after it, as a correlated subquery."""
    van = Value(p.van, output_field=DateField())
    na = Value(p.tot + dt.timedelta(days=1), output_field=DateField())
    herstel = Subquery(
        _current("herstelmelding")
        .filter(geval=OuterRef("geval"), datum__gte=OuterRef("datum"))
        .order_by("datum")
        .values("datum")[:1],
        output_field=DateField(),
    )
    terug = Least(Coalesce(herstel, na), na)
    meldingen = _current("ziekmelding").filter(
        Q(IsNull(herstel, True)) | Q(GreaterThan(herstel, van)), geval__in=gevallen.values("pk"), datum__lte=p.tot
    )
    duur = Dagen(F("datum"), terug)
    klassen = ctx.value("verzuim.duurklassen", p.tot)
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


def _agree(gevallen, werknemers, perioden):
    ctx = LawContext.baseline()
    compared = 0
    for p in perioden:
        old = verzuim_uit_het_logboek(ctx, gevallen, werknemers, p)
        new = figuren.verzuim(ctx, gevallen, werknemers, p)
        assert {k: new[k] for k in old} == old, p
        compared += old["nieuwe_meldingen"]
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
        _agree(gevallen, werknemers, _periods(today))


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
    gevallen = Verzuimgeval.objects.filter(werkgever=wg)
    assert Ziekteperiode.objects.filter(geval__werkgever=wg).count() > 60  # relapses give a second period
    assert _agree(gevallen, Werknemer.objects.filter(werkgever=wg), _periods(today)) > 60
    # the migration fills the periods of a database that had none, by the old definition: the same rows
    stored = sorted(Ziekteperiode.objects.values_list("geval_id", "begin", "herstel"))
    Ziekteperiode.objects.all().delete()
    importlib.import_module("spoorwijzer.dossier.migrations.0011_ziekteperioden").vullen(django_apps, None)
    assert sorted(Ziekteperiode.objects.values_list("geval_id", "begin", "herstel")) == stored


def test_a_corrected_recovery_moves_the_stored_period(world):
    cm = world.users.casemanager
    g = world.bert
    first = g.eerste_ziektedag
    h = services.vastleggen(cm, g, "herstelmelding", first + dt.timedelta(days=10))
    assert list(g.ziekteperioden.values_list("begin", "herstel")) == [(first, first + dt.timedelta(days=10))]
    services.vastleggen(cm, g, "herstelmelding", first + dt.timedelta(days=4), vervangt=h)
    assert list(g.ziekteperioden.values_list("begin", "herstel")) == [(first, first + dt.timedelta(days=4))]
