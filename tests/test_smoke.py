from datetime import timedelta

from tests.helpers.factories import at


def test_book_and_list(agenda):
    booked = agenda.book(company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "Europe/Paris"))
    entries = agenda.entries(booked.start - timedelta(hours=1), booked.end + timedelta(hours=1))
    assert [e.appointment.id for e in entries] == [booked.id]
    assert entries[0].prospect_zone == "America/Toronto"
