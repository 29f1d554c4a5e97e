"""What every benchmark records beside its figures: the machine, the date, and the result file."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from pathlib import Path
from typing import Any


def machine(*extra: str) -> str:
    return ", ".join(
        [f"{platform.machine()}", f"{os.cpu_count()} cores", f"Python {platform.python_version()}", *extra]
    )


def write_result(path: Path, out: dict[str, Any]) -> None:
    out = {**out, "measured_on": dt.date.today().isoformat()}
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))
