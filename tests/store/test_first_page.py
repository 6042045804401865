"""The window's first page read without SQLAlchemy matches the Agenda facade exactly."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from closer_desk.core import tz
from closer_desk.core.model import Closer, DailyInterval
from closer_desk.store import fileinfo
from closer_desk.store.first_page import read_first_page
from tests.helpers.factories import at


def week(closer: Closer) -> tuple[datetime, datetime]:
    return tz.day_bounds(date(2026, 3, 2), closer.zone)[0], tz.day_bounds(
        date(2026, 3, 8), closer.zone
    )[1]


def test_same_closer_companies_and_calls_as_the_agenda(agenda: Any) -> None:
    agenda.set_override("Camille", date(2026, 3, 4), (DailyInterval(10 * 60, 12 * 60),))
    agenda.add_travel("Camille", date(2026, 3, 10), date(2026, 3, 12), "America/Toronto")
    agenda.edit_company("Acme", hours=None)
    long = agenda.book(
        company="Acme",
        prospect="Gabriel",
        start=at("2026-03-01 22:00", "Europe/Paris"),
        minutes=240,
    )
    agenda.book(
        company="Érable", prospect="Omar", start=at("2026-03-03 10:00", "Asia/Dubai"), minutes=30
    )
    cancelled = agenda.book(
        company="Acme", prospect="Haruto", start=at("2026-03-05 09:00", "Europe/Paris")
    )
    agenda.cancel(cancelled.id)
    agenda.book(
        company="Acme", prospect="Haruto", start=at("2026-03-12 09:00", "Europe/Paris")
    )  # outside
    page = read_first_page(agenda.path, week)
    assert page is not None
    closer = agenda.closer()
    assert page.closer == closer
    assert page.companies == tuple(agenda.companies())
    assert page.empty is False
    start, end = week(closer)
    assert (page.start, page.end) == (start, end)
    assert page.entries == tuple(agenda.entries(start, end, closer_id=closer.id))
    assert long.id in {e.appointment.id for e in page.entries}  # began the night before


def test_takes_the_normal_path_when_it_cannot_answer(agenda: Any, tmp_path: Path) -> None:
    assert read_first_page(tmp_path / "missing.sqlite3", week) is None
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    assert read_first_page(garbage, week) is None
    with sqlite3.connect(agenda.path) as conn:
        conn.execute("UPDATE settings SET value = 'old' WHERE key = 'tzdata'")
    assert read_first_page(agenda.path, week) is None  # the UTC index needs recomputing
    with sqlite3.connect(agenda.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    assert read_first_page(agenda.path, week) is None


def test_an_agenda_without_closer(tmp_path: Path, clock: Any) -> None:
    from closer_desk.store import open_agenda

    with open_agenda(tmp_path / "new.sqlite3", clock=clock) as agenda:
        page = read_first_page(agenda.path, week)
    assert page is not None and page.closer is None and page.empty and page.entries == ()


def test_reading_it_does_not_load_sqlalchemy(agenda: Any) -> None:
    code = (
        "import sys; from pathlib import Path; from datetime import date;"
        "from closer_desk.core import tz; from closer_desk.store.first_page import read_first_page;"
        f"page = read_first_page(Path({str(agenda.path)!r}),"
        " lambda c: (tz.day_bounds(date(2026, 3, 2), c.zone)[0],"
        " tz.day_bounds(date(2026, 3, 8), c.zone)[1]));"
        "assert page is not None; print('sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_schema_head_is_the_one_store_db_uses() -> None:
    from closer_desk.store import db

    assert fileinfo.SCHEMA_HEAD == db.SCHEMA_HEAD
