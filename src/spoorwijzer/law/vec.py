"""Helpers for the numpy twins of the scalar law functions."""

from __future__ import annotations

import datetime as dt

import numpy as np

from spoorwijzer.law.context import LawContext

NAT = np.datetime64("NaT", "D")


def param_array(ctx: LawContext, name: str, on: np.ndarray) -> np.ndarray:
    """The value of a numeric parameter on each date of ``on`` (datetime64[D]); same rule as the scalar lookup:
    a date no version covers is an error naming the parameter and the date.

    Every version used is recorded in ``ctx`` (once, with the earliest date that used it), so a receipt over a
    portfolio names the versions its result used, as the scalar path does."""
    param = ctx.parameter(name)
    starts = np.array([np.datetime64(v.valid_from, "D") for v in param.versions])
    ends = np.array([np.datetime64(v.valid_to or dt.date.max, "D") for v in param.versions])
    idx = np.searchsorted(starts, on, side="right") - 1
    bad = (idx < 0) | (on > ends[np.clip(idx, 0, None)])
    if bad.any():
        param.version_on(on[bad][0].astype(object))  # raises ParameterNotCovered with the parameter's own message
    for i in np.unique(idx):
        ctx.version(name, on[idx == i].min().astype(object))
    return np.array([v.value for v in param.versions])[idx]
