"""Preferred earliest dates: policy, not law, and configurable per organisation.

The defaults live in ``voorkeur_standaard.yaml``; an organisation passes its own overrides.
Keeping them apart from the parameter files keeps the legal deadlines untouched by policy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DEFAULTS_FILE = Path(__file__).with_name("voorkeur_standaard.yaml")


@dataclass(frozen=True)
class Preference:
    offset: int | None  # sick-day offset (D+offset), None for a recurring interval
    interval_weeks: int | None
    source: str


@dataclass(frozen=True)
class PreferencePolicy:
    steps: dict[str, Preference] = field(default_factory=dict)
    due_soon_days: int = 14

    def offset(self, code: str) -> int | None:
        pref = self.steps.get(code)
        return pref.offset if pref else None

    def with_overrides(self, overrides: dict[str, Any]) -> PreferencePolicy:
        """A copy with an organisation's own settings (same format as the defaults file)."""
        steps = dict(self.steps)
        for code, raw in (overrides.get("stappen") or {}).items():
            steps[code] = _preference(raw)
        return PreferencePolicy(steps, int(overrides.get("binnenkort_dagen", self.due_soon_days)))


def _preference(raw: dict[str, Any]) -> Preference:
    if "week" in raw:
        offset = 7 * int(raw["week"]) - 1
    elif "dag" in raw:
        offset = int(raw["dag"])
    else:
        offset = None
    interval = int(raw["interval_weken"]) if "interval_weken" in raw else None
    if offset is None and interval is None:
        raise ValueError(f"voorkeur zonder week, dag of interval_weken: {raw!r}")
    return Preference(offset, interval, str(raw.get("bron", "")))


@cache
def default_policy() -> PreferencePolicy:
    data = yaml.safe_load(DEFAULTS_FILE.read_text(encoding="utf-8"))
    return PreferencePolicy({c: _preference(r) for c, r in data["stappen"].items()}, int(data["binnenkort_dagen"]))
