"""Keyset pagination for the dashboard's urgency order, and a cached count.

OFFSET pagination reads and throws away every row before the page (a deep page of 100,000 cases cost
~220 ms); a keyset page starts from the last row shown with an index range condition, so every page
costs the same. The order is (volgende_uiterlijk ascending, cases without an open deadline last, pk),
which the partial urgency indexes on the case serve directly (decision 0014).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import BooleanField, F, QuerySet
from django.db.models.expressions import RawSQL

from spoorwijzer.dossier.models import Verzuimgeval

PER_PAGINA = 50
TELLING_SECONDEN = 60  # how old the shown total may be


@dataclass
class Pagina:
    items: list
    volgende: str | None  # cursor for the next page, None on the last
    vorige: str | None  # cursor for the previous page, None on the first
    eerste: bool


def cursor(g: Verzuimgeval) -> str:
    return f"{g.volgende_uiterlijk.isoformat() if g.volgende_uiterlijk else '-'}_{g.pk}"


def lees_cursor(text: str | None) -> tuple[dt.date | None, int] | None:
    """'2026-03-01_123' or '-_123' (no open deadline); anything else is no cursor (the first page)."""
    if not text or "_" not in text:
        return None
    datum, _, pk = text.partition("_")
    if not pk.isdigit() or len(pk) > 18:
        return None
    if datum == "-":
        return None, int(pk)
    try:
        return dt.date.fromisoformat(datum), int(pk)
    except ValueError:
        return None


def _rij(op: str, datum: dt.date, pk: int) -> RawSQL:
    table = Verzuimgeval._meta.db_table
    return RawSQL(
        f'("{table}"."volgende_uiterlijk", "{table}"."id") {op} (%s, %s)', (datum, pk), output_field=BooleanField()
    )


def _vooruit(qs: QuerySet, na: tuple[dt.date | None, int] | None, n: int) -> list:
    """Up to n cases after the cursor in urgency order: dated ones first (a row comparison the index
    serves as a range), then those without an open deadline."""
    dated = qs.filter(volgende_uiterlijk__isnull=False).order_by("volgende_uiterlijk", "pk")
    undated = qs.filter(volgende_uiterlijk__isnull=True).order_by("pk")
    if na is not None and na[0] is None:
        return list(undated.filter(pk__gt=na[1])[:n])
    if na is not None:
        dated = dated.filter(_rij(">", na[0], na[1]))
    items = list(dated[:n])
    if len(items) < n:
        items += list(undated[: n - len(items)])
    return items


def _terug(qs: QuerySet, voor: tuple[dt.date | None, int], n: int) -> list:
    """Up to n cases before the cursor, nearest first (the caller reverses them)."""
    dated = qs.filter(volgende_uiterlijk__isnull=False).order_by(F("volgende_uiterlijk").desc(), "-pk")
    items: list = []
    if voor[0] is None:
        items = list(qs.filter(volgende_uiterlijk__isnull=True, pk__lt=voor[1]).order_by("-pk")[:n])
    else:
        dated = dated.filter(_rij("<", voor[0], voor[1]))
    if len(items) < n:
        items += list(dated[: n - len(items)])
    return items


def pagina(qs: QuerySet, na: str | None = None, voor: str | None = None, per: int = PER_PAGINA) -> Pagina:
    """One page of the queryset in urgency order, after cursor `na` or before cursor `voor`."""
    terug = lees_cursor(voor)
    if terug is not None:
        items = _terug(qs, terug, per + 1)
        eerste = len(items) <= per
        items = list(reversed(items[:per]))
        if eerste:  # fewer than a page before: show the first page in full
            items = _vooruit(qs, None, per + 1)
            meer = len(items) > per
            items = items[:per]
            return Pagina(items, cursor(items[-1]) if meer and items else None, None, True)
        return Pagina(items, cursor(items[-1]) if items else None, cursor(items[0]), False)
    verder = lees_cursor(na)
    items = _vooruit(qs, verder, per + 1)
    meer = len(items) > per
    items = items[:per]
    eerste = verder is None
    return Pagina(
        items,
        cursor(items[-1]) if meer and items else None,
        None if eerste or not items else cursor(items[0]),
        eerste,
    )


def geteld(qs: QuerySet) -> int:
    """The number of rows, counted at most once a minute per scope and filter (the dashboard shows a
    total; an exact COUNT(*) over 100,000 cases on every view cost 8-12 ms)."""
    try:
        sql, params = qs.query.sql_with_params()
    except EmptyResultSet:  # a filter that cannot match (an empty IN list)
        return 0
    key = "telling:" + hashlib.sha256(f"{sql}|{params!r}".encode()).hexdigest()
    n = cache.get(key)
    if n is None:
        n = qs.count()
        cache.set(key, n, TELLING_SECONDEN)
    return n
