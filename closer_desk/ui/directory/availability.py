"""A closer's availability: weekly hours, days off and extra hours, travel, and booking rules.

Everything typed is checked with the same ``core.parse`` rules as the CLI (``09:00-12:00,
14:00-18:00``; overlapping intervals refused) before anything is written; the save then runs
through the door, as one transaction of ``Agenda.edit_closer``/``set_override``/
``clear_override``/``add_travel``/``clear_travels``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core import parse
from closer_desk.core.errors import CloserDeskError, ValidationError
from closer_desk.core.model import Closer, DailyInterval, DateOverride, TravelPeriod, WeeklyHours
from closer_desk.ui.common import i18n
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.table import Column, RowsModel, table_view
from closer_desk.ui.common.zonepicker import Clock, ZonePicker
from closer_desk.ui.directory.form import EditDialog, Job

if TYPE_CHECKING:
    from closer_desk.store import Agenda


def intervals_text(intervals: Sequence[DailyInterval]) -> str:
    """``09:00-12:00, 14:00-18:00``."""
    return ", ".join(
        f"{parse.format_clock(i.start)}-{parse.format_clock(i.end)}" for i in intervals
    )


def _long_day(day: date) -> str:
    return QLocale().toString(i18n.qdate(day), QLocale.FormatType.LongFormat)


def _short_day(day: date) -> str:
    return QLocale().toString(i18n.qdate(day), QLocale.FormatType.ShortFormat)


class OverridesModel(RowsModel[DateOverride]):
    """The closer's days off and extra hours, as edited (saved with the dialog)."""

    context = "AvailabilityDialog"
    columns = (
        Column(QT_TRANSLATE_NOOP("AvailabilityDialog", "Date"), lambda o: _long_day(o.day)),
        Column(
            QT_TRANSLATE_NOOP("AvailabilityDialog", "Hours"),
            lambda o: (
                intervals_text(o.intervals)
                or QCoreApplication.translate("AvailabilityDialog", "Day off")
            ),
        ),
    )


class TravelsModel(RowsModel[TravelPeriod]):
    """The closer's travel periods, as edited (saved with the dialog)."""

    context = "AvailabilityDialog"
    columns = (
        Column(QT_TRANSLATE_NOOP("AvailabilityDialog", "From"), lambda t: _short_day(t.first_day)),
        Column(QT_TRANSLATE_NOOP("AvailabilityDialog", "To"), lambda t: _short_day(t.last_day)),
        Column(QT_TRANSLATE_NOOP("AvailabilityDialog", "Time zone"), lambda t: t.zone),
    )


class AvailabilityDialog(EditDialog[Closer]):
    """Edit one closer's availability; saved in one transaction through the door.

    Attributes:
        day_edits: seven line edits, Monday first, each a list of intervals.
        overrides_model, travels_model: the date overrides and travel periods being edited.

    Signals:
        saved(object): the saved ``Closer``.
    """

    def __init__(
        self,
        source: AgendaSource,
        closer: Closer,
        *,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(source, parent)
        self._closer = closer
        self._clock = clock
        self.setWindowTitle(self.tr("Availability of %1").replace("%1", closer.name))
        self._undo_text = self.tr("Edit availability")
        tabs = QTabWidget(self)
        tabs.addTab(self._week_page(closer), self.tr("&Weekly hours"))
        tabs.addTab(self._overrides_page(closer), self.tr("&Days off and extra hours"))
        tabs.addTab(self._travel_page(closer), self.tr("T&ravel"))
        tabs.addTab(self._rules_page(closer), self.tr("Booking &rules"))
        self.tabs = tabs
        self.finish_layout(tabs)
        self.resize(max(640, self.sizeHint().width()), max(460, self.sizeHint().height()))

    # -- pages ---------------------------------------------------------------------------
    def _week_page(self, closer: Closer) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        hint = QLabel(
            self.tr(
                "Hours in %1 time, several intervals separated by commas, e.g. 09:00-12:00, 14:00-18:00. Empty: not working."  # noqa: E501 - one literal for lupdate
            ).replace("%1", closer.zone),
            page,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        locale = QLocale()
        self.day_edits: list[QLineEdit] = []
        for day in range(7):
            edit = QLineEdit(intervals_text(closer.hours.on(day)), page)
            edit.setPlaceholderText(self.tr("not working"))
            self.add_field(
                form,
                f"hours_{day}",
                locale.dayName(day + 1, QLocale.FormatType.LongFormat).capitalize(),
                edit,
            )
            edit.textChanged.connect(self._update_total)
            self.day_edits.append(edit)
        layout.addLayout(form)
        self.copy_monday_button = QPushButton(self.tr("&Copy Monday to Tuesday–Friday"), page)
        self.copy_monday_button.clicked.connect(self.copy_monday)
        self.total = QLabel(page)
        footer = QHBoxLayout()
        footer.addWidget(self.total, 1)
        footer.addWidget(self.copy_monday_button)
        layout.addLayout(footer)
        layout.addStretch(1)
        self._update_total()
        return page

    def _overrides_page(self, closer: Closer) -> QWidget:
        page = QWidget(self)
        self.overrides_model = OverridesModel(self)
        self.overrides_model.set_rows(closer.overrides)
        self.overrides_view = table_view(self.overrides_model, page)
        today = self._today()
        self.override_date = QDateEdit(i18n.qdate(today), page)
        self.override_date.setCalendarPopup(True)
        i18n.follow_formats(self.override_date)
        self.override_hours = QLineEdit(page)
        self.override_hours.setPlaceholderText(self.tr("empty: day off; or e.g. 10:00-14:00"))
        self.add_override_button = QPushButton(self.tr("&Add"), page)
        self.remove_override_button = QPushButton(self.tr("Re&move"), page)
        form = QFormLayout()
        self.add_field(form, "override_day", self.tr("Date"), self.override_date)
        self.add_field(form, "override_hours", self.tr("Hours that day"), self.override_hours)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_override_button)
        buttons.addWidget(self.remove_override_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.overrides_view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.add_override_button.clicked.connect(self.add_override)
        self.remove_override_button.clicked.connect(self.remove_override)
        return page

    def _travel_page(self, closer: Closer) -> QWidget:
        page = QWidget(self)
        self.travels_model = TravelsModel(self)
        self.travels_model.set_rows(closer.travels)
        self.travels_view = table_view(self.travels_model, page)
        today = self._today()
        self.travel_first = QDateEdit(i18n.qdate(today), page)
        self.travel_first.setCalendarPopup(True)
        self.travel_last = QDateEdit(i18n.qdate(today), page)
        self.travel_last.setCalendarPopup(True)
        for field in (self.travel_first, self.travel_last):
            i18n.follow_formats(field)
        self.travel_zone = ZonePicker(self._clock, page)
        self.add_travel_button = QPushButton(self.tr("&Add"), page)
        self.remove_travel_button = QPushButton(self.tr("Re&move"), page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_field(form, "first_day", self.tr("From"), self.travel_first)
        self.add_field(form, "last_day", self.tr("To (included)"), self.travel_last)
        self.add_field(form, "travel_zone", self.tr("Working from"), self.travel_zone)
        # An unknown zone is reported as "zone": here that can only be the travel's.
        self.alias("zone", "travel_zone")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_travel_button)
        buttons.addWidget(self.remove_travel_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.travels_view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.add_travel_button.clicked.connect(self.add_travel)
        self.remove_travel_button.clicked.connect(self.remove_travel)
        return page

    def _rules_page(self, closer: Closer) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)

        def minutes_box(value: int, maximum: int, step: int) -> QSpinBox:
            box = QSpinBox(page)
            box.setRange(0, maximum)
            box.setSingleStep(step)
            box.setSuffix(self.tr(" min"))
            box.setValue(value)
            return box

        # Bounds wide enough for anything the CLI may have stored: a spin box must never
        # clamp a value silently and save the clamped one.
        self.buffer_before = minutes_box(closer.buffer_before, 24 * 60, 5)
        self.buffer_after = minutes_box(closer.buffer_after, 24 * 60, 5)
        self.min_notice = minutes_box(closer.min_notice, 60 * 24 * 60, 30)
        self.daily_cap = QSpinBox(page)
        self.daily_cap.setRange(0, 1000)
        self.daily_cap.setSpecialValueText(self.tr("No limit"))
        self.daily_cap.setValue(closer.daily_cap or 0)
        self.add_field(
            form, "buffer_before", self.tr("Free time &before a call"), self.buffer_before
        )
        self.add_field(form, "buffer_after", self.tr("Free time &after a call"), self.buffer_after)
        self.add_field(form, "min_notice", self.tr("Minimum &notice"), self.min_notice)
        self.add_field(form, "daily_cap", self.tr("Most &calls a day"), self.daily_cap)
        return page

    def _today(self) -> date:
        if self._clock is not None:
            return self._clock().astimezone().date()
        return i18n.pydate(QDate.currentDate())

    # -- weekly hours ------------------------------------------------------------------
    def weekly_hours(self) -> WeeklyHours:
        """The weekly hours typed, each day checked like the CLI's ``--hours``."""
        return WeeklyHours(
            tuple(
                parse.parse_intervals(edit.text(), f"hours_{day}")
                for day, edit in enumerate(self.day_edits)
            )
        )

    def copy_monday(self) -> None:
        """Give Tuesday to Friday Monday's hours (the usual way to set a working week)."""
        for edit in self.day_edits[1:5]:
            edit.setText(self.day_edits[0].text())

    def _update_total(self) -> None:
        try:
            minutes = self.weekly_hours().total_minutes()
        except (CloserDeskError, ValueError):
            self.total.setText("")
            return
        self.total.setText(
            self.tr("%1 h %2 a week")
            .replace("%1", str(minutes // 60))
            .replace("%2", f"{minutes % 60:02d}")
        )

    # -- overrides -----------------------------------------------------------------------
    def add_override(self) -> None:
        """Add (or replace) the override of the chosen date."""
        self.clear_errors()
        try:
            intervals = parse.parse_intervals(self.override_hours.text(), "override_hours")
        except CloserDeskError as exc:
            self.show_error(exc)
            return
        day = i18n.pydate(self.override_date.date())
        rows = [o for o in self.overrides_model.rows() if o.day != day]
        rows.append(DateOverride(day, intervals))
        self.overrides_model.set_rows(sorted(rows, key=lambda o: o.day))
        self.override_hours.clear()

    def remove_override(self) -> None:
        """Remove the selected override."""
        selected = self.overrides_view.selectionModel().selectedRows()
        if selected:
            rows = list(self.overrides_model.rows())
            del rows[selected[0].row()]
            self.overrides_model.set_rows(rows)

    # -- travel --------------------------------------------------------------------------
    def add_travel(self) -> None:
        """Add the travel period typed under the list."""
        self.clear_errors()
        first, last = i18n.pydate(self.travel_first.date()), i18n.pydate(self.travel_last.date())
        try:
            if last < first:
                raise ValidationError("last_day", "end_before_start", last.isoformat())
            zone = self.travel_zone.zone()
        except CloserDeskError as exc:
            self.show_error(exc)
            return
        rows = [*self.travels_model.rows(), TravelPeriod(first, last, zone)]
        self.travels_model.set_rows(sorted(rows, key=lambda t: t.first_day))

    def remove_travel(self) -> None:
        """Remove the selected travel period."""
        selected = self.travels_view.selectionModel().selectedRows()
        if selected:
            rows = list(self.travels_model.rows())
            del rows[selected[0].row()]
            self.travels_model.set_rows(rows)

    # -- saving --------------------------------------------------------------------------
    def undo_text(self) -> str:
        """Saving is "Edit availability" in the Edit menu's Undo."""
        return self._undo_text

    def build_job(self) -> Job[Closer]:
        """Check everything typed, then return the store calls that save it (one
        transaction: all of it is saved, or nothing)."""
        hours = self.weekly_hours()
        closer = self._closer
        buffer_before, buffer_after = self.buffer_before.value(), self.buffer_after.value()
        min_notice, daily_cap = self.min_notice.value(), self.daily_cap.value() or None
        overrides = self.overrides_model.rows()
        kept = {o.day for o in overrides}
        removed = [o.day for o in closer.overrides if o.day not in kept]
        changed = [o for o in overrides if o not in closer.overrides]
        travels = self.travels_model.rows()
        travels_changed = tuple(travels) != closer.travels

        def save(agenda: Agenda) -> Closer:
            with agenda.batch():
                agenda.edit_closer(
                    closer.id,
                    hours=hours,
                    buffer_before=buffer_before,
                    buffer_after=buffer_after,
                    min_notice=min_notice,
                    daily_cap=daily_cap,
                )
                for day in removed:
                    agenda.clear_override(closer.id, day)
                for override in changed:
                    agenda.set_override(closer.id, override.day, override.intervals)
                if travels_changed:
                    agenda.clear_travels(closer.id)
                    for travel in travels:
                        agenda.add_travel(closer.id, travel.first_day, travel.last_day, travel.zone)
            return agenda.closer(closer.id)

        return save
