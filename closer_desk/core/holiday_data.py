"""Public holidays and weekends by country, from the ``holidays`` package, remembered.

Importing ``holidays`` and building one country's year costs more than the rest of a
``book`` or ``slots`` command, for a few dates that change only with the package. What this
module computes (a country's weekend, a country's and region's holidays of a year in one
language) is kept in memory, and in a small JSON file when the caller names one
(``remember_in``: the CLI gives the user cache folder) keyed by the installed package (its
file, size and time), so that the next command reads it back without importing the package.
A file that cannot be read or written is only a slower command.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import Any

_lock = threading.Lock()
_state: dict[str, Any] = {"file": None, "loaded": None}
#: What is known in this process: ``weekend`` (country -> weekdays or None) and ``days``
#: (``country|subdivision|year|language`` -> {ISO date: name} or None).
_known: dict[str, dict[str, Any]] = {"weekend": {}, "days": {}}


def remember_in(file: Path | Callable[[], Path] | None) -> None:
    """Keep what is computed in ``file`` too (None: in memory only), and read it back from
    there when it was computed with the same ``holidays`` package. ``file`` may be a function
    giving the path, asked only when a holiday or a weekend is first looked up."""
    with _lock:
        _state["file"] = file
        _state["loaded"] = None


def weekend(country: str) -> frozenset[int] | None:
    """The weekdays (Monday 0) of the weekend in ``country`` (an ISO code), or None when the
    ``holidays`` package does not know the country."""
    days = _lookup("weekend", country.upper(), lambda: _weekend_of(country.upper()))
    return None if days is None else frozenset(int(d) for d in days)


def holidays_in(country: str, subdivision: str, year: int, language: str = "") -> dict[str, str]:
    """The public holidays of ``year`` in ``country`` (and ``subdivision``; an unknown one
    still has the country's national holidays): ISO date -> name, in ``language`` (a code of
    the package for that country) or else the country's own. Empty for an unknown country."""
    key = f"{country.upper()}|{subdivision.upper()}|{int(year)}|{language}"
    found = _lookup(
        "days", key, lambda: _days_of(country.upper(), subdivision.upper(), int(year), language)
    )
    return found or {}


def _lookup(kind: str, key: str, compute: Any) -> Any:
    with _lock:
        _load()
        table = _known[kind]
        if key in table:
            return table[key]
    value = compute()
    with _lock:
        _known[kind][key] = value
        _save()
    return value


def _weekend_of(country: str) -> list[int] | None:
    import holidays

    try:
        return sorted(int(d) for d in holidays.country_holidays(country).weekend)
    except (NotImplementedError, KeyError, AttributeError):
        return None


def _days_of(country: str, subdivision: str, year: int, language: str) -> dict[str, str] | None:
    import holidays

    try:
        calendar = holidays.country_holidays(
            country, subdiv=subdivision or None, years=year, language=language or None
        )
    except (NotImplementedError, KeyError):
        if subdivision:
            return _days_of(country, "", year, language)
        return None
    return {day.isoformat(): str(name) for day, name in sorted(calendar.items())}


def _package_key() -> str:
    """Which ``holidays`` is installed, without importing it: its file (however the path to
    it is spelled: a linked environment is the same one), size and time; in a bundle, which
    holds the package inside its executable, the executable's. Empty when unknown: the file
    is then neither read nor written."""
    try:
        spec = find_spec("holidays")
    except (ImportError, ValueError):
        return ""
    origin = spec.origin if spec is not None else None
    if origin is None:
        return ""
    package = Path(os.path.realpath(origin))
    for each in (package.with_name("version.py"), package, Path(sys.executable)):
        try:
            stat = os.stat(each)
        except OSError:
            continue
        return f"{each}|{stat.st_size}|{stat.st_mtime_ns}"
    return ""


def _load() -> None:
    # Once per file named: what the file holds joins what this process already knows.
    if callable(_state["file"]):
        _state["file"] = _state["file"]()
    file: Path | None = _state["file"]
    if file is None or _state["loaded"] is not None:
        return
    _state["loaded"] = _package_key()
    if not _state["loaded"]:
        _state["file"] = None
        return
    try:
        stored = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(stored, dict) or stored.get("package") != _state["loaded"]:
        return
    for kind in ("weekend", "days"):
        entries = stored.get(kind)
        if isinstance(entries, dict):
            for key, value in entries.items():
                _known[kind].setdefault(key, value)


def _save() -> None:
    file: Path | None = _state["file"]
    if file is None:
        return
    data = {"package": _state["loaded"] or _package_key(), **_known}
    temporary = file.with_name(f"{file.name}.{os.getpid()}.tmp")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, file)  # whole or not at all, whoever reads it meanwhile
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
