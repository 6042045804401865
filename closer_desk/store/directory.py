"""Closers, client companies and prospects: the people side of the Agenda facade."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    Table,
    delete,
    func,
    insert,
    select,
    update,
)

from closer_desk.core import parse, tz
from closer_desk.core.errors import AmbiguousNameError, DuplicateError, NotFoundError
from closer_desk.core.model import (
    DEFAULT_CLOSER_HOURS,
    CallKind,
    Changes,
    Closer,
    Company,
    DailyInterval,
    Prospect,
    Temperature,
    WeeklyHours,
)
from closer_desk.core.timerange import check_in_range
from closer_desk.store import rows as R
from closer_desk.store.schema import (
    closers,
    companies,
    date_overrides,
    prospects,
    travel_periods,
    weekly_hours,
)

Key = int | str

# Each editable field: how to clean what the user gave (shared by add and edit).
_Cleaner = Callable[[Any], Any]
_COMPANY_FIELDS: Mapping[str, _Cleaner] = {
    "name": lambda v: _clean_name(v, "name"),
    "color": parse.parse_color,
    "commission_rate": lambda v: str(parse.parse_rate(v, "commission_rate")),
    "default_kind": lambda v: parse.parse_choice(v, CallKind, "default_kind").value,
    "default_minutes": parse.parse_minutes,
    "default_video_url": parse.parse_video_url,
    "script": str,
    "zone": tz.canonical_zone_name,
    "country": parse.parse_country,
}
_PROSPECT_FIELDS: Mapping[str, _Cleaner] = {
    "name": lambda v: _clean_name(v, "name"),
    "organisation": lambda v: str(v).strip(),
    "email": parse.parse_email,
    "phone": str,  # cleaned with the country in _clean_prospect
    "country": parse.parse_country,
    "subdivision": str,  # checked against the country in _clean_prospect
    "zone": tz.canonical_zone_name,
    "language": parse.parse_language,
    "temperature": lambda v: parse.parse_choice(v, Temperature, "temperature").value,
    "need": str,
    "motivations": str,
    "blockages": str,
    "notes": str,
}
_CLOSER_FIELDS: Mapping[str, _Cleaner] = {
    "name": lambda v: _clean_name(v, "name"),
    "email": parse.parse_email,
    "zone": tz.canonical_zone_name,
    "buffer_before": lambda v: _non_negative(v, "buffer_before"),
    "buffer_after": lambda v: _non_negative(v, "buffer_after"),
    "min_notice": lambda v: _non_negative(v, "min_notice"),
    "daily_cap": lambda v: None if v is None else parse.parse_minutes(v, "daily_cap", 1000),
    "planned_week_minutes": lambda v: (
        None if v is None else parse.parse_minutes(v, "planned_week_minutes", 7 * 24 * 60)
    ),
}


def _clean_name(value: Any, field: str) -> str:
    from closer_desk.core.errors import ValidationError

    name = " ".join(str(value).split())
    if not name:
        raise ValidationError(field, "empty", value)
    if len(name) > 200:
        raise ValidationError(field, "too_long", value, limit=200)
    return name


def _non_negative(value: Any, field: str) -> int:
    from closer_desk.core.errors import ValidationError

    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(field, "not_a_number", value) from exc
    if number < 0:
        raise ValidationError(field, "negative", value)
    return number


def _clean(fields: Mapping[str, _Cleaner], values: Mapping[str, Any]) -> dict[str, Any]:
    from closer_desk.core.errors import ValidationError

    cleaned = {}
    for key, value in values.items():
        if key not in fields:
            raise ValidationError(key, "unknown_field", value)
        cleaned[key] = fields[key](value)
    return cleaned


def _clean_prospect(values: dict[str, Any], country: str, subdivision: str = "") -> dict[str, Any]:
    # Phone and region are read in the light of the country (the new one, or the stored one).
    country = values.get("country", country)
    if "phone" in values:
        values["phone"] = parse.parse_phone(values["phone"], country)
    if "subdivision" in values or ("country" in values and subdivision):
        values["subdivision"] = parse.parse_subdivision(
            values.get("subdivision", subdivision), country
        )
    return values


def _hours_or_none(hours: WeeklyHours | bool | None) -> WeeklyHours | None:
    # Edits take False for "leave the hours be"; anything else that is not hours clears them.
    return hours if isinstance(hours, WeeklyHours) else None


class DirectoryMixin:
    """Closers, companies and prospects for ``Agenda``."""

    engine: Engine

    def note_changes(self, changes: Changes) -> None:
        """Record what a write changed (``Agenda`` keeps them)."""
        raise NotImplementedError

    # -- lookup ------------------------------------------------------------------------
    def _resolve_id(self, conn: Connection, table: Table, kind: str, key: Key) -> int:
        """An id from ``#ID``, an id, or a name: exact, then with case and accents ignored,
        then a unique part of it. A bare number is an id, unless it is also (part of) a name:
        then both are candidates. Several matches raise ``AmbiguousNameError`` with their
        ids."""
        if isinstance(key, int):
            return self._existing_id(conn, table, kind, key, key)
        text = " ".join(str(key).split())
        if (tagged := re.fullmatch(r"#\s*(\d+)", text)) is not None:
            return self._existing_id(conn, table, kind, int(tagged.group(1)), key)
        found = self._named(conn, table, text)
        if text.isdigit():
            row = conn.execute(
                select(table.c.id, table.c.name).where(table.c.id == int(text))
            ).first()
            if row is not None and all(r.id == row.id for r in found):
                return int(row.id)
            if row is not None:
                found = [row, *(r for r in found if r.id != row.id)]
        if len(found) == 1:
            return int(found[0].id)
        if found:
            raise AmbiguousNameError(
                kind, key, tuple(r.name for r in found), tuple(int(r.id) for r in found)
            )
        raise NotFoundError(kind, key)

    @staticmethod
    def _existing_id(conn: Connection, table: Table, kind: str, row_id: int, key: Key) -> int:
        if conn.execute(select(table.c.id).where(table.c.id == int(row_id))).first():
            return int(row_id)
        raise NotFoundError(kind, key)

    @staticmethod
    def _named(conn: Connection, table: Table, text: str) -> list[Any]:
        """The (id, name) rows the first of the name rules matches, by name then id."""
        folded = parse.fold(text)
        for condition in (
            table.c.name == text,
            func.fold(table.c.name) == folded,
            func.fold(table.c.name).contains(folded, autoescape=True),
        ):
            found = conn.execute(
                select(table.c.id, table.c.name).where(condition).order_by(table.c.name, table.c.id)
            ).all()
            if found:
                return list(found)
        return []

    @staticmethod
    def _same_name(conn: Connection, table: Table, name: str, other_than: int | None = None) -> Any:
        """A row whose name folds like ``name`` (case and accents ignored), or None."""
        query = select(table.c.id, table.c.name).where(func.fold(table.c.name) == parse.fold(name))
        if other_than is not None:
            query = query.where(table.c.id != other_than)
        return conn.execute(query.limit(1)).first()

    def _insert_unique(
        self, conn: Connection, table: Table, kind: str, values: dict[str, Any]
    ) -> int:
        name = values["name"]
        if (same := self._same_name(conn, table, name)) is not None:
            raise DuplicateError(kind, name, same.id)
        return R.new_id(conn.execute(insert(table).values(**values)))

    def _check_rename(
        self, conn: Connection, table: Table, kind: str, row_id: int, values: dict[str, Any]
    ) -> None:
        if "name" in values:
            same = self._same_name(conn, table, values["name"], other_than=row_id)
            if same is not None:
                raise DuplicateError(kind, values["name"], same.id)

    def _hours(self, conn: Connection, owner: str, owner_id: int) -> WeeklyHours | None:
        rows = conn.execute(
            select(weekly_hours.c.weekday, weekly_hours.c.start_min, weekly_hours.c.end_min).where(
                weekly_hours.c[owner] == owner_id
            )
        ).all()
        return R.hours_from_rows(rows) if rows else None

    def _set_hours(
        self, conn: Connection, owner: str, owner_id: int, hours: WeeklyHours | None
    ) -> None:
        conn.execute(delete(weekly_hours).where(weekly_hours.c[owner] == owner_id))
        if hours is not None and (rows := R.hours_to_rows(hours)):
            conn.execute(insert(weekly_hours), [{owner: owner_id, **r} for r in rows])

    # -- closers -----------------------------------------------------------------------
    def add_closer(
        self, name: str, zone: str, *, hours: WeeklyHours | None = None, **fields: Any
    ) -> Closer:
        """Add a closer (default hours Monday–Friday 09:00–18:00 in their zone)."""
        values = _clean(_CLOSER_FIELDS, {"name": name, "zone": zone, **fields})
        with self.engine.begin() as conn:
            closer_id = self._insert_unique(conn, closers, "closer", values)
            self._set_hours(conn, "closer_id", closer_id, hours or DEFAULT_CLOSER_HOURS)
        self.note_changes(Changes(closers=frozenset({closer_id})))
        return self.closer(closer_id)

    def edit_closer(self, key: Key, *, hours: WeeklyHours | None = None, **fields: Any) -> Closer:
        """Change a closer's fields and, if given, their weekly hours."""
        values = _clean(_CLOSER_FIELDS, fields)
        with self.engine.begin() as conn:
            closer_id = self._resolve_id(conn, closers, "closer", key)
            self._check_rename(conn, closers, "closer", closer_id, values)
            if values:
                conn.execute(update(closers).where(closers.c.id == closer_id).values(**values))
            if hours is not None:
                self._set_hours(conn, "closer_id", closer_id, hours)
        self.note_changes(Changes(closers=frozenset({closer_id})))
        return self.closer(closer_id)

    def closer(self, key: Key | None = None) -> Closer:
        """One closer by id or name; with no key, the agenda's first closer."""
        with self.engine.connect() as conn:
            if key is None:
                row = conn.execute(select(closers).order_by(closers.c.id).limit(1)).first()
                if row is None:
                    raise NotFoundError("closer", "")
            else:
                closer_id = self._resolve_id(conn, closers, "closer", key)
                row = conn.execute(select(closers).where(closers.c.id == closer_id)).one()
            overrides = conn.execute(
                select(date_overrides.c.day, date_overrides.c.intervals)
                .where(date_overrides.c.closer_id == row.id)
                .order_by(date_overrides.c.day)
            ).all()
            travels = conn.execute(
                select(travel_periods.c.first_day, travel_periods.c.last_day, travel_periods.c.zone)
                .where(travel_periods.c.closer_id == row.id)
                .order_by(travel_periods.c.first_day)
            ).all()
            return R.closer_from_row(
                row, self._hours(conn, "closer_id", row.id), overrides, travels
            )

    def closers(self) -> list[Closer]:
        """Every closer, by name."""
        with self.engine.connect() as conn:
            ids = conn.execute(select(closers.c.id).order_by(closers.c.name)).scalars().all()
        return [self.closer(i) for i in ids]

    def set_override(self, key: Key, day: date, intervals: tuple[DailyInterval, ...]) -> Closer:
        """Replace a closer's hours on one date (no interval: a day off)."""
        check_in_range(day, "date")
        text = parse.format_intervals(intervals)
        with self.engine.begin() as conn:
            closer_id = self._resolve_id(conn, closers, "closer", key)
            conn.execute(
                delete(date_overrides).where(
                    date_overrides.c.closer_id == closer_id, date_overrides.c.day == day.isoformat()
                )
            )
            conn.execute(
                insert(date_overrides).values(
                    closer_id=closer_id, day=day.isoformat(), intervals=text
                )
            )
        self.note_changes(Changes(closers=frozenset({closer_id})))
        return self.closer(closer_id)

    def clear_override(self, key: Key, day: date) -> Closer:
        """Go back to the weekly rule on ``day``."""
        with self.engine.begin() as conn:
            closer_id = self._resolve_id(conn, closers, "closer", key)
            conn.execute(
                delete(date_overrides).where(
                    date_overrides.c.closer_id == closer_id, date_overrides.c.day == day.isoformat()
                )
            )
        self.note_changes(Changes(closers=frozenset({closer_id})))
        return self.closer(closer_id)

    def add_travel(self, key: Key, first_day: date, last_day: date, zone: str) -> Closer:
        """The closer works from ``zone`` from ``first_day`` to ``last_day`` inclusive."""
        from closer_desk.core.errors import ValidationError

        check_in_range(first_day, "first")
        check_in_range(last_day, "last")
        if last_day < first_day:
            raise ValidationError("last_day", "end_before_start", last_day.isoformat())
        zone = tz.canonical_zone_name(zone)
        with self.engine.begin() as conn:
            closer_id = self._resolve_id(conn, closers, "closer", key)
            conn.execute(
                insert(travel_periods).values(
                    closer_id=closer_id,
                    first_day=first_day.isoformat(),
                    last_day=last_day.isoformat(),
                    zone=zone,
                )
            )
        self.note_changes(Changes(closers=frozenset({closer_id})))
        return self.closer(closer_id)

    def clear_travels(self, key: Key) -> Closer:
        """Remove every travel period of a closer."""
        with self.engine.begin() as conn:
            closer_id = self._resolve_id(conn, closers, "closer", key)
            conn.execute(delete(travel_periods).where(travel_periods.c.closer_id == closer_id))
        self.note_changes(Changes(closers=frozenset({closer_id})))
        return self.closer(closer_id)

    # -- companies ---------------------------------------------------------------------
    def add_company(self, name: str, *, hours: WeeklyHours | None = None, **fields: Any) -> Company:
        """Add a client company."""
        values = _clean(_COMPANY_FIELDS, {"name": name, **fields})
        with self.engine.begin() as conn:
            company_id = self._insert_unique(conn, companies, "company", values)
            self._set_hours(conn, "company_id", company_id, hours)
        self.note_changes(Changes(companies=frozenset({company_id})))
        return self.company(company_id)

    def edit_company(
        self, key: Key, *, hours: WeeklyHours | bool | None = False, **fields: Any
    ) -> Company:
        """Change a company's fields; ``hours=None`` removes its narrowing, a value sets it."""
        values = _clean(_COMPANY_FIELDS, fields)
        with self.engine.begin() as conn:
            company_id = self._resolve_id(conn, companies, "company", key)
            self._check_rename(conn, companies, "company", company_id, values)
            if values:
                conn.execute(update(companies).where(companies.c.id == company_id).values(**values))
            if hours is not False:
                self._set_hours(conn, "company_id", company_id, _hours_or_none(hours))
        self.note_changes(Changes(companies=frozenset({company_id})))
        return self.company(company_id)

    def company(self, key: Key) -> Company:
        """One company by id or name."""
        with self.engine.connect() as conn:
            company_id = self._resolve_id(conn, companies, "company", key)
            row = conn.execute(select(companies).where(companies.c.id == company_id)).one()
            return R.company_from_row(row, self._hours(conn, "company_id", company_id))

    def companies(self) -> list[Company]:
        """Every company, by name."""
        with self.engine.connect() as conn:
            hours = self._hours_of_many(conn, "company_id", weekly_hours.c.company_id.is_not(None))
            rows = conn.execute(select(companies).order_by(companies.c.name)).all()
        return [R.company_from_row(row, hours.get(row.id)) for row in rows]

    # -- prospects ---------------------------------------------------------------------
    def add_prospect(
        self,
        name: str,
        zone: str,
        *,
        hours: WeeklyHours | None = None,
        force: bool = False,
        **fields: Any,
    ) -> Prospect:
        """Add a prospect. A name already in the agenda (case and accents ignored) raises
        ``DuplicateError`` unless ``force``: two "Marie Martin"s exist, but a second one is
        more often the same person typed twice. Two equal names are then told apart by id."""
        values = _clean(_PROSPECT_FIELDS, {"name": name, "zone": zone, **fields})
        values = _clean_prospect(values, values.get("country", ""))
        with self.engine.begin() as conn:
            if not force and (same := self._same_name(conn, prospects, values["name"])):
                raise DuplicateError("prospect", values["name"], same.id)
            prospect_id = R.new_id(conn.execute(insert(prospects).values(**values)))
            self._set_hours(conn, "prospect_id", prospect_id, hours)
        self.note_changes(Changes(prospects=frozenset({prospect_id})))
        return self.prospect(prospect_id)

    def edit_prospect(
        self, key: Key, *, hours: WeeklyHours | bool | None = False, **fields: Any
    ) -> Prospect:
        """Change a prospect's fields; ``hours=None`` goes back to default business hours."""
        values = _clean(_PROSPECT_FIELDS, fields)
        with self.engine.begin() as conn:
            prospect_id = self._resolve_id(conn, prospects, "prospect", key)
            stored = conn.execute(
                select(prospects.c.country, prospects.c.subdivision).where(
                    prospects.c.id == prospect_id
                )
            ).one()
            values = _clean_prospect(values, stored.country, stored.subdivision)
            if values:
                conn.execute(
                    update(prospects).where(prospects.c.id == prospect_id).values(**values)
                )
            if hours is not False:
                self._set_hours(conn, "prospect_id", prospect_id, _hours_or_none(hours))
        self.note_changes(Changes(prospects=frozenset({prospect_id})))
        return self.prospect(prospect_id)

    def prospect(self, key: Key) -> Prospect:
        """One prospect by id or name."""
        with self.engine.connect() as conn:
            prospect_id = self._resolve_id(conn, prospects, "prospect", key)
            row = conn.execute(select(prospects).where(prospects.c.id == prospect_id)).one()
            return R.prospect_from_row(row, self._hours(conn, "prospect_id", prospect_id))

    def prospects(self, search: str = "") -> list[Prospect]:
        """Every prospect (whose name or organisation contains ``search``, case and accents
        ignored), by name."""
        query = select(prospects).order_by(prospects.c.name, prospects.c.id)
        if needle := parse.fold(search):
            query = query.where(
                func.fold(prospects.c.name).contains(needle, autoescape=True)
                | func.fold(prospects.c.organisation).contains(needle, autoescape=True)
            )
        return self._read_prospects(query, weekly_hours.c.prospect_id.is_not(None))

    def prospects_with_ids(self, ids: Iterable[int]) -> list[Prospect]:
        """The prospects whose ids are in ``ids`` (unknown ids are left out), in no order."""
        wanted = set(ids)
        return self._read_prospects(
            select(prospects).where(prospects.c.id.in_(wanted)),
            weekly_hours.c.prospect_id.in_(wanted),
        )

    def _read_prospects(
        self, query: Select[Any], hours_where: ColumnElement[bool]
    ) -> list[Prospect]:
        with self.engine.connect() as conn:
            hours = self._hours_of_many(conn, "prospect_id", hours_where)
            rows = conn.execute(query).all()
        return [R.prospect_from_row(row, hours.get(row.id)) for row in rows]

    def _hours_of_many(
        self, conn: Connection, owner: str, where: ColumnElement[bool]
    ) -> dict[int, WeeklyHours]:
        # One query for every owner's hours, not one per company or prospect.
        rows: dict[int, list[tuple[int, int, int]]] = {}
        for owner_id, weekday, start, end in conn.execute(
            select(
                weekly_hours.c[owner],
                weekly_hours.c.weekday,
                weekly_hours.c.start_min,
                weekly_hours.c.end_min,
            ).where(where)
        ):
            rows.setdefault(owner_id, []).append((weekday, start, end))
        return {owner_id: R.hours_from_rows(found) for owner_id, found in rows.items()}
