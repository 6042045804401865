"""Subscriptions: another calendar of a closer (their Google, Outlook or iCloud calendar, as a
read-only CalDAV calendar or an https ``.ics`` address) kept as busy time, refreshed by each
sync so the slot finder sees it without a manual import.

The download is written to a file named after the address and handed to the busy-time import
(``store.calendar_import.import_file(..., busy=True)``): the same parsing, limits, one
transaction and update-by-UID as a file the user imports, with the same source name on every
refresh.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import delete, insert, select, update

from closer_desk.core.errors import NotFoundError
from closer_desk.core.ics.lines import Limits
from closer_desk.core.model import Changes
from closer_desk.core.sync.errors import RemoteError, RemoteProblem, SyncRefusedError
from closer_desk.store import rows as R
from closer_desk.store.agenda import Agenda
from closer_desk.store.directory import Key
from closer_desk.store.schema import busy_blocks, closers, sync_calendars, sync_subscriptions

_HEADER = frozenset({"VERSION", "PRODID", "CALSCALE", "METHOD"})


@dataclass(frozen=True, slots=True)
class Subscription:
    """One subscribed calendar of a closer, and how its last refresh went."""

    id: int
    closer_id: int
    closer: str
    url: str
    label: str
    last_refresh: datetime | None
    last_error: str
    last_count: int | None


@dataclass(frozen=True, slots=True)
class Refreshed:
    """What one refresh did: the import's counts, or the ``error`` (a ``RemoteProblem`` value
    or an import refusal code) that left the busy time as it was."""

    label: str
    url: str
    events: int = 0
    added: int = 0
    updated: int = 0
    cancelled: int = 0
    refused: int = 0
    error: str = ""
    #: Where a password given with the subscription was kept: "keyring", or "env" when no
    #: safe keyring took it (each refresh then reads ``CLOSER_DESK_SYNC_PASSWORD``); "" if none.
    password_in: str = ""

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        return {
            "label": self.label,
            "url": self.url,
            "events": self.events,
            "added": self.added,
            "updated": self.updated,
            "cancelled": self.cancelled,
            "refused": self.refused,
            "error": self.error or None,
            "password_in": self.password_in or None,
        }


def _file_name(url: str) -> str:
    # The import tags blocks with the file's name: the same name on every refresh.
    return f"subscription-{hashlib.sha256(url.encode()).hexdigest()[:12]}.ics"


def _components(data: str) -> list[list[str]]:
    """The components of one VCALENDAR text (its own header lines left out)."""
    found: list[list[str]] = []
    depth = 0
    for line in data.splitlines():
        head = line.split(":", 1)[0].split(";", 1)[0].upper()
        if head == "BEGIN":
            depth += 1
            if depth == 2:
                found.append([])
        if depth >= 2:
            found[-1].append(line)
        if head == "END":
            depth -= 1
    return found


def _one_calendar(objects: list[str]) -> str:
    """Objects of a CalDAV calendar as one VCALENDAR (each VTIMEZONE once)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//closer_desk//subscription//EN"]
    zones: set[str] = set()
    for data in objects:
        for component in _components(data):
            if component[0].upper() == "BEGIN:VTIMEZONE":
                tzid = next((c for c in component if c.upper().startswith("TZID")), "")
                if tzid in zones:
                    continue
                zones.add(tzid)
            lines += component
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def _download(url: str, username: str, password: str | None, timeout: float) -> bytes:
    """The calendar at ``url``: a CalDAV calendar read whole, or an ``.ics`` file by GET
    (at most the import's size limit)."""
    from closer_desk.store.sync.remote import Remote

    with Remote(url, username, password, timeout=timeout) as remote:
        try:
            is_calendar = remote.rights().is_calendar
        except RemoteError as error:
            if error.problem == RemoteProblem.UNAUTHORIZED:
                raise
            is_calendar = False
        if is_calendar:
            listing = remote.changes("")
            objects = [data for _, _, data in remote.fetch(sorted(listing.changed))]
            return _one_calendar(objects).encode()
    return _get(url, username, password, timeout)


def _get(url: str, username: str, password: str | None, timeout: float) -> bytes:
    import niquests

    limit = Limits().max_bytes
    auth = (username, password or "") if username else None
    try:
        with niquests.get(url, auth=auth, timeout=timeout, stream=True) as response:
            if response.status_code >= 400:
                from closer_desk.store.sync.remote import status_problem

                raise RemoteError(status_problem(response.status_code), url, response.status_code)
            body = bytearray()
            for chunk in response.iter_content(64 * 1024):
                body += chunk
                if len(body) > limit:
                    raise RemoteError(RemoteProblem.FULL, url, None, f"over {limit} bytes")
            return bytes(body)
    except niquests.exceptions.Timeout as error:
        raise RemoteError(RemoteProblem.TIMEOUT, url, None, str(error)) from error
    except niquests.exceptions.RequestException as error:
        raise RemoteError(RemoteProblem.UNREACHABLE, url, None, str(error)) from error


def _import(agenda: Agenda, closer_id: int, url: str, data: bytes) -> Any:
    from closer_desk.store.calendar_import import import_file

    with tempfile.TemporaryDirectory(prefix="closer-desk-subscription-") as folder:
        path = Path(folder) / _file_name(url)
        path.write_bytes(data)
        return import_file(agenda, path, busy=True, closer=closer_id, remember=False)


def _refreshed(label: str, url: str, report: Any) -> Refreshed:
    return Refreshed(
        label=label,
        url=url,
        events=report.events,
        added=report.added,
        updated=report.updated,
        cancelled=report.cancelled,
        refused=len(report.refused),
    )


def subscribe(
    agenda: Agenda,
    url: str,
    closer: Key,
    *,
    label: str = "",
    username: str = "",
    password: str | None = None,
    timeout: float = 30.0,
) -> Refreshed:
    """Add ``url`` as busy time of ``closer`` and read it now; a calendar that cannot be read
    is refused and nothing is written. Subscribing again to the same address refreshes it
    (and renames it when ``label`` is given)."""
    from closer_desk.store import secrets
    from closer_desk.store.sync.credentials import PURPOSE, account_key, check_url, password_for

    who = agenda.closer(closer)
    url = check_url(url)
    with agenda.engine.connect() as conn:
        shared = conn.execute(
            select(sync_calendars.c.url).where(
                sync_calendars.c.url.in_([url, url.rstrip("/") + "/"])
            )
        ).first()
    if shared is not None:
        # A closer's shared calendar holds their calls: as busy time it would block each
        # call's own slot twice.
        raise SyncRefusedError("shared_calendar", url)
    name = " ".join(label.split())[:200] or (urlsplit(url).hostname or url)
    secret = password_for(username, url, password) if username else None
    report = _import(agenda, who.id, url, _download(url, username, secret, timeout))
    password_in = ""
    if username and password:
        # A password typed now (the window, the terminal) is kept where each sync's refresh
        # finds it: the keyring when it is safe, else the refresh reads the environment.
        saved = secrets.save_secret(PURPOSE, account_key(username, url), password)
        password_in = saved.where.value
    now = R.to_epoch(agenda.now())
    values = {
        "label": name,
        "username": username,
        "last_refresh_utc": now,
        "last_error": "",
        "last_count": report.events,
    }
    with agenda.engine.begin() as conn:
        held = conn.execute(
            select(sync_subscriptions.c.id).where(
                sync_subscriptions.c.closer_id == who.id, sync_subscriptions.c.url == url
            )
        ).scalar()
        if held is None:
            conn.execute(insert(sync_subscriptions).values(closer_id=who.id, url=url, **values))
        else:
            conn.execute(
                update(sync_subscriptions).where(sync_subscriptions.c.id == held).values(**values)
            )
    return replace(_refreshed(name, url, report), password_in=password_in)


def subscriptions(agenda: Agenda, closer_id: int | None = None) -> list[Subscription]:
    """The subscriptions of every closer (or one), by closer and label."""
    query = (
        select(sync_subscriptions, closers.c.name)
        .join(closers, closers.c.id == sync_subscriptions.c.closer_id)
        .order_by(closers.c.name, sync_subscriptions.c.label)
    )
    if closer_id is not None:
        query = query.where(sync_subscriptions.c.closer_id == closer_id)
    with agenda.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [
        Subscription(
            id=r.id,
            closer_id=r.closer_id,
            closer=r.name,
            url=r.url,
            label=r.label,
            last_refresh=None if r.last_refresh_utc is None else R.from_epoch(r.last_refresh_utc),
            last_error=r.last_error,
            last_count=r.last_count,
        )
        for r in rows
    ]


def unsubscribe(agenda: Agenda, subscription_id: int) -> Subscription:
    """Stop a subscription: it and the busy time it brought go, in one transaction (a
    subscription not known is ``NotFoundError``). The subscription as it was."""
    found = [s for s in subscriptions(agenda) if s.id == subscription_id]
    if not found:
        raise NotFoundError("subscription", subscription_id)
    gone = found[0]
    with agenda.engine.begin() as conn:
        conn.execute(
            delete(busy_blocks).where(
                busy_blocks.c.closer_id == gone.closer_id,
                busy_blocks.c.source == _file_name(gone.url),
            )
        )
        conn.execute(delete(sync_subscriptions).where(sync_subscriptions.c.id == gone.id))
    # Its password, if it had one, stays in the keyring: the window's undo puts the
    # subscription back, and the same login may serve another agenda file or account.
    agenda.note_changes(Changes(busy=frozenset({gone.closer_id})))
    return gone


def refresh_for(agenda: Agenda, closer_id: int, *, timeout: float = 30.0) -> list[Refreshed]:
    """Read every subscription of a closer again. One that fails keeps its busy time as it
    was and says why; the others still refresh."""
    from closer_desk.core.errors import CloserDeskError
    from closer_desk.core.ics.importing import IcsRejected
    from closer_desk.store.sync.credentials import password_for

    done = []
    for sub in subscriptions(agenda, closer_id):
        values: dict[str, Any] = {"last_refresh_utc": R.to_epoch(agenda.now())}
        try:
            with agenda.engine.connect() as conn:
                username = conn.execute(
                    select(sync_subscriptions.c.username).where(sync_subscriptions.c.id == sub.id)
                ).scalar_one()
            secret = password_for(username, sub.url) if username else None
            report = _import(
                agenda, closer_id, sub.url, _download(sub.url, username, secret, timeout)
            )
        except (RemoteError, IcsRejected, CloserDeskError) as error:
            code = getattr(getattr(error, "problem", None), "value", None) or getattr(
                error, "code", type(error).__name__
            )
            values["last_error"] = str(code)[:200]
            done.append(Refreshed(sub.label, sub.url, error=str(code)))
        else:
            values.update(last_error="", last_count=report.events)
            done.append(_refreshed(sub.label, sub.url, report))
        with agenda.engine.begin() as conn:
            conn.execute(
                update(sync_subscriptions).where(sync_subscriptions.c.id == sub.id).values(**values)
            )
    return done
