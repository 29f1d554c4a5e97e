"""Cohort microsimulation of reforms on top of the law core (see docs/simulatie.md)."""
