"""The Agenda facade: everything the CLI and the window do to the agenda file goes through it."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from closer_desk.core import lifecycle, parse, tz
from closer_desk.core.booking_checks import Surroundings
from closer_desk.core.errors import ConflictError, NotFoundError, ValidationError
from closer_desk.core.model import (
    ACTIVE_STATUSES,
    AgendaEntry,
    Appointment,
    Booking,
    BusyBlock,
    CallKind,
    Changes,
    Outcome,
    Status,
)
from closer_desk.core.timerange import check_call_in_range, check_in_range
from closer_desk.store import rows as R
from closer_desk.store.directory import DirectoryMixin, Key
from closer_desk.store.entry_sql import APPOINTMENT, CONFLICTS, HISTORY, entries_sql, run_sql
from closer_desk.store.sql import fetch_named, fetch_one_named, insert_row, scalar, update_row
from closer_desk.store.sync.rights import SHARED_COLUMNS, refuse_if_read_only

if TYPE_CHECKING:  # built on first use (store.connection)
    from sqlalchemy import Engine

    from closer_desk.store.connection import AgendaFile

Clock = Callable[[], datetime]
_ACTIVE = tuple(s.value for s in ACTIVE_STATUSES)
# Fields whose change the prospect must hear about: each bumps the invite's SEQUENCE.
SEQUENCED = ("wall_start", "zone", "fold", "minutes", "url", "phone", "kind", "status")
# Columns only the call's desk shows: a change to them alone leaves the agenda views as they are.
_PRIVATE = frozenset({"notes", "updated_utc"})


def _system_clock() -> datetime:
    return datetime.now(UTC)


class Agenda(DirectoryMixin):
    """One agenda file: closers, companies, prospects, appointments and busy time.

    Every public method is one transaction and returns core objects.

    Attributes:
        file: the file's connections (private to ``store``; the facade's statements are SQL
            text run on them, the modules written with SQLAlchemy Core use ``engine``).
        path: the agenda file.
    """

    def __init__(
        self,
        file: AgendaFile,
        *,
        clock: Clock | None = None,
        refresh_utc: bool = True,
    ) -> None:
        self.file = file
        self.path = file.path
        self._clock: Clock = clock or _system_clock
        self._changes = Changes()
        # Not on a file that cannot be written (a read-only agenda is read as it is).
        if refresh_utc:
            self._refresh_utc_if_tz_changed()
        self._changes = Changes()  # a tz upgrade at opening is not a write anyone waits for

    @property
    def engine(self) -> Engine:
        """SQLAlchemy's engine on the file, built on first use (``store.connection``)."""
        return self.file.engine

    # -- what was written ----------------------------------------------------------------
    def note_changes(self, changes: Changes) -> None:
        """Record what a write just changed (every mutation of the store calls it)."""
        self._changes = self._changes | changes

    def take_changes(self) -> Changes:
        """What was written since the last call, and forget it: the window's worker asks after
        each write it runs (the CLI never asks; nothing else writes through this object)."""
        changes, self._changes = self._changes, Changes()
        return changes

    def _note_calls(
        self, ids: Iterable[int], closers: Iterable[int], prospects: Iterable[int]
    ) -> None:
        self.note_changes(
            Changes(
                appointments=frozenset(ids),
                call_closers=frozenset(closers),
                call_prospects=frozenset(prospects),
            )
        )

    def close(self) -> None:
        """Release the file."""
        self.file.close()

    def __enter__(self) -> Agenda:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def batch(self) -> Iterator[Agenda]:
        """Run several calls as one transaction: all of them are written, or none.

        For one thread at a time (the worker thread or a CLI command); a batch inside a
        batch (a command's, with the message announcing it inside) joins it.
        """
        with self.file.batch():
            yield self

    def now(self) -> datetime:
        """The injected clock's aware now."""
        return tz.require_aware(self._clock())

    # -- the time model ------------------------------------------------------------------
    def _refresh_utc_if_tz_changed(self) -> None:
        import tzdata

        version = tzdata.IANA_VERSION
        with self.file.reading() as db:
            stored = scalar(db, "SELECT value FROM settings WHERE key = 'tzdata'")
        if stored != version:
            self.recompute_utc(tzdata_version=version)

    def recompute_utc(self, *, tzdata_version: str | None = None) -> int:
        """Recompute the UTC index of calls not yet over from their agreed wall time and zone.

        Run when the tz database's rules change, so that a future call keeps the local time
        that was agreed. Returns how many rows moved.
        """
        now = R.to_epoch(self.now())
        moved = 0
        with self.file.writing() as db:
            rows = fetch_named(
                db,
                "SELECT id, wall_start, zone, fold, minutes, start_utc, closer_id, prospect_id"
                " FROM appointments WHERE end_utc >= ?",
                (now,),
            )
            for row in rows:
                start = R.to_epoch(R.start_from_columns(row.wall_start, row.zone, row.fold))
                if start != row.start_utc:
                    update_row(
                        db,
                        "appointments",
                        row.id,
                        {"start_utc": start, "end_utc": start + row.minutes * 60},
                    )
                    moved += 1
                    self._note_calls((row.id,), (row.closer_id,), (row.prospect_id,))
            if tzdata_version is not None:
                db.execute("DELETE FROM settings WHERE key = 'tzdata'")
                db.execute(
                    "INSERT INTO settings (key, value) VALUES ('tzdata', ?)", (tzdata_version,)
                )
        return moved

    # -- queries -------------------------------------------------------------------------
    def appointment(self, appointment_id: int) -> Appointment:
        """One appointment by id."""
        with self.file.reading() as db:
            keys, rows = run_sql(db, APPOINTMENT, {"id": int(appointment_id)})
        if not rows:
            raise NotFoundError("appointment", appointment_id)
        return R.appointment_reader(keys)(rows[0])

    def appointments(
        self,
        start: datetime,
        end: datetime,
        *,
        closer_id: int | None = None,
        include_cancelled: bool = True,
    ) -> list[Appointment]:
        """Appointments overlapping ``[start, end)``, by start."""
        return [
            e.appointment
            for e in self.entries(
                start, end, closer_id=closer_id, include_cancelled=include_cancelled
            )
        ]

    def entries(
        self,
        start: datetime,
        end: datetime,
        *,
        closer_id: int | None = None,
        company_ids: frozenset[int] | None = None,
        include_cancelled: bool = True,
    ) -> list[AgendaEntry]:
        """Appointments overlapping ``[start, end)`` with the names a listing shows."""
        lo, hi = R.to_epoch(start), R.to_epoch(end)
        if hi <= lo:
            raise ValidationError("to", "end_before_start", end.isoformat())
        sql = entries_sql(
            one_closer=closer_id is not None,
            live_only=not include_cancelled,
            companies=None if company_ids is None else len(company_ids),
        )
        params: dict[str, Any] = {
            "lo": lo,
            "hi": hi,
            "closer_id": closer_id,
            "cancelled": Status.CANCELLED.value,
        }
        params.update((f"c{i}", int(c)) for i, c in enumerate(sorted(company_ids or ())))
        with self.file.reading() as db:
            keys, rows = run_sql(db, sql, params)
        entry = R.entry_reader(keys)
        return [entry(row) for row in rows]

    def entry(self, appointment_id: int) -> AgendaEntry:
        """One appointment with its names."""
        appointment = self.appointment(appointment_id)
        found = [
            e
            for e in self.entries(
                appointment.start, appointment.end, closer_id=appointment.closer_id
            )
            if e.appointment.id == appointment.id
        ]
        return found[0]

    def conflicts(
        self, closer_id: int, start: datetime, end: datetime, *, exclude_id: int | None = None
    ) -> list[Appointment]:
        """The closer's live calls overlapping ``[start, end)`` (cancelled and no-shows free
        their time)."""
        lo, hi = R.to_epoch(start), R.to_epoch(end)
        with self.file.reading() as db:
            return self._conflicts(db, closer_id, lo, hi, exclude_id)

    def _conflicts(
        self, db: sqlite3.Connection, closer_id: int, lo: int, hi: int, exclude_id: int | None
    ) -> list[Appointment]:
        # ids start at 1: 0 excludes nothing and keeps one statement
        params = {"closer_id": closer_id, "lo": lo, "hi": hi, "exclude_id": exclude_id or 0}
        keys, rows = run_sql(db, CONFLICTS, params)
        read = R.appointment_reader(keys)
        return [read(r) for r in rows]

    def prospect_conflicts(
        self,
        prospect_id: int,
        start: datetime,
        end: datetime,
        *,
        closer_id: int | None = None,
        exclude_id: int | None = None,
    ) -> list[AgendaEntry]:
        """The prospect's live calls with closers other than ``closer_id`` overlapping
        ``[start, end)``: a prospect takes one call at a time, whoever the closer."""
        lo, hi = R.to_epoch(start), R.to_epoch(end)
        with self.file.reading() as db:
            return self._prospect_conflicts(db, prospect_id, closer_id, lo, hi, exclude_id)

    def _prospect_conflicts(
        self,
        db: sqlite3.Connection,
        prospect_id: int,
        closer_id: int | None,
        lo: int,
        hi: int,
        exclude_id: int | None,
    ) -> list[AgendaEntry]:
        sql = entries_sql(one_closer=False, live_only=True, companies=None, one_prospect=True)
        params = {
            "lo": lo,
            "hi": hi,
            "prospect_id": int(prospect_id),
            "cancelled": Status.CANCELLED.value,
        }
        keys, rows = run_sql(db, sql, params)
        entry = R.entry_reader(keys)
        return [
            e
            for e in map(entry, rows)
            if e.appointment.status in ACTIVE_STATUSES
            and e.appointment.closer_id != closer_id
            and e.appointment.id != exclude_id
        ]

    def _refuse_conflicts(
        self,
        db: sqlite3.Connection,
        closer_id: int,
        prospect_id: int,
        lo: int,
        hi: int,
        exclude_id: int | None,
    ) -> None:
        """Raise ``ConflictError`` when ``[lo, hi)`` overlaps a live call of the closer or of
        the prospect (with another closer)."""
        mine = self._conflicts(db, closer_id, lo, hi, exclude_id)
        theirs = self._prospect_conflicts(db, prospect_id, closer_id, lo, hi, exclude_id)
        if mine or theirs:
            raise ConflictError(tuple(mine), tuple(theirs))

    def surroundings(
        self,
        closer_id: int,
        prospect_id: int,
        start: datetime,
        minutes: int,
        *,
        exclude_id: int | None = None,
    ) -> Surroundings:
        """What the agenda holds around a call of ``minutes`` at ``start``, for
        ``core.booking_checks.warnings_for``: the closer's live calls from a day before to a
        day after (conflicts, buffers, the daily cap), the prospect's live calls with other
        closers overlapping it, and the closer's busy time overlapping it."""
        lo = R.to_epoch(start)
        hi = lo + int(minutes) * 60
        end = R.from_epoch(hi)
        day = timedelta(days=1)
        calls = [
            a
            for a in self.appointments(
                start - day, end + day, closer_id=closer_id, include_cancelled=False
            )
            if a.status in ACTIVE_STATUSES and a.id != exclude_id
        ]
        with self.file.reading() as db:
            theirs = self._prospect_conflicts(db, prospect_id, closer_id, lo, hi, exclude_id)
        busy = self.busy_blocks(closer_id, start, end)
        return Surroundings(tuple(calls), tuple(theirs), tuple(busy))

    def history(self, prospect_key: Key) -> list[Appointment]:
        """Every call with a prospect, oldest first."""
        with self.file.reading() as db:
            prospect_id = self._resolve_id(db, "prospects", "prospect", prospect_key)
            keys, rows = run_sql(db, HISTORY, {"prospect_id": prospect_id})
        read = R.appointment_reader(keys)
        return [read(r) for r in rows]

    def busy_blocks(self, closer_id: int, start: datetime, end: datetime) -> list[BusyBlock]:
        """Imported busy time of a closer overlapping ``[start, end)``."""
        lo, hi = R.to_epoch(start), R.to_epoch(end)
        with self.file.reading() as db:
            reach = int(scalar(db, "SELECT max(end_utc - start_utc) FROM busy_blocks") or 0)
            rows = fetch_named(
                db,
                "SELECT * FROM busy_blocks WHERE closer_id = :closer_id"
                " AND start_utc >= :reach AND start_utc < :hi AND end_utc > :lo"
                " ORDER BY start_utc",
                {"closer_id": closer_id, "reach": lo - reach, "hi": hi, "lo": lo},
            )
        return [R.busy_from_row(r) for r in rows]

    # -- mutations -----------------------------------------------------------------------
    def book(self, *, force: bool = False, **fields: Any) -> Appointment:
        """Book a call described by keywords (those of ``core.model.Booking``); see
        ``book_call``."""
        return self.book_call(Booking(**fields), force=force)

    def book_call(self, booking: Booking, *, force: bool = False) -> Appointment:
        """Book a call at the aware ``booking.start`` (its zone is the agreed zone).

        Raises ``ConflictError`` naming the overlapped calls unless ``force``, and
        ``ValidationError`` for a start or an end outside the supported years
        (``core.timerange``).
        """
        b = booking
        tz.require_aware(b.start)
        check_in_range(b.start, "start")
        # The write lock is taken at once: the conflict check and the write see the same file.
        with self.file.writing() as db:
            company_id = self._resolve_id(db, "companies", "company", b.company)
            prospect_id = self._resolve_id(db, "prospects", "prospect", b.prospect)
            if b.closer is None:
                closer_id = scalar(db, "SELECT id FROM closers ORDER BY id LIMIT 1")
                if closer_id is None:
                    raise NotFoundError("closer", "")
            else:
                closer_id = self._resolve_id(db, "closers", "closer", b.closer)
            refuse_if_read_only(db, closer_id)  # a call the closer's calendar cannot take
            co = fetch_one_named(db, "SELECT * FROM companies WHERE id = ?", (company_id,))
            pr = fetch_one_named(db, "SELECT * FROM prospects WHERE id = ?", (prospect_id,))
            call_kind = parse.parse_choice(b.kind or co.default_kind, CallKind, "kind")
            length = parse.parse_minutes(b.minutes if b.minutes is not None else co.default_minutes)
            link = parse.parse_video_url(
                b.url
                if b.url is not None
                else (co.default_video_url if call_kind == CallKind.VIDEO else "")
            )
            number = parse.parse_phone(
                b.phone
                if b.phone is not None
                else (pr.phone if call_kind == CallKind.PHONE else ""),
                pr.country,
            )
            check_call_in_range(b.start, length)
            reminder = self._reminder(b.reminder_minutes)
            lo = R.to_epoch(b.start)
            hi = lo + length * 60
            if not force:
                self._refuse_conflicts(db, closer_id, prospect_id, lo, hi, None)
            now = R.to_epoch(self.now())
            new_id = insert_row(
                db,
                "appointments",
                {
                    "closer_id": closer_id,
                    "company_id": company_id,
                    "prospect_id": prospect_id,
                    "kind": call_kind.value,
                    "minutes": length,
                    "start_utc": lo,
                    "end_utc": hi,
                    "status": Status(b.status).value,
                    "url": link,
                    "phone": number,
                    "reminder_minutes": reminder,
                    "uid": b.uid or f"{uuid.uuid4()}@closer-desk",
                    "notes": b.notes,
                    "previous_id": b.previous_id,
                    "created_utc": now,
                    "updated_utc": now,
                    **R.wall_columns(b.start),
                },
            )
        self._note_calls((new_id,), (closer_id,), (prospect_id,))
        return self.appointment(new_id)

    @staticmethod
    def _reminder(value: int) -> int:
        try:
            minutes = int(value)
        except (TypeError, ValueError) as exc:
            raise ValidationError("reminder", "not_a_number", value) from exc
        if not 0 <= minutes <= 7 * 24 * 60:
            raise ValidationError("reminder", "out_of_range", value)
        return minutes

    def _update(
        self, appointment_id: int, values: dict[str, Any], *, check_conflicts: bool, force: bool
    ) -> Appointment:
        current = self.appointment(appointment_id)
        # The write lock is taken at once: the conflict check and the write see the same file.
        with self.file.writing() as db:
            row = fetch_one_named(db, "SELECT * FROM appointments WHERE id = ?", (current.id,))
            if row is None:
                raise NotFoundError("appointment", appointment_id)
            changed = {k: v for k, v in values.items() if getattr(row, k) != v}
            if not changed:
                return current
            if SHARED_COLUMNS.intersection(changed):
                refuse_if_read_only(db, row.closer_id)
            if check_conflicts and not force:
                self._refuse_conflicts(
                    db,
                    row.closer_id,
                    changed.get("prospect_id", row.prospect_id),
                    changed.get("start_utc", row.start_utc),
                    changed.get("end_utc", row.end_utc),
                    row.id,
                )
            if any(k in changed for k in SEQUENCED):
                changed["sequence"] = row.sequence + 1
            changed["updated_utc"] = R.to_epoch(self.now())
            update_row(db, "appointments", row.id, changed)
        if _PRIVATE.issuperset(changed):
            self.note_changes(Changes(notes=frozenset({row.id})))
        else:
            self._note_calls(
                (row.id,),
                {row.closer_id, changed.get("closer_id", row.closer_id)},
                {row.prospect_id, changed.get("prospect_id", row.prospect_id)},
            )
        return self.appointment(current.id)

    def move(
        self,
        appointment_id: int,
        start: datetime,
        *,
        minutes: int | None = None,
        force: bool = False,
    ) -> Appointment:
        """Move (and optionally resize) a call; the invite's SEQUENCE goes up."""
        tz.require_aware(start)
        check_in_range(start, "start")
        current = self.appointment(appointment_id)
        if current.status == Status.CANCELLED:
            raise ValidationError("id", "cancelled", appointment_id)
        lifecycle.check_move(current, start, self.now())
        length = parse.parse_minutes(minutes if minutes is not None else current.minutes)
        check_call_in_range(start, length)
        lo = R.to_epoch(start)
        values = {
            **R.wall_columns(start),
            "minutes": length,
            "start_utc": lo,
            "end_utc": lo + length * 60,
        }
        return self._update(current.id, values, check_conflicts=True, force=force)

    def update_details(
        self, appointment_id: int, *, force: bool = False, **fields: Any
    ) -> Appointment:
        """Change kind, link, number, reminder, notes, prospect or company of a call.

        Another prospect must be free at the call's time (``ConflictError`` unless ``force``).
        """
        current = self.appointment(appointment_id)
        values: dict[str, Any] = {}
        if "kind" in fields:
            values["kind"] = parse.parse_choice(fields.pop("kind"), CallKind, "kind").value
        if "url" in fields:
            values["url"] = parse.parse_video_url(fields.pop("url"))
        if "phone" in fields:
            values["phone"] = parse.parse_phone(fields.pop("phone"))
        if "reminder_minutes" in fields:
            values["reminder_minutes"] = self._reminder(fields.pop("reminder_minutes"))
        if "notes" in fields:
            values["notes"] = str(fields.pop("notes"))
        with self.file.reading() as db:
            if "company" in fields:
                values["company_id"] = self._resolve_id(
                    db, "companies", "company", fields.pop("company")
                )
            if "prospect" in fields:
                values["prospect_id"] = self._resolve_id(
                    db, "prospects", "prospect", fields.pop("prospect")
                )
        if fields:
            raise ValidationError(next(iter(fields)), "unknown_field")
        other_prospect = values.get("prospect_id", current.prospect_id) != current.prospect_id
        live = current.status in ACTIVE_STATUSES
        return self._update(
            current.id, values, check_conflicts=other_prospect and live, force=force
        )

    def set_status(
        self, appointment_id: int, status: Status | str, *, undo_outcome: bool = False
    ) -> Appointment:
        """Set the status (confirmed, done, no-show, planned) as ``core.lifecycle`` allows
        (``CallStateError`` otherwise); cancel with ``cancel``."""
        new = parse.parse_choice(status, Status, "status")
        return self._change_state(
            appointment_id, lifecycle.action_for_status(new), {}, undo_outcome=undo_outcome
        )

    def cancel(self, appointment_id: int, *, undo_outcome: bool = False) -> Appointment:
        """Cancel a call: its time is freed and its next invite is a CANCEL.

        A call that was held or missed is not cancelled (``CallStateError``) unless
        ``undo_outcome``, which also removes its outcome, deal and commission: a cancelled
        call never counts in a report.
        """
        return self._change_state(
            appointment_id, lifecycle.Action.CANCEL, {}, undo_outcome=undo_outcome
        )

    def _change_state(
        self,
        appointment_id: int,
        action: lifecycle.Action,
        values: dict[str, Any],
        *,
        undo_outcome: bool = False,
    ) -> Appointment:
        """Apply ``action`` (with the outcome's ``values``) if the call's life allows it."""
        current = self.appointment(appointment_id)
        new = lifecycle.next_status(current, action, self.now(), undo_outcome=undo_outcome)
        changed: dict[str, Any] = {"status": new.value, **values}
        if lifecycle.clears_outcome(action):
            changed.update(_NO_OUTCOME)
        # A call coming back to life must find its time free again.
        revived = new in ACTIVE_STATUSES and current.status not in ACTIVE_STATUSES
        return self._update(current.id, changed, check_conflicts=revived, force=False)

    def delete_appointment(self, appointment_id: int) -> None:
        """Remove a call entirely (undo of a creation; a user cancels instead)."""
        with self.file.writing() as db:
            owner = fetch_one_named(
                db,
                "SELECT closer_id, prospect_id FROM appointments WHERE id = ?",
                (int(appointment_id),),
            )
            db.execute(
                "UPDATE appointments SET previous_id = NULL WHERE previous_id = ?",
                (int(appointment_id),),
            )
            result = db.execute("DELETE FROM appointments WHERE id = ?", (int(appointment_id),))
            if result.rowcount == 0 or owner is None:
                raise NotFoundError("appointment", appointment_id)
        self._note_calls((int(appointment_id),), (owner.closer_id,), (owner.prospect_id,))

    def set_outcome(
        self,
        appointment_id: int,
        outcome: str,
        *,
        value: Decimal | str | None = None,
        currency: str | None = None,
        reason: str = "",
        commission_rate: Decimal | str | None = None,
        undo_outcome: bool = False,
    ) -> Appointment:
        """Record what came of a call: ``won`` (with value and currency), ``lost``, ``follow-up``
        or ``no-show`` (a status rather than an outcome).

        Only once the call has started, by the agenda's clock (``core.lifecycle``;
        ``CallStateError`` otherwise). A no-show over a recorded outcome needs
        ``undo_outcome``.
        """
        try:
            action = lifecycle.Action(outcome)
        except ValueError as exc:
            raise ValidationError("outcome", "unknown_outcome", outcome) from exc
        result = lifecycle.outcome_of(action)
        if result is None and action != lifecycle.Action.NO_SHOW:
            raise ValidationError("outcome", "unknown_outcome", outcome)
        current = self.appointment(appointment_id)
        values: dict[str, Any] = {}
        if result is not None:
            values = {"outcome": result.value, "lost_reason": ""}
            if result == Outcome.WON:
                if value is None:
                    raise ValidationError("value", "missing", None)
                values["deal_value"] = str(parse.parse_money(value))
                values["currency"] = parse.parse_currency(currency or "EUR")
                if commission_rate is not None:
                    values["commission_rate"] = str(
                        parse.parse_rate(commission_rate, "commission_rate")
                    )
                # Frozen: renegotiating the company's rate later must not re-price this deal.
                values["company_rate"] = str(self.company(current.company_id).commission_rate)
            else:
                if value is not None:
                    raise ValidationError("value", "only_when_won", value)
                values.update(deal_value=None, currency="", company_rate=None)
                if result == Outcome.LOST:
                    values["lost_reason"] = reason.strip()
        elif value is not None:
            raise ValidationError("value", "only_when_won", value)
        return self._change_state(current.id, action, values, undo_outcome=undo_outcome)

    def count_appointments(self) -> int:
        """How many appointments the agenda holds."""
        with self.file.reading() as db:
            return int(scalar(db, "SELECT count(*) FROM appointments"))

    def is_empty(self) -> bool:
        """True when the agenda has no company, prospect and appointment yet (first run)."""
        with self.file.reading() as db:
            for table in ("companies", "prospects", "appointments"):
                if db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
                    return False
        return True


#: The columns of an outcome, emptied when a call loses it (cancelled, a no-show, replanned).
_NO_OUTCOME: dict[str, Any] = {
    "outcome": None,
    "deal_value": None,
    "currency": "",
    "lost_reason": "",
    "commission_rate": None,
    "company_rate": None,
}
