"""A receipt: the readable trace of one calculation.

It keeps the inputs, every parameter version it used (with its legal reference), and the
steps in words, so a casemanager can explain a figure and a later reader can redo it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from spoorwijzer.law import parameters


def _version() -> str:
    try:  # law/ imports nothing of the project outside itself: ask the installed package's metadata
        return version("spoorwijzer")
    except PackageNotFoundError:
        return "onbekend"


RULE_VERSION = f"spoorwijzer-law {_version()}"


@dataclass
class UsedParameter:
    name: str
    on: dt.date
    valid_from: dt.date
    value: Any
    reference: str
    url: str
    voorlopig: bool


@dataclass
class Receipt:
    inputs: dict[str, Any] = field(default_factory=dict)
    used: dict[tuple[str, dt.date], UsedParameter] = field(default_factory=dict)
    steps: list[str] = field(default_factory=list)
    rule_version: str = RULE_VERSION

    def param(self, name: str, on: dt.date, params: parameters.ParameterSet | None = None) -> Any:
        """Look up a parameter and remember which version was used."""
        pset = params or parameters.default_parameters()
        version = pset[name].version_on(on)
        self.used[(name, on)] = UsedParameter(
            name,
            on,
            version.valid_from,
            version.value,
            str(version.reference),
            version.reference.url,
            version.voorlopig,
        )
        return version.value

    def step(self, text: str) -> None:
        self.steps.append(text)

    @property
    def warnings(self) -> list[str]:
        return [
            f"Parameter {u.name} op {u.on} is voorlopig (nog geen gepubliceerd bedrag gevonden)"
            for u in self.used.values()
            if u.voorlopig
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "regelversie": self.rule_version,
            "invoer": _jsonable(self.inputs),
            "parameters": [
                {
                    "naam": u.name,
                    "peildatum": u.on.isoformat(),
                    "geldig_vanaf": u.valid_from.isoformat(),
                    "waarde": _jsonable(u.value),
                    "grondslag": u.reference,
                    "url": u.url,
                    "voorlopig": u.voorlopig,
                }
                for u in self.used.values()
            ],
            "stappen": list(self.steps),
            "waarschuwingen": self.warnings,
        }


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
