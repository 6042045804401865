"""What the command line prints: no control character reaches the terminal, and an error
never prints a 10 kB value back."""

from __future__ import annotations

import pytest

from closer_desk.store import Agenda
from tests.helpers.cli import run

ESCAPES = "Evil\x1b[2J\x1b]0;pwned\x07 Co\x7f"


def test_company_list_prints_no_escape_sequence(
    agenda: Agenda, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(agenda.path)
    code, out, _ = run(capsys, "--db", db, "company", "add", ESCAPES, "--rate", "10")
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    code, out, _ = run(capsys, "--db", db, "company", "list")
    assert code == 0
    assert "Evil[2J]0;pwned Co" in out
    assert not any(ch in out for ch in "\x1b\x07\x7f")


def test_an_error_cuts_a_huge_name(agenda: Agenda, capsys: pytest.CaptureFixture[str]) -> None:
    huge = "x" * 10_000
    code, _, err = run(capsys, "--db", str(agenda.path), "company", "edit", huge, "--rate", "5")
    assert code == 2
    assert len(err) < 200 and "…" in err


@pytest.mark.parametrize(
    "url",
    [
        "https://meet.example.com\\@evil.example/x",
        "https://user:pw@meet.example.com/x",
        "https://@evil.example",
        "https://meet.example.com/\x0bx",
        "https://meet.example.com/\x0cx",
        "https://meet.example.com/\x7fx",
        "https://meet.example.com/\u2028x",
    ],
)
def test_the_link_parser_refuses_bad_links_on_the_command_line(
    agenda: Agenda, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    db = str(agenda.path)
    code, _, err = run(capsys, "--db", db, "company", "add", "Linky", "--url", url)
    assert code == 2 and "is not a valid link" in err
    assert not any(ch in err for ch in "\x0b\x0c\x7f\u2028")
    code, _, err = run(
        capsys,
        "--db",
        db,
        "book",
        "--company",
        "Acme",
        "--prospect",
        "Gabriel",
        "--start",
        "2026-03-10 10:00",
        "--url",
        url,
    )
    assert code == 2 and "is not a valid link" in err
