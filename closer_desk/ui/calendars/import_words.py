"""What an import did, in the user's language: the refusal of a file in one line, the counts,
the warnings, and each skipped event's reason (the CLI says the same in English,
``cli/ics_cmds.py``). The store and core give codes and short details; the words are here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from closer_desk.core.ics.importing import IcsRejected
from closer_desk.core.timerange import FIRST_YEAR, LAST_YEAR
from closer_desk.store.calendar_import import ImportReport

_CONTEXT = "ImportWords"


def _tr(text: object) -> str:
    # The tables hold QT_TRANSLATE_NOOP marks (typed ``object`` by PySide6's stubs).
    return QCoreApplication.translate(_CONTEXT, str(text))


#: Why a file was refused whole; %1 is the detail (a limit, a component's name).
REJECTIONS = {
    "too_large": QT_TRANSLATE_NOOP("ImportWords", "the file is larger than the %1-byte limit"),
    "line_too_long": QT_TRANSLATE_NOOP(
        "ImportWords", "a line is longer than the %1-character limit"
    ),
    "too_deep": QT_TRANSLATE_NOOP("ImportWords", "components are nested deeper than %1 levels"),
    "not_a_calendar": QT_TRANSLATE_NOOP(
        "ImportWords", "this is not an iCalendar file (it must begin with BEGIN:VCALENDAR)"
    ),
    "unbalanced": QT_TRANSLATE_NOOP(
        "ImportWords", "BEGIN and END do not match (%1 is not closed, or closed twice)"
    ),
    "bad_line": QT_TRANSLATE_NOOP("ImportWords", "a line is not valid iCalendar"),
    "unknown_zone": QT_TRANSLATE_NOOP(
        "ImportWords", "the time zone “%1” is unknown and no VTIMEZONE defines it"
    ),
    "too_many_events": QT_TRANSLATE_NOOP("ImportWords", "the file holds more than %1 events"),
    "too_many_occurrences": QT_TRANSLATE_NOOP(
        "ImportWords", "recurring events repeat more than %1 times in all"
    ),
    "too_slow": QT_TRANSLATE_NOOP("ImportWords", "reading it took longer than %1 seconds"),
}

#: Why one event was left out; %1 is the detail.
REFUSALS = {
    "not_our_call": QT_TRANSLATE_NOOP(
        "ImportWords", "not a closer_desk call; import as busy time to block it"
    ),
    "recurring_call": QT_TRANSLATE_NOOP("ImportWords", "a recurring event cannot update a call"),
    "older_sequence": QT_TRANSLATE_NOOP(
        "ImportWords", "an older version of the call (SEQUENCE %1)"
    ),
    "no_start": QT_TRANSLATE_NOOP("ImportWords", "no start time (DTSTART)"),
    "end_before_start": QT_TRANSLATE_NOOP("ImportWords", "ends before it starts"),
    "bad_line": QT_TRANSLATE_NOOP("ImportWords", "a line of the event is not valid iCalendar"),
    "bad_date": QT_TRANSLATE_NOOP("ImportWords", "impossible or malformed date “%1”"),
    "bad_value": QT_TRANSLATE_NOOP("ImportWords", "invalid value (%1)"),
    "unknown_zone": QT_TRANSLATE_NOOP(
        "ImportWords", "unknown time zone “%1” and no VTIMEZONE defines it"
    ),
    "bad_zone": QT_TRANSLATE_NOOP("ImportWords", "its time zone cannot be read (%1)"),
    "zone_rule": QT_TRANSLATE_NOOP(
        "ImportWords", "its time zone changes offset too often to be used"
    ),
    "year_out_of_range": QT_TRANSLATE_NOOP(
        "ImportWords", "year %1 is outside the supported years %2–%3"
    ),
    "too_many_instances": QT_TRANSLATE_NOOP(
        "ImportWords", "it repeats more than %1 times within the import's horizon"
    ),
}

#: How parts of the file were read; %1 is the line, %2 the event's UID.
WARNINGS = {
    "decoded_cp1252": QT_TRANSLATE_NOOP(
        "ImportWords", "The file is not UTF-8: it was read as Windows-1252 (from line %1)."
    ),
    "empty_rrule": QT_TRANSLATE_NOOP(
        "ImportWords", "Line %1: an empty RRULE, read as a single event (%2)."
    ),
}


def _filled(template: str, *values: object) -> str:
    # Replaced from the highest number down: a detail holding "%1" is never replaced again.
    text = template
    for n in range(len(values), 0, -1):
        text = text.replace(f"%{n}", "\x00" + str(n))
    for n, value in enumerate(values, start=1):
        text = text.replace("\x00" + str(n), str(value))
    return text


class ImportWords(QObject):
    """The words of an import's outcome (a QObject for ``tr`` and its %n plurals)."""

    def rejection(self, error: IcsRejected) -> str:
        """One line: the file was refused, nothing imported, where and why."""
        known = REJECTIONS.get(error.code)
        reason = _filled(_tr(known), error.detail) if known is not None else error.code
        where = _filled(self.tr("line %1: "), error.line) if error.line else ""
        return self.tr("Calendar refused, nothing imported: %1").replace("%1", where + reason)

    @staticmethod
    def reason(code: str, detail: str) -> str:
        """Why one event was left out."""
        known = REFUSALS.get(code)
        if known is None:
            return code
        return _filled(_tr(known), detail, FIRST_YEAR, LAST_YEAR)

    def summary(self, report: ImportReport) -> str:
        """The counts: what was read for whom, then added, updated... (plurals by count)."""
        n = report.events
        updated = self.tr("%n updated", "", report.updated)
        unchanged = self.tr("%n unchanged", "", report.unchanged)
        cancelled = self.tr("%n cancelled", "", report.cancelled)
        if report.busy:
            head = self.tr("%n event(s) read for %1 (busy time, calendar “%2”):", "", n)
            head = _filled(head, report.closer, report.source)
            added = self.tr("%n added", "", report.added)
            removed = self.tr("%n removed", "", report.removed)
            counts = [added, updated, unchanged, removed, cancelled]
        else:
            head = _filled(self.tr("%n event(s) read for %1 (calls):", "", n), report.closer)
            counts = [updated, unchanged, cancelled]
        return head + " " + ", ".join(counts) + "."

    def notes(self, report: ImportReport) -> list[str]:
        """The warnings, and what else the user should know (own calls, floating times)."""
        lines = []
        for warning in report.warnings:
            known = WARNINGS.get(warning.code)
            lines.append(_filled(_tr(known), warning.line, warning.uid) if known else warning.code)
        if report.own_calls:
            own = self.tr("%n of your own call(s) left out: not busy time.", "", report.own_calls)
            lines.append(own)
        if report.free:
            lines.append(self.tr("%n event(s) marked free: they block no time.", "", report.free))
        if report.floating:
            floating = self.tr("%n time(s) without a zone read in %1.", "", report.floating)
            lines.append(_filled(floating, report.floating_zone))
        return lines

    def skipped_title(self, count: int) -> str:
        """The heading of the list of skipped events."""
        return self.tr("%n event(s) skipped:", "", count)

    def cancelled(self) -> str:
        """What the window says after Cancel."""
        return self.tr("Import cancelled: nothing was imported, the agenda is unchanged.")
