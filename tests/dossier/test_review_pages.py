"""Findings of an outside reviewer who used the pages as each role, each pinned by a test that failed before."""

from __future__ import annotations

import re

from django.test import Client

from spoorwijzer.law import tekst
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.poortwachter import wachttijd_einde
from spoorwijzer.law.weeks import SickPeriod
from tests.world import PASSWORD


def login(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\xa0", " ")


def test_income_page_labels_holiday_allowance_truthfully_and_dates_the_wachttijd_as_the_schedule(world):
    body = login(world.users.werknemer).get(f"/dossier/{world.anna.pk}/inkomen/").content.decode()
    plain = text(body)
    # the amounts leave out the separately paid holiday allowance, but the dagloon includes it (Dagloonbesluit)
    assert "zonder vakantiebijslag." not in plain
    assert "inclusief vakantiebijslag" in plain
    # the dashed line is the end of the wachttijd: the schedule's last day, not the first day of the benefit
    einde = wachttijd_einde(LawContext.baseline(), (SickPeriod(world.anna.eerste_ziektedag),), []).einde_wachttijd
    caption = re.search(r"<span data-einde-wachttijd>([^<]+)</span>", body)
    assert caption and caption.group(1) == tekst.datum(einde)
    # what each year of sickness pays is stated in words beside the table
    assert re.search(r"Loondoorbetaling jaar 2: 70% van het loon \(BW 7:629 lid 1\): € [\d.]+,\d\d per maand", plain)
