"""The sync's door for the CLI and the window: set-up (with a connection test), runs, status,
conflicts and their resolution, flags, subscriptions.

Every function takes the ``Agenda`` and returns plain core-level values; passwords are read
from the keyring (or ``CLOSER_DESK_SYNC_PASSWORD``) at the moment a server is asked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update

from closer_desk.core.errors import NotFoundError, ValidationError
from closer_desk.core.model import Changes, Closer
from closer_desk.core.sync.call import SyncedCall, from_plain
from closer_desk.core.sync.errors import (
    RemoteError,
    RemoteProblem,
    SyncRefusedError,
)
from closer_desk.core.sync.overlaps import Flag
from closer_desk.store import rows as R
from closer_desk.store import secrets
from closer_desk.store.agenda import Agenda
from closer_desk.store.directory import Key
from closer_desk.store.schema import (
    appointments,
    closers,
    sync_calendars,
    sync_conflicts,
    sync_flags,
    sync_items,
)
from closer_desk.store.sync import local as L
from closer_desk.store.sync import marks as M
from closer_desk.store.sync.credentials import (
    ENV_PASSWORD,
    PURPOSE,
    account_key,
    check_url,
    password_for,
)

#: Where the password is read when no safe keyring holds it.
DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class Account:
    """One closer's shared calendar as set up in this agenda.

    Attributes:
        closer_id, closer: who.
        url, username: where, and as whom ("" for a server without authentication).
        can_write: the write right the server last gave (None: not known yet).
        last_sync: when the last sync ended, or None.
        last_error: what stopped the last sync, or "".
    """

    closer_id: int
    closer: str
    url: str
    username: str
    can_write: bool | None
    last_sync: datetime | None
    last_error: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """A call whose same fields both sides changed: ``mine`` (the agenda's, kept for now) and
    ``theirs`` (the server's), and which ``fields`` differ."""

    appointment_id: int | None
    closer: str
    uid: str
    fields: tuple[str, ...]
    mine: SyncedCall | None
    theirs: SyncedCall


@dataclass(frozen=True, slots=True)
class FlaggedCall:
    """A call a sync flagged: it overlaps ``other_id``; ``REBOOK`` when it was booked later."""

    appointment_id: int
    flag: Flag
    other_id: int


@dataclass(frozen=True, slots=True)
class State:
    """What the status bar shows for one synced closer: the account, how many local changes
    wait to be pushed, the conflicts and the flagged calls."""

    account: Account
    pending: int
    conflicts: tuple[Conflict, ...]
    flags: tuple[FlaggedCall, ...]


def _account(row: Any) -> Account:
    return Account(
        closer_id=row.closer_id,
        closer=row.name,
        url=row.url,
        username=row.username,
        can_write=None if row.can_write is None else bool(row.can_write),
        last_sync=None if row.last_sync_utc is None else R.from_epoch(row.last_sync_utc),
        last_error=row.last_error,
    )


def _rows(agenda: Agenda, closer_id: int | None = None) -> list[Any]:
    query = (
        select(sync_calendars, closers.c.name)
        .join(closers, closers.c.id == sync_calendars.c.closer_id)
        .order_by(closers.c.name)
    )
    if closer_id is not None:
        query = query.where(sync_calendars.c.closer_id == closer_id)
    with agenda.engine.connect() as conn:
        return list(conn.execute(query).all())


def accounts(agenda: Agenda) -> list[Account]:
    """Every synced closer of the agenda, by name."""
    return [_account(r) for r in _rows(agenda)]


def _remote(url: str, username: str, password: str | None, timeout: float) -> Any:
    from closer_desk.store.sync.remote import Remote

    return Remote(url, username, password, timeout=timeout)


@dataclass(frozen=True, slots=True)
class SetUp:
    """What ``set_up`` did: the account, whether it created the calendar, and where the
    password went (``keyring``, ``env``, or None without authentication)."""

    account: Account
    created: bool
    password_in: str | None


def check_connection(
    url: str, username: str = "", password: str | None = None, *, timeout: float = DEFAULT_TIMEOUT
) -> tuple[bool, bool | None]:
    """Ask the server (the window's "test the connection"): (is a calendar, may write).
    Raises ``RemoteError`` naming what failed."""
    with _remote(check_url(url), username, password, timeout) as remote:
        rights = remote.rights()
    return rights.is_calendar, rights.can_write


def set_up(
    agenda: Agenda,
    closer: Key,
    url: str,
    *,
    username: str = "",
    password: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> SetUp:
    """Share ``closer``'s calls through the calendar at ``url``: test the connection (creating
    the calendar when the server has none there), read the write right, store the account and
    the password (keyring when safe). A new URL starts the status afresh."""
    who = agenda.closer(closer)
    url = check_url(url)
    if url and not url.endswith("/"):
        url += "/"
    username = username.strip()
    secret = password_for(username, url, password) if username else None
    created = False
    with _remote(url, username, secret, timeout) as remote:
        try:
            rights = remote.rights()
        except RemoteError as error:
            if error.problem != RemoteProblem.NOT_FOUND:
                raise
            remote.create_calendar(who.name)
            created = True
            rights = remote.rights()
        if not rights.is_calendar:
            raise RemoteError(RemoteProblem.NOT_A_CALENDAR, url)
    where = None
    if username and secret is not None:
        where = secrets.save_secret(PURPOSE, account_key(username, url), secret).where.value
    now = R.to_epoch(agenda.now())
    with agenda.engine.begin() as conn:
        held = conn.execute(
            select(sync_calendars).where(sync_calendars.c.closer_id == who.id)
        ).first()
        values = {
            "url": url,
            "username": username,
            "can_write": None if rights.can_write is None else int(rights.can_write),
            "rights_checked_utc": now,
            "last_error": "",
        }
        if held is None:
            conn.execute(insert(sync_calendars).values(closer_id=who.id, created_utc=now, **values))
        else:
            if held.url != url:
                # Another calendar: nothing of the old one's status holds there.
                conn.execute(delete(sync_items).where(sync_items.c.calendar_id == held.id))
                conn.execute(delete(sync_conflicts).where(sync_conflicts.c.calendar_id == held.id))
                M.forget_marks(conn, held.id)
                values["sync_token"] = ""
            conn.execute(
                update(sync_calendars).where(sync_calendars.c.id == held.id).values(**values)
            )
    return SetUp(_account(_rows(agenda, who.id)[0]), created, where)


def _closer_rows(agenda: Agenda, closer: Key | None) -> list[Any]:
    if closer is None:
        return _rows(agenda)
    who = agenda.closer(closer)
    found = _rows(agenda, who.id)
    if not found:
        raise SyncRefusedError("not_synced", who.name)
    return found


def sync(
    agenda: Agenda,
    closer: Key | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    force_delete: bool = False,
    password: str | None = None,
) -> list[Any]:
    """Sync every synced closer (or one): push, pull, apply, then refresh their
    subscriptions. One ``SyncReport`` per closer; the first failure raises (what was done
    before it stays done, and ``last_error`` says what stopped it)."""
    from closer_desk.store.sync.engine import Sync
    from closer_desk.store.sync.subscriptions import refresh_for

    rows = _closer_rows(agenda, closer)
    if not rows:
        raise SyncRefusedError("not_synced")
    reports = []
    for row in rows:
        who = agenda.closer(row.closer_id)
        try:
            secret = password_for(row.username, row.url, password)
            with _remote(row.url, row.username, secret, timeout) as remote:
                report = Sync(agenda, who, row, remote, force_delete=force_delete).run()
            report.subscriptions = refresh_for(agenda, who.id, timeout=timeout)
        except Exception as error:
            _remember_error(agenda, row.id, error)
            # Some of it may have been applied before it stopped (each step is its own
            # transaction): the window re-reads what it shows.
            agenda.note_changes(Changes.from_outside())
            raise
        agenda.note_changes(report.changes())
        reports.append(report)
    return reports


def _remember_error(agenda: Agenda, calendar_id: int, error: Exception) -> None:
    text = getattr(getattr(error, "problem", None), "value", None) or type(error).__name__
    with agenda.engine.begin() as conn:
        conn.execute(
            update(sync_calendars)
            .where(sync_calendars.c.id == calendar_id)
            .values(last_error=str(text)[:200])
        )


def pending(agenda: Agenda, closer_id: int) -> int:
    """How many of the closer's calls changed here since the last sync (to push)."""
    rows = _rows(agenda, closer_id)
    if not rows:
        return 0
    with agenda.engine.connect() as conn:
        compared = M.to_compare(conn, rows[0].id, closer_id, remember=False)
    mine, held = compared.calls, compared.statuses
    return sum(1 for uid in mine.keys() | held.keys() if not M.agree(mine.get(uid), held.get(uid)))


def conflicts(agenda: Agenda, closer: Key | None = None) -> list[Conflict]:
    """The calls waiting for "mine or theirs", oldest first."""
    found = []
    for row in _closer_rows(agenda, closer):
        with agenda.engine.connect() as conn:
            waiting = conn.execute(
                select(sync_conflicts)
                .where(sync_conflicts.c.calendar_id == row.id)
                .order_by(sync_conflicts.c.detected_utc, sync_conflicts.c.uid)
            ).all()
            mine = L.local_calls(conn, row.closer_id, {c.uid for c in waiting}) if waiting else {}
        for c in waiting:
            local = mine.get(c.uid)
            found.append(
                Conflict(
                    appointment_id=local.id if local else None,
                    closer=row.name,
                    uid=c.uid,
                    fields=tuple(c.fields.split(",")) if c.fields else (),
                    mine=local.call if local else None,
                    theirs=from_plain(json.loads(c.theirs)),
                )
            )
    return found


def resolve(agenda: Agenda, key: Key, keep: str) -> int:
    """Settle the conflict of a call (its id or UID): ``keep="mine"`` sends the agenda's
    version at the next sync (over the server's, by its ETag), ``"theirs"`` takes the
    server's now. The appointment's id."""
    if keep not in ("mine", "theirs"):
        raise ValidationError("keep", "bad_choice", keep)
    with agenda.engine.begin() as conn:
        query = select(sync_conflicts, sync_calendars.c.closer_id).join(
            sync_calendars, sync_calendars.c.id == sync_conflicts.c.calendar_id
        )
        if isinstance(key, int) or str(key).isdigit():
            uid = conn.execute(
                select(appointments.c.uid).where(appointments.c.id == int(key))
            ).scalar()
            query = query.where(sync_conflicts.c.uid == (uid or ""))
        else:
            query = query.where(sync_conflicts.c.uid == str(key))
        row = conn.execute(query).first()
        if row is None:
            raise NotFoundError("conflict", key)
        theirs = from_plain(json.loads(row.theirs))
        mine = L.local_calls(conn, row.closer_id, {row.uid}).get(row.uid)
        # Either way the server's version becomes the agreed one: "mine" then differs from
        # it and is pushed with If-Match on the server's ETag; "theirs" is applied now.
        L.record(conn, row.calendar_id, row.uid, row.href, row.etag, theirs)
        L.drop_conflict(conn, row.calendar_id, row.uid)
        if keep == "theirs" or mine is None:
            kept = L.apply_call(conn, row.closer_id, theirs, mine, R.to_epoch(agenda.now()))
            # The server's version may name another company or prospect: as after a pull.
            agenda.note_changes(
                Changes(
                    appointments=frozenset({kept}),
                    call_closers=frozenset({row.closer_id}),
                    unknown=True,
                )
            )
            return kept
        return mine.id


def flags(agenda: Agenda, closer_id: int | None = None) -> list[FlaggedCall]:
    """Calls the last syncs flagged as overlapping, by appointment id."""
    query = select(sync_flags).order_by(sync_flags.c.appointment_id)
    if closer_id is not None:
        query = query.join(appointments, appointments.c.id == sync_flags.c.appointment_id).where(
            appointments.c.closer_id == closer_id
        )
    with agenda.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [FlaggedCall(r.appointment_id, Flag(r.flag), r.other_id) for r in rows]


def states(agenda: Agenda) -> list[State]:
    """One ``State`` per synced closer (the window's status bar, ``sync status``)."""
    return [
        State(
            account=account,
            pending=pending(agenda, account.closer_id),
            conflicts=tuple(conflicts(agenda, account.closer_id)),
            flags=tuple(flags(agenda, account.closer_id)),
        )
        for account in accounts(agenda)
    ]


def forget_account(agenda: Agenda, closer: Closer) -> None:
    """Stop sharing a closer's calls: the account, its status and its password go; the calls
    stay in the agenda and on the server."""
    rows = _rows(agenda, closer.id)
    with agenda.engine.begin() as conn:
        conn.execute(delete(sync_calendars).where(sync_calendars.c.closer_id == closer.id))
    for row in rows:
        if row.username:
            secrets.forget_secret(PURPOSE, account_key(row.username, row.url))


__all__ = [
    "ENV_PASSWORD",
    "Account",
    "Conflict",
    "FlaggedCall",
    "SetUp",
    "State",
    "accounts",
    "check_connection",
    "conflicts",
    "flags",
    "pending",
    "resolve",
    "set_up",
    "states",
    "sync",
]
