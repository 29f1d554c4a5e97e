"""iCalendar export of a schedule's deadlines (RFC 5545; imports into Outlook and Google Calendar)."""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Alarm, Calendar, Event

from spoorwijzer.law.poortwachter import Schedule


def schedule_to_ics(sched: Schedule, title: str = "Verzuimdossier", stamp: dt.datetime | None = None) -> bytes:
    """One all-day event per step with a legal deadline (and a reminder a week before)."""
    cal = Calendar()
    cal.add("prodid", "-//Spoorwijzer//Poortwachter-tijdlijn//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{title}: poortwachtertermijnen")
    stamp = stamp or dt.datetime.now(dt.UTC)
    for step in sched.stappen:
        if step.uiterlijk is None:
            continue
        ev = Event()
        key = f"{sched.eerste_ziektedag}/{step.code}/{step.volgnummer or 0}/{title}"
        ev.add("uid", hashlib.sha1(key.encode()).hexdigest() + "@spoorwijzer")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", step.uiterlijk)
        ev.add("dtend", step.uiterlijk + dt.timedelta(days=1))
        name = step.naam + (f" {step.volgnummer}" if step.volgnummer else "")
        ev.add("summary", f"Uiterlijk: {name} ({title})")
        lines = [f"Uiterste datum: {step.uiterlijk}", f"Grondslag: {step.grondslag}"]
        if step.voorkeur:
            lines.insert(0, f"Voorkeursdatum: {step.voorkeur}")
        if step.url:
            lines.append(step.url)
        ev.add("description", "\n".join(lines))
        ev.add("categories", ["Poortwachter"])
        ev.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Over een week: {name}")
        alarm.add("trigger", dt.timedelta(days=-7))
        ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()
