"""Follow-up deadlines from the log for the work queue and the daily mail (issue 8 with issue 13):

- an open question or dispute: answer by its date (law/opvolging's working days), for the role that answers it
  (the bedrijfsarts about its own judgement, the casemanager the rest: law/geschillen.EERSTE_BEANTWOORDER);
- an agreement made as a question's outcome ("nieuwe termijn": what, and by when), for the casemanager and the
  employer, until a later answer on the thread records that it was kept;
- the next aftercare check-in or outcome measurement after a placement or return (dossier/nazorg), for the
  casemanager; aftercare runs after the case closed, so closed cases count here.

Read in one query per kind over the cases given (the caller scopes them with dossier.access); the rules (terms,
who answers) stay in law/ and dossier/vragen, dossier/nazorg.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from spoorwijzer.dossier.models import Gebeurtenis, Rolnaam, Verzuimgeval

VRAAG = "vraag"
AFSPRAAK = "vraag_afspraak"
NAZORG = "nazorg_moment"
NAZORG_CODES = ("plaatsing", "herstelmelding", "einde_tweede_spoor", "nazorg", "nazorg_uitkomst")


@dataclass
class Opvolging:
    geval: Verzuimgeval
    code: str  # vraag | vraag_afspraak | nazorg_moment
    naam: str
    uiterlijk: dt.date
    rollen: frozenset[str]  # the roles that act on it
    vraag_id: int | None = None

    def status(self, today: dt.date, soon: int) -> str:
        from spoorwijzer.law.poortwachter import deadline_status

        return str(deadline_status(self.uiterlijk, None, today, soon).value)


def _per_geval(gevallen, codes) -> dict[int, list[Gebeurtenis]]:
    rows = (
        Gebeurtenis.objects.filter(geval__in=gevallen.values("pk"), vervangen_door__isnull=True, code__in=codes)
        .select_related("geval__werknemer", "geval__werkgever", "geval__organisatie")
        .order_by("geval_id", "datum", "vastgelegd_op", "pk")
    )
    per: dict[int, list[Gebeurtenis]] = defaultdict(list)
    for e in rows:
        per[e.geval_id].append(e)
    return per


def vraag_opvolgingen(gevallen, today: dt.date) -> list[Opvolging]:
    """Open questions (answer by) and agreements from an outcome (do by), of the given cases."""
    from spoorwijzer.dossier import vragen

    out: list[Opvolging] = []
    for events in _per_geval(gevallen, vragen.VRAAG_CODES).values():
        geval = events[0].geval
        for d in vragen.draden(geval, events, today):
            kort = d.onderwerp_nl
            if d.status in ("open", "te_laat"):
                out.append(
                    Opvolging(
                        geval,
                        VRAAG,
                        f"Vraag beantwoorden: {kort}",
                        d.uiterlijk,
                        frozenset({d.beantwoorder}),
                        d.vraag.pk,
                    )
                )
            when = d.vervolg_uiterlijk
            if d.uitkomst is not None and when is not None:
                kept = any(a.datum >= d.uitkomst.datum and a.pk > d.uitkomst.pk for a in d.antwoorden)
                if not kept:
                    out.append(
                        Opvolging(
                            geval,
                            AFSPRAAK,
                            f"Afspraak nakomen: {d.uitkomst.data.get('vervolg') or kort}",
                            when,
                            frozenset({Rolnaam.CASEMANAGER, Rolnaam.WERKGEVER}),
                            d.vraag.pk,
                        )
                    )
    return out


# aftercare is looked for only after a placement or return in this window (the organisation's aftercare runs a year
# by default: law/opvolging_standaard.yaml); older anchors have nothing left to do
NAZORG_VENSTER = dt.timedelta(days=2 * 365)


def nazorg_opvolgingen(gevallen, today: dt.date) -> list[Opvolging]:
    """The first aftercare moment not yet done per case: a check-in of the current interval (one missed longer
    ago is not chased: the next one is due), or an outcome measurement after 6 or 12 months (chased until it is
    recorded: the figures count it as missing)."""
    from spoorwijzer.dossier import nazorg

    recent = (
        Gebeurtenis.objects.filter(
            geval__in=gevallen.values("pk"),
            vervangen_door__isnull=True,
            code__in=NAZORG_CODES[:3],
            datum__gte=today - NAZORG_VENSTER,
        )
        .values("geval_id")
        .distinct()
    )
    out: list[Opvolging] = []
    for events in _per_geval(Verzuimgeval.objects.filter(pk__in=recent), NAZORG_CODES).values():
        n = nazorg.nazorg(events[0].geval, events, today)
        if n is None or n.anker.datum > today:
            continue
        interval = dt.timedelta(weeks=n.beleid.nazorg_interval_weken)
        nog = [
            m
            for m in n.momenten
            if m["status"] != "gedaan" and (m["moment"].soort == "uitkomst" or m["moment"].datum >= today - interval)
        ]
        if not nog:
            continue
        m = nog[0]["moment"]
        naam = (
            f"Nazorg: uitkomst na {m.na_maanden} maanden vastleggen"
            if m.soort == "uitkomst"
            else "Nazorg: contactmoment"
        )
        out.append(
            Opvolging(
                events[0].geval,
                NAZORG,
                f"{naam} ({n.anker.naam[0].lower()}{n.anker.naam[1:]})",
                m.datum,
                frozenset({Rolnaam.CASEMANAGER}),
            )
        )
    return out


def alle_opvolgingen(today: dt.date, horizon: dt.date) -> list[Opvolging]:
    """Every follow-up due by ``horizon`` (or overdue), for the daily mail: questions and agreements of open
    cases, aftercare of every case (it runs after the case closed)."""
    open_cases = Verzuimgeval.objects.filter(afgesloten_op__isnull=True)
    items = vraag_opvolgingen(open_cases, today) + nazorg_opvolgingen(Verzuimgeval.objects.all(), today)
    return [o for o in items if o.uiterlijk <= horizon]


def ontvangers(items: list[Opvolging]) -> dict[int, tuple]:
    """Who hears of which follow-up: for the casemanager's part the case's behandelaar (the organisation's
    casemanagers only for a case without one), for the bedrijfsarts and the employer the users of that role in
    the case's scope. Active users with an e-mail address only; roles loaded once."""
    from django.db.models import Q

    from spoorwijzer.dossier.access import BEREIK
    from spoorwijzer.dossier.models import Rol

    if not items:
        return {}
    gevallen = {o.geval.pk: o.geval for o in items}
    rollen = (
        Rol.objects.filter(user__is_active=True, rol__in=(Rolnaam.CASEMANAGER, Rolnaam.BEDRIJFSARTS, Rolnaam.WERKGEVER))
        .exclude(user__email="")
        .filter(
            Q(organisatie_id__in={g.organisatie_id for g in gevallen.values()})
            | Q(werkgever_id__in={g.werkgever_id for g in gevallen.values()})
        )
        .select_related("user")
    )
    by_scope: dict[tuple[str, int], list] = defaultdict(list)
    for r in rollen:
        key = BEREIK[Rolnaam(r.rol)]
        by_scope[(r.rol, getattr(r, key + "_id"))].append(r.user)
    per_user: dict[int, tuple] = {}
    for o in items:
        g = o.geval
        recipients = []
        for rol in o.rollen:
            if rol == Rolnaam.CASEMANAGER and g.behandelaar_id:
                recipients += [u for u in by_scope[(rol, g.organisatie_id)] if u.pk == g.behandelaar_id]
            else:
                recipients += by_scope[(rol, getattr(g, BEREIK[Rolnaam(rol)] + "_id"))]
        for user in {u.pk: u for u in recipients}.values():
            per_user.setdefault(user.pk, (user, []))[1].append(o)
    return per_user
