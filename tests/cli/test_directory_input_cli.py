"""What the directory commands take: weekly hours, rates, and names (case and accents ignored,
duplicates, candidates with their ids, ``#ID``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from closer_desk.store import Agenda
from tests.helpers.cli import dump, run
from tests.helpers.factories import at


@pytest.fixture
def db(agenda: Agenda) -> Path:
    assert agenda.path is not None
    agenda.add_company("Lumière Formation", commission_rate="15")
    agenda.add_prospect("Élodie Lefèvre", "Europe/Paris", organisation="Société Générale")
    return agenda.path


def closer_hours(capsys: pytest.CaptureFixture[str], db: Path) -> str:
    code, out, _ = run(capsys, "--db", str(db), "closer", "show", "Camille", "--json")
    assert code == 0
    return str(json.loads(out)["hours"])


# -- hours -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("spec", "stored"),
    [
        ("mon-fri 09:00-12:00; mon-fri 14:00-18:00", "mon-fri 09:00-12:00,14:00-18:00"),
        ("mon-fri 09:00-12:00,11:00-13:00", "mon-fri 09:00-13:00"),
        ("mon-thu 09:00-18:00; fri 09:00-13:00; fri 12:00-15:00", "mon-thu 09:00-18:00; "
         "fri 09:00-15:00"),
    ],
)  # fmt: skip
def test_closer_hours_keep_every_group_and_join_overlaps(
    capsys: pytest.CaptureFixture[str], db: Path, spec: str, stored: str
) -> None:
    code, _out, err = run(capsys, "--db", str(db), "closer", "hours", "Camille", spec)
    assert (code, err) == (0, "")
    assert closer_hours(capsys, db) == stored


EMPTY_HOURS = [
    ("closer", "hours", "Camille", ""),
    ("closer", "hours", "Camille", "  "),
    ("closer", "add", "Zoé", "--tz", "Europe/Paris", "--hours", ""),
    ("closer", "edit", "Camille", "--hours", ""),
    ("company", "add", "Globex", "--hours", ""),
    ("company", "edit", "Acme", "--hours", " "),
    ("prospect", "add", "Zoé", "--tz", "Europe/Paris", "--hours", ""),
    ("prospect", "edit", "Gabriel", "--hours", ""),
    ("closer", "override", "Camille", "2026-03-10", ""),
]


@pytest.mark.parametrize("argv", EMPTY_HOURS, ids=[" ".join(a[:2]) for a in EMPTY_HOURS])
def test_empty_hours_are_bad_input(
    capsys: pytest.CaptureFixture[str], db: Path, argv: tuple[str, ...]
) -> None:
    before = dump(db)
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert (code, out) == (2, "")
    assert err.strip().endswith("cannot be empty") and len(err.strip().splitlines()) == 1
    assert dump(db) == before


# -- rates -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("1", "0.0100", "1.0%"),  # once stored as 100%
        ("1.5", "0.0150", "1.5%"),
        ("15", "0.1500", "15.0%"),
        ("15%", "0.1500", "15.0%"),
        ("0.12", "0.0012", "0.1%"),  # a percentage too: 0.12 %
        ("100", "1.0000", "100.0%"),
    ],
)
def test_a_rate_is_always_a_percentage(
    capsys: pytest.CaptureFixture[str], db: Path, typed: str, stored: str, shown: str
) -> None:
    code, _, err = run(capsys, "--db", str(db), "company", "edit", "Acme", "--rate", typed)
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "--db", str(db), "company", "list", "--json")
    assert {c["name"]: c["commission_rate"] for c in json.loads(out)}["Acme"] == stored
    code, out, _ = run(capsys, "--db", str(db), "company", "list")
    assert any(line.split()[1:3] == ["Acme", shown] for line in out.splitlines())


def test_the_help_states_the_rate_rule(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (("company", "add", "--help"), ("outcome", "--help")):
        code, out, _ = run(capsys, *argv)
        assert code == 0
        assert "15 or 15% is fifteen percent" in " ".join(out.split()), argv


def test_a_deals_own_rate_follows_the_same_rule(
    capsys: pytest.CaptureFixture[str], db: Path, agenda: Agenda
) -> None:
    call = agenda.book(company="Acme", prospect="Omar", start=at("2026-03-01 10:00", "UTC"))
    code, _out, err = run(
        capsys,
        "--db",
        str(db),
        "outcome",
        str(call.id),
        "won",
        "--value",
        "1000",
        "--rate",
        "1.5",
        "--json",
    )
    assert (code, err) == (0, "")
    assert agenda.appointment(call.id).commission_rate is not None
    assert str(agenda.appointment(call.id).commission_rate) == "0.0150"


# -- names -------------------------------------------------------------------------------------
def test_accents_and_case_do_not_matter(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(
        capsys,
        "--db",
        str(db),
        "book",
        "--company",
        "lumiere",
        "--prospect",
        "ELODIE",
        "--start",
        "2026-03-04 10:00",
    )
    assert code == 0 and "Lumière Formation with Élodie Lefèvre" in out, err
    for search in ("lefevre", "LEFÈVRE", "societe generale"):
        code, out, _ = run(
            capsys, "--db", str(db), "prospect", "list", "--search", search, "--json"
        )
        assert [p["name"] for p in json.loads(out)] == ["Élodie Lefèvre"], search


def test_a_second_prospect_of_the_same_name_needs_force_and_ids_tell_them_apart(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    before = dump(db)
    add = ("prospect", "add", "gabriel tremblay", "--tz", "Europe/Paris")
    code, out, err = run(capsys, "--db", str(db), *add)
    assert (code, out) == (2, "")
    assert "a prospect named 'gabriel tremblay' already exists (#1); pass --force" in err
    assert dump(db) == before
    code, out, _ = run(
        capsys, "--db", str(db), "prospect", "add", "Gabriel Tremblay", "--tz", "Europe/Paris",
        "--force",
    )  # fmt: skip
    assert code == 0 and out == "added prospect #5 Gabriel Tremblay\n"
    code, out, err = run(
        capsys, "--db", str(db), "prospect", "edit", "Gabriel Tremblay", "--lang", "en"
    )
    assert code == 2
    assert "matches several: #1 Gabriel Tremblay, #5 Gabriel Tremblay; " in err
    assert "give the id as #ID" in err
    for key in ("#5", "5"):
        code, out, err = run(
            capsys, "--db", str(db), "book", "--company", "#1", "--prospect", key,
            "--start", "2026-03-05 10:00", "--force",
        )  # fmt: skip
        assert code == 0 and "Europe/Paris (45 min" in out, err
    code, out, err = run(capsys, "--db", str(db), "closer", "show", "#1")
    assert code == 0 and out.startswith("closer #1 Camille Durand")
    code, out, err = run(capsys, "--db", str(db), "company", "edit", "#99", "--color", "#000000")
    assert (code, out) == (2, "") and "no company '#99'" in err


def test_a_number_that_is_also_in_a_name_is_ambiguous(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    run(capsys, "--db", str(db), "company", "add", "Studio 2")
    code, out, err = run(capsys, "--db", str(db), "company", "edit", "2", "--color", "#000000")
    assert (code, out) == (2, "")
    assert "matches several: #2 Érable, #4 Studio 2" in err


def test_a_huge_unknown_name_is_cut_in_the_error(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(capsys, "--db", str(db), "closer", "show", "z" * 5000)
    assert (code, out) == (2, "")
    assert err.startswith("closer-desk: no closer 'zzz") and len(err) < 120
