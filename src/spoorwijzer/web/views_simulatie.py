"""The policy simulation in the web app: choose reforms, run in the background with a progress bar, see
the comparison as a chart and a table. The cohort is synthetic: no dossier data is read; who may run it is
access.mag_simuleren (the roles that steer a portfolio, as for the figures). A run's progress and result live in a file under the data folder, so any
application worker can answer the polling request."""

from __future__ import annotations

import json
import threading
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from spoorwijzer.dossier import access
from spoorwijzer.law.errors import LawError
from spoorwijzer.simulation import model, vergelijking
from spoorwijzer.simulation.hervormingen import HERVORMINGEN
from spoorwijzer.simulation.opmaak import aandeel, bedrag, getal

WEB_MAX_PERSONEN = 200_000


def _folder() -> Path:
    folder = Path(settings.DATA_DIR) / "simulaties"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _write(path: Path, data: dict) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)  # atomic: a poll never reads half a file


def _run_in_background(job: Path, names: list[str], base: model.Settings, seeds: int, variatie: bool) -> None:
    def progress(done: int, total: int) -> None:
        _write(job, {"status": "bezig", "klaar": done, "totaal": total})

    try:
        result = vergelijking.vergelijk(names, base, seeds, variatie, progress=progress)
        from spoorwijzer.simulation import grafiek

        _write(job, {"status": "klaar", "resultaat": result, "svg": grafiek.svg(result)})
    except Exception as exc:  # reported on the page; the run is synthetic, nothing stored is at stake
        _write(
            job, {"status": "fout", "melding": str(exc) if isinstance(exc, LawError) else "De simulatie is mislukt."}
        )


def _int(value: str | None, default: int, lo: int, hi: int, label: str, errors: list[str]) -> int:
    try:
        number = int((value or str(default)).replace(".", ""))
    except ValueError:
        errors.append(f"{label}: vul een heel getal in.")
        return default
    if not lo <= number <= hi:
        errors.append(f"{label}: kies een getal van {getal(lo)} tot en met {getal(hi)}.")
    return number


@login_required
@require_http_methods(["GET", "POST"])
def simulatie(request):
    if not access.mag_simuleren(request.user):
        raise PermissionDenied("Simulaties zijn er voor wie een portefeuille bestuurt.")
    errors: list[str] = []
    form = {"personen": 20_000, "seeds": 2, "jaren": 10, "variatie": True, "hervormingen": ["noriskpolis"]}
    if request.method == "POST":
        names = [n for n in request.POST.getlist("hervorming") if n in HERVORMINGEN]
        if request.POST.get("combineer") and len(names) > 1:
            names = ["+".join(names)]
        form = {
            "personen": _int(
                request.POST.get("personen"), 20_000, 1_000, WEB_MAX_PERSONEN, "Aantal werknemers", errors
            ),
            "seeds": _int(request.POST.get("seeds"), 2, 1, 5, "Herhalingen", errors),
            "jaren": _int(request.POST.get("jaren"), 10, 1, 30, "Jaren na de wachttijd", errors),
            "variatie": bool(request.POST.get("variatie")),
            "hervormingen": request.POST.getlist("hervorming"),
        }
        if not names:
            errors.append("Kies ten minste één hervorming om met de huidige regels te vergelijken.")
        if not errors:
            job_id = uuid.uuid4().hex
            job = _folder() / f"{job_id}.json"
            _write(job, {"status": "bezig", "klaar": 0, "totaal": 0})
            base = model.Settings(personen=form["personen"], jaren=form["jaren"])
            threading.Thread(
                target=_run_in_background, args=(job, names, base, form["seeds"], form["variatie"]), daemon=True
            ).start()
            return redirect("simulatie_run", run_id=job_id)
    return render(
        request,
        "web/simulatie.html",
        {"hervormingen": HERVORMINGEN, "form": form, "errors": errors, "max_personen": WEB_MAX_PERSONEN},
        status=400 if errors else 200,
    )


@login_required
def simulatie_run(request, run_id: str):
    if not access.mag_simuleren(request.user):
        raise PermissionDenied("Simulaties zijn er voor wie een portefeuille bestuurt.")
    if len(run_id) != 32 or not all(c in "0123456789abcdef" for c in run_id):
        raise Http404("Deze simulatie bestaat niet.")
    path = _folder() / f"{run_id}.json"
    if not path.exists():
        raise Http404("Deze simulatie bestaat niet (meer).")
    state = json.loads(path.read_text(encoding="utf-8"))
    context = {"run_id": run_id, "state": state}
    if state["status"] == "klaar":
        context["tabel"] = _table(state["resultaat"])
    template = "web/_simulatie_stand.html" if request.headers.get("HX-Request") else "web/simulatie_run.html"
    return render(request, template, context)


def _table(result: dict) -> dict:
    """The comparison as rows of Dutch text: label, then per reform the value and its difference."""
    fmt = {"aantal": getal, "aandeel": aandeel, "euro": bedrag}
    names = list(result["hervormingen"])
    rows = []
    for code, (label, unit) in vergelijking.KENGETALLEN.items():
        cells = []
        for name in names:
            f = result["hervormingen"][name]["kengetallen"][code]
            cell = {"waarde": fmt[unit](f["waarde"])}
            if name != vergelijking.BASIS:
                lo, hi = f["verschil_bereik"]
                sign = "+" if f["verschil_met_basis"] > 0 else ""
                cell["verschil"] = f"{sign}{fmt[unit](f['verschil_met_basis'])}"
                cell["bereik"] = f"{fmt[unit](lo)} tot {fmt[unit](hi)}"
            cells.append(cell)
        rows.append({"label": label, "cellen": cells})
    heads = [
        ("Huidige regels" if n == vergelijking.BASIS else result["hervormingen"][n]["omschrijving"]) for n in names
    ]
    return {"koppen": heads, "rijen": rows}
