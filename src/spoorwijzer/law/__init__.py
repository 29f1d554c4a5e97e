"""Law as code. Pure functions: no Django, no database, no clock.

Every function takes the date it reasons about; every number of law comes from a dated
parameter file in ``law/parameters``; every rule names its legal basis.
"""
