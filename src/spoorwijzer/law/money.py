"""Money arithmetic shared by every calculation: eurocent integers, stated rounding.

Each function works on Python ints and on numpy int64 arrays alike, so one formula serves one
person (the scalar path, with a receipt) and a million (the vectorised path). Percentages are
carried as basis points (70% = 7000) so the arithmetic stays integral and exact.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np

BP = 10_000  # basis points in 100%


def bp(percent) -> int:
    """A percentage from a parameter file (70, '50.75') as basis points."""
    return int(Decimal(str(percent)) * 100)


def mul_div(amount, num, den):
    """amount * num / den rounded half up to whole cents (amount >= 0)."""
    return (2 * amount * num + den) // (2 * den)


def pct_of(amount, basis_points):
    """basis_points of amount, rounded half up to cents."""
    return mul_div(amount, basis_points, BP)


def clip0(x):
    return np.maximum(x, 0)


def euro(cents) -> str:
    """Dutch notation: 1234567 -> '€ 12.345,67', with a non-breaking space after the euro sign (never
    split over two lines)."""
    cents = int(cents)
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}€\u00a0{whole:,}".replace(",", ".") + f",{rest:02d}"
