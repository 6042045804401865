"""The agenda on paper: the days in view, printed or written as a PDF.

Each day lists its calls in time order, each with its company's colour, the time on the
closer's clock and on the prospect's (both cities named), the prospect, the company and the
kind of call; the closer too when several are shown; the day's public holiday beside its date.
Private notes, the client file and money are never printed (they are not even read: the sheet
is built from what the agenda views show).

The agenda room's paper actions live here too (``sheet_in_view``, ``export_view``): the room
keeps thin methods that call them, so that it only holds what is looked at; their words keep
the room's translation context ("AgendaRoom").
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QFileDialog, QWidget

from closer_desk.core import tz
from closer_desk.core.day_marks import DayHolidays, day_holidays
from closer_desk.core.model import AgendaEntry, Status
from closer_desk.ui.common import i18n
from closer_desk.ui.common.call_words import kind_text, status_text
from closer_desk.ui.common.places import suggested

if TYPE_CHECKING:
    from closer_desk.ui.agenda.room import AgendaRoom

_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Points per inch: the PDF is laid out in points.
_DPI = 72


@dataclass(frozen=True)
class AgendaSheet:
    """What is printed: the days in view and their calls.

    Attributes:
        title: what the view shows ("Week of Monday 2 March 2026").
        subtitle: whose agenda (the closers and their cities).
        days: the days, each printed even without calls.
        entries: the calls (cancelled ones are left out).
        zone: the main closer's zone (which day a call is on).
        holidays: the closer's public holidays by day.
        closer_names: the closers by id when several are shown (else empty: no column).
    """

    title: str
    subtitle: str
    days: tuple[date, ...]
    entries: tuple[AgendaEntry, ...]
    zone: str
    holidays: Mapping[date, DayHolidays] = field(default_factory=dict)
    closer_names: Mapping[int, str] = field(default_factory=dict)

    def calls_by_day(self) -> dict[date, list[AgendaEntry]]:
        """The live calls of each day, in time order."""
        by_day: dict[date, list[AgendaEntry]] = {d: [] for d in self.days}
        for entry in sorted(self.entries, key=lambda e: e.appointment.start_utc):
            if entry.appointment.status == Status.CANCELLED:
                continue
            day = tz.convert(entry.appointment.start, self.zone).date()
            if day in by_day:
                by_day[day].append(entry)
        return by_day

    def file_name(self) -> str:
        """A name for the PDF: ``agenda-2026-03-02.pdf`` (the first day)."""
        return f"agenda-{self.days[0].isoformat()}.pdf" if self.days else "agenda.pdf"


def span_text(entry: AgendaEntry, zone: str, day: date | None = None) -> str:
    """``10:00–10:45 Paris`` on ``zone``'s clock; the date first when it is not ``day``."""
    a = entry.appointment
    start = tz.convert(a.start, zone)
    end = tz.convert(a.start + timedelta(minutes=a.minutes), zone)
    text = f"{i18n.format_time(start)}–{i18n.format_time(end)} {i18n.city(zone)}"
    if day is not None and start.date() != day:
        text = f"{i18n.format_day_month(start.date())} {text}"
    return text


@dataclass(frozen=True)
class _Row:
    """One line of the sheet: a day's heading, a call, or a day without calls."""

    day: date
    entry: AgendaEntry | None = None
    heading: bool = False


def _rows(sheet: AgendaSheet) -> list[_Row]:
    rows: list[_Row] = []
    for day, calls in sheet.calls_by_day().items():
        rows.append(_Row(day, heading=True))
        rows.extend(_Row(day, entry) for entry in calls)
        if not calls:
            rows.append(_Row(day))
    return rows


class _Painter:
    """Lays the sheet out on pages of one device (a PDF writer or a printer)."""

    def __init__(self, painter: QPainter, page: QRectF, sheet: AgendaSheet) -> None:
        self.p = painter
        self.page = page
        self.sheet = sheet
        base = QFont()  # the window's own font: the same names as on screen
        base.setPointSizeF(9)
        self.font = base
        self.bold = QFont(base)
        self.bold.setBold(True)
        self.title_font = QFont(base)
        self.title_font.setPointSizeF(15)
        self.title_font.setBold(True)
        self.small = QFont(base)
        self.small.setPointSizeF(7.5)
        device = painter.device()
        self.metrics = QFontMetricsF(self.font, device)
        self.line = self.metrics.height() * 1.55
        several = bool(sheet.closer_names)
        # Column shares of the width: swatch, the closer's time, the prospect's, prospect,
        # company, call, (closer).
        shares = [0.02, 0.21, 0.23, 0.2, 0.16, 0.15] + ([0.14] if several else [])
        total = sum(shares)
        x = page.left()
        self.columns: list[tuple[float, float]] = []
        for share in shares:
            w = page.width() * share / total
            self.columns.append((x, w))
            x += w

    def pages(self) -> list[list[_Row]]:
        """The rows of each page; a day's heading never ends a page alone."""
        rows = _rows(self.sheet)
        first = self.page.height() - self._top_height(True) - self.line * 2
        later = self.page.height() - self._top_height(False) - self.line * 2
        per_page = [max(3, int(first // self.line)), max(3, int(later // self.line))]
        pages: list[list[_Row]] = [[]]
        for i, row in enumerate(rows):
            room = per_page[0 if len(pages) == 1 else 1]
            full = len(pages[-1]) >= room
            orphan = row.heading and len(pages[-1]) == room - 1 and i + 1 < len(rows)
            if pages[-1] and (full or orphan):
                pages.append([])
            pages[-1].append(row)
        return pages

    def _top_height(self, first: bool) -> float:
        return (QFontMetricsF(self.title_font, self.p.device()).height() * 2.2 if first else 0) + (
            self.line * 1.4
        )

    def paint(self, device: QPagedPaintDevice) -> None:
        pages = self.pages()
        for number, rows in enumerate(pages, 1):
            if number > 1:
                device.newPage()
            y = self.page.top()
            if number == 1:
                y = self._paint_title(y)
            y = self._paint_column_titles(y)
            for row in rows:
                y = self._paint_row(row, y)
            self._paint_footer(number, len(pages))

    def _paint_title(self, y: float) -> float:
        p = self.p
        height = QFontMetricsF(self.title_font, p.device()).height()
        p.setFont(self.title_font)
        p.setPen(QColor("#111111"))
        p.drawText(QRectF(self.page.left(), y, self.page.width(), height), _LEFT, self.sheet.title)
        y += height * 1.15
        p.setFont(self.font)
        p.setPen(QColor("#555555"))
        p.drawText(
            QRectF(self.page.left(), y, self.page.width(), height), _LEFT, self.sheet.subtitle
        )
        return y + height * 1.05

    def _paint_column_titles(self, y: float) -> float:
        p = self.p
        titles = [
            "",
            QCoreApplication.translate("AgendaPrint", "Closer's time"),
            QCoreApplication.translate("AgendaPrint", "Prospect's time"),
            QCoreApplication.translate("AgendaPrint", "Prospect"),
            QCoreApplication.translate("AgendaPrint", "Company"),
            QCoreApplication.translate("AgendaPrint", "Call"),
        ]
        if self.sheet.closer_names:
            titles.append(QCoreApplication.translate("AgendaPrint", "Closer"))
        p.setFont(self.small)
        p.setPen(QColor("#555555"))
        for (x, w), title in zip(self.columns, titles, strict=True):
            p.drawText(QRectF(x + 2, y, w - 4, self.line), _LEFT, title)
        y += self.line
        p.setPen(QPen(QColor("#999999"), 0.6))
        p.drawLine(QPointF(self.page.left(), y), QPointF(self.page.right(), y))
        return y + self.line * 0.4

    def _paint_row(self, row: _Row, y: float) -> float:
        p = self.p
        if row.heading:
            band = QRectF(self.page.left(), y + 2, self.page.width(), self.line - 2)
            p.fillRect(band, QColor("#eeeeee"))
            p.setFont(self.bold)
            p.setPen(QColor("#111111"))
            text = i18n.format_date(row.day, long=True)
            marks = self.sheet.holidays.get(row.day)
            if marks is not None and marks.closer:
                text += " — " + QCoreApplication.translate("AgendaPrint", "holiday: %1").replace(
                    "%1", marks.closer
                )
            p.drawText(band.adjusted(4, 0, -4, 0), _LEFT, text)
            return y + self.line
        if row.entry is None:
            p.setFont(self.font)
            p.setPen(QColor("#777777"))
            x, w = self.columns[1]
            p.drawText(
                QRectF(x + 2, y, self.page.width(), self.line),
                _LEFT,
                QCoreApplication.translate("AgendaPrint", "No calls"),
            )
            return y + self.line
        entry = row.entry
        a = entry.appointment
        swatch_x, swatch_w = self.columns[0]
        colour = QColor(entry.company_color)
        p.fillRect(QRectF(swatch_x + 1, y + 3, swatch_w - 2, self.line - 6), colour)
        texts = [
            span_text(entry, entry.closer_zone, row.day),
            span_text(entry, entry.prospect_zone, row.day),
            entry.prospect_name,
            entry.company_name,
            f"{kind_text(a.kind)} · {status_text(a.status)}",
        ]
        if self.sheet.closer_names:
            texts.append(self.sheet.closer_names.get(a.closer_id, entry.closer_name))
        for i, ((x, w), text) in enumerate(zip(self.columns[1:], texts, strict=True)):
            p.setFont(self.bold if i == 2 else self.font)
            p.setPen(QColor("#111111"))
            metrics = QFontMetricsF(p.font(), p.device())
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, w - 6)
            p.drawText(QRectF(x + 2, y, w - 4, self.line), _LEFT, shown)
        p.setPen(QPen(QColor("#dddddd"), 0.4))
        bottom = y + self.line
        p.drawLine(QPointF(self.page.left(), bottom), QPointF(self.page.right(), bottom))
        return y + self.line

    def _paint_footer(self, number: int, count: int) -> None:
        p = self.p
        p.setFont(self.small)
        p.setPen(QColor("#777777"))
        text = (
            QCoreApplication.translate("AgendaPrint", "Page %1 of %2")
            .replace("%1", str(number))
            .replace("%2", str(count))
        )
        page = self.page
        footer = QRectF(page.left(), page.bottom() - self.line, page.width(), self.line)
        p.drawText(footer, _RIGHT, text)


def render(device: QPagedPaintDevice, sheet: AgendaSheet) -> bool:
    """Paint ``sheet`` on ``device`` (landscape A4 unless the device was set up otherwise);
    False when the device cannot be painted on."""
    painter = QPainter()
    if not painter.begin(device):
        return False
    try:
        layout = device.pageLayout()
        page = QRectF(layout.paintRectPixels(device.logicalDpiX()))
        page.moveTo(0, 0)
        _Painter(painter, page, sheet).paint(device)
    finally:
        painter.end()
    return True


def _not_written(path: Path, error: OSError | None = None) -> str:
    if error is None:
        return QCoreApplication.translate("AgendaPrint", "%1 could not be written.").replace(
            "%1", str(path)
        )
    return (
        QCoreApplication.translate("AgendaPrint", "%1 could not be written: %2")
        .replace("%1", str(path))
        .replace("%2", error.strerror or str(error))
    )


def write_pdf(path: Path, sheet: AgendaSheet) -> str:
    """Write ``sheet`` as a PDF at ``path`` (replaced whole, or left as it was); "" when done,
    else why not, in one line."""
    partial = path.with_name(f".{path.name}.part")
    try:
        partial.write_bytes(b"")  # says why (a read-only folder...) before Qt would not
    except OSError as error:
        return _not_written(path, error)
    writer = QPdfWriter(str(partial))
    writer.setResolution(_DPI)
    writer.setTitle(sheet.title)
    writer.setCreator("closer_desk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    painted = render(writer, sheet)
    del writer  # the file is complete once the writer is gone
    try:
        if not painted:
            return _not_written(path)
        os.replace(partial, path)
    except OSError as error:
        return _not_written(path, error)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return ""


def ask_pdf_path(parent: QWidget, sheet: AgendaSheet) -> Path | None:
    """Where to write the PDF (the user picks), or None."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("AgendaPrint", "Export as PDF"),
        suggested(sheet.file_name()),
        QCoreApplication.translate("AgendaPrint", "PDF files (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def print_dialog(parent: QWidget, sheet: AgendaSheet) -> bool:
    """The system's print dialog, then the sheet on the printer chosen; True if printed."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(sheet.title)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    return render(printer, sheet)


# -- the agenda room's paper actions --------------------------------------------------------
def sheet_in_view(room: AgendaRoom) -> AgendaSheet:
    """What a print of the room's view shows: its days, calls and holidays, on the main
    closer's clock and each prospect's."""
    days = room.days()
    closers = room.shown_closers()
    holidays = day_holidays(days, room.closer, language=i18n.language())
    who = ", ".join(f"{c.name} ({i18n.city(c.zone)})" for c in closers)
    return AgendaSheet(
        title=room.title(),
        subtitle=who,
        days=tuple(days),
        entries=room.entries,
        zone=room.zone,
        holidays=holidays,
        closer_names={c.id: c.name for c in closers} if len(closers) > 1 else {},
    )


def export_view(room: AgendaRoom, path: Path | None = None) -> Path | None:
    """Write what is in the room's view as a PDF (asking where when ``path`` is None); the
    path, or None when nothing was written (the user is told why); ``room.exported`` says
    where it went."""
    sheet = sheet_in_view(room)
    if path is None:
        path = ask_pdf_path(room, sheet)
        if path is None:
            return None
    error = write_pdf(path, sheet)
    if error:
        title = QCoreApplication.translate("AgendaRoom", "Export as PDF")
        room.operations.prompts.inform(room, title, error)
        return None
    room.exported.emit(path)
    return path


__all__ = [
    "AgendaSheet",
    "ask_pdf_path",
    "export_view",
    "print_dialog",
    "render",
    "sheet_in_view",
    "span_text",
    "write_pdf",
]
