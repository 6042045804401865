"""The Agenda facade: everything the CLI and the window do to the agenda file goes through it."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from closer_desk.core import parse, tz
from closer_desk.core.errors import ConflictError, NotFoundError, ValidationError
from closer_desk.core.model import (
    ACTIVE_STATUSES,
    AgendaEntry,
    Appointment,
    BusyBlock,
    CallKind,
    Outcome,
    Status,
)
from closer_desk.store import queries as Q
from closer_desk.store import rows as R
from closer_desk.store.batch import write_lock
from closer_desk.store.directory import DirectoryMixin, Key
from closer_desk.store.entry_sql import entries_sql, run_text
from closer_desk.store.schema import (
    appointments,
    busy_blocks,
    closers,
    companies,
    prospects,
    settings,
)
from closer_desk.store.sync.rights import SHARED_COLUMNS, refuse_if_read_only

Clock = Callable[[], datetime]
_ACTIVE = tuple(s.value for s in ACTIVE_STATUSES)
# Fields whose change the prospect must hear about: each bumps the invite's SEQUENCE.
_SEQUENCED = ("wall_start", "zone", "fold", "minutes", "url", "phone", "kind", "status")


def _system_clock() -> datetime:
    return datetime.now(UTC)


class Agenda(DirectoryMixin):
    """One agenda file: closers, companies, prospects, appointments and busy time.

    Every public method is one transaction and returns core objects.

    Attributes:
        engine: the SQLAlchemy engine (private to ``store``).
        path: the agenda file, or None in memory.
    """

    def __init__(
        self, engine: Engine, *, clock: Clock | None = None, path: Path | None = None
    ) -> None:
        self.engine = engine
        self.path = path
        self._clock: Clock = clock or _system_clock
        self._refresh_utc_if_tz_changed()

    def close(self) -> None:
        """Release the file."""
        self.engine.dispose()

    def __enter__(self) -> Agenda:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def batch(self) -> Iterator[Agenda]:
        """Run several calls as one transaction: all of them are written, or none.

        For one thread at a time (the worker thread or a CLI command).
        """
        from closer_desk.store.batch import one_transaction

        real = self.engine
        with one_transaction(real) as single:
            self.engine = single  # type: ignore[assignment]
            try:
                yield self
            finally:
                self.engine = real

    def now(self) -> datetime:
        """The injected clock's aware now."""
        return tz.require_aware(self._clock())

    # -- the time model ------------------------------------------------------------------
    def _refresh_utc_if_tz_changed(self) -> None:
        import tzdata

        version = tzdata.IANA_VERSION
        with self.engine.connect() as conn:
            stored = conn.execute(
                select(settings.c.value).where(settings.c.key == "tzdata")
            ).scalar()
        if stored != version:
            self.recompute_utc(tzdata_version=version)

    def recompute_utc(self, *, tzdata_version: str | None = None) -> int:
        """Recompute the UTC index of calls not yet over from their agreed wall time and zone.

        Run when the tz database's rules change, so that a future call keeps the local time
        that was agreed. Returns how many rows moved.
        """
        now = R.to_epoch(self.now())
        moved = 0
        with self.engine.begin() as conn:
            rows = conn.execute(
                select(
                    appointments.c.id,
                    appointments.c.wall_start,
                    appointments.c.zone,
                    appointments.c.fold,
                    appointments.c.minutes,
                    appointments.c.start_utc,
                ).where(appointments.c.end_utc >= now)
            ).all()
            for row in rows:
                start = R.to_epoch(R.start_from_columns(row.wall_start, row.zone, row.fold))
                if start != row.start_utc:
                    conn.execute(
                        update(appointments)
                        .where(appointments.c.id == row.id)
                        .values(start_utc=start, end_utc=start + row.minutes * 60)
                    )
                    moved += 1
            if tzdata_version is not None:
                conn.execute(delete(settings).where(settings.c.key == "tzdata"))
                conn.execute(insert(settings).values(key="tzdata", value=tzdata_version))
        return moved

    # -- queries -------------------------------------------------------------------------
    def appointment(self, appointment_id: int) -> Appointment:
        """One appointment by id."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(appointments).where(appointments.c.id == int(appointment_id))
            ).first()
        if row is None:
            raise NotFoundError("appointment", appointment_id)
        return R.appointment_from_row(row)

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
        with self.engine.connect() as conn:
            keys, rows = run_text(conn, sql, params)
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
        with self.engine.connect() as conn:
            return self._conflicts(conn, closer_id, lo, hi, exclude_id)

    def _conflicts(
        self, conn: Connection, closer_id: int, lo: int, hi: int, exclude_id: int | None
    ) -> list[Appointment]:
        # ids start at 1: 0 excludes nothing and keeps one prebuilt statement
        params = {"closer_id": closer_id, "lo": lo, "hi": hi, "exclude_id": exclude_id or 0}
        result = conn.execute(Q.CONFLICTS, params)
        read = R.appointment_reader(tuple(result.keys()))
        return [read(r) for r in result]

    def history(self, prospect_key: Key) -> list[Appointment]:
        """Every call with a prospect, oldest first."""
        with self.engine.connect() as conn:
            prospect_id = self._resolve_id(conn, prospects, "prospect", prospect_key)
            rows = conn.execute(
                select(appointments)
                .where(appointments.c.prospect_id == prospect_id)
                .order_by(appointments.c.start_utc)
            ).all()
        return [R.appointment_from_row(r) for r in rows]

    def busy_blocks(self, closer_id: int, start: datetime, end: datetime) -> list[BusyBlock]:
        """Imported busy time of a closer overlapping ``[start, end)``."""
        lo, hi = R.to_epoch(start), R.to_epoch(end)
        with self.engine.connect() as conn:
            reach = int(
                conn.execute(
                    select(func.max(busy_blocks.c.end_utc - busy_blocks.c.start_utc))
                ).scalar()
                or 0
            )
            rows = conn.execute(
                select(busy_blocks)
                .where(
                    busy_blocks.c.closer_id == closer_id,
                    busy_blocks.c.start_utc >= lo - reach,
                    busy_blocks.c.start_utc < hi,
                    busy_blocks.c.end_utc > lo,
                )
                .order_by(busy_blocks.c.start_utc)
            ).all()
        return [R.busy_from_row(r) for r in rows]

    # -- mutations -----------------------------------------------------------------------
    def book(
        self,
        *,
        company: Key,
        prospect: Key,
        start: datetime,
        minutes: int | None = None,
        kind: CallKind | str | None = None,
        url: str | None = None,
        phone: str | None = None,
        closer: Key | None = None,
        reminder_minutes: int = 15,
        notes: str = "",
        force: bool = False,
        status: Status = Status.PLANNED,
        uid: str | None = None,
        previous_id: int | None = None,
    ) -> Appointment:
        """Book a call at the aware ``start`` (its zone is the agreed zone).

        Raises ``ConflictError`` naming the overlapped calls unless ``force``.
        """
        tz.require_aware(start)
        with self.engine.begin() as conn:
            write_lock(conn)  # the conflict check and the write see the same file
            company_id = self._resolve_id(conn, companies, "company", company)
            prospect_id = self._resolve_id(conn, prospects, "prospect", prospect)
            if closer is None:
                closer_id = conn.execute(
                    select(closers.c.id).order_by(closers.c.id).limit(1)
                ).scalar()
                if closer_id is None:
                    raise NotFoundError("closer", "")
            else:
                closer_id = self._resolve_id(conn, closers, "closer", closer)
            refuse_if_read_only(conn, closer_id)  # a call the closer's calendar cannot take
            co = conn.execute(select(companies).where(companies.c.id == company_id)).one()
            pr = conn.execute(select(prospects).where(prospects.c.id == prospect_id)).one()
            call_kind = parse.parse_choice(kind or co.default_kind, CallKind, "kind")
            length = parse.parse_minutes(minutes if minutes is not None else co.default_minutes)
            link = parse.parse_video_url(
                url
                if url is not None
                else (co.default_video_url if call_kind == CallKind.VIDEO else "")
            )
            number = parse.parse_phone(
                phone if phone is not None else (pr.phone if call_kind == CallKind.PHONE else ""),
                pr.country,
            )
            reminder = self._reminder(reminder_minutes)
            lo = R.to_epoch(start)
            hi = lo + length * 60
            if not force and (clash := self._conflicts(conn, closer_id, lo, hi, None)):
                raise ConflictError(tuple(clash))
            now = R.to_epoch(self.now())
            new_id = R.new_id(
                conn.execute(
                    insert(appointments).values(
                        closer_id=closer_id,
                        company_id=company_id,
                        prospect_id=prospect_id,
                        kind=call_kind.value,
                        minutes=length,
                        start_utc=lo,
                        end_utc=hi,
                        status=Status(status).value,
                        url=link,
                        phone=number,
                        reminder_minutes=reminder,
                        uid=uid or f"{uuid.uuid4()}@closer-desk",
                        notes=notes,
                        previous_id=previous_id,
                        created_utc=now,
                        updated_utc=now,
                        **R.wall_columns(start),
                    )
                )
            )
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
        with self.engine.begin() as conn:
            write_lock(conn)  # the conflict check and the write see the same file
            row = conn.execute(select(appointments).where(appointments.c.id == current.id)).one()
            changed = {k: v for k, v in values.items() if getattr(row, k) != v}
            if not changed:
                return current
            if SHARED_COLUMNS.intersection(changed):
                refuse_if_read_only(conn, row.closer_id)
            if check_conflicts and not force:
                lo = changed.get("start_utc", row.start_utc)
                hi = changed.get("end_utc", row.end_utc)
                if clash := self._conflicts(conn, row.closer_id, lo, hi, row.id):
                    raise ConflictError(tuple(clash))
            if any(k in changed for k in _SEQUENCED):
                changed["sequence"] = row.sequence + 1
            changed["updated_utc"] = R.to_epoch(self.now())
            conn.execute(update(appointments).where(appointments.c.id == row.id).values(**changed))
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
        current = self.appointment(appointment_id)
        if current.status == Status.CANCELLED:
            raise ValidationError("id", "cancelled", appointment_id)
        length = parse.parse_minutes(minutes if minutes is not None else current.minutes)
        lo = R.to_epoch(start)
        values = {
            **R.wall_columns(start),
            "minutes": length,
            "start_utc": lo,
            "end_utc": lo + length * 60,
        }
        return self._update(current.id, values, check_conflicts=True, force=force)

    def update_details(self, appointment_id: int, **fields: Any) -> Appointment:
        """Change kind, link, number, reminder, notes, closer or company of a call."""
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
        with self.engine.connect() as conn:
            if "company" in fields:
                values["company_id"] = self._resolve_id(
                    conn, companies, "company", fields.pop("company")
                )
            if "prospect" in fields:
                values["prospect_id"] = self._resolve_id(
                    conn, prospects, "prospect", fields.pop("prospect")
                )
        if fields:
            raise ValidationError(next(iter(fields)), "unknown_field")
        return self._update(current.id, values, check_conflicts=False, force=True)

    def set_status(self, appointment_id: int, status: Status | str) -> Appointment:
        """Set the status (confirmed, done, no-show, planned); cancel with ``cancel``."""
        new = parse.parse_choice(status, Status, "status")
        values: dict[str, Any] = {"status": new.value}
        check = (
            new in ACTIVE_STATUSES
            and self.appointment(appointment_id).status not in ACTIVE_STATUSES
        )
        return self._update(appointment_id, values, check_conflicts=check, force=False)

    def cancel(self, appointment_id: int) -> Appointment:
        """Cancel a call: its time is freed and its next invite is a CANCEL."""
        return self._update(
            appointment_id, {"status": Status.CANCELLED.value}, check_conflicts=False, force=True
        )

    def restore(self, appointment: Appointment) -> Appointment:
        """Put an appointment back exactly as given (undo), keeping the SEQUENCE moving up."""
        current = self.appointment(appointment.id)
        lo = R.to_epoch(appointment.start)
        values = {
            **R.wall_columns(appointment.start),
            "minutes": appointment.minutes,
            "start_utc": lo,
            "end_utc": lo + appointment.minutes * 60,
            "status": appointment.status.value,
            "kind": appointment.kind.value,
            "url": appointment.url,
            "phone": appointment.phone,
            "reminder_minutes": appointment.reminder_minutes,
            "notes": appointment.notes,
            "company_id": appointment.company_id,
            "prospect_id": appointment.prospect_id,
            "outcome": appointment.outcome.value if appointment.outcome else None,
            "deal_value": str(appointment.deal_value)
            if appointment.deal_value is not None
            else None,
            "currency": appointment.currency,
            "lost_reason": appointment.lost_reason,
            "commission_rate": _text(appointment.commission_rate),
            "company_rate": _text(appointment.company_rate),
        }
        restored = self._update(current.id, values, check_conflicts=False, force=True)
        return restored

    def delete_appointment(self, appointment_id: int) -> None:
        """Remove a call entirely (undo of a creation; a user cancels instead)."""
        with self.engine.begin() as conn:
            conn.execute(
                update(appointments)
                .where(appointments.c.previous_id == int(appointment_id))
                .values(previous_id=None)
            )
            result = conn.execute(
                delete(appointments).where(appointments.c.id == int(appointment_id))
            )
            if result.rowcount == 0:
                raise NotFoundError("appointment", appointment_id)

    def set_outcome(
        self,
        appointment_id: int,
        outcome: str,
        *,
        value: Decimal | str | None = None,
        currency: str | None = None,
        reason: str = "",
        commission_rate: Decimal | str | None = None,
    ) -> Appointment:
        """Record what came of a call: ``won`` (with value and currency), ``lost``, ``follow-up``
        or ``no-show`` (a status rather than an outcome)."""
        current = self.appointment(appointment_id)
        if current.status == Status.CANCELLED:
            raise ValidationError("id", "cancelled", appointment_id)
        if outcome == Status.NO_SHOW.value:
            return self._update(
                current.id,
                {
                    "status": Status.NO_SHOW.value,
                    "outcome": None,
                    "deal_value": None,
                    "currency": "",
                    "company_rate": None,
                },
                check_conflicts=False,
                force=True,
            )
        try:
            result = Outcome(outcome)
        except ValueError as exc:
            raise ValidationError("outcome", "unknown_outcome", outcome) from exc
        values: dict[str, Any] = {
            "status": Status.DONE.value,
            "outcome": result.value,
            "lost_reason": "",
        }
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
        return self._update(current.id, values, check_conflicts=False, force=True)

    def count_appointments(self) -> int:
        """How many appointments the agenda holds."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(appointments)).scalar_one())

    def is_empty(self) -> bool:
        """True when the agenda has no company, prospect and appointment yet (first run)."""
        with self.engine.connect() as conn:
            for table in (companies, prospects, appointments):
                if conn.execute(select(table.c.id).limit(1)).first():
                    return False
        return True


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)
