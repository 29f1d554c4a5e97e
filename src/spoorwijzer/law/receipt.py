"""A receipt: the readable trace of one calculation.

It keeps the inputs, the steps in words, and the law context the calculation ran in: the receipt's
parameter list is exactly the context's trace of reads (``ctx.reads``), never a hand-kept list, so
a casemanager can explain a figure and a later reader can redo it. Under a reform the receipt names it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from spoorwijzer.law import tekst
from spoorwijzer.law.context import LawContext, Read


def _version() -> str:
    try:  # law/ imports nothing of the project outside itself: ask the installed package's metadata
        return version("spoorwijzer")
    except PackageNotFoundError:
        return "onbekend"


RULE_VERSION = f"spoorwijzer-law {_version()}"


@dataclass
class Receipt:
    ctx: LawContext
    inputs: dict[str, Any] = field(default_factory=dict)
    steps: list[str] = field(default_factory=list)
    rule_version: str = RULE_VERSION

    @property
    def used(self) -> list[Read]:
        """Every parameter version the calculation read, in the order it first read them."""
        return list(self.ctx.reads.values())

    def step(self, text: str) -> None:
        self.steps.append(text)

    @property
    def warnings(self) -> list[str]:
        return [
            f"Parameter {u.name} op {tekst.datum(u.on)} is voorlopig (nog geen gepubliceerd bedrag gevonden)"
            for u in self.used
            if u.version.voorlopig
        ]

    def as_dict(self) -> dict[str, Any]:
        result = {
            "regelversie": self.rule_version,
            "invoer": _jsonable(self.inputs),
            "parameters": [
                {
                    "naam": u.name,
                    "peildatum": u.on.isoformat(),
                    "geldig_vanaf": u.version.valid_from.isoformat(),
                    "waarde": _jsonable(u.version.value),
                    "grondslag": str(u.version.reference),
                    "url": u.version.reference.url,
                    "voorlopig": u.version.voorlopig,
                    "hervorming": u.hervorming,
                }
                for u in self.used
            ],
            "stappen": list(self.steps),
            "waarschuwingen": self.warnings,
        }
        reform = self.ctx.reform
        if reform is not None:
            result["hervorming"] = {
                "naam": reform.name,
                "beschrijving": reform.description,
                "wijzigingen": [
                    {
                        "parameter": c.name + (f".{c.key}" if c.key else ""),
                        "vanaf": c.valid_from.isoformat(),
                        "waarde": _jsonable(c.value),
                        "toelichting": c.note,
                    }
                    for c in reform.changes
                ],
            }
        return result


def _jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return _jsonable(dataclasses.asdict(obj))
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    return obj
