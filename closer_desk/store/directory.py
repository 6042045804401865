"""Closers, client companies and prospects: the people side of the Agenda facade."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

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
from closer_desk.store.sql import fetch_named, fetch_one_named, insert_row, update_row

if TYPE_CHECKING:
    from closer_desk.store.connection import AgendaFile

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


def hours_of(db: sqlite3.Connection, owner: str, owner_id: int) -> WeeklyHours | None:
    """The weekly hours of one closer, company or prospect (``owner``: its column in
    ``weekly_hours``), or None when it has none."""
    rows = db.execute(
        f"SELECT weekday, start_min, end_min FROM weekly_hours WHERE {owner} = ?", (owner_id,)
    ).fetchall()
    return R.hours_from_rows(rows) if rows else None


def closer_of(db: sqlite3.Connection, row: Any) -> Closer:
    """The ``Closer`` of a ``closers`` row read by name, with its hours, overrides, travels."""
    overrides = db.execute(
        "SELECT day, intervals FROM date_overrides WHERE closer_id = ? ORDER BY day", (row.id,)
    ).fetchall()
    travels = db.execute(
        "SELECT first_day, last_day, zone FROM travel_periods WHERE closer_id = ?"
        " ORDER BY first_day",
        (row.id,),
    ).fetchall()
    return R.closer_from_row(row, hours_of(db, "closer_id", row.id), overrides, travels)


def first_closer(db: sqlite3.Connection) -> Closer | None:
    """The agenda's first closer (by id), or None when it has none."""
    row = fetch_one_named(db, "SELECT * FROM closers ORDER BY id LIMIT 1")
    return None if row is None else closer_of(db, row)


def all_companies(db: sqlite3.Connection) -> list[Company]:
    """Every company, by name."""
    hours = _hours_of_many(db, "company_id", "company_id IS NOT NULL", ())
    rows = fetch_named(db, "SELECT * FROM companies ORDER BY name")
    return [R.company_from_row(row, hours.get(row.id)) for row in rows]


def _hours_of_many(
    db: sqlite3.Connection, owner: str, where: str, params: Any
) -> dict[int, WeeklyHours]:
    # One query for every owner's hours, not one per company or prospect.
    rows: dict[int, list[tuple[int, int, int]]] = {}
    for owner_id, weekday, start, end in db.execute(
        f"SELECT {owner}, weekday, start_min, end_min FROM weekly_hours WHERE {where}", params
    ):
        rows.setdefault(owner_id, []).append((weekday, start, end))
    return {owner_id: R.hours_from_rows(found) for owner_id, found in rows.items()}


class DirectoryMixin:
    """Closers, companies and prospects for ``Agenda``.

    Its statements are SQL text on the agenda's DB-API connection (``store.connection``);
    ``table`` arguments are this module's names (closers, companies, prospects), never text a
    user typed.
    """

    file: AgendaFile

    def note_changes(self, changes: Changes) -> None:
        """Record what a write changed (``Agenda`` keeps them)."""
        raise NotImplementedError

    # -- lookup ------------------------------------------------------------------------
    def _resolve_id(self, db: sqlite3.Connection, table: str, kind: str, key: Key) -> int:
        """An id from ``#ID``, an id, or a name: exact, then with case and accents ignored,
        then a unique part of it. A bare number is an id, unless it is also (part of) a name:
        then both are candidates. Several matches raise ``AmbiguousNameError`` with their
        ids."""
        if isinstance(key, int):
            return self._existing_id(db, table, kind, key, key)
        text = " ".join(str(key).split())
        if (tagged := re.fullmatch(r"#\s*(\d+)", text)) is not None:
            return self._existing_id(db, table, kind, int(tagged.group(1)), key)
        found = self._named(db, table, text)
        if text.isdigit():
            row = fetch_one_named(db, f"SELECT id, name FROM {table} WHERE id = ?", (int(text),))
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
    def _existing_id(db: sqlite3.Connection, table: str, kind: str, row_id: int, key: Key) -> int:
        if db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (int(row_id),)).fetchone():
            return int(row_id)
        raise NotFoundError(kind, key)

    @staticmethod
    def _named(db: sqlite3.Connection, table: str, text: str) -> list[Any]:
        """The (id, name) rows the first of the name rules matches, by name then id."""
        folded = parse.fold(text)
        for condition, value in (
            ("name = ?", text),
            ("fold(name) = ?", folded),
            ("instr(fold(name), ?) > 0", folded),
        ):
            found = fetch_named(
                db, f"SELECT id, name FROM {table} WHERE {condition} ORDER BY name, id", (value,)
            )
            if found:
                return found
        return []

    @staticmethod
    def _same_name(
        db: sqlite3.Connection, table: str, name: str, other_than: int | None = None
    ) -> Any:
        """A row whose name folds like ``name`` (case and accents ignored), or None."""
        # ids start at 1: 0 leaves none out.
        return fetch_one_named(
            db,
            f"SELECT id, name FROM {table} WHERE fold(name) = ? AND id != ? LIMIT 1",
            (parse.fold(name), other_than or 0),
        )

    def _insert_unique(
        self, db: sqlite3.Connection, table: str, kind: str, values: dict[str, Any]
    ) -> int:
        name = values["name"]
        if (same := self._same_name(db, table, name)) is not None:
            raise DuplicateError(kind, name, same.id)
        return insert_row(db, table, values)

    def _check_rename(
        self, db: sqlite3.Connection, table: str, kind: str, row_id: int, values: dict[str, Any]
    ) -> None:
        if "name" in values:
            same = self._same_name(db, table, values["name"], other_than=row_id)
            if same is not None:
                raise DuplicateError(kind, values["name"], same.id)

    def _set_hours(
        self, db: sqlite3.Connection, owner: str, owner_id: int, hours: WeeklyHours | None
    ) -> None:
        db.execute(f"DELETE FROM weekly_hours WHERE {owner} = ?", (owner_id,))
        if hours is not None and (rows := R.hours_to_rows(hours)):
            db.executemany(
                f"INSERT INTO weekly_hours ({owner}, weekday, start_min, end_min)"
                " VALUES (:owner, :weekday, :start_min, :end_min)",
                [{"owner": owner_id, **r} for r in rows],
            )

    # -- closers -----------------------------------------------------------------------
    def add_closer(
        self, name: str, zone: str, *, hours: WeeklyHours | None = None, **fields: Any
    ) -> Closer:
        """Add a closer (default hours Monday–Friday 09:00–18:00 in their zone)."""
        values = _clean(_CLOSER_FIELDS, {"name": name, "zone": zone, **fields})
        with self.file.writing() as db:
            closer_id = self._insert_unique(db, "closers", "closer", values)
            self._set_hours(db, "closer_id", closer_id, hours or DEFAULT_CLOSER_HOURS)
        self.note_changes(Changes(closers=frozenset({closer_id})))
        return self.closer(closer_id)

    def edit_closer(self, key: Key, *, hours: WeeklyHours | None = None, **fields: Any) -> Closer:
        """Change a closer's fields and, if given, their weekly hours."""
        values = _clean(_CLOSER_FIELDS, fields)
        with self.file.writing() as db:
            closer_id = self._resolve_id(db, "closers", "closer", key)
            self._check_rename(db, "closers", "closer", closer_id, values)
            update_row(db, "closers", closer_id, values)
            if hours is not None:
                self._set_hours(db, "closer_id", closer_id, hours)
        self.note_changes(Changes(closers=frozenset({closer_id})))
        return self.closer(closer_id)

    def closer(self, key: Key | None = None) -> Closer:
        """One closer by id or name; with no key, the agenda's first closer."""
        with self.file.reading() as db:
            if key is None:
                if (first := first_closer(db)) is None:
                    raise NotFoundError("closer", "")
                return first
            closer_id = self._resolve_id(db, "closers", "closer", key)
            row = fetch_one_named(db, "SELECT * FROM closers WHERE id = ?", (closer_id,))
            return closer_of(db, row)

    def closers(self) -> list[Closer]:
        """Every closer, by name."""
        with self.file.reading() as db:
            rows = fetch_named(db, "SELECT * FROM closers ORDER BY name")
            return [closer_of(db, row) for row in rows]

    def set_override(self, key: Key, day: date, intervals: tuple[DailyInterval, ...]) -> Closer:
        """Replace a closer's hours on one date (no interval: a day off)."""
        check_in_range(day, "date")
        text = parse.format_intervals(intervals)
        with self.file.writing() as db:
            closer_id = self._resolve_id(db, "closers", "closer", key)
            db.execute(
                "DELETE FROM date_overrides WHERE closer_id = ? AND day = ?",
                (closer_id, day.isoformat()),
            )
            insert_row(
                db,
                "date_overrides",
                {"closer_id": closer_id, "day": day.isoformat(), "intervals": text},
            )
        self.note_changes(Changes(closers=frozenset({closer_id})))
        return self.closer(closer_id)

    def clear_override(self, key: Key, day: date) -> Closer:
        """Go back to the weekly rule on ``day``."""
        with self.file.writing() as db:
            closer_id = self._resolve_id(db, "closers", "closer", key)
            db.execute(
                "DELETE FROM date_overrides WHERE closer_id = ? AND day = ?",
                (closer_id, day.isoformat()),
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
        with self.file.writing() as db:
            closer_id = self._resolve_id(db, "closers", "closer", key)
            insert_row(
                db,
                "travel_periods",
                {
                    "closer_id": closer_id,
                    "first_day": first_day.isoformat(),
                    "last_day": last_day.isoformat(),
                    "zone": zone,
                },
            )
        self.note_changes(Changes(closers=frozenset({closer_id})))
        return self.closer(closer_id)

    def clear_travels(self, key: Key) -> Closer:
        """Remove every travel period of a closer."""
        with self.file.writing() as db:
            closer_id = self._resolve_id(db, "closers", "closer", key)
            db.execute("DELETE FROM travel_periods WHERE closer_id = ?", (closer_id,))
        self.note_changes(Changes(closers=frozenset({closer_id})))
        return self.closer(closer_id)

    # -- companies ---------------------------------------------------------------------
    def add_company(self, name: str, *, hours: WeeklyHours | None = None, **fields: Any) -> Company:
        """Add a client company."""
        values = _clean(_COMPANY_FIELDS, {"name": name, **fields})
        with self.file.writing() as db:
            company_id = self._insert_unique(db, "companies", "company", values)
            self._set_hours(db, "company_id", company_id, hours)
        self.note_changes(Changes(companies=frozenset({company_id})))
        return self.company(company_id)

    def edit_company(
        self, key: Key, *, hours: WeeklyHours | bool | None = False, **fields: Any
    ) -> Company:
        """Change a company's fields; ``hours=None`` removes its narrowing, a value sets it."""
        values = _clean(_COMPANY_FIELDS, fields)
        with self.file.writing() as db:
            company_id = self._resolve_id(db, "companies", "company", key)
            self._check_rename(db, "companies", "company", company_id, values)
            update_row(db, "companies", company_id, values)
            if hours is not False:
                self._set_hours(db, "company_id", company_id, _hours_or_none(hours))
        self.note_changes(Changes(companies=frozenset({company_id})))
        return self.company(company_id)

    def company(self, key: Key) -> Company:
        """One company by id or name."""
        with self.file.reading() as db:
            company_id = self._resolve_id(db, "companies", "company", key)
            row = fetch_one_named(db, "SELECT * FROM companies WHERE id = ?", (company_id,))
            return R.company_from_row(row, hours_of(db, "company_id", company_id))

    def companies(self) -> list[Company]:
        """Every company, by name."""
        with self.file.reading() as db:
            return all_companies(db)

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
        with self.file.writing() as db:
            if not force and (same := self._same_name(db, "prospects", values["name"])):
                raise DuplicateError("prospect", values["name"], same.id)
            prospect_id = insert_row(db, "prospects", values)
            self._set_hours(db, "prospect_id", prospect_id, hours)
        self.note_changes(Changes(prospects=frozenset({prospect_id})))
        return self.prospect(prospect_id)

    def edit_prospect(
        self, key: Key, *, hours: WeeklyHours | bool | None = False, **fields: Any
    ) -> Prospect:
        """Change a prospect's fields; ``hours=None`` goes back to default business hours."""
        values = _clean(_PROSPECT_FIELDS, fields)
        with self.file.writing() as db:
            prospect_id = self._resolve_id(db, "prospects", "prospect", key)
            stored = fetch_one_named(
                db, "SELECT country, subdivision FROM prospects WHERE id = ?", (prospect_id,)
            )
            values = _clean_prospect(values, stored.country, stored.subdivision)
            update_row(db, "prospects", prospect_id, values)
            if hours is not False:
                self._set_hours(db, "prospect_id", prospect_id, _hours_or_none(hours))
        self.note_changes(Changes(prospects=frozenset({prospect_id})))
        return self.prospect(prospect_id)

    def prospect(self, key: Key) -> Prospect:
        """One prospect by id or name."""
        with self.file.reading() as db:
            prospect_id = self._resolve_id(db, "prospects", "prospect", key)
            row = fetch_one_named(db, "SELECT * FROM prospects WHERE id = ?", (prospect_id,))
            return R.prospect_from_row(row, hours_of(db, "prospect_id", prospect_id))

    def prospects(self, search: str = "") -> list[Prospect]:
        """Every prospect (whose name or organisation contains ``search``, case and accents
        ignored), by name."""
        where, params = "1", ()
        if needle := parse.fold(search):
            where = "instr(fold(name), :n) > 0 OR instr(fold(organisation), :n) > 0"
            params = {"n": needle}  # type: ignore[assignment]
        return self._read_prospects(
            f"SELECT * FROM prospects WHERE {where} ORDER BY name, id",
            params,
            "prospect_id IS NOT NULL",
            (),
        )

    def prospects_with_ids(self, ids: Iterable[int]) -> list[Prospect]:
        """The prospects whose ids are in ``ids`` (unknown ids are left out), in no order."""
        wanted = sorted({int(i) for i in ids})
        # One JSON array bound, however many ids (SQLite caps the bound values of a statement).
        inside = "IN (SELECT value FROM json_each(?))"
        bound = (json.dumps(wanted),)
        return self._read_prospects(
            f"SELECT * FROM prospects WHERE id {inside}", bound, f"prospect_id {inside}", bound
        )

    def _read_prospects(
        self, query: str, params: Any, hours_where: str, hours_params: Any
    ) -> list[Prospect]:
        with self.file.reading() as db:
            hours = _hours_of_many(db, "prospect_id", hours_where, hours_params)
            rows = fetch_named(db, query, params)
        return [R.prospect_from_row(row, hours.get(row.id)) for row in rows]
