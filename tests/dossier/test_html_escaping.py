"""Names and texts that people type are shown as text, never as HTML: the dashboard's rows and the case page's log
are built in Python (views._dashboard_rij_html, views._logregel_html) for speed, so they escape by hand."""

from __future__ import annotations

from spoorwijzer.dossier import services
from tests.dossier.test_dossier import login

NAAM = '<b>Anna</b> & "Zn" \'t Hoen'
TEKST = "<script>alert(1)</script> & <i>klaar</i>"


def test_a_name_and_a_note_with_html_are_shown_as_typed_on_the_dashboard_and_the_case_page(world):
    werknemer = world.anna.werknemer
    werknemer.naam = NAAM
    werknemer.save()
    services.vastleggen(
        world.users.casemanager, world.anna, "voortgangsgesprek", world.today, {"verslag": TEKST}, TEKST
    )
    c = login(world.users.casemanager)

    dashboard = c.get("/").content.decode()
    assert "&lt;b&gt;Anna&lt;/b&gt; &amp; &quot;Zn&quot; &#x27;t Hoen" in dashboard
    assert "<b>Anna</b>" not in dashboard

    page = c.get(f"/dossier/{world.anna.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;i&gt;klaar&lt;/i&gt;" in page  # the note in the log
    assert "<script>alert(1)" not in page and "<i>klaar</i>" not in page
