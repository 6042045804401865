"""The Reports room: results per company and month with charts, the week's booked hours
against the closer's planned hours, and a CSV export.

The report is computed through the door, on the worker; the room only draws what comes back,
and reads again (when in view, else when next shown) after a write that moves the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core.model import Changes
from closer_desk.core.reports import Month, Report, write_csv
from closer_desk.store.reports import DeskReport, current_month, load_report
from closer_desk.ui.common import i18n
from closer_desk.ui.common.i18n import percent_text
from closer_desk.ui.common.places import suggested
from closer_desk.ui.common.room import Staleness
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.table import table_view
from closer_desk.ui.reports.models import ReportTableModel, report_rows

if TYPE_CHECKING:
    from closer_desk.store import Agenda

#: The chart shows counts of won deals, or the commission in one currency (never a mix).
WON = "won"


@dataclass(frozen=True, slots=True)
class ReportData:
    """A report and the company colours the chart needs (read on the worker)."""

    desk: DeskReport
    colors: dict[int, str]


def load_data(agenda: Agenda, last: Month | None, span: int) -> ReportData:
    """The report of the ``span`` months ending with ``last`` (default: this month)."""
    month = last or current_month(agenda)
    desk = load_report(agenda, month.back(span))
    return ReportData(desk, {c.id: c.color for c in agenda.companies()})


def chart_values(report: Report, metric: str) -> dict[str, list[float]]:
    """Per company name, one value per month of the report: won deals, or the commission in
    currency ``metric``."""
    names = sorted({ln.company_name for ln in report.lines}, key=str.casefold)
    values = {name: [0.0] * len(report.months) for name in names}
    position = {m: i for i, m in enumerate(report.months)}
    for line in report.lines:
        if metric == WON:
            amount = float(line.tally.won)
        else:
            amount = float(
                sum((m.commission for m in line.money if m.currency == metric), Decimal(0))
            )
        values[line.company_name][position[line.month]] += amount
    return values


def write_report_csv(path: str, report: Report) -> str:
    """Write the report's CSV to ``path`` (runs on the worker); returns the path."""
    with Path(path).open("w", encoding="utf-8", newline="") as stream:
        write_csv(report, stream)
    return path


class ReportsRoom(QWidget):
    """Results per company and month, conversion, booked hours, CSV export.

    Attributes:
        chart: bars per company per month and the conversion line.
        bar_series: one bar set per company.
        conversion_series: conversion rate (%) per month; months without calls held have none.
        table_model: the picked month's results per company and currency.

    Signals:
        report_ready(): a report was computed and shown.
        exported(str): the CSV was written to this path.
        requested(Request): what only another room can do (none yet).
    """

    report_ready = Signal()
    exported = Signal(str)
    requested = Signal(object)

    def __init__(self, source: AgendaSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._stale = Staleness(self, self.refresh)
        self._data: ReportData | None = None
        self._pending = False

        self.month_edit = QDateEdit(self)
        self.month_edit.setDisplayFormat("MMMM yyyy")
        self.month_edit.setCalendarPopup(True)
        self.month_edit.dateChanged.connect(lambda _d: self.refresh())
        self.span_box = QSpinBox(self)
        self.span_box.setRange(1, 24)
        self.span_box.setValue(6)
        self.span_box.setSuffix(self.tr(" months"))
        self.span_box.valueChanged.connect(lambda _v: self.refresh())
        self.metric_box = QComboBox(self)
        self.metric_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.metric_box.currentIndexChanged.connect(lambda _i: self._draw_chart())
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.clicked.connect(self.export_csv)
        self.export_button.setEnabled(False)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Month"), self))
        controls.addWidget(self.month_edit)
        controls.addWidget(QLabel(self.tr("Chart over"), self))
        controls.addWidget(self.span_box)
        controls.addWidget(QLabel(self.tr("Bars"), self))
        controls.addWidget(self.metric_box)
        controls.addStretch(1)
        controls.addWidget(self.export_button)

        self.week_label = QLabel(self)
        self.week_bar = QProgressBar(self)
        self.week_bar.setTextVisible(True)
        week = QHBoxLayout()
        week.addWidget(self.week_label)
        week.addWidget(self.week_bar, 1)

        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.bar_series = QBarSeries()
        self.conversion_series = QLineSeries()
        self.conversion_series.setName(self.tr("Conversion (%)"))
        self.conversion_series.setPointsVisible(True)
        self.chart.addSeries(self.bar_series)
        self.chart.addSeries(self.conversion_series)
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%.0f")
        self.rate_axis = QValueAxis()
        self.rate_axis.setRange(0, 100)
        self.rate_axis.setLabelFormat("%.0f %%")
        self.rate_axis.setTitleText(self.tr("Conversion"))
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.rate_axis, Qt.AlignmentFlag.AlignRight)
        for series, y in ((self.bar_series, self.y_axis), (self.conversion_series, self.rate_axis)):
            series.attachAxis(self.x_axis)
            series.attachAxis(y)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        self._theme_chart()

        self.table_title = QLabel(self)
        font = self.table_title.font()
        font.setBold(True)
        self.table_title.setFont(font)
        self.policy_label = QLabel(
            self.tr(
                "Conversion = won ÷ calls held. No-shows are not calls held, so they are left "
                "out of the conversion. Amounts stay in the currency of each deal."
            ),
            self,
        )
        self.policy_label.setWordWrap(True)
        self.table_model = ReportTableModel(self)
        # Every column as wide as what it holds (a long company name, French headers): the
        # table scrolls sideways rather than cut them.
        self.table_view = table_view(self.table_model, self)
        self.table_view.setWordWrap(False)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table_title)
        table_layout.addWidget(self.table_view, 1)
        table_layout.addWidget(self.policy_label)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart_view)
        splitter.addWidget(table_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(week)
        layout.addWidget(splitter, 1)

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        """The chart follows the window's colours when they change (light, dark)."""
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.ThemeChange,
        ):
            self._theme_chart()
        super().changeEvent(event)

    def _theme_chart(self) -> None:
        """Paint the chart with the palette's colours: QtCharts keeps its own light theme
        otherwise, a white chart in a dark window."""
        colors = self.palette()
        base = colors.color(QPalette.ColorRole.Base)
        text = colors.color(QPalette.ColorRole.Text)
        faint = colors.color(QPalette.ColorRole.Mid)
        self.chart.setBackgroundBrush(base)
        self.chart.setPlotAreaBackgroundVisible(False)
        self.chart.setTitleBrush(text)
        self.chart.legend().setLabelColor(text)
        for axis in (self.x_axis, self.y_axis, self.rate_axis):
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setLinePenColor(faint)
            axis.setGridLineColor(faint)
        self.conversion_series.setPen(QPen(text, 2.5))
        self.chart_view.setBackgroundBrush(base)

    def on_changes(self, changes: Changes) -> None:
        """Recompute, once a report is shown, after a write that moves the figures: calls of
        the report's closer, a company's rate or name, that closer's planned hours. Out of
        view, when the room is next shown."""
        data = self._data
        if data is None:
            return
        closer = data.desk.closer.id
        if changes.calls_of(closer) or changes.companies or closer in changes.closers:
            self._stale.concerned()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        """Compute the report the first time the room is shown, and again if a write
        concerned it meanwhile."""
        if self._data is None and not self._pending:
            self.refresh()
        else:
            self._stale.shown()
        super().showEvent(event)

    # -- data --------------------------------------------------------------------------------
    def month(self) -> Month | None:
        """The picked month (None until the first report set it)."""
        if self._data is None:
            return None
        date = self.month_edit.date()
        return Month(date.year(), date.month())

    def set_month(self, month: Month) -> None:
        """Pick a month (the report follows)."""
        self.month_edit.setDate(i18n.qdate(month.first_day()))

    def report(self) -> Report | None:
        """The report shown."""
        return self._data.desk.report if self._data else None

    def refresh(self) -> None:
        """Recompute the report off the GUI thread."""
        last, span = self.month(), self.span_box.value()
        self._pending = True
        self._source.query(
            self, lambda agenda: load_data(agenda, last, span), self._show, self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self._pending = False
        self.table_title.setText(
            self.tr("The report could not be computed (%1).").replace("%1", type(error).__name__)
        )

    def _show(self, data: ReportData) -> None:
        self._pending = False
        self._data = data
        report = data.desk.report
        last = report.months[-1]
        self.month_edit.blockSignals(True)
        self.month_edit.setDate(i18n.qdate(last.first_day()))
        self.month_edit.blockSignals(False)
        self._fill_metrics(report)
        self._draw_chart()
        month_report = Report(
            report.zone, (last,), tuple(ln for ln in report.lines if ln.month == last)
        )
        self.table_model.set_rows(report_rows(month_report))
        self.table_title.setText(
            self.tr("Results for %1").replace(
                "%1", QLocale().toString(i18n.qdate(last.first_day()), "MMMM yyyy")
            )
        )
        week = data.desk.week
        self.week_label.setText(
            self.tr("Booked this week: %1 of %2 planned")
            .replace("%1", self._hours(week.booked_minutes))
            .replace("%2", self._hours(week.planned_minutes))
        )
        self.week_bar.setRange(0, max(week.planned_minutes, week.booked_minutes, 1))
        self.week_bar.setValue(week.booked_minutes)
        self.week_bar.setFormat(percent_text(week.share or Decimal(0), places=0))
        self.export_button.setEnabled(True)
        self.report_ready.emit()

    def _hours(self, minutes: int) -> str:
        hours, rest = divmod(minutes, 60)
        return (
            self.tr("%1 h %2").replace("%1", str(hours)).replace("%2", f"{rest:02d}")
            if rest
            else self.tr("%1 h").replace("%1", str(hours))
        )

    def _fill_metrics(self, report: Report) -> None:
        current = self.metric_box.currentData()
        self.metric_box.blockSignals(True)
        self.metric_box.clear()
        self.metric_box.addItem(self.tr("Won deals"), WON)
        for currency in report.currencies():
            self.metric_box.addItem(self.tr("Commission in %1").replace("%1", currency), currency)
        found = self.metric_box.findData(current)
        self.metric_box.setCurrentIndex(max(found, 0))
        self.metric_box.blockSignals(False)

    # -- chart ---------------------------------------------------------------------------------
    def _draw_chart(self) -> None:
        if self._data is None:
            return
        report = self._data.desk.report
        metric = self.metric_box.currentData() or WON
        self.bar_series.clear()
        colors = {ln.company_name: self._data.colors.get(ln.company_id, "") for ln in report.lines}
        top = 0.0
        for name, values in chart_values(report, metric).items():
            bar_set = QBarSet(name)
            if colors.get(name):
                bar_set.setColor(QColor(colors[name]))
            bar_set.append(values)
            self.bar_series.append(bar_set)
            top = max(top, *values)
        labels = [QLocale().toString(i18n.qdate(m.first_day()), "MMM yyyy") for m in report.months]
        self.x_axis.clear()
        self.x_axis.append(labels)
        self.y_axis.setRange(0, top * 1.1 if top else 1)
        self.y_axis.applyNiceNumbers()  # round ticks: 0, 2, 4… rather than 0, 2.3, 4.6…
        self.y_axis.setTitleText(self.tr("Won deals") if metric == WON else metric)
        self.conversion_series.clear()
        for i, group in enumerate(report.by_month()):
            if group.tally.conversion is not None:
                self.conversion_series.append(float(i), float(group.tally.conversion * 100))
        self.chart.setTitle(
            self.tr("Won deals per company and month")
            if metric == WON
            else self.tr("Commission in %1 per company and month").replace("%1", metric)
        )

    # -- export --------------------------------------------------------------------------------
    def export_csv(self) -> None:
        """Ask where, then write the report's CSV there (on the worker)."""
        report = self.report()
        if report is None:
            return
        name = f"closer-desk-report-{report.months[0]}-{report.months[-1]}.csv"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), suggested(name), self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        # Off the GUI thread like every file the window writes; the agenda is not read.
        self._source.query(self, lambda _agenda: write_report_csv(path, report), self.exported.emit)
