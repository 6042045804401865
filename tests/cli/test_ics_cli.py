"""``invite``, ``export`` and ``import`` on the command line."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from closer_desk.store import Agenda
from tests.helpers.cli import main
from tests.helpers.factories import at
from tests.helpers.ics import ICS_DIR


def test_invite_to_stdout_then_cancel(
    agenda: Agenda, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    call = agenda.book(
        company="Acme", prospect="Gabriel Tremblay", start=at("2026-03-03 15:00", "Europe/Paris")
    )
    db = str(agenda.path)
    assert main(["--db", db, "invite", str(call.id)]) == 0
    request = capsysbinary.readouterr().out
    assert b"METHOD:REQUEST" in request and call.uid.encode() in request
    agenda.cancel(call.id)
    assert main(["--db", db, "invite", str(call.id)]) == 0
    cancel = icalendar.Calendar.from_ical(capsysbinary.readouterr().out)
    (event,) = cancel.walk("VEVENT")
    assert cancel["METHOD"] == "CANCEL" and event["STATUS"] == "CANCELLED"
    assert event["UID"] == call.uid and event["SEQUENCE"] > call.sequence


def test_invite_to_file_and_unknown_id(
    agenda: Agenda, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call = agenda.book(
        company="Érable", prospect="Omar Haddad", start=at("2026-03-04 10:00", "Asia/Dubai")
    )
    target = tmp_path / "invite.ics"
    assert main(["--db", str(agenda.path), "invite", str(call.id), "-o", str(target)]) == 0
    assert b"LOCATION:+971501234567" in target.read_bytes()
    assert main(["--db", str(agenda.path), "invite", "999"]) == 2
    assert capsys.readouterr().err == "closer-desk: no call #999\n"


def test_export_a_range(agenda: Agenda, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agenda.book(
        company="Acme", prospect="Gabriel Tremblay", start=at("2026-03-03 15:00", "Europe/Paris")
    )
    agenda.book(
        company="Acme", prospect="Haruto Sato", start=at("2026-04-20 09:00", "Europe/Paris")
    )
    target = tmp_path / "agenda.ics"
    args = [
        "--db",
        str(agenda.path),
        "export",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "-o",
        str(target),
    ]
    assert main(args) == 0
    assert capsys.readouterr().out == f"exported 1 call to {target}\n"
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert calendar["METHOD"] == "PUBLISH" and len(calendar.walk("VEVENT")) == 1


def test_import_of_a_missing_file_is_bad_input(
    agenda: Agenda, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(agenda.path), "import", str(ICS_DIR / "nope.ics")]) == 2
    assert "no such file" in capsys.readouterr().err
