"""The same sync against two CalDAV servers: Radicale and Xandikos (its sync-collection
tokens, its ETags, its 412 for a token it no longer knows). What closer_desk stores is also
read back by vobject, an independent parser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import vobject

from closer_desk.store import Agenda
from closer_desk.store.sync import api
from closer_desk.store.sync import local as L
from closer_desk.store.sync.remote import Remote
from tests.helpers.caldav_servers import Server, start_radicale, start_xandikos
from tests.helpers.factories import FakeClock, at, make_agenda


@pytest.fixture(params=["radicale", "xandikos"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Server, str]]:
    if request.param == "radicale":
        running = start_radicale(tmp_path / "radicale")
        url = running.calendar("camille", "calls")
    else:
        running = start_xandikos(tmp_path / "xandikos")
        url = running.calendar("user", "calendars", "calls")
    yield running, url
    running.stop()


def _uid_ids(agenda: Agenda) -> dict[str, int]:
    with agenda.engine.connect() as conn:
        return {u: c.id for u, c in L.local_calls(conn, agenda.closer("Camille").id).items()}


def test_two_agendas_share_calls_through_either_server(
    server: tuple[Server, str], tmp_path: Path
) -> None:
    _, url = server
    clock = FakeClock()
    with (
        make_agenda(tmp_path / "closer.sqlite3", clock) as closer,
        make_agenda(tmp_path / "assistant.sqlite3", clock) as assistant,
    ):
        created = api.set_up(closer, "Camille", url)
        assert created.created and created.account.can_write is not False
        api.set_up(assistant, "Camille", url)
        first = assistant.book(
            company="Érable", prospect="Gabriel", start=at("2026-03-10 09:30", "America/Toronto")
        )
        second = closer.book(
            company="Acme", prospect="Haruto", start=at("2026-03-11 17:00", "Asia/Tokyo")
        )
        api.sync(assistant)
        api.sync(closer)
        api.sync(assistant)
        assert set(_uid_ids(closer)) == set(_uid_ids(assistant)) == {first.uid, second.uid}

        mirror = _uid_ids(closer)[first.uid]
        closer.move(mirror, at("2026-03-12 10:00", "America/Toronto"))
        assistant.update_details(first.id, phone="+1 514 555 0199")
        api.sync(closer)
        [merged] = api.sync(assistant)
        assert merged.merged == 1
        api.sync(closer)
        for agenda, key in ((closer, mirror), (assistant, first.id)):
            seen = agenda.appointment(key)
            assert seen.start == at("2026-03-12 10:00", "America/Toronto")
            assert seen.phone == "+15145550199"

        assistant.cancel(first.id)
        api.sync(assistant)
        api.sync(closer)
        assert closer.appointment(mirror).status.value == "cancelled"

        with Remote(url) as remote:
            listing = remote.changes("")
            stored = [data for _, _, data in remote.fetch(sorted(listing.changed))]
        assert len(stored) == 2
        for text in stored:
            parsed = vobject.readOne(text)
            event = parsed.vevent
            assert event.uid.value in (first.uid, second.uid)
            assert event.attendee.params["SCHEDULE-AGENT"] == ["CLIENT"]
            assert not hasattr(parsed, "method")
        for agenda in (closer, assistant):
            [quiet] = api.sync(agenda)
            assert (quiet.pushed, quiet.pulled, quiet.merged) == (0, 0, 0)


def test_a_token_the_server_forgot_lists_everything_again(
    server: tuple[Server, str], tmp_path: Path
) -> None:
    _, url = server
    with make_agenda(tmp_path / "closer.sqlite3", FakeClock()) as agenda:
        api.set_up(agenda, "Camille", url)
        agenda.book(company="Acme", prospect="Omar", start=at("2026-03-10 10:00", "Asia/Dubai"))
        api.sync(agenda)
        with agenda.engine.begin() as conn:
            from sqlalchemy import update

            from closer_desk.store.schema import sync_calendars

            conn.execute(update(sync_calendars).values(sync_token=url + "no-such-token"))
        [report] = api.sync(agenda)
        assert report.full_listing
        assert (report.pushed, report.pulled) == (0, 0)
