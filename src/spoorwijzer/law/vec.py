"""Helpers for the numpy twins of the scalar law functions."""

from __future__ import annotations

import datetime as dt

import numpy as np

from spoorwijzer.law import parameters
from spoorwijzer.law.errors import ParameterNotCovered

NAT = np.datetime64("NaT", "D")


def param_array(name: str, on: np.ndarray, pset: parameters.ParameterSet | None = None) -> np.ndarray:
    """The value of a numeric parameter on each date of ``on`` (datetime64[D]); same rule as the scalar lookup:
    a date no version covers is an error naming the parameter and the date."""
    param = (pset or parameters.default_parameters())[name]
    starts = np.array([np.datetime64(v.valid_from, "D") for v in param.versions])
    ends = np.array([np.datetime64(v.valid_to or dt.date.max, "D") for v in param.versions])
    idx = np.searchsorted(starts, on, side="right") - 1
    bad = (idx < 0) | (on > ends[np.clip(idx, 0, None)])
    if bad.any():
        raise ParameterNotCovered(name, on[bad][0].astype(object))
    return np.array([v.value for v in param.versions])[idx]
