"""The window's search: every call, past and future, of the prospects and companies whose
names contain what was typed, case and accents ignored (the ``fold`` SQL function of
``store.db``, the same folding as names everywhere else)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from closer_desk.core import parse
from closer_desk.core.model import AgendaEntry
from closer_desk.store import rows as R
from closer_desk.store.entry_sql import run_text

if TYPE_CHECKING:
    from closer_desk.store.agenda import Agenda

#: The most calls one search lists (the count of all that match is given beside them).
SEARCH_LIMIT = 500

_COLUMNS = ", ".join(f"appointments.{c}" for c in R.APPOINTMENT_COLUMNS)
# The folded names are compared in the small tables (prospects, companies), once each; the
# calls are then picked by id, so the folding never runs once per call.
_MATCHING = """
FROM appointments
JOIN companies AS c ON c.id = appointments.company_id
JOIN prospects AS p ON p.id = appointments.prospect_id
JOIN closers AS cl ON cl.id = appointments.closer_id
WHERE (:closer_id IS NULL OR appointments.closer_id = :closer_id)
  AND (appointments.prospect_id IN (
         SELECT id FROM prospects
         WHERE instr(fold(name), :needle) OR instr(fold(organisation), :needle)
            OR instr(fold(email), :needle))
       OR appointments.company_id IN (
         SELECT id FROM companies WHERE instr(fold(name), :needle)))"""
_FOUND = f"""
SELECT {_COLUMNS},
  c.name AS company_name, c.color AS company_color,
  p.name AS prospect_name, p.zone AS prospect_zone,
  cl.name AS closer_name, cl.zone AS closer_zone
{_MATCHING}
ORDER BY appointments.start_utc, appointments.id
LIMIT :limit"""
_COUNT = f"SELECT count(*) {_MATCHING}"


@dataclass(frozen=True, slots=True)
class CallSearch:
    """What a search found.

    Attributes:
        text: what was searched for, as typed.
        entries: the matching calls by start (at most the limit asked for), cancelled ones
            included.
        total: how many calls match in all.
    """

    text: str
    entries: tuple[AgendaEntry, ...]
    total: int

    @property
    def truncated(self) -> bool:
        """More calls match than are listed."""
        return self.total > len(self.entries)


def search_calls(
    agenda: Agenda, text: str, *, closer_id: int | None = None, limit: int = SEARCH_LIMIT
) -> CallSearch:
    """Every call, past and future, whose prospect (name, organisation, e-mail) or company
    name contains ``text``, case and accents ignored; one closer's with ``closer_id``. By
    start, at most ``limit`` of them; blank text finds nothing."""
    needle = parse.fold(text)
    if not needle:
        return CallSearch(text, (), 0)
    params = {"needle": needle, "closer_id": closer_id, "limit": max(0, limit)}
    with agenda.engine.connect() as conn:
        keys, found = run_text(conn, _FOUND, params)
        _keys, counted = run_text(conn, _COUNT, params)
    entry = R.entry_reader(keys)
    return CallSearch(text, tuple(entry(row) for row in found), int(counted[0][0]))
