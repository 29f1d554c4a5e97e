"""Dossier data. The event log and medical data are append-only: a correction is a new row that
names the row it replaces; nothing recorded is ever edited or deleted."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os

from django.conf import settings
from django.db import connections, models, transaction
from django.utils import timezone


class AppendOnlyError(Exception):
    """History is never edited: record a correction instead."""


class AppendOnly(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.pop("_allow_update", False):
            raise AppendOnlyError(f"{type(self).__name__} {self.pk} is vastgelegd en kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} {self.pk} is vastgelegd en kan niet worden verwijderd.")


class Rolnaam(models.TextChoices):
    CASEMANAGER = "casemanager", "Casemanager"
    WERKGEVER = "werkgever", "Werkgever (HR)"
    WERKNEMER = "werknemer", "Werknemer"
    BEDRIJFSARTS = "bedrijfsarts", "Bedrijfsarts"
    ARBEIDSDESKUNDIGE = "arbeidsdeskundige", "Arbeidsdeskundige"
    REINTEGRATIEBEDRIJF = "reintegratiebedrijf", "Re-integratiebedrijf (tweede spoor)"
    # reads the access log of its organisation (NEN 7513), never a dossier itself
    PRIVACYFUNCTIONARIS = "privacyfunctionaris", "Privacyfunctionaris"


class Organisatie(models.Model):
    """A tenant: an arbodienst or casemanagement firm serving several employers (or an employer itself)."""

    naam = models.CharField(max_length=200)
    soort = models.CharField(
        max_length=30,
        choices=[("arbodienst", "Arbodienst"), ("casemanagement", "Casemanagement"), ("werkgever", "Werkgever")],
        default="arbodienst",
    )
    medische_delegatie = models.BooleanField(
        default=False, help_text="Casemanagers werken onder delegatie van de bedrijfsarts en zien medische gegevens."
    )
    voorkeursbeleid = models.JSONField(
        default=dict, blank=True, help_text="Eigen voorkeurstermijnen (zie law/voorkeur.py)"
    )
    tweestap_rollen = models.JSONField(
        default=list,
        blank=True,
        help_text="Rollen die naast de bedrijfsarts in twee stappen inloggen (zie dossier/access.py)",
    )

    def __str__(self):
        return self.naam


class Werkgever(models.Model):
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="werkgevers")
    naam = models.CharField(max_length=200)
    eigenrisicodrager_wga = models.BooleanField(default=False)
    # master data (see dossier/beheer.py for validation and the screens in web/views_beheer.py)
    loonheffingennummer = models.CharField(max_length=12, blank=True)
    sector = models.CharField(max_length=100, blank=True)
    eigenrisicodrager_zw = models.BooleanField(default=False)
    # employer charges on wages (pension, premiums) in percent, for the costs page; empty: not filled in
    werkgeverslasten_pct = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)

    def __str__(self):
        return self.naam


class Reintegratiebedrijf(models.Model):
    naam = models.CharField(max_length=200)
    # the tenants that work with this provider: only their users see it in a list and may assign it a trajectory
    # (dossier/access.py, zichtbare_reintegratiebedrijven); one provider may serve several tenants
    organisaties = models.ManyToManyField(Organisatie, blank=True, related_name="reintegratiebedrijven")

    def __str__(self):
        return self.naam


class Werknemer(models.Model):
    werkgever = models.ForeignKey(Werkgever, on_delete=models.PROTECT, related_name="werknemers")
    naam = models.CharField(max_length=200)
    functie = models.CharField(max_length=200, blank=True)
    uren_per_week = models.DecimalField(max_digits=5, decimal_places=2, default=38)
    maandloon_cent = models.BigIntegerField(null=True, blank=True)
    email = models.EmailField(blank=True)
    uit_dienst = models.DateField(null=True, blank=True)
    # master data (dossier/beheer.py): personeelsnummer keys the payroll import, the birth date gives the AOW age
    personeelsnummer = models.CharField(max_length=30, blank=True, db_index=True)
    geboortedatum = models.DateField(null=True, blank=True)
    in_dienst = models.DateField(null=True, blank=True)
    # the collective agreement's wage-continuation percentages; empty = the statutory percentage (law/ decides)
    cao_percentage_jaar1 = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    cao_percentage_jaar2 = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    # no-riskpolis (Ziektewet art. 29b): UWV pays sickness benefit for this employee, the employer offsets it
    no_risk = models.BooleanField(default=False)

    def __str__(self):
        return self.naam

    def save(self, *args, **kwargs):
        """The verzuim counts weigh each sick period by its employee's contract hours (figuren.Verzuimtelling):
        a change of the hours moves the counts of this employee's periods, in the same transaction."""
        if self._state.adding or self.pk is None:
            return super().save(*args, **kwargs)
        from decimal import Decimal

        from spoorwijzer.dossier import figuren

        with transaction.atomic():
            uren = Werknemer.objects.filter(pk=self.pk).values_list("uren_per_week", flat=True).first()
            gewijzigd = uren is not None and Decimal(str(uren)) != Decimal(str(self.uren_per_week))
            oud = figuren.verzuim_van_werknemer(self.pk) if gewijzigd else None
            super().save(*args, **kwargs)
            if oud is not None:
                figuren.tel_verzuim_bij(figuren.verzuim_van_werknemer(self.pk), oud)


class Rol(models.Model):
    """A user's one role, and the scope it works in."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rol")
    rol = models.CharField(max_length=30, choices=Rolnaam.choices)
    organisatie = models.ForeignKey(Organisatie, null=True, blank=True, on_delete=models.PROTECT)
    werkgever = models.ForeignKey(Werkgever, null=True, blank=True, on_delete=models.PROTECT)
    werknemer = models.ForeignKey(Werknemer, null=True, blank=True, on_delete=models.PROTECT)
    reintegratiebedrijf = models.ForeignKey(Reintegratiebedrijf, null=True, blank=True, on_delete=models.PROTECT)

    def __str__(self):
        return f"{self.user} ({self.get_rol_display()})"


AFSLUITREDENEN = [
    ("herstel", "Hersteld"),
    ("uit_dienst", "Uit dienst"),
    ("wia", "WIA-uitkering (einde wachttijd)"),
    ("overlijden", "Overleden"),
    ("einde_dienstverband", "Einde dienstverband"),
]


class Verzuimgeval(models.Model):
    werknemer = models.ForeignKey(Werknemer, on_delete=models.PROTECT, related_name="gevallen")
    # the tenant keys, fixed when the case is made (a case belongs to one employment): access rules and the
    # dashboard filter on one indexed column instead of joining through the employee on every request
    werkgever = models.ForeignKey(Werkgever, on_delete=models.PROTECT, related_name="gevallen")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="gevallen")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    # derived by law/ after every event (see services.refresh): never typed in
    eerste_ziektedag = models.DateField(null=True)
    einde_wachttijd = models.DateField(null=True)
    afgesloten_op = models.DateField(null=True, blank=True)
    # why the case was closed (the last 'afsluiting' event; empty while open): derived, never typed here
    afsluitreden = models.CharField(max_length=30, blank=True, choices=AFSLUITREDENEN)
    # the earliest open legal deadline and its step: changes only when an event is recorded, so the
    # dashboard can sort by urgency and find overdue cases with one indexed comparison to today
    volgende_uiterlijk = models.DateField(null=True, db_index=True)
    volgende_stap = models.CharField(max_length=200, blank=True)
    # the casemanager who owns the case ("mijn dossiers", deadline mails)
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="behandelde_gevallen"
    )
    # the RIV-toets outcome (law/toets.py), stored after every event like the next deadline:
    # 0 geen risico, 1 risico, 2 loonsanctie mogelijk; and the expected loonsanctie
    toets_ernst = models.PositiveSmallIntegerField(null=True)
    toets_loonsanctie_weken = models.PositiveSmallIntegerField(default=0)
    toets_loonsanctie_cent = models.BigIntegerField(null=True)
    # the track-2 facts the figures count (dossier/figuren.py), stored after every event like the above so the
    # portfolio figures are one scan over the cases (decision 0020): first track-2 start, the end of year 1
    # as law counts it (the first-year evaluation's deadline), the first placement with another employer, and
    # whether any job search (application or network contact) was recorded
    tweede_spoor_start = models.DateField(null=True)
    eerste_jaar_uiterlijk = models.DateField(null=True)
    plaatsing_op = models.DateField(null=True)
    zoekactiviteit = models.BooleanField(default=False)
    # retention (dossier/bewaren.py): the day the employer's part was destroyed while the bedrijfsarts's medical
    # file must still be kept; such a case is an empty shell that only the bedrijfsarts sees
    vernietigd_op = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "verzuimgevallen"
        indexes = [
            models.Index(
                fields=["organisatie", "toets_ernst", "toets_loonsanctie_weken", "id"],
                name="geval_org_toets",
                condition=models.Q(afgesloten_op__isnull=True),
            ),
            models.Index(
                fields=["werkgever", "toets_ernst", "toets_loonsanctie_weken", "id"],
                name="geval_wg_toets",
                condition=models.Q(afgesloten_op__isnull=True),
            ),
            models.Index(
                fields=["organisatie", "volgende_uiterlijk", "id"],
                name="geval_org_urgentie",
                condition=models.Q(afgesloten_op__isnull=True),
            ),
            models.Index(
                fields=["werkgever", "volgende_uiterlijk", "id"],
                name="geval_wg_urgentie",
                condition=models.Q(afgesloten_op__isnull=True),
            ),
        ]
        constraints = [
            # one open case per employee: a second simultaneous sick report is refused by the database itself
            models.UniqueConstraint(
                fields=["werknemer"],
                condition=models.Q(afgesloten_op__isnull=True),
                name="een_open_geval_per_werknemer",
            )
        ]

    def save(self, *args, **kwargs):
        if self.werkgever_id is None:
            self.werkgever_id = self.werknemer.werkgever_id
        if self.organisatie_id is None:
            self.organisatie_id = (
                Werkgever.objects.filter(pk=self.werkgever_id).values_list("organisatie_id", flat=True).get()
            )
        super().save(*args, **kwargs)

    def __str__(self):
        return f"{self.werknemer} — eerste ziektedag {self.eerste_ziektedag}"


class Gebeurtenis(AppendOnly):
    """One entry of a case's log: a step held, a sick report, a choice, a document, a job application."""

    geval = models.ForeignKey(Verzuimgeval, on_delete=models.PROTECT, related_name="gebeurtenissen")
    code = models.CharField(max_length=50, db_index=True)
    datum = models.DateField()
    data = models.JSONField(default=dict, blank=True)
    toelichting = models.TextField(blank=True)
    document = models.FileField(upload_to="dossier/%Y/%m/", null=True, blank=True)
    vervangt = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="vervangen_door"
    )
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    rol = models.CharField(max_length=30, choices=Rolnaam.choices)
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["datum", "vastgelegd_op"]
        indexes = [models.Index(fields=["geval", "code"])]


class Intrekking(AppendOnly):
    """A log entry's free text withdrawn because it held medical information written by mistake.

    The entry itself stays (its date still counts for the schedule); its texts are shown to the
    bedrijfsarts only, and everyone else sees that something was withdrawn, by whom and why."""

    gebeurtenis = models.OneToOneField(Gebeurtenis, on_delete=models.PROTECT, related_name="intrekking")
    reden = models.TextField()
    ingetrokken_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    rol = models.CharField(max_length=30, choices=Rolnaam.choices)
    ingetrokken_op = models.DateTimeField(auto_now_add=True)
    # the entry's uploaded file withdrawn too (a medical letter added by mistake): from then on the bedrijfsarts's
    bestand = models.BooleanField(default=False)


class MedischGegeven(AppendOnly):
    """Diagnosis, treatment, doctor's notes: stored apart, shown to the bedrijfsarts only."""

    geval = models.ForeignKey(Verzuimgeval, on_delete=models.PROTECT, related_name="medische_gegevens")
    soort = models.CharField(
        max_length=20, choices=[("diagnose", "Diagnose"), ("behandeling", "Behandeling"), ("notitie", "Notitie")]
    )
    tekst = models.TextField()
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    vastgelegd_op = models.DateTimeField(auto_now_add=True)


class Traject(models.Model):
    """Track 2: which provider runs it (the provider sees only the cases assigned to it)."""

    geval = models.ForeignKey(Verzuimgeval, on_delete=models.PROTECT, related_name="trajecten")
    reintegratiebedrijf = models.ForeignKey(Reintegratiebedrijf, on_delete=models.PROTECT, related_name="trajecten")
    start = models.DateField()
    einde = models.DateField(null=True, blank=True)
    # the case's first placement with another employer on or after the start (a current 'plaatsing' event of kind
    # contract or detachering), stored by services.vernieuw after every event: the providers' figure counts it
    plaatsing_op = models.DateField(null=True, blank=True)
    # the 'start tweede spoor' event that began it: when that event is corrected, the trajectory no longer counts
    gebeurtenis = models.OneToOneField(
        "Gebeurtenis", null=True, blank=True, on_delete=models.DO_NOTHING, related_name="traject"
    )

    @classmethod
    def lopend(cls, op):
        """Trajectories that give their provider access on a date: begun by an event that still stands, not
        ended, in a case that is not closed."""
        return cls.objects.filter(
            models.Q(einde__isnull=True) | models.Q(einde__gte=op),
            models.Q(geval__afgesloten_op__isnull=True) | models.Q(geval__afgesloten_op__gte=op),
            models.Q(gebeurtenis__isnull=True) | models.Q(gebeurtenis__vervangen_door__isnull=True),
        )


class Termijn(models.Model):
    """A step of the schedule as computed by law.poortwachter; rebuilt after every event (derived data)."""

    geval = models.ForeignKey(Verzuimgeval, on_delete=models.CASCADE, related_name="termijnen")
    code = models.CharField(max_length=50)
    volgnummer = models.PositiveIntegerField(null=True)
    naam = models.CharField(max_length=200)
    actor = models.CharField(max_length=60)
    voorkeur = models.DateField(null=True)
    uiterlijk = models.DateField(null=True)
    soort_termijn = models.CharField(max_length=20)
    grondslag = models.TextField()
    url = models.URLField(max_length=300, null=True)
    gedaan_op = models.DateField(null=True)
    niet_nodig = models.BooleanField(default=False)
    toelichting = models.TextField(blank=True)
    # the new date of a deviation from the legal deadline with a deugdelijke grond (law/afwijking.py): until then
    # the step is not overdue
    afwijking_tot = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["uiterlijk"],
                name="termijn_open_uiterlijk",
                condition=models.Q(gedaan_op__isnull=True, niet_nodig=False),
            )
        ]


class Ziekteperiode(models.Model):
    """A sick period of a case (services.perioden over its ziekmelding / herstelmelding events), rebuilt after
    every event like the schedule: derived data, never typed in. The verzuim figures aggregate over these rows
    instead of looking up each sick report's recovery in the log (decision 0020)."""

    geval = models.ForeignKey(Verzuimgeval, on_delete=models.CASCADE, related_name="ziekteperioden")
    begin = models.DateField()  # the first sick day
    herstel = models.DateField(null=True)  # the first day back at work; empty while the period runs

    class Meta:
        indexes = [models.Index(fields=["begin"], name="ziekteperiode_begin")]


class Termijntelling(models.Model):
    """How many stored deadlines (Termijn rows that count: needed, with a deadline) there are per organisation,
    employer, first sick day of the case, step, deadline and state: derived data kept up to date in the same
    transaction wherever Termijn rows are rewritten (figuren.tel_termijnen_bij) and filled by migration 0020.
    The deadlines-per-step figure sums these rows instead of reading some 30 deadlines per case (decision 0026).
    Each count is stored twice: for its employer (werkgever_pk) and for the whole organisation (werkgever_pk 0),
    so the organisation's figure reads one row per day, step and deadline, not one per employer."""

    OP_TIJD, TE_LAAT, OPEN = "op_tijd", "te_laat", "open"

    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="+")
    werkgever_pk = models.PositiveIntegerField()  # the employer's pk; 0: all employers of the organisation
    eerste_ziektedag = models.DateField()  # the case's (the figures' period filter)
    code = models.CharField(max_length=50)
    naam = models.CharField(max_length=200)
    uiterlijk = models.DateField()
    stand = models.CharField(max_length=8)  # op_tijd / te_laat (done on or after the deadline) / open
    aantal = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "werkgever_pk", "eerste_ziektedag", "code", "naam", "uiterlijk", "stand"],
                name="termijntelling_sleutel",
            )
        ]
        indexes = [models.Index(fields=["werkgever_pk", "eerste_ziektedag"], name="termijntelling_werkgever")]


class Verzuimtelling(models.Model):
    """The stored sick periods (Ziekteperiode) counted per organisation, employer and day, for the verzuim figures
    (decision 0031): how many periods began that day and how many ended (the first day back, or the day the case
    was closed when that comes first), each with the contract hours of their employees in hundredths; and how many
    began and ended on the same day (``leeg``: no sick day, still a sick report). Derived data kept up to date in the
    same transaction as the periods (figuren.tel_verzuim_bij) and filled by migration 0022. Stored twice, like
    Termijntelling: for the employer (werkgever_pk) and for the organisation (werkgever_pk 0)."""

    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="+")
    werkgever_pk = models.PositiveIntegerField()  # the employer's pk; 0: all employers of the organisation
    dag = models.DateField()
    begonnen = models.IntegerField(default=0)
    begonnen_uren = models.BigIntegerField(default=0)  # contract hours x 100
    geeindigd = models.IntegerField(default=0)
    geeindigd_uren = models.BigIntegerField(default=0)
    leeg = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "werkgever_pk", "dag"], name="verzuimtelling_sleutel")
        ]


class Verzuimduur(models.Model):
    """The stored sick periods that ended (first day back or closed case, whichever first), counted per
    organisation, employer, first and last-plus-one day: the duration classes need both ends (decision 0031).
    Kept and stored like Verzuimtelling."""

    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="+")
    werkgever_pk = models.PositiveIntegerField()
    einde = models.DateField()  # the first day no longer counted as sick
    begin = models.DateField()
    aantal = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "werkgever_pk", "einde", "begin"], name="verzuimduur_sleutel"
            )
        ]


class Berekening(models.Model):
    """A stored result of law/ with its receipt (inputs, parameter versions, rule version, steps)."""

    geval = models.ForeignKey(Verzuimgeval, on_delete=models.PROTECT, related_name="berekeningen")
    onderwerp = models.CharField(max_length=50)
    invoer = models.JSONField()
    uitkomst = models.JSONField()
    gemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    gemaakt_op = models.DateTimeField(auto_now_add=True)


class Auditregel(AppendOnly):
    """Who read or changed what, when (NEN 7513). Tamper-evident: each row carries the SHA-256 of its content and
    of the row before it in its chain, so an edited, removed or inserted row breaks that chain (`beheer
    controleer_audit`). PostgreSQL keeps AUDIT_KETENS independent chains (`keten`), so that writers do not all
    queue behind one lock held across a durable commit (decision 0032); SQLite, one writer at a time, uses chain 0.
    The rows from before the chains (all chain 0) verify as they did."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT)
    rol = models.CharField(max_length=30, blank=True)
    actie = models.CharField(max_length=30)  # lezen_medisch | vastleggen | vastleggen_medisch | inloggen | ...
    # no database constraint: the log outlives a case that retention destroyed (the number stays)
    geval = models.ForeignKey(Verzuimgeval, null=True, on_delete=models.DO_NOTHING, db_constraint=False)
    object_soort = models.CharField(max_length=50, blank=True)
    object_id = models.CharField(max_length=50, blank=True)
    detail = models.TextField(blank=True)
    tijdstip = models.DateTimeField(default=timezone.now, db_index=True)
    vorige_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)
    # the tenant the row belongs to (the case's, else the user's organisation), so the privacy officer finds it
    # even after retention destroyed the case; part of the hash when set (rows from before have none)
    organisatie_id = models.BigIntegerField(null=True, blank=True)
    # the hash chain the row extends (0 .. AUDIT_KETENS - 1); part of the hash when not 0
    keten = models.PositiveSmallIntegerField(default=0, db_default=0)

    class Meta:
        indexes = [
            models.Index(fields=["organisatie_id", "-id"], name="audit_organisatie"),
            models.Index(fields=["geval", "-id"], name="audit_geval"),
            models.Index(fields=["keten", "-id"], name="audit_keten"),
        ]

    def bereken_hash(self, vorige: str) -> str:
        return audit_hash(self, vorige)

    def save(self, *args, **kwargs):
        if self.pk is not None:
            return super().save(*args, **kwargs)  # AppendOnly refuses
        # one writer at a time extends a chain: on PostgreSQL the transaction holds that chain's advisory lock until
        # it commits (so the next writer of the chain reads this row as the last one); SQLite's IMMEDIATE
        # transaction already holds the database's write lock from BEGIN, and writes chain 0
        with transaction.atomic(using=kwargs.get("using")):
            conn = connections[kwargs.get("using") or "default"]
            self.keten = neem_keten(conn) if conn.vendor == "postgresql" else 0
            self.tijdstip = timezone.now()
            self.vorige_hash = (
                Auditregel.objects.filter(keten=self.keten).order_by("-pk").values_list("hash", flat=True).first() or ""
            )
            self.hash = self.bereken_hash(self.vorige_hash)
            super().save(*args, **kwargs)


def audit_hash(row, vorige: str) -> str:
    """SHA-256 of the previous row's hash and this row's content (UTC time with microseconds, so the same on
    PostgreSQL and SQLite). A plain function so that migrations can chain rows with the historical model."""
    fields = [
        row.user_id,
        row.rol,
        row.actie,
        row.geval_id,
        row.object_soort,
        row.object_id,
        row.detail,
        row.tijdstip.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
    ]
    if getattr(row, "organisatie_id", None) is not None:  # rows chained before the column existed have none
        fields.append(row.organisatie_id)
    if getattr(row, "keten", 0):  # chain 0 hashes as the one chain before decision 0032 did
        fields.append(["keten", row.keten])
    return hashlib.sha256((vorige + "\n" + json.dumps(fields, ensure_ascii=False)).encode()).hexdigest()


AUDIT_LOCK = 7513  # a chain's advisory lock key is (AUDIT_LOCK, chain); 7513 is the number of the standard
# independent hash chains of the audit log on PostgreSQL (decision 0032): 8 lets 4 workers and their neighbours
# write at once; changing it later is safe (each chain is verified on its own, whatever the number)
AUDIT_KETENS = 8


def voorkeursketen() -> int:
    """The chain this process tries first: a process keeps to its own chain while nobody else holds it."""
    return os.getpid() % AUDIT_KETENS


def neem_keten(conn) -> int:
    """Take the lock of a free chain for this transaction (PostgreSQL): the preferred one, else the next free one,
    else wait for the preferred one. A chain this transaction already holds is free to it (advisory locks are
    re-entrant), so a transaction never waits while it holds a chain."""
    start = voorkeursketen()
    with conn.cursor() as cur:
        for i in range(AUDIT_KETENS):
            keten = (start + i) % AUDIT_KETENS
            cur.execute("SELECT pg_try_advisory_xact_lock(%s::int, %s::int)", [AUDIT_LOCK, keten])
            if cur.fetchone()[0]:
                return keten
        cur.execute("SELECT pg_advisory_xact_lock(%s::int, %s::int)", [AUDIT_LOCK, start])
    return start


class Vernietiging(models.Model):
    """The one exit from append-only: a retention purge (see `beheer vernietig`). While a row is `lopend`, inside the
    purge's own transaction, the database triggers let deletes through; the row stays as the record of the purge."""

    geval_nummer = models.BigIntegerField()
    onderdeel = models.CharField(max_length=30)  # werkgeversdossier | medisch
    reden = models.TextField()
    uitgevoerd_op = models.DateTimeField(default=timezone.now)
    lopend = models.BooleanField(default=True)


class Contactmoment(AppendOnly):
    """A contact with the employee or another party about the case (phone, meeting, e-mail); append-only."""

    SOORTEN = [("telefoon", "Telefoon"), ("gesprek", "Gesprek"), ("email", "E-mail"), ("brief", "Brief")]

    geval = models.ForeignKey(Verzuimgeval, on_delete=models.PROTECT, related_name="contactmomenten")
    soort = models.CharField(max_length=20, choices=SOORTEN)
    tijdstip = models.DateTimeField()
    met = models.CharField(max_length=200)
    samenvatting = models.TextField()
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    rol = models.CharField(max_length=30, choices=Rolnaam.choices)
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tijdstip", "-pk"]


class Agendaversie(models.Model):
    """The version of one calendar event (a step of a case) as last exported. SEQUENCE and LAST-MODIFIED
    (RFC 5545) go up when the event's content changes, so a calendar that re-imports or subscribes updates
    the event instead of keeping the old date."""

    geval = models.ForeignKey(Verzuimgeval, on_delete=models.CASCADE, related_name="agendaversies")
    sleutel = models.CharField(max_length=80)  # "<step code>-<n>"
    vingerafdruk = models.CharField(max_length=64)
    volgnummer = models.PositiveIntegerField(default=0)
    gewijzigd_op = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["geval", "sleutel"], name="agendaversie_uniek")]


class Agendavoorkeur(models.Model):
    """What a user's calendar (download and subscription) may show. Off by default: sickness absence is
    health data (AVG art. 9) and calendars are often synced to third parties."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agendavoorkeur")
    met_naam = models.BooleanField(default=False)
    met_medische_stappen = models.BooleanField(default=False)


class Agendafeed(models.Model):
    """A secret, revocable subscription URL of a user's calendar. Only the SHA-256 of the token is stored;
    the token itself is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agendafeeds")
    token_hash = models.CharField(max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    laatst_gebruikt_op = models.DateTimeField(null=True, blank=True)


class GemaaktDocument(AppendOnly):
    """A document the system produced (PDF), stored with the exact data it was made from: the snapshot and
    the template version, so it can be produced again identically. Producing it is an event in the log."""

    geval = models.ForeignKey(Verzuimgeval, on_delete=models.PROTECT, related_name="gemaakte_documenten")
    soort = models.CharField(max_length=50)  # a code of documents.soorten.SOORTEN
    titel = models.CharField(max_length=300)
    onderwerp = models.ForeignKey(
        Gebeurtenis, null=True, blank=True, on_delete=models.PROTECT, related_name="documenten_over"
    )
    template_versie = models.CharField(max_length=20)
    snapshot = models.JSONField()
    bestand = models.FileField(upload_to="gemaakt/%Y/%m/")
    sha256 = models.CharField(max_length=64)
    grootte = models.PositiveBigIntegerField()
    gebeurtenis = models.OneToOneField(Gebeurtenis, on_delete=models.PROTECT, related_name="gemaakt_document")
    gemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    rol = models.CharField(max_length=30, choices=Rolnaam.choices)
    gemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-gemaakt_op", "-pk"]


class Beleidsnotitie(AppendOnly):
    """The employer's quality file (horizontal supervision, RSC 2025 block 5): a recorded policy choice, e.g.
    the re-integratiebedrijf it works with and why, or a procedure. Append-only: a newer note on the same
    subject supersedes the older one, which stays in the history."""

    SOORTEN = [("reintegratiebedrijf", "Gekozen re-integratiebedrijf"), ("procedure", "Procedure")]

    werkgever = models.ForeignKey(Werkgever, on_delete=models.PROTECT, related_name="beleidsnotities")
    soort = models.CharField(max_length=30, choices=SOORTEN)
    onderwerp = models.CharField(max_length=200)  # the provider's name or the procedure's title
    reintegratiebedrijf = models.ForeignKey(Reintegratiebedrijf, null=True, blank=True, on_delete=models.PROTECT)
    tekst = models.TextField()  # why this provider / what the procedure is
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    rol = models.CharField(max_length=30, choices=Rolnaam.choices)
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-vastgelegd_op", "-pk"]


class Zelfbeoordeling(AppendOnly):
    """A person's answer for the employer to one item of the beoordelingskader (law.toets.REGELS): how the
    employer ensures it, in their own judgement. Append-only; the latest answer per item counts."""

    ANTWOORDEN = [("voldoet", "Voldoet"), ("deels", "Voldoet deels"), ("voldoet_niet", "Voldoet niet")]

    werkgever = models.ForeignKey(Werkgever, on_delete=models.PROTECT, related_name="zelfbeoordelingen")
    regel = models.CharField(max_length=50)  # law.toets.Regel.code
    antwoord = models.CharField(max_length=20, choices=ANTWOORDEN)
    toelichting = models.TextField()
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    rol = models.CharField(max_length=30, choices=Rolnaam.choices)
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-vastgelegd_op", "-pk"]
