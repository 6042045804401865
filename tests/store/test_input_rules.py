"""What the store refuses before writing, for every face: dates outside the supported years,
a prospect booked twice at once across closers; and how names are looked up."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from closer_desk.core.errors import (
    AmbiguousNameError,
    ConflictError,
    DuplicateError,
    NotFoundError,
    ValidationError,
)
from closer_desk.core.model import Status
from closer_desk.store import Agenda
from closer_desk.store.planning import search_slots
from tests.helpers.cli import dump
from tests.helpers.factories import at


# -- dates -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "start",
    [
        datetime(9999, 12, 31, 23, 30, tzinfo=UTC),
        datetime(1, 1, 1, 0, 30, tzinfo=UTC),
        datetime(1899, 12, 31, 12, 0, tzinfo=UTC),
        datetime(2200, 1, 1, 12, 0, tzinfo=UTC),
    ],
)
def test_every_write_path_refuses_a_date_outside_the_years(agenda: Agenda, start: datetime) -> None:
    assert agenda.path is not None
    call = agenda.book(company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "UTC"))
    before = dump(agenda.path)
    writes = [
        lambda: agenda.book(company="Acme", prospect="Gabriel", start=start),
        lambda: agenda.move(call.id, start),
        lambda: agenda.set_override("Camille", start.date(), ()),
        lambda: agenda.add_travel("Camille", start.date(), date(2026, 3, 10), "UTC"),
        lambda: agenda.add_travel("Camille", date(2026, 3, 10), start.date(), "UTC"),
    ]
    for write in writes:
        with pytest.raises(ValidationError) as refused:
            write()
        assert refused.value.code == "year_out_of_range"
    assert dump(agenda.path) == before


# -- a prospect's calls across closers ---------------------------------------------------------
@pytest.fixture
def sam(agenda: Agenda) -> int:
    """A second closer, in Toronto."""
    return agenda.add_closer("Sam Martin", "America/Toronto").id


@pytest.fixture
def with_camille(agenda: Agenda) -> object:
    """Gabriel's call with Camille, Wednesday 4 March 16:00-16:45 Paris (10:00 in Toronto)."""
    return agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-04 16:00", "Europe/Paris")
    )


def test_a_prospect_cannot_be_booked_twice_at_once_across_closers(
    agenda: Agenda, sam: int, with_camille: object
) -> None:
    start = at("2026-03-04 10:15", "America/Toronto")
    with pytest.raises(ConflictError) as refused:
        agenda.book(company="Acme", prospect="Gabriel", start=start, closer=sam)
    assert refused.value.conflicts == ()
    [other] = refused.value.prospect_calls
    assert other.closer_name == "Camille Durand" and other.appointment == with_camille
    forced = agenda.book(company="Acme", prospect="Gabriel", start=start, closer=sam, force=True)
    assert forced.closer_id == sam


def test_moving_or_reviving_a_call_onto_the_prospects_other_call_is_refused(
    agenda: Agenda, sam: int, with_camille: object
) -> None:
    theirs = agenda.book(
        company="Acme",
        prospect="Gabriel",
        start=at("2026-03-04 13:00", "America/Toronto"),
        closer=sam,
    )
    with pytest.raises(ConflictError):
        agenda.move(theirs.id, at("2026-03-04 09:30", "America/Toronto"))
    from closer_desk.store.undo import recording, revert

    with recording(agenda) as cancelled:
        agenda.cancel(theirs.id)
    revert(agenda, cancelled.revision)  # undo is exact, even if it overlaps (the window asks first)
    other = agenda.book(
        company="Acme", prospect="Omar", start=at("2026-03-04 10:00", "America/Toronto"), closer=sam
    )
    # Giving Omar's call to Gabriel would put him on two calls at once.
    with pytest.raises(ConflictError):
        agenda.update_details(other.id, prospect="Gabriel")
    assert agenda.update_details(other.id, prospect="Gabriel", force=True).prospect_id == 1
    # Cancelled calls and no-shows do not hold the prospect's time.
    agenda.cancel(with_camille.id)  # type: ignore[attr-defined]
    assert (
        agenda.prospect_conflicts(1, *_span(with_camille), closer_id=sam, exclude_id=other.id) == []
    )


def _span(call: object) -> tuple[datetime, datetime]:
    return call.start, call.end  # type: ignore[attr-defined]


def test_slots_for_another_closer_leave_out_the_prospects_call(
    agenda: Agenda, sam: int, with_camille: object
) -> None:
    found = search_slots(
        agenda, prospect="Gabriel", closer=sam, minutes=30, first_day=date(2026, 3, 4), days=1
    )
    starts = {s.start for s in found.slots}
    busy_from, busy_to = _span(with_camille)
    assert starts and not any(busy_from - timedelta(minutes=30) < s < busy_to for s in starts)
    assert busy_to in starts  # right after it, the prospect is free again
    # Another prospect is free then.
    agenda.add_prospect("Léa Roy", "America/Toronto")
    free = search_slots(
        agenda, prospect="Léa", closer=sam, minutes=30, first_day=date(2026, 3, 4), days=1
    )
    assert any(busy_from <= s.start < busy_to for s in free.slots)


# -- names -------------------------------------------------------------------------------------
def test_names_are_found_whatever_their_case_and_accents(agenda: Agenda) -> None:
    agenda.add_prospect("Élodie Lefèvre", "Europe/Paris", organisation="Société Générale")
    assert agenda.company("erable").name == "Érable"
    assert agenda.company("ÉRABLE").name == "Érable"
    assert agenda.prospect("elodie LEFEVRE").name == "Élodie Lefèvre"
    assert [p.name for p in agenda.prospects("lefevre")] == ["Élodie Lefèvre"]
    assert [p.name for p in agenda.prospects("societe")] == ["Élodie Lefèvre"]
    assert agenda.closer("camille  durand").name == "Camille Durand"


def test_duplicates_are_refused_with_case_and_accents_ignored(agenda: Agenda) -> None:
    with pytest.raises(DuplicateError) as refused:
        agenda.add_prospect("gabriel TREMBLAY", "America/Toronto")
    assert refused.value.existing_id == 1
    with pytest.raises(DuplicateError):
        agenda.add_company("Erable")
    with pytest.raises(DuplicateError):
        agenda.add_closer("CAMILLE DURAND", "Europe/Paris")
    with pytest.raises(DuplicateError):
        agenda.edit_company("Acme", name="érable")
    namesake = agenda.add_prospect("Gabriel Tremblay", "Europe/Paris", force=True)
    # Two equal names: each lookup by name lists both, with their ids; #ID picks one.
    with pytest.raises(AmbiguousNameError) as several:
        agenda.prospect("Gabriel Tremblay")
    assert several.value.ids == (1, namesake.id)
    assert agenda.prospect(f"#{namesake.id}").zone == "Europe/Paris"
    assert agenda.prospect("# 1").zone == "America/Toronto"


def test_ids_with_a_hash_or_bare_when_no_name_says_otherwise(agenda: Agenda) -> None:
    assert agenda.company("#2").name == "Érable" and agenda.company("2").name == "Érable"
    with pytest.raises(NotFoundError):
        agenda.company("#99")
    # A company whose name holds a number: "2" could be it or company #2.
    agenda.add_company("Studio 2")
    with pytest.raises(AmbiguousNameError) as both:
        agenda.company("2")
    assert set(both.value.ids) == {2, agenda.company("Studio").id}
    assert agenda.company("#2").name == "Érable"
    assert agenda.company("Studio 2").name == "Studio 2"


def test_rates_typed_are_percentages_and_stored_ones_keep_their_meaning(agenda: Agenda) -> None:
    assert agenda.company("Acme").commission_rate == Decimal("0.15")  # typed "15"
    assert agenda.add_company("One", commission_rate="1").commission_rate == Decimal("0.01")
    assert agenda.add_company("Half", commission_rate="1.5").commission_rate == Decimal("0.015")
    assert agenda.add_company("Pct", commission_rate="12.5%").commission_rate == Decimal("0.125")
    # What the model already holds is a fraction, passed on unchanged.
    kept = agenda.edit_company("One", commission_rate=Decimal("0.2"))
    assert kept.commission_rate == Decimal("0.2")


def test_a_cancelled_call_frees_the_prospect_for_another_closer(
    agenda: Agenda, sam: int, with_camille: object
) -> None:
    agenda.cancel(with_camille.id)  # type: ignore[attr-defined]
    again = agenda.book(
        company="Acme",
        prospect="Gabriel",
        start=at("2026-03-04 10:00", "America/Toronto"),
        closer=sam,
    )
    assert again.status == Status.PLANNED
    with pytest.raises(ConflictError) as refused:
        agenda.set_status(with_camille.id, Status.PLANNED)  # type: ignore[attr-defined]
    assert [e.appointment.id for e in refused.value.prospect_calls] == [again.id]
