"""Holidays and weekends remembered: the same answers as the ``holidays`` package, read back
by a later process without importing it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import holidays
import pytest

from closer_desk.core import holiday_data

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _forget() -> Iterator[None]:
    saved = {kind: dict(table) for kind, table in holiday_data._known.items()}
    for table in holiday_data._known.values():
        table.clear()
    yield
    holiday_data.remember_in(None)
    for kind, table in saved.items():
        holiday_data._known[kind].clear()
        holiday_data._known[kind].update(table)


@pytest.mark.parametrize(
    ("country", "subdivision", "year", "language"),
    [
        ("FR", "", 2027, ""),
        ("CA", "ON", 2031, ""),
        ("CA", "QC", 2026, "fr"),
        ("US", "ZZ", 2028, ""),  # an unknown region: the country's national holidays
    ],
)
def test_the_holidays_are_the_package_s(
    tmp_path: Path, country: str, subdivision: str, year: int, language: str
) -> None:
    holiday_data.remember_in(tmp_path / "holidays.json")
    try:
        expected = holidays.country_holidays(
            country, subdiv=subdivision or None, years=year, language=language or None
        )
    except NotImplementedError:
        expected = holidays.country_holidays(country, years=year, language=language or None)
    want = {d.isoformat(): str(n) for d, n in expected.items()}
    assert holiday_data.holidays_in(country, subdivision, year, language) == want
    for kind in holiday_data._known.values():
        kind.clear()
    holiday_data.remember_in(tmp_path / "holidays.json")  # read back from the file
    assert holiday_data.holidays_in(country.lower(), subdivision, year, language) == want


def test_weekends_and_unknown_countries() -> None:
    assert holiday_data.weekend("SA") == frozenset({4, 5})
    assert holiday_data.weekend("fr") == frozenset({5, 6})
    assert holiday_data.weekend("ZZ") is None
    assert holiday_data.holidays_in("ZZ", "", 2027) == {}


_LATER = """
import json, sys
from pathlib import Path
from closer_desk.core import holiday_data
holiday_data.remember_in(Path(sys.argv[1]))
answer = {
    "weekend": sorted(holiday_data.weekend("SA")),
    "day": holiday_data.holidays_in("FR", "", 2027).get("2027-07-14"),
}
print(json.dumps({**answer, "imported": "holidays" in sys.modules}))
"""


def _later(file: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _LATER, str(file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, object] = json.loads(done.stdout)
    return found


def test_a_later_process_reads_them_back_without_the_package(tmp_path: Path) -> None:
    file = tmp_path / "cache" / "holidays.json"
    first = _later(file)
    assert first == {"weekend": [4, 5], "day": "National Day", "imported": True}
    assert _later(file) == {**first, "imported": False}
    # Another installed package (its file changed): computed again, not trusted.
    stored = json.loads(file.read_text(encoding="utf-8"))
    file.write_text(json.dumps({**stored, "package": "another"}), encoding="utf-8")
    assert _later(file)["imported"] is True
    # A damaged file is only a slower command.
    file.write_text("{not json", encoding="utf-8")
    assert _later(file) == first


def test_a_folder_that_cannot_be_written_is_only_slower(tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")
    holiday_data.remember_in(blocked / "holidays.json")
    assert holiday_data.holidays_in("FR", "", 2027)["2027-07-14"] == "National Day"
    assert public_day_of_france() == "National Day"


def public_day_of_france() -> str | None:
    from closer_desk.core.slot_flags import public_holiday

    return public_holiday("FR", "", date(2027, 7, 14))


def test_a_bundle_that_holds_the_package_in_its_executable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PyInstaller names a file for the package that does not exist: the bundle's own is used.
    from importlib.machinery import ModuleSpec

    inside = ModuleSpec("holidays", None, origin=str(tmp_path / "_internal/holidays/x.py"))
    monkeypatch.setattr(holiday_data, "find_spec", lambda _name: inside)
    assert holiday_data._package_key().startswith(f"{sys.executable}|")
    monkeypatch.setattr(holiday_data, "find_spec", lambda _name: None)
    assert holiday_data._package_key() == ""
    holiday_data.remember_in(tmp_path / "holidays.json")
    assert holiday_data.weekend("SA") == frozenset({4, 5})
    assert not (tmp_path / "holidays.json").exists()  # an unknown package: no file trusted
