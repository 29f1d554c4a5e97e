"""The law context: the parameter set a calculation reasons with, and the trace of what it read.

Every law function receives a :class:`LawContext` (first positional argument, named ``ctx``) instead
of reading a global store, as OpenFisca's ``formula(person, period, parameters)`` receives its
parameters. Each read goes through :meth:`LawContext.value` or :meth:`LawContext.version` and is
recorded, so a receipt lists exactly the parameter versions a result used, with no hand-kept list.

A reform is a parameter set derived from the baseline (:class:`Reform`: changed values from a date,
each with a note); ``LawContext.baseline().with_reform(reform)`` runs the same calculation on it,
side by side with the baseline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from spoorwijzer.law.parameters import Parameter, ParameterSet, Version, default_parameters


@dataclass(frozen=True)
class Read:
    """One parameter read: which version answered for which date."""

    name: str
    on: dt.date
    version: Version

    @property
    def hervorming(self) -> bool:
        return self.version.reference.law.startswith("Hervorming:")


@dataclass(frozen=True)
class ParameterChange:
    """From ``valid_from`` on, parameter ``name`` (or one ``key`` of a parameter whose value is a
    mapping) takes ``value``. ``note`` says why: it appears in every receipt that reads it."""

    name: str
    valid_from: dt.date
    value: Any
    note: str
    key: str | None = None


@dataclass(frozen=True)
class Reform:
    """A named set of parameter changes: a policy alternative run beside the baseline."""

    name: str
    description: str
    changes: tuple[ParameterChange, ...]

    def apply(self, base: ParameterSet) -> ParameterSet:
        params = dict(base.parameters)
        for change in self.changes:
            params[change.name] = _changed(params[change.name], change, self)
        return ParameterSet(params)


def _changed(param: Parameter, change: ParameterChange, reform: Reform) -> Parameter:
    """Split the version in force on ``change.valid_from`` and give every version from then on the new value."""
    reference = replace(
        param.versions[-1].reference,
        law=f"Hervorming: {reform.name}",
        article=change.note,
    )
    versions: list[Version] = []
    for v in param.versions:
        ends_before = v.valid_to is not None and v.valid_to < change.valid_from
        if ends_before:
            versions.append(v)
            continue
        if v.valid_from < change.valid_from:
            versions.append(replace(v, valid_to=change.valid_from - dt.timedelta(days=1)))
            v = replace(v, valid_from=change.valid_from)
        new_value = change.value
        if change.key is not None:
            if not isinstance(v.value, dict) or change.key not in v.value:
                raise KeyError(f"{param.name} heeft geen onderdeel '{change.key}'")
            new_value = {**v.value, change.key: change.value}
        versions.append(replace(v, value=new_value, reference=reference, note=change.note, voorlopig=False))
    if not any(v.valid_from >= change.valid_from or v.covers(change.valid_from) for v in versions):
        raise ValueError(f"{param.name}: geen versie geldt op of na {change.valid_from}")
    return replace(param, versions=tuple(versions))


@dataclass
class LawContext:
    """The parameter set in use plus the trace of every read made through this context."""

    parameters: ParameterSet
    reform: Reform | None = None
    reads: dict[tuple[str, dt.date], Read] = field(default_factory=dict)

    @classmethod
    def baseline(cls) -> LawContext:
        """The parameters in force as published (the files beside ``law/parameters``), with a fresh trace."""
        return cls(default_parameters())

    def with_reform(self, reform: Reform) -> LawContext:
        """A fresh context on this parameter set with ``reform`` applied."""
        return LawContext(reform.apply(self.parameters), reform)

    def fresh(self) -> LawContext:
        """The same parameter set with an empty trace (one per calculation, so each receipt is its own)."""
        return LawContext(self.parameters, self.reform)

    def version(self, name: str, on: dt.date) -> Version:
        version = self.parameters[name].version_on(on)
        self.reads.setdefault((name, on), Read(name, on, version))
        return version

    def value(self, name: str, on: dt.date) -> Any:
        return self.version(name, on).value

    def parameter(self, name: str) -> Parameter:
        """The whole parameter (all versions), for the numpy twins that look up many dates at once.
        The caller records the dates it used with :meth:`version`."""
        return self.parameters[name]
