"""Retention: each case's destruction dates (computed by law/bewaartermijn.py) and the purge of what is due.

The purge is the one documented exit from append-only (dossier/append_only.py): inside its own transaction a
``Vernietiging`` row is ``lopend``, so the database triggers let the deletes through; afterwards the row stays as
the record of what was destroyed, and the audit log gets a ``vernietiging`` row (the log itself is never purged).
Files are removed from storage only after the transaction committed.

Two parts, two regimes:
- the employer's dossier (every row of the case except the medical file): due two years after the case closed.
  When the employee still has a medical file with this organisation that is not due, the case stays as an empty
  shell (``vernietigd_op``) that only the bedrijfsarts sees, so the medical entries keep their case;
- the bedrijfsarts's medical file: all medical entries of one employee with one organisation, due twenty years
  after the last of them; with it go the shells of that employee's destroyed cases.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models import Max

from spoorwijzer.dossier import figuren, services
from spoorwijzer.dossier.models import Auditregel, MedischGegeven, Vernietiging, Verzuimgeval
from spoorwijzer.law.bewaartermijn import Bewaartermijn, bewaartermijn
from spoorwijzer.law.context import LawContext


def laatste_medisch(geval: Verzuimgeval) -> dt.date | None:
    """The last change of the employee's medical file with this organisation (over all their cases)."""
    last = MedischGegeven.objects.filter(
        geval__werknemer_id=geval.werknemer_id, geval__organisatie_id=geval.organisatie_id
    ).aggregate(m=Max("vastgelegd_op"))["m"]
    return services.timezone.localtime(last).date() if last else None


def termijn(geval: Verzuimgeval, op: dt.date | None = None, medisch: bool = True) -> Bewaartermijn:
    """The case's destruction dates; ``medisch=False`` leaves out the medical file's (whose date would tell when
    the bedrijfsarts last wrote something: not for the casemanager), and saves its query."""
    op = op or services.vandaag()
    return bewaartermijn(LawContext.baseline(), op, geval.afgesloten_op, laatste_medisch(geval) if medisch else None)


@dataclass
class Vervallen:
    """One thing due for destruction."""

    onderdeel: str  # "werkgeversdossier" | "medisch"
    geval: Verzuimgeval  # for "medisch": one case of the employee (the file spans all their cases)
    sinds: dt.date
    reden: str
    gevallen: list[int] = field(default_factory=list)  # the cases touched


def vervallen(op: dt.date | None = None) -> list[Vervallen]:
    """Everything due on ``op`` (default today), oldest first: medical files, then employers' dossiers."""
    op = op or services.vandaag()
    ctx = LawContext.baseline()
    out: list[Vervallen] = []
    # medical files: per employee and organisation, the last entry decides
    files = (
        MedischGegeven.objects.values("geval__werknemer_id", "geval__organisatie_id")
        .annotate(laatst=Max("vastgelegd_op"))
        .order_by("laatst")
    )
    medisch_weg: set[tuple[int, int]] = set()
    for f in files:
        laatst = services.timezone.localtime(f["laatst"]).date()
        t = bewaartermijn(ctx, op, None, laatst)
        if not t.medisch_vervallen(op):
            continue
        key = (f["geval__werknemer_id"], f["geval__organisatie_id"])
        gevallen = list(
            Verzuimgeval.objects.filter(werknemer_id=key[0], organisatie_id=key[1])
            .order_by("pk")
            .select_related("werknemer")
        )
        medisch_weg.add(key)
        out.append(
            Vervallen(
                "medisch",
                gevallen[0],
                t.medisch,
                f"medisch dossier: laatste wijziging {laatst.isoformat()}, bewaartermijn {t.medisch_jaren} jaar "
                "(BW 7:454 lid 3)",
                [g.pk for g in gevallen],
            )
        )
    # employers' dossiers: closed long enough ago and not yet destroyed
    w = bewaartermijn(ctx, op, op, None).werkgever_jaren
    grens = _min_jaren(op, w)
    for g in (
        Verzuimgeval.objects.filter(afgesloten_op__isnull=False, afgesloten_op__lte=grens, vernietigd_op__isnull=True)
        .select_related("werknemer")
        .order_by("afgesloten_op", "pk")
    ):
        t = bewaartermijn(ctx, op, g.afgesloten_op, None)
        if t.werkgeversdossier_vervallen(op):
            out.append(
                Vervallen(
                    "werkgeversdossier",
                    g,
                    t.werkgeversdossier,
                    f"werkgeversdossier: afgesloten op {g.afgesloten_op.isoformat()}, bewaartermijn "
                    f"{t.werkgever_jaren} jaar (beleidsregels AP)",
                    [g.pk],
                )
            )
    # shells whose medical file is gone (destroyed earlier) have nothing left to keep
    for g in Verzuimgeval.objects.filter(vernietigd_op__isnull=False).exclude(medische_gegevens__isnull=False):
        if (g.werknemer_id, g.organisatie_id) not in medisch_weg:
            out.append(Vervallen("werkgeversdossier", g, g.vernietigd_op, "lege huls zonder medisch dossier", [g.pk]))
    return out


def _min_jaren(d: dt.date, jaren: int) -> dt.date:
    try:
        return d.replace(year=d.year - jaren)
    except ValueError:
        return d.replace(year=d.year - jaren, day=28)


def _related_rows(geval_ids: list[int], skip: tuple[type[models.Model], ...]):
    """Every row that belongs to these cases, by following the relations to Verzuimgeval (and one level further, e.g.
    a withdrawal of an event), so that a model added later is purged too. Children first."""
    plan: list[tuple[type[models.Model], dict]] = []
    for rel in Verzuimgeval._meta.related_objects:
        model = rel.related_model
        if model in skip or not rel.field.db_constraint:  # the audit log keeps its numbers (no constraint)
            continue
        for sub in model._meta.related_objects:
            if sub.related_model in skip or not sub.field.db_constraint:
                continue
            plan.append((sub.related_model, {f"{sub.field.name}__{rel.field.name}_id__in": geval_ids}))
        plan.append((model, {f"{rel.field.name}_id__in": geval_ids}))
    return plan


def _files(model, qs) -> list:
    names = []
    for f in model._meta.fields:
        if isinstance(f, models.FileField):
            for name in (
                qs.exclude(**{f.name: ""}).exclude(**{f"{f.name}__isnull": True}).values_list(f.name, flat=True)
            ):
                names.append((f.storage, name))
    return names


def _wis(geval_ids: list[int], skip: tuple[type[models.Model], ...]) -> tuple[int, list]:
    n, files = 0, []
    for model, flt in _related_rows(geval_ids, skip):
        qs = model.objects.filter(**flt)
        files += _files(model, qs)
        n += qs._raw_delete(qs.db)  # one DELETE per table; the foreign keys are checked at commit
    return n, files


def vernietig(item: Vervallen, op: dt.date | None = None) -> int:
    """Destroy one due item through the purge exit; returns the number of rows deleted."""
    op = op or services.vandaag()
    files: list = []
    with transaction.atomic():
        record = Vernietiging.objects.create(
            geval_nummer=item.geval.pk, onderdeel=item.onderdeel, reden=item.reden, lopend=True
        )
        if item.onderdeel == "medisch":
            rows = MedischGegeven.objects.filter(geval_id__in=item.gevallen)
            n = rows._raw_delete(rows.db)
            shells = list(
                Verzuimgeval.objects.filter(pk__in=item.gevallen, vernietigd_op__isnull=False).values_list(
                    "pk", flat=True
                )
            )
            if shells:
                n += Verzuimgeval.objects.filter(pk__in=shells)._raw_delete(Verzuimgeval.objects.db)
        else:
            has_medical = MedischGegeven.objects.filter(
                geval__werknemer_id=item.geval.werknemer_id, geval__organisatie_id=item.geval.organisatie_id
            ).exists()
            # the deadlines go with the case: their counts per step too (figuren.Termijntelling)
            figuren.tel_termijnen_bij(Counter(), figuren.termijnen_geteld([item.geval.pk]))
            # and its sick periods: their verzuim counts (figuren.Verzuimtelling, decision 0031)
            figuren.tel_verzuim_bij(Counter(), figuren.verzuim_geteld([item.geval.pk]))
            n, files = _wis([item.geval.pk], skip=(Auditregel, MedischGegeven))
            if has_medical:
                Verzuimgeval.objects.filter(pk=item.geval.pk).update(
                    vernietigd_op=op,
                    eerste_ziektedag=None,
                    einde_wachttijd=None,
                    volgende_uiterlijk=None,
                    volgende_stap="",
                    behandelaar=None,
                    toets_ernst=None,
                    toets_loonsanctie_weken=0,
                    toets_loonsanctie_cent=None,
                )
            else:
                n += Verzuimgeval.objects.filter(pk=item.geval.pk)._raw_delete(Verzuimgeval.objects.db)
        record.lopend = False
        record.save(update_fields=["lopend"])
        services.audit(
            None,
            "vernietiging",
            item.geval,  # the number stays in the log (no foreign key), and so does the organisation
            obj=record,
            detail=f"{item.onderdeel} van dossier {item.geval.pk} vernietigd ({n} regels, {len(files)} bestanden): "
            f"{item.reden}",
        )
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    return n
