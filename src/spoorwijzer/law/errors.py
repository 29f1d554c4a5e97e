"""Errors of the law layer, with messages in Dutch because users read them."""


class LawError(Exception):
    """Base class: the message is meant for the user (Dutch)."""


class InvalidInput(LawError):
    """Input that the law cannot reason about (an end before a start, overlapping periods, ...)."""


class ParameterNotCovered(LawError):
    """No dated version of a parameter covers the date asked for."""

    def __init__(self, name: str, on: object):
        self.name = name
        self.on = on
        super().__init__(
            f"Parameter '{name}' heeft geen waarde die geldt op {on}; "
            "er is geen vastgestelde versie voor die datum (geen stilzwijgende voortzetting)."
        )
