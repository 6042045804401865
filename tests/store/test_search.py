"""The window's search: every call of a prospect or company, past and future, by date."""

from __future__ import annotations

from closer_desk.store import Agenda
from closer_desk.store.search import search_calls
from tests.helpers.factories import at


def _book(agenda: Agenda, prospect: str, company: str, when: str) -> int:
    return agenda.book(
        company=company, prospect=prospect, start=at(when, "Europe/Paris"), force=True
    ).id


def test_finds_every_call_past_and_future_by_date(agenda: Agenda) -> None:
    late = _book(agenda, "Gabriel", "Acme", "2027-06-01 10:00")
    early = _book(agenda, "Gabriel", "Érable", "2024-01-15 10:00")
    middle = _book(agenda, "Gabriel", "Acme", "2026-03-03 10:00")
    _book(agenda, "Omar", "Acme", "2026-03-04 10:00")
    agenda.cancel(middle)
    found = search_calls(agenda, "gabriel")
    assert [e.appointment.id for e in found.entries] == [early, middle, late]
    assert found.total == 3 and not found.truncated


def test_accents_case_and_company_names_match(agenda: Agenda) -> None:
    erable = _book(agenda, "Omar", "Érable", "2026-03-04 10:00")
    _book(agenda, "Haruto", "Acme", "2026-03-05 10:00")
    assert [e.appointment.id for e in search_calls(agenda, "  ERABLE ").entries] == [erable]
    assert [e.appointment.id for e in search_calls(agenda, "haddad").entries] == [erable]


def test_nothing_matches_and_blank_finds_nothing(agenda: Agenda) -> None:
    _book(agenda, "Omar", "Acme", "2026-03-04 10:00")
    assert search_calls(agenda, "zzz").total == 0
    assert search_calls(agenda, "   ").entries == ()
    # LIKE's wildcards are plain characters here.
    assert search_calls(agenda, "%").total == 0 and search_calls(agenda, "_").total == 0


def test_a_broad_search_is_limited_and_counted(agenda: Agenda) -> None:
    for day in range(1, 8):
        _book(agenda, "Haruto", "Acme", f"2026-04-0{day} 10:00")
    found = search_calls(agenda, "a", limit=3)
    assert len(found.entries) == 3 and found.total == 7 and found.truncated
    starts = [e.appointment.start for e in found.entries]
    assert starts == sorted(starts)


def test_one_closers_calls(agenda: Agenda) -> None:
    other = agenda.add_closer("Léa Martin", "Europe/Paris")
    mine = _book(agenda, "Omar", "Acme", "2026-03-04 10:00")
    agenda.book(
        company="Acme",
        prospect="Omar",
        closer=other.id,
        start=at("2026-03-05 10:00", "Europe/Paris"),
        force=True,
    )
    assert search_calls(agenda, "omar").total == 2
    found = search_calls(agenda, "omar", closer_id=agenda.closer().id)
    assert [e.appointment.id for e in found.entries] == [mine]
