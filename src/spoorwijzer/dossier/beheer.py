"""Master data and organisation: employers, employees (and their payroll import/export), users and their
roles, the organisation's preferred-date policy, case ownership, work queues and the contact log.

Access checks come from ``access.py``; every change is audited. Rules of law are asked of ``law/``
(the statutory wage-continuation percentage, the legal deadlines beside the preferred dates)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import F, Max, Q
from django.db.models.functions import Coalesce
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from spoorwijzer.dossier import access
from spoorwijzer.dossier.models import (
    Contactmoment,
    Gebeurtenis,
    Organisatie,
    Rol,
    Rolnaam,
    Termijn,
    Traject,
    Verzuimgeval,
    Werkgever,
    Werknemer,
)
from spoorwijzer.dossier.services import audit, vandaag
from spoorwijzer.law import loondoorbetaling as ldb
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.poortwachter import STEP_BY_CODE, Status, deadline_status, schedule
from spoorwijzer.law.voorkeur import default_policy
from spoorwijzer.law.weeks import SickPeriod

# --- identifiers, money and dates as people type them -------------------------------------------------

LOONHEFFINGENNUMMER = re.compile(r"^(\d{9})L(\d{2})$")


def loonheffingennummer(text: str) -> str:
    """Normalise and check a loonheffingennummer: the employer's fiscal number (RSIN, nine digits that
    pass the eleven test: 9,8,...,2 times the first eight digits minus the ninth is divisible by 11),
    then 'L' and a two-digit subnumber, e.g. 123456782L01 (Belastingdienst, 'Uw loonheffingennummer')."""
    compact = re.sub(r"[\s.]", "", text or "").upper()
    m = LOONHEFFINGENNUMMER.match(compact)
    if not m:
        raise InvalidInput(
            "Een loonheffingennummer bestaat uit 9 cijfers, de letter L en 2 cijfers, bijvoorbeeld 123456782L01."
        )
    digits = [int(c) for c in m.group(1)]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    if total % 11 != 0 or m.group(1) == "000000000":
        raise InvalidInput(
            f"Het loonheffingennummer {compact} klopt niet: de eerste 9 cijfers (het fiscaal nummer) "
            "voldoen niet aan de elfproef. Controleer een tikfout."
        )
    if m.group(2) == "00":
        raise InvalidInput("Het volgnummer na de L begint bij 01.")
    return compact


def bedrag_in_cent(text: str) -> int:
    """Euros as typed in the Netherlands ("4.100,00", "4100,5", "€ 4100") to eurocent.

    A comma is the decimal separator; points are thousands separators, except a single point followed by
    one or two digits ("4100.50", as spreadsheets export), which is read as the decimal point."""
    raw = (text or "").strip().replace("€", "").replace("\u00a0", "").replace(" ", "")
    if not raw:
        raise InvalidInput("Vul een bedrag in.")
    if "," in raw:
        if raw.count(",") > 1 or not re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d{1,2}|-?\d+,\d{1,2}", raw):
            raise InvalidInput(f"'{text}' is geen bedrag in euro; schrijf bijvoorbeeld 4.100,00.")
        raw = raw.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+\.\d{1,2}", raw):
        pass
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+|-?\d+", raw):
        raw = raw.replace(".", "")
    else:
        raise InvalidInput(f"'{text}' is geen bedrag in euro; schrijf bijvoorbeeld 4.100,00.")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise InvalidInput(f"'{text}' is geen bedrag in euro; schrijf bijvoorbeeld 4.100,00.") from None
    if abs(value) >= 10**12:  # beyond Decimal's 28 digits quantize fails (a 500); no wage comes near this
        raise InvalidInput("Dit bedrag is te hoog: ten hoogste 100 miljoen euro.")
    return int((value * 100).quantize(Decimal(1)))


def bedrag_tekst(cent: int | None) -> str:
    """Eurocent as a Dutch amount without the euro sign ("4.100,00"): for form fields and the export."""
    if cent is None:
        return ""
    sign = "-" if cent < 0 else ""
    euros, cents = divmod(abs(int(cent)), 100)
    return f"{sign}{euros:,}".replace(",", ".") + f",{cents:02d}"


def getal(text: str, what: str) -> Decimal:
    raw = (text or "").strip().replace(" ", "")
    if re.fullmatch(r"\d+([.,]\d+)?", raw) is None:
        raise InvalidInput(f"{what}: '{text}' is geen getal.")
    return Decimal(raw.replace(",", "."))


def datum(text: str, what: str) -> dt.date:
    """A date as DD-MM-JJJJ (also with / or .) or as JJJJ-MM-DD."""
    raw = (text or "").strip()
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", raw)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(f"{what}: '{text}' is geen geldige datum (gebruik DD-MM-JJJJ).") from None


def ja_nee(text: str, what: str) -> bool:
    raw = (text or "").strip().lower()
    if raw in ("ja", "j", "1", "true", "waar", "x"):
        return True
    if raw in ("", "nee", "n", "0", "false", "onwaar"):
        return False
    raise InvalidInput(f"{what}: '{text}' is geen ja of nee.")


# --- employees: one set of checks for the form and the import ----------------------------------------

MAX_UREN_PER_WEEK = Decimal(60)  # a sanity bound for typing errors, not a rule of law
MAX_MAANDLOON_CENT = 100_000_000  # idem: a million euros a month is a typing error


def controleer_werknemer(v: dict[str, Any], on: dt.date) -> dict[str, str]:
    """Field -> Dutch message for values that cannot be right. ``v`` holds parsed values."""
    errors: dict[str, str] = {}
    if not (v.get("naam") or "").strip():
        errors["naam"] = "Vul de naam in."
    geboren = v.get("geboortedatum")
    if geboren is not None and not (on.replace(year=on.year - 100) <= geboren <= on.replace(year=on.year - 13)):
        errors["geboortedatum"] = "De geboortedatum ligt niet tussen 100 en 13 jaar geleden; controleer het jaar."
    uren = v.get("uren_per_week")
    if uren is not None and not (0 < uren <= MAX_UREN_PER_WEEK):
        errors["uren_per_week"] = f"De contracturen per week liggen tussen 0 en {MAX_UREN_PER_WEEK}."
    loon = v.get("maandloon_cent")
    if loon is not None and not (0 < loon <= MAX_MAANDLOON_CENT):
        errors["maandloon_cent"] = "Het maandloon moet groter dan € 0 zijn en is hier onwaarschijnlijk hoog."
    start, eind = v.get("in_dienst"), v.get("uit_dienst")
    if start and geboren and start <= geboren:
        errors["in_dienst"] = "De datum in dienst ligt vóór de geboortedatum."
    if start and eind and eind < start:
        errors["uit_dienst"] = "De datum uit dienst ligt vóór de datum in dienst."
    p1, p2 = v.get("cao_percentage_jaar1"), v.get("cao_percentage_jaar2")
    if (p1 is None) != (p2 is None):
        errors["cao_percentage_jaar2" if p2 is None else "cao_percentage_jaar1"] = (
            "Vul beide cao-percentages in, of geen van beide (dan geldt het wettelijke percentage)."
        )
    elif p1 is not None:
        try:
            ldb.check_agreement(
                LawContext.baseline(), float(p1), float(p2), on
            )  # BW 7:629: the law's bounds, asked of law/
        except InvalidInput as exc:
            errors["cao_percentage_jaar1"] = str(exc)
    return errors


# --- the payroll CSV ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    naam: str
    omschrijving: str
    verplicht: bool = False


KOLOMMEN: tuple[Kolom, ...] = (
    Kolom("personeelsnummer", "uniek per werkgever; een bestaand nummer werkt de werknemer bij", True),
    Kolom("naam", "volledige naam", True),
    Kolom("geboortedatum", "DD-MM-JJJJ (voor de AOW-leeftijd)", True),
    Kolom("in_dienst", "DD-MM-JJJJ"),
    Kolom("uit_dienst", "DD-MM-JJJJ, leeg als in dienst"),
    Kolom("uren_per_week", "contracturen, bv. 32 of 32,5", True),
    Kolom("maandloon", "bruto maandloon in euro, bv. 3.250,00"),
    Kolom(
        "cao_percentage_jaar1", "loondoorbetaling in het eerste ziektejaar volgens de cao, bv. 100; leeg = wettelijk"
    ),
    Kolom("cao_percentage_jaar2", "idem tweede ziektejaar, bv. 70"),
    Kolom("functie", ""),
    Kolom("email", "e-mailadres van de werknemer"),
    Kolom("no_risk", "ja/nee: no-riskpolis (Ziektewet art. 29b)"),
)
KOLOMNAMEN = [k.naam for k in KOLOMMEN]
MAX_IMPORT_BYTES = 5_000_000


def _kopnaam(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")


@dataclass
class ImportRij:
    regel: int
    waarden: dict[str, Any]
    fouten: list[str] = field(default_factory=list)
    bestaand: Werknemer | None = None


@dataclass
class ImportResultaat:
    rijen: list[ImportRij]
    fouten: list[str]  # file-level errors
    scheidingsteken: str = ";"
    genegeerde_kolommen: list[str] = field(default_factory=list)

    @property
    def in_orde(self) -> bool:
        return not self.fouten and self.rijen != [] and not any(r.fouten for r in self.rijen)

    @property
    def aantal_fouten(self) -> int:
        return len(self.fouten) + sum(len(r.fouten) for r in self.rijen)


def decodeer(data: bytes) -> str:
    """The file's text: UTF-8 (with or without byte-order mark); Windows-1252 as payroll software often writes."""
    if len(data) > MAX_IMPORT_BYTES:
        raise InvalidInput(f"Het bestand is groter dan {MAX_IMPORT_BYTES // 1_000_000} MB.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def lees_csv(text: str, werkgever: Werkgever, on: dt.date | None = None) -> ImportResultaat:
    """Parse and check a payroll export against the employer's employees. Stores nothing."""
    on = on or vandaag()
    text = text.lstrip("\ufeff")
    first = text.splitlines()[0] if text.strip() else ""
    sep = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    try:
        header = next(reader)
    except StopIteration:
        return ImportResultaat([], ["Het bestand is leeg."], sep)
    names = [_kopnaam(h) for h in header]
    result = ImportResultaat([], [], sep)
    missing = [k.naam for k in KOLOMMEN if k.verplicht and k.naam not in names]
    if missing:
        result.fouten.append(
            "Deze verplichte kolommen ontbreken in de eerste regel: " + ", ".join(missing) + ". "
            "Verwacht (gescheiden door ; of ,): " + ";".join(KOLOMNAMEN) + "."
        )
        return result
    result.genegeerde_kolommen = [h for h, n in zip(header, names, strict=True) if n not in KOLOMNAMEN]
    existing = {w.personeelsnummer: w for w in werkgever.werknemers.exclude(personeelsnummer="")}
    seen: dict[str, int] = {}
    for lineno, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        raw = {n: (cells[i].strip() if i < len(cells) else "") for i, n in enumerate(names) if n in KOLOMNAMEN}
        rij = ImportRij(lineno, {})
        if len(cells) > len(names):
            rij.fouten.append(
                f"meer velden ({len(cells)}) dan kolommen ({len(names)}); staat er een {sep} in een waarde?"
            )
        _lees_rij(raw, rij, on)
        nummer = rij.waarden.get("personeelsnummer", "")
        if nummer:
            if nummer in seen:
                rij.fouten.append(f"personeelsnummer {nummer} staat ook op regel {seen[nummer]}")
            seen.setdefault(nummer, lineno)
            rij.bestaand = existing.get(nummer)
        result.rijen.append(rij)
    if not result.rijen:
        result.fouten.append("Het bestand bevat geen werknemers (alleen een kopregel).")
    return result


def _lees_rij(raw: dict[str, str], rij: ImportRij, on: dt.date) -> None:
    v = rij.waarden
    v["personeelsnummer"] = raw.get("personeelsnummer", "")
    if not v["personeelsnummer"]:
        rij.fouten.append("personeelsnummer ontbreekt")
    v["naam"] = raw.get("naam", "")
    v["functie"] = raw.get("functie", "")
    v["email"] = raw.get("email", "")
    if v["email"] and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", v["email"]):
        rij.fouten.append(f"e-mailadres '{v['email']}' is ongeldig")

    def parse(name, fn, *args):
        text = raw.get(name, "")
        if not text:
            v[name] = None
            return
        try:
            v[name] = fn(text, *args)
        except InvalidInput as exc:
            v[name] = None
            rij.fouten.append(str(exc))

    parse("geboortedatum", datum, "geboortedatum")
    parse("in_dienst", datum, "in dienst")
    parse("uit_dienst", datum, "uit dienst")
    parse("uren_per_week", getal, "uren per week")
    parse("cao_percentage_jaar1", getal, "cao-percentage jaar 1")
    parse("cao_percentage_jaar2", getal, "cao-percentage jaar 2")
    parse("no_risk", ja_nee, "no-risk")
    v["no_risk"] = bool(v["no_risk"])
    text = raw.get("maandloon", "")
    try:
        v["maandloon_cent"] = bedrag_in_cent(text) if text else None
    except InvalidInput as exc:
        v["maandloon_cent"] = None
        rij.fouten.append("maandloon: " + str(exc))
    for name in ("geboortedatum", "uren_per_week"):
        if v.get(name) is None and raw.get(name, "") == "":
            rij.fouten.append(f"{name.replace('_', ' ')} ontbreekt")
    if not v["naam"]:
        rij.fouten.append("naam ontbreekt")
    rij.fouten.extend(m for k, m in controleer_werknemer(v, on).items() if k != "naam")


WERKNEMER_VELDEN = (
    "personeelsnummer",
    "naam",
    "functie",
    "email",
    "geboortedatum",
    "in_dienst",
    "uit_dienst",
    "uren_per_week",
    "maandloon_cent",
    "cao_percentage_jaar1",
    "cao_percentage_jaar2",
    "no_risk",
)


def importeer(user, werkgever: Werkgever, text: str) -> tuple[int, int]:
    """Store a checked payroll export in one transaction: all rows or none. Returns (new, updated)."""
    if user is not None and not access.mag_werknemers_beheren(user, werkgever):
        raise access.Geweigerd("U mag de werknemers van deze werkgever niet beheren.")
    # user None: the operator on the server's command line (spoorwijzer beheer importeer_werknemers)
    with transaction.atomic():
        result = lees_csv(text, werkgever)
        if not result.in_orde:
            raise InvalidInput(f"Het bestand bevat {result.aantal_fouten} fout(en); er is niets ingelezen.")
        new = updated = 0
        for rij in result.rijen:
            values = {k: rij.waarden.get(k) for k in WERKNEMER_VELDEN}
            values["functie"] = values["functie"] or ""
            values["email"] = values["email"] or ""
            if rij.bestaand is not None:
                w = Werknemer.objects.select_for_update().get(pk=rij.bestaand.pk)
                for k, val in values.items():
                    setattr(w, k, val)
                w.save()
                updated += 1
            else:
                Werknemer.objects.create(werkgever=werkgever, **values)
                new += 1
        audit(user, "import_werknemers", obj=werkgever, detail=f"{new} nieuw, {updated} bijgewerkt")
    return new, updated


def _num(value) -> str:
    if value is None:
        return ""
    text = format(Decimal(value).normalize(), "f")
    return text.replace(".", ",")


def exporteer(werkgever: Werkgever) -> str:
    """The employer's employees in the import format (';', decimal comma, DD-MM-JJJJ); a round trip
    through ``lees_csv`` gives the same values."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(KOLOMNAMEN)
    for w in werkgever.werknemers.order_by("naam", "pk"):
        writer.writerow(
            [
                w.personeelsnummer,
                w.naam,
                f"{w.geboortedatum:%d-%m-%Y}" if w.geboortedatum else "",
                f"{w.in_dienst:%d-%m-%Y}" if w.in_dienst else "",
                f"{w.uit_dienst:%d-%m-%Y}" if w.uit_dienst else "",
                _num(w.uren_per_week),
                bedrag_tekst(w.maandloon_cent),
                _num(w.cao_percentage_jaar1),
                _num(w.cao_percentage_jaar2),
                w.functie,
                w.email,
                "ja" if w.no_risk else "nee",
            ]
        )
    return out.getvalue()


# --- users: invitation with Django's own password machinery -------------------------------------------


def uitnodigingspad(user) -> str:
    """The path of the 'set your password' page for this user (Django's password-reset token: valid once,
    void as soon as the password or last login changes, expires after PASSWORD_RESET_TIMEOUT)."""
    from django.urls import reverse

    return reverse(
        "wachtwoord_instellen",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )


@transaction.atomic
def gebruiker_aanmaken(beheerder, *, gebruikersnaam: str, naam: str, email: str, rol: str, bereik) -> Any:
    """A new user with one role in the administrator's organisation, without a password (an invitation
    sets it). ``bereik``: the employer, employee or provider for roles scoped to one."""
    if not access.mag_gebruikers_beheren(beheerder):
        raise access.Geweigerd("U mag geen gebruikers beheren.")
    User = get_user_model()
    if User.objects.filter(username__iexact=gebruikersnaam).exists():
        raise InvalidInput(f"De gebruikersnaam '{gebruikersnaam}' is al in gebruik.")
    scope_field = access.BEREIK[Rolnaam(rol)]
    scope = _bereik_controleren(beheerder, rol, bereik)
    first, _, last = naam.strip().partition(" ")
    user = User(username=gebruikersnaam, email=email, first_name=first, last_name=last)
    user.set_unusable_password()
    user.save()
    Rol.objects.create(user=user, rol=rol, **{scope_field: scope})
    audit(beheerder, "gebruiker_aangemaakt", obj=user, detail=f"{rol} ({scope})")
    return user


def _bereik_controleren(beheerder, rol: str, bereik):
    scope_field = access.BEREIK[Rolnaam(rol)]
    mine = access.rol_van(beheerder).organisatie
    if scope_field == "organisatie":
        return mine
    if bereik is None:
        raise InvalidInput(
            f"Kies bij de rol {Rolnaam(rol).label} de {scope_field.replace('reintegratie', 're-integratie')}."
        )
    if scope_field == "werkgever" and bereik.organisatie_id != mine.pk:
        raise access.Geweigerd("Deze werkgever valt niet onder uw organisatie.")
    if scope_field == "werknemer" and bereik.werkgever.organisatie_id != mine.pk:
        raise access.Geweigerd("Deze werknemer valt niet onder uw organisatie.")
    return bereik


@transaction.atomic
def gebruiker_wijzigen(beheerder, user, *, naam: str, email: str, rol: str, bereik, actief: bool) -> None:
    if not access.mag_gebruiker_beheren(beheerder, user):
        raise access.Geweigerd("U mag deze gebruiker niet beheren.")
    if user.pk == beheerder.pk and (not actief or rol != Rolnaam.CASEMANAGER):
        raise InvalidInput("U kunt uw eigen account niet uitzetten of uw eigen rol wijzigen.")
    scope = _bereik_controleren(beheerder, rol, bereik)
    first, _, last = naam.strip().partition(" ")
    user.first_name, user.last_name, user.email, user.is_active = first, last, email, actief
    user.save(update_fields=["first_name", "last_name", "email", "is_active"])
    r = user.rol
    r.rol = rol
    for f in set(access.BEREIK.values()):
        setattr(r, f, None)
    setattr(r, access.BEREIK[Rolnaam(rol)], scope)
    r.save()
    audit(beheerder, "gebruiker_gewijzigd", obj=user, detail=f"{rol} ({scope}), actief: {'ja' if actief else 'nee'}")


def gebruikers_van(beheerder):
    """The users whose role lies in the administrator's organisation (its own roles, its employers' HR and
    employees) and the providers' users working on its cases."""
    org = access.rol_van(beheerder).organisatie_id
    return (
        get_user_model()
        .objects.filter(
            Q(rol__organisatie_id=org)
            | Q(rol__werkgever__organisatie_id=org)
            | Q(rol__werknemer__werkgever__organisatie_id=org)
            | Q(rol__reintegratiebedrijf__trajecten__geval__organisatie_id=org)
        )
        .distinct()
        .select_related("rol", "rol__werkgever", "rol__werknemer", "rol__reintegratiebedrijf")
        .order_by("username")
    )


# --- the organisation's preferred-date policy ---------------------------------------------------------


@dataclass
class BeleidsRegel:
    code: str
    naam: str
    eenheid: str  # week | dag | interval_weken
    standaard: int
    waarde: int
    wettelijk: int | None  # the legal deadline in the same unit, None when the step has none
    bron: str


def _eenheid_waarde(pref) -> tuple[str, int]:
    if pref.offset is None:
        return "interval_weken", pref.interval_weeks
    if (pref.offset + 1) % 7 == 0:
        return "week", (pref.offset + 1) // 7
    return "dag", pref.offset


def beleidsregels(organisatie: Organisatie, on: dt.date | None = None) -> list[BeleidsRegel]:
    """Each step of the default policy with the organisation's value and the legal deadline for a case
    that starts on ``on`` with no steps held (asked of law.poortwachter, in the same unit)."""
    from spoorwijzer.dossier.services import beleid_van

    on = on or vandaag()
    policy = beleid_van(organisatie)
    sched = schedule(LawContext.baseline(), [SickPeriod(on)], [], peildatum=on)
    legal_days = {s.code: (s.uiterlijk - on).days for s in sched.stappen if s.uiterlijk and not s.herhalend}
    evals = [s for s in sched.stappen if s.herhalend and s.uiterlijk]
    rows = []
    for code, pref in default_policy().steps.items():
        unit, std = _eenheid_waarde(pref)
        mine = policy.steps.get(code, pref)
        mine_unit, mine_value = _eenheid_waarde(mine)
        value = mine_value if mine_unit == unit else std
        if unit == "interval_weken":
            legal = (evals[1].uiterlijk - evals[0].uiterlijk).days // 7 if len(evals) > 1 else None
        elif code in legal_days:
            legal = (legal_days[code] + 1) // 7 if unit == "week" else legal_days[code]
        else:
            legal = None
        naam = STEP_BY_CODE[code].naam if code in STEP_BY_CODE else code
        rows.append(BeleidsRegel(code, naam, unit, std, value, legal, mine.source))
    return rows


@transaction.atomic
def beleid_opslaan(user, organisatie: Organisatie, waarden: dict[str, int], binnenkort_dagen: int) -> None:
    """Store the organisation's own preferred dates (only those that differ from the defaults).
    A preferred date later than the legal deadline is refused: the deadline would be missed by design."""
    if not access.mag_beleid_beheren(user, organisatie):
        raise access.Geweigerd("U mag het beleid van deze organisatie niet wijzigen.")
    errors = []
    stappen = {}
    for regel in beleidsregels(Organisatie(voorkeursbeleid={})):
        value = waarden.get(regel.code, regel.standaard)
        if value is None or value < 0 or (regel.eenheid != "dag" and value < 1):
            errors.append(f"{regel.naam}: vul een positief aantal in.")
            continue
        if regel.wettelijk is not None and value > regel.wettelijk:
            from spoorwijzer import nl

            errors.append(
                f"{regel.naam}: de voorkeur ({nl.termijn(value, regel.eenheid)}) ligt na de uiterlijke termijn "
                f"({nl.termijn(regel.wettelijk, regel.eenheid)}); kies een vroeger moment."
            )
            continue
        if value != regel.standaard:
            stappen[regel.code] = {regel.eenheid: value, "bron": f"Eigen beleid {organisatie.naam}"}
    if not 1 <= binnenkort_dagen <= 90:
        errors.append("'Binnenkort' ligt tussen 1 en 90 dagen.")
    if errors:
        raise InvalidInput(" ".join(errors))
    organisatie.voorkeursbeleid = (
        {"stappen": stappen, "binnenkort_dagen": binnenkort_dagen}
        if (stappen or binnenkort_dagen != default_policy().due_soon_days)
        else {}
    )
    organisatie.save(update_fields=["voorkeursbeleid"])
    audit(user, "beleid_gewijzigd", obj=organisatie, detail=str(organisatie.voorkeursbeleid))


# --- case ownership, work queues ----------------------------------------------------------------------

# which role acts on a step, read from the schedule's actor ("werkgever en werknemer" is both); the
# casemanager acts for the employer. The provider's progress reports feed the evaluations.
ACTOR_ROLLEN = {
    "werkgever": (Rolnaam.WERKGEVER, Rolnaam.CASEMANAGER),
    "werknemer": (Rolnaam.WERKNEMER,),
    "bedrijfsarts": (Rolnaam.BEDRIJFSARTS,),
    "arbeidsdeskundige": (Rolnaam.ARBEIDSDESKUNDIGE,),
}
REINTEGRATIEBEDRIJF_STAPPEN = ("evaluatie", "eerstejaarsevaluatie", "eindevaluatie", "re_integratieverslag")
# what the provider records for those steps: its progress report, as a 'voortgangsgesprek' with its verslag
VOORTGANG = "voortgangsgesprek"
TAAK_OMSCHRIJVING = {
    Rolnaam.REINTEGRATIEBEDRIJF: "Voortgangsgesprek vastleggen vóór: ",
}


def rollen_voor_actor(actor: str) -> set[str]:
    return {r for part in actor.split(" en ") for r in ACTOR_ROLLEN.get(part.strip(), ())}


def codes_voor_rol(rol: str) -> list[str]:
    """The step codes a role acts on (from the law's step list, read once)."""
    from spoorwijzer.law.poortwachter import STEPS

    if rol == Rolnaam.REINTEGRATIEBEDRIJF:
        return list(REINTEGRATIEBEDRIJF_STAPPEN)
    if rol == Rolnaam.WERKNEMER:
        # the employee's own actions are the steps the law gives to him alone (the WIA application); in the
        # joint steps (plan van aanpak, evaluations, verslag) the employer leads and he takes part: those are
        # listed apart, read-only, under what others do for him (wacht_op_anderen)
        return [s.code for s in STEPS if s.actor.strip() == "werknemer"]
    return [s.code for s in STEPS if rol in rollen_voor_actor(s.actor)]


def stap_status(t: Termijn, today: dt.date, soon: int) -> str:
    """The status of a stored step on ``today``: law's one rule (deadline_status) with the deviation's new date.
    The work queue, the dashboard and the provider's page all read a step's status through here, so the same
    step never shows two statuses."""
    from spoorwijzer.law.poortwachter import deadline_status

    return deadline_status(t.uiterlijk, t.gedaan_op, today, soon, t.afwijking_tot)


def _open_termijnen():
    """Open steps with a date, the soonest (the deviation's new date where one is recorded) first; among equal
    dates the schedule's order: the same order the case's stored 'next step' is chosen in."""
    return (
        Termijn.objects.filter(gedaan_op__isnull=True, niet_nodig=False)
        .annotate(streef=Coalesce("afwijking_tot", "uiterlijk"))
        .select_related("geval__werknemer", "geval__werkgever")
        .order_by(F("streef").asc(nulls_last=True), "geval_id", "pk")
    )


def eerstvolgende_stappen(gevallen: list[Verzuimgeval], today: dt.date, soon: int) -> dict[int, Taak]:
    """Per case the step the dashboard shows as the next one (the stored ``volgende_uiterlijk``), read from the
    same rows and with the same status as the work queue of whoever acts on it. One query for a page: the open
    steps of the page's cases on one of their dates (an IN list, not 50 OR-ed conditions: building and planning
    those cost ~10 ms a page), matched per case here in the same order as ``_open_termijnen``."""
    wanted = {g.pk: g.volgende_uiterlijk for g in gevallen if g.volgende_uiterlijk is not None}
    if not wanted:
        return {}
    per_pk = {g.pk: g for g in gevallen}
    rows = (
        Termijn.objects.filter(geval_id__in=list(wanted), gedaan_op__isnull=True, niet_nodig=False)
        .annotate(streef=Coalesce("afwijking_tot", "uiterlijk"))
        .filter(streef__in=sorted(set(wanted.values())))
        .order_by(F("streef").asc(nulls_last=True), "geval_id", "pk")
        .values_list("geval_id", "streef", "code", "naam", "voorkeur", "uiterlijk", "afwijking_tot", "actor")
    )
    out: dict[int, Taak] = {}
    for geval_id, streef, code, naam, voorkeur, uiterlijk, afwijking_tot, actor in rows:
        if geval_id in out or streef != wanted[geval_id]:
            continue
        status = deadline_status(uiterlijk, None, today, soon, afwijking_tot)  # an open step: not done
        out[geval_id] = Taak(per_pk[geval_id], code, naam, streef, voorkeur, status, actor=actor)
    return out


def wacht_op_anderen(user, today: dt.date | None = None, limiet: int = 100) -> list[Taak]:
    """Read-only: the open steps in this user's cases that others act on (the bedrijfsarts's probleemanalyse in
    a casemanager's case; the employer's evaluations in the employee's own case), soonest first, the next of a
    recurring step per case. For the casemanager (the cases he handles) and the employee (his own case)."""
    from spoorwijzer.dossier.services import beleid_voor

    rol = access.rol_van(user)
    if rol is None or rol.rol not in (Rolnaam.CASEMANAGER, Rolnaam.WERKNEMER):
        return []
    today = today or vandaag()
    soon = beleid_voor(user).due_soon_days
    gevallen = access.zichtbare_gevallen(user).filter(afgesloten_op__isnull=True)
    if rol.rol == Rolnaam.CASEMANAGER:
        gevallen = gevallen.filter(behandelaar=user)
    qs = (
        _open_termijnen()
        .filter(geval__in=gevallen.values("pk"), streef__isnull=False)
        .exclude(code__in=codes_voor_rol(rol.rol))
        .exclude(actor__in=("", "—"))
    )
    seen, result = set(), []
    for t in qs[: limiet * 4]:
        if (t.geval_id, t.code) in seen:
            continue
        seen.add((t.geval_id, t.code))
        actor = t.actor
        if rol.rol == Rolnaam.WERKNEMER and actor == "werkgever en werknemer":
            actor = "werkgever, samen met u"
        result.append(Taak(t.geval, t.code, t.naam, t.streef, t.voorkeur, stap_status(t, today, soon), actor=actor))
        if len(result) >= limiet:
            break
    return result


@dataclass
class Taak:
    geval: Verzuimgeval
    code: str
    naam: str
    uiterlijk: dt.date | None
    voorkeur: dt.date | None
    status: str
    vraag_id: int | None = None  # a question's thread (code 'vraag' or 'vraag_afspraak')
    actor: str = ""  # who acts on the step, as the schedule names it
    # the organisation's preferred date has passed while the legal deadline has not: the step is not late, but
    # later than the organisation wants (the status word stays the legal one, decision 0028)
    voorkeur_verstreken: bool = False
    vastleggen: str = ""  # the entry that does this task, where the role records it itself (the link goes there)


def werkvoorraad(
    user, today: dt.date | None = None, limiet: int = 200, geval: Verzuimgeval | None = None
) -> list[Taak]:
    """The open steps this user acts on, soonest deadline first: one query over the stored schedule
    (Termijn rows with their case), only the next of a recurring step per case."""
    rol = access.rol_van(user)
    if rol is None:
        return []
    today = today or vandaag()
    from spoorwijzer.dossier.services import beleid_voor

    soon = beleid_voor(user).due_soon_days
    alle = access.zichtbare_gevallen(user)
    if geval is not None:  # one case's tasks (the provider's trajectory page)
        alle = alle.filter(pk=geval.pk)
    if rol.rol == Rolnaam.CASEMANAGER:
        alle = alle.filter(behandelaar=user)
    gevallen = alle.filter(afgesloten_op__isnull=True)
    if rol.rol == Rolnaam.REINTEGRATIEBEDRIJF:
        gevallen = gevallen.filter(
            trajecten__reintegratiebedrijf_id=rol.reintegratiebedrijf_id, trajecten__einde__isnull=True
        )
    qs = (
        Termijn.objects.filter(
            geval__in=gevallen.values("pk"), gedaan_op__isnull=True, niet_nodig=False, code__in=codes_voor_rol(rol.rol)
        )
        .select_related("geval__werknemer", "geval__werkgever")
        .order_by(Coalesce("afwijking_tot", "uiterlijk").asc(nulls_last=True), "geval_id", "pk")
    )
    seen, result = set(), []
    prefix = TAAK_OMSCHRIJVING.get(rol.rol, "")
    aangeleverd = voortgang_aangeleverd(gevallen) if rol.rol == Rolnaam.REINTEGRATIEBEDRIJF else set()
    for t in qs[: limiet * 4]:
        if (t.geval_id, t.code) in seen or t.geval_id in aangeleverd:
            continue
        seen.add((t.geval_id, t.code))
        status = stap_status(t, today, soon)
        verstreken = t.voorkeur is not None and t.voorkeur < today and status != Status.TE_LAAT
        result.append(
            Taak(
                t.geval,
                t.code,
                prefix + t.naam,
                t.afwijking_tot or t.uiterlijk,
                t.voorkeur,
                status,
                actor=t.actor,
                voorkeur_verstreken=verstreken,
                vastleggen=VOORTGANG if rol.rol == Rolnaam.REINTEGRATIEBEDRIJF else "",
            )
        )
        if len(result) >= limiet:
            break
    # the role's own appointments from the log: the bedrijfsarts's planned spreekuren, the provider's monthly
    # progress meetings (one query for all cases)
    if rol.rol == Rolnaam.BEDRIJFSARTS:
        result += geplande_spreekuren(gevallen, today, soon)
    elif rol.rol == Rolnaam.REINTEGRATIEBEDRIJF:
        result += voortgangsgesprekken(gevallen, today)
    result += opvolgtaken(rol.rol, gevallen, alle, today, soon)
    result.sort(key=lambda t: (t.uiterlijk or dt.date.max, t.geval.pk))
    return result[:limiet]


def voortgang_aangeleverd(gevallen) -> set[int]:
    """Cases whose provider has recorded a progress report since the last evaluation-like step was held: its part
    in the next one is done, until that step is held and the next one needs a fresh report (outside review: the
    task stayed listed whatever the provider recorded). Two aggregate queries for all cases."""
    laatste_verslag = dict(
        Gebeurtenis.objects.filter(geval__in=gevallen.values("pk"), code=VOORTGANG, vervangen_door__isnull=True)
        .values("geval_id")
        .annotate(m=Max("datum"))
        .values_list("geval_id", "m")
    )
    laatste_stap = dict(
        Termijn.objects.filter(
            geval_id__in=list(laatste_verslag), code__in=REINTEGRATIEBEDRIJF_STAPPEN, gedaan_op__isnull=False
        )
        .values("geval_id")
        .annotate(m=Max("gedaan_op"))
        .values_list("geval_id", "m")
    )
    return {g for g, datum in laatste_verslag.items() if g not in laatste_stap or datum > laatste_stap[g]}


def opvolgtaken(rol: str, gevallen, alle, today: dt.date, soon: int) -> list[Taak]:
    """Open questions this role answers, agreements from a question's outcome, and (for the casemanager) the next
    aftercare moment, also of closed cases (aftercare follows the end of the case): dossier/opvolgtaken."""
    from spoorwijzer.dossier import opvolgtaken as ov

    items = ov.vraag_opvolgingen(gevallen, today)
    if rol == Rolnaam.CASEMANAGER:
        items += ov.nazorg_opvolgingen(alle, today)
    return [
        Taak(o.geval, o.code, o.naam, o.uiterlijk, None, o.status(today, soon), o.vraag_id)
        for o in items
        if rol in o.rollen
    ]


SPREEKUUR_CODES = ("spreekuur_gepland", "spreekuur")


def _log_per_geval(gevallen, codes) -> dict[int, list[Gebeurtenis]]:
    rows = (
        Gebeurtenis.objects.filter(geval__in=gevallen.values("pk"), vervangen_door__isnull=True, code__in=codes)
        .select_related("geval__werknemer", "geval__werkgever")
        .order_by("geval_id", "datum", "vastgelegd_op", "pk")
    )
    per: dict[int, list[Gebeurtenis]] = defaultdict(list)
    for e in rows:
        per[e.geval_id].append(e)
    return per


def volgend_spreekuur(events: list[Gebeurtenis]) -> tuple[dt.date, Gebeurtenis] | None:
    """The spreekuur still to come in a case: planned ('spreekuur_gepland', or the next date a held spreekuur
    names) and not yet followed by a held spreekuur. Events in log order."""
    last = next((e for e in reversed(events) if e.code in SPREEKUUR_CODES), None)
    if last is None:
        return None
    when = last.data.get("op") if last.code == "spreekuur_gepland" else last.data.get("volgend_spreekuur")
    return (dt.date.fromisoformat(str(when)), last) if when else None


def geplande_spreekuren(gevallen, today: dt.date, soon: int) -> list[Taak]:
    from spoorwijzer.law.poortwachter import deadline_status

    out = []
    for events in _log_per_geval(gevallen, SPREEKUUR_CODES).values():
        found = volgend_spreekuur(events)
        if found is None:
            continue
        when, e = found
        naam = "Spreekuur en advies" + (" (gevraagd)" if e.code == "spreekuur_gepland" else " (vervolg)")
        out.append(Taak(e.geval, "spreekuur", naam, when, None, deadline_status(when, None, today, soon)))
    return out


def voortgangsgesprekken(gevallen, today: dt.date) -> list[Taak]:
    """The provider's next monthly progress meeting per running trajectory (law.toets's practice norm)."""
    from spoorwijzer.dossier.toets import voortgangsgesprekken as volgend

    out = []
    codes = ("start_tweede_spoor", "einde_tweede_spoor", "voortgangsgesprek")
    for events in _log_per_geval(gevallen, codes).values():
        v = volgend(events, today)
        if v is None:
            continue
        status = "te_laat" if v["te_laat"] else "open"
        out.append(
            Taak(
                events[0].geval,
                VOORTGANG,
                "Maandelijks voortgangsgesprek",
                v["uiterlijk"],
                None,
                status,
                vastleggen=VOORTGANG,
            )
        )
    return out


def mijn_dossiers(user):
    return (
        access.zichtbare_gevallen(user)
        .filter(behandelaar=user, afgesloten_op__isnull=True)
        .select_related("werknemer", "werkgever")
        .order_by("volgende_uiterlijk", "pk")
    )


@transaction.atomic
def behandelaar_toewijzen(user, geval: Verzuimgeval, behandelaar) -> None:
    if not access.mag_behandelaar_toewijzen(user, geval):
        raise access.Geweigerd("U mag de behandelaar van dit dossier niet wijzigen.")
    if behandelaar is not None and not access.kan_behandelaar_zijn(behandelaar, geval):
        raise InvalidInput("Kies een casemanager van de organisatie van dit dossier.")
    oud = geval.behandelaar
    geval.behandelaar = behandelaar
    geval.save(update_fields=["behandelaar"])
    audit(user, "behandelaar", geval, detail=f"{oud or '—'} -> {behandelaar or '—'}")


def ontvangers_termijnmeldingen(termijnen: list[Termijn]) -> dict[int, tuple[Any, list[Termijn]]]:
    """Who hears of which due step: the case's behandelaar (or, for a case without one, the organisation's
    casemanagers) and the users in the role that acts on the step, within the case's scope. Roles and
    trajectories are loaded once for all steps, not per step."""
    if not termijnen:
        return {}
    gevallen = {t.geval_id: t.geval for t in termijnen}
    orgs = {g.organisatie_id for g in gevallen.values()}
    rollen = (
        Rol.objects.filter(user__is_active=True)
        .exclude(user__email="")
        .filter(
            Q(organisatie_id__in=orgs)
            | Q(werkgever_id__in={g.werkgever_id for g in gevallen.values()})
            | Q(werknemer_id__in={g.werknemer_id for g in gevallen.values()})
            | Q(
                reintegratiebedrijf__trajecten__geval_id__in=gevallen,
                reintegratiebedrijf__trajecten__einde__isnull=True,
            )
        )
        .select_related("user")
        .distinct()
    )
    by_scope: dict[tuple[str, str, int], list] = defaultdict(list)
    for r in rollen:
        key = access.BEREIK[Rolnaam(r.rol)]
        by_scope[(r.rol, key, getattr(r, key + "_id"))].append(r.user)
    providers = defaultdict(set)
    for geval_id, rb in Traject.objects.filter(geval_id__in=gevallen, einde__isnull=True).values_list(
        "geval_id", "reintegratiebedrijf_id"
    ):
        providers[geval_id].add(rb)
    owners = {u.pk: u for u in get_user_model().objects.filter(pk__in={g.behandelaar_id for g in gevallen.values()})}
    per_user: dict[int, tuple[Any, list[Termijn]]] = {}

    def add(user, t):
        if user is None or not user.email or not user.is_active:
            return
        per_user.setdefault(user.pk, (user, []))[1].append(t)

    for t in termijnen:
        g = gevallen[t.geval_id]
        owner = owners.get(g.behandelaar_id)
        recipients = [owner] if owner else by_scope[(Rolnaam.CASEMANAGER, "organisatie", g.organisatie_id)]
        for rol in rollen_voor_actor(t.actor) - {Rolnaam.CASEMANAGER}:
            key = access.BEREIK[Rolnaam(rol)]
            recipients += by_scope[(rol, key, getattr(g, key + "_id"))]
        if t.code in REINTEGRATIEBEDRIJF_STAPPEN:
            for rb in providers[g.pk]:
                recipients += by_scope[(Rolnaam.REINTEGRATIEBEDRIJF, "reintegratiebedrijf", rb)]
        for user in {u.pk: u for u in recipients}.values():
            add(user, t)
    return per_user


# --- contact log ---------------------------------------------------------------------------------------


@transaction.atomic
def contact_vastleggen(user, geval: Verzuimgeval, *, soort: str, tijdstip: dt.datetime, met: str, samenvatting: str):
    if not access.mag_contact_vastleggen(user, geval):
        raise access.Geweigerd("U mag in dit dossier geen contactmoment vastleggen.")
    if soort not in dict(Contactmoment.SOORTEN):
        raise InvalidInput("Kies telefoon, gesprek, e-mail of brief.")
    if not met.strip() or not samenvatting.strip():
        raise InvalidInput("Vul in met wie het contact was en waar het over ging.")
    from spoorwijzer.dossier.grenzen import MAX_REGEL, controleer_lengte

    controleer_lengte("Met wie", met, MAX_REGEL)
    controleer_lengte("Samenvatting", samenvatting)
    from django.utils import timezone

    if tijdstip > timezone.now() + dt.timedelta(minutes=5):
        raise InvalidInput("Een contactmoment ligt niet in de toekomst; leg het vast als het geweest is.")
    row = Contactmoment.objects.create(
        geval=geval,
        soort=soort,
        tijdstip=tijdstip,
        met=met.strip(),
        samenvatting=samenvatting.strip(),
        vastgelegd_door=user,
        rol=access.rol_van(user).rol,
    )
    audit(user, "contactmoment", geval, row, f"{soort} met {met}")
    return row


def contactmomenten(user, geval: Verzuimgeval):
    return access.zichtbare_contactmomenten(user, geval).select_related("vastgelegd_door")
