"""iCalendar (RFC 5545) of Poortwachter deadlines: a file to import or a feed to subscribe to.

Each step of a case is one all-day event whose UID stays the same for the life of the case
(`geval-<id>-<step>-<n>@<host>`), so a corrected date or name updates the event instead of adding a
second one; SEQUENCE and LAST-MODIFIED go up when its content changes (RFC 5545 3.8.7.4, 3.8.7.3).
A done step stays in the calendar as done (on the day it was done, without reminder), a step that is no
longer needed is CANCELLED: a client that had it as an open deadline then updates it, which leaving it
out would not do for an imported file. See docs/decisions/0011-calendar.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icalendar import Alarm, Calendar, Event, vText

from spoorwijzer.law.poortwachter import Schedule
from spoorwijzer.nl import datum, stapnaam

REMINDER_DAYS = 7  # a week ahead, on a working day
REMINDER_HOUR = 9  # at 09:00 local (floating) time, not at midnight


@dataclass(frozen=True)
class AgendaItem:
    uid: str
    summary: str
    day: dt.date  # the legal deadline, or the day the step was done
    description: str
    status: str  # "open", "gedaan", "niet_nodig"
    sequence: int = 0
    last_modified: dt.datetime | None = None
    url: str | None = None


def reminder_trigger(day: dt.date) -> dt.timedelta:
    """Offset from the all-day event's start (midnight) to 09:00 on the working day a week before
    (a Saturday or Sunday moves back to the Friday)."""
    when = day - dt.timedelta(days=REMINDER_DAYS)
    while when.weekday() >= 5:
        when -= dt.timedelta(days=1)
    return dt.datetime.combine(when, dt.time(REMINDER_HOUR)) - dt.datetime.combine(day, dt.time(0))


def to_ics(items: list[AgendaItem], calname: str, stamp: dt.datetime | None = None) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Spoorwijzer//Poortwachtertijdlijn//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # an X- property is not known to icalendar as TEXT: without vText its , ; \ would go out unescaped
    cal.add("x-wr-calname", vText(calname))
    cal.add("x-published-ttl", "PT6H")
    cal.add("refresh-interval", dt.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    stamp = stamp or dt.datetime.now(dt.UTC)
    for item in items:
        ev = Event()
        ev.add("uid", item.uid)
        ev.add("dtstamp", stamp)
        ev.add("sequence", item.sequence)
        ev.add("last-modified", item.last_modified or stamp)
        ev.add("dtstart", item.day)
        ev.add("dtend", item.day + dt.timedelta(days=1))
        ev.add("summary", item.summary)
        ev.add("description", item.description)
        ev.add("categories", ["Poortwachter"])
        ev.add("transp", "TRANSPARENT")
        ev.add("class", "CONFIDENTIAL")
        if item.url:
            ev.add("url", item.url)
        if item.status == "niet_nodig":
            ev.add("status", "CANCELLED")
        else:
            ev.add("status", "CONFIRMED")
        if item.status == "open":
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Over een week: {item.summary}")
            alarm.add("trigger", reminder_trigger(item.day))
            ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()


def summary_for(naam: str, status: str, wie: str = "") -> str:
    prefix = {"open": "Uiterlijk", "gedaan": "Gedaan", "niet_nodig": "Niet nodig"}[status]
    return f"{prefix}: {naam}" + (f" ({wie})" if wie else "")


def schedule_to_ics(sched: Schedule, title: str = "Verzuimdossier", stamp: dt.datetime | None = None) -> bytes:
    """A schedule without a stored case (the CLI): same events, UIDs from the first sick day."""
    items = []
    for step in sched.stappen:
        status = "gedaan" if step.gedaan_op else "niet_nodig" if step.status == "niet_nodig" else "open"
        day = step.gedaan_op or step.uiterlijk
        if day is None:
            continue
        name = stapnaam(step.naam, step.volgnummer)
        lines = [f"Uiterste datum: {datum(step.uiterlijk)}" if step.uiterlijk else "", f"Grondslag: {step.grondslag}"]
        if step.voorkeur:
            lines.insert(0, f"Voorkeursdatum: {datum(step.voorkeur)}")
        items.append(
            AgendaItem(
                uid=f"tijdlijn-{sched.eerste_ziektedag:%Y%m%d}-{step.code}-{step.volgnummer or 1}@spoorwijzer",
                summary=summary_for(name, status),
                day=day,
                description="\n".join(x for x in lines if x),
                status=status,
                url=step.url,
            )
        )
    return to_ics(items, f"{title}: poortwachtertermijnen", stamp)
