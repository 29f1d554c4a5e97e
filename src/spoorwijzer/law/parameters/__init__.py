"""Date-versioned parameters of law, read from the YAML files beside this module.

One concept per file, grouped by law in sub-folders; the parameter's name is its path
(``wia/vvu_percentage.yaml`` -> ``wia.vvu_percentage``). Each version carries ``valid_from``,
optionally ``valid_to``, its value, and a legal reference (law, article, url). A version marked
``voorlopig: true`` is an explicit, reasoned stand-in for an amount not yet published in a source
we could read; every receipt that uses one says so.

Asking for a date that no version covers raises :class:`ParameterNotCovered`. Parameters that
are indexed (``indexation: half-yearly`` or ``yearly``) must close every version with
``valid_to``, so an unpublished half-year can never silently inherit the last amount.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from spoorwijzer.law.errors import ParameterNotCovered

PARAMETER_DIR = Path(__file__).parent
INDEXATIONS = ("none", "yearly", "half-yearly")


@dataclass(frozen=True)
class Reference:
    law: str
    article: str
    url: str

    def __str__(self) -> str:
        return f"{self.law}, {self.article}"


@dataclass(frozen=True)
class Version:
    valid_from: dt.date
    valid_to: dt.date | None
    value: Any
    reference: Reference
    note: str = ""
    voorlopig: bool = False

    def covers(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True)
class Part:
    """One named part of a table-like value (``{percentage: 70, minimumloon_weken: 52}``): what people call it and
    its own unit, for a value that mixes euros, weeks and percentages."""

    label: str
    unit: str


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    indexation: str
    versions: tuple[Version, ...]
    parts: tuple[tuple[str, Part], ...] = ()  # the file's ``parts:``; a part not named keeps the parameter's unit

    def part(self, key: str) -> Part:
        return dict(self.parts).get(key) or Part(key.replace("_", " "), self.unit)

    def version_on(self, on: dt.date) -> Version:
        for version in self.versions:
            if version.covers(on):
                return version
        raise ParameterNotCovered(
            self.name, on, self.description, tuple((v.valid_from, v.valid_to) for v in self.versions)
        )

    def on(self, on: dt.date) -> Any:
        return self.version_on(on).value


@dataclass
class ParameterSet:
    parameters: dict[str, Parameter] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self.parameters[name]
        except KeyError:
            raise KeyError(f"onbekende parameter: {name}") from None

    def value(self, name: str, on: dt.date) -> Any:
        return self[name].on(on)

    def __iter__(self):
        return iter(self.parameters.values())


class ParameterFileError(ValueError):
    """A parameter file breaks the rules of the format (developer error, English)."""


def _as_date(raw: Any, where: str) -> dt.date:
    if isinstance(raw, dt.date):
        return raw
    raise ParameterFileError(f"{where}: expected a date (YYYY-MM-DD), got {raw!r}")


def _reference(raw: Any, where: str) -> Reference:
    if not isinstance(raw, dict) or not all(raw.get(k) for k in ("law", "article", "url")):
        raise ParameterFileError(f"{where}: reference needs law, article and url")
    return Reference(law=str(raw["law"]), article=str(raw["article"]), url=str(raw["url"]))


def parse_parameter(name: str, data: dict[str, Any]) -> Parameter:
    for key in ("description", "unit", "reference", "versions"):
        if key not in data:
            raise ParameterFileError(f"{name}: missing '{key}'")
    indexation = data.get("indexation", "none")
    if indexation not in INDEXATIONS:
        raise ParameterFileError(f"{name}: indexation must be one of {INDEXATIONS}")
    default_ref = _reference(data["reference"], name)
    versions: list[Version] = []
    for i, raw in enumerate(data["versions"]):
        where = f"{name} version {i}"
        valid_from = _as_date(raw.get("valid_from"), where)
        valid_to = _as_date(raw["valid_to"], where) if raw.get("valid_to") is not None else None
        if "value" not in raw:
            raise ParameterFileError(f"{where}: missing value")
        if valid_to is not None and valid_to < valid_from:
            raise ParameterFileError(f"{where}: valid_to before valid_from")
        if indexation != "none" and valid_to is None:
            raise ParameterFileError(f"{where}: an indexed amount needs valid_to")
        if raw.get("voorlopig") and not raw.get("note"):
            raise ParameterFileError(f"{where}: a provisional value needs a note that says why")
        ref = _reference(raw["reference"], where) if "reference" in raw else default_ref
        versions.append(
            Version(valid_from, valid_to, raw["value"], ref, str(raw.get("note", "")), bool(raw.get("voorlopig")))
        )
    parts = _parts(data.get("parts") or {}, str(data["unit"]), versions, name)
    versions.sort(key=lambda v: v.valid_from)
    for earlier, later in zip(versions, versions[1:], strict=False):
        if earlier.valid_to is None or earlier.valid_to >= later.valid_from:
            raise ParameterFileError(f"{name}: versions from {earlier.valid_from} and {later.valid_from} overlap")
    return Parameter(name, str(data["description"]), str(data["unit"]), indexation, tuple(versions), parts)


def _parts(raw: Any, unit: str, versions: list[Version], name: str) -> tuple[tuple[str, Part], ...]:
    """``parts:`` names the keys of a table-like value; a key no version has is a typo, refused."""
    if not isinstance(raw, dict):
        raise ParameterFileError(f"{name}: parts must map a key to its label and unit")
    tables = [x for v in versions for x in (v.value if isinstance(v.value, list) else [v.value])]
    keys = {k for t in tables if isinstance(t, dict) for k in t}
    result = []
    for key, spec in raw.items():
        if key not in keys:
            raise ParameterFileError(f"{name}: part '{key}' is in no version's value")
        if not isinstance(spec, dict) or not spec.get("label"):
            raise ParameterFileError(f"{name}: part '{key}' needs a label")
        result.append((str(key), Part(str(spec["label"]), str(spec.get("unit", unit)))))
    return tuple(result)


def load_parameters(root: Path = PARAMETER_DIR) -> ParameterSet:
    result = ParameterSet()
    for path in sorted(root.rglob("*.yaml")):
        name = ".".join(path.relative_to(root).with_suffix("").parts)
        with path.open(encoding="utf-8") as fh:
            result.parameters[name] = parse_parameter(name, yaml.safe_load(fh))
    return result


@cache
def default_parameters() -> ParameterSet:
    return load_parameters()
