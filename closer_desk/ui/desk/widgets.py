"""The call's desk, for the details pane: the company's closing script as a checklist, notes
taken during the call, the prospect's private file, their history of calls, and the outcome
buttons.

Everything the widget reads or writes goes through the door (``AgendaSource``); answers are
dropped if the closer has moved on to another call meanwhile, and it reads the call again when
a write touches the call, its prospect (their file, their other calls) or its company.

Nothing typed is lost: the notes and the prospect's file are saved shortly after typing stops,
and at once when another call is shown, when the desk is hidden and when the window closes
(``flush``). Each save is one step of the window's undo (typing in one field makes one step).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core import lifecycle, parse
from closer_desk.core.commission import commission, deal_currency
from closer_desk.core.errors import CloserDeskError, ValidationError
from closer_desk.core.model import Appointment, Changes, OutcomeChoice, Status, Temperature
from closer_desk.core.script import ScriptStep
from closer_desk.store.desk import CallDesk, call_desk, set_call_notes, set_tick
from closer_desk.ui.common import i18n
from closer_desk.ui.common.button_rows import ButtonRows
from closer_desk.ui.common.i18n import amount_text, percent_text
from closer_desk.ui.common.prompts import describe, not_started_text
from closer_desk.ui.common.room import PlanCall, Staleness
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.table import table_view
from closer_desk.ui.desk.models import HistoryModel, HistoryRow, ScriptModel, result_text

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from closer_desk.store import Agenda

#: How long after the last key a field is saved.
SAVE_DELAY_MS = 800
_CURRENCIES = ("EUR", "USD", "CAD", "GBP", "CHF", "AED", "SAR", "JPY", "AUD", "SGD", "MAD", "XOF")
_TICK_STYLE = (
    "QListView::indicator { width: 12px; height: 12px; border: 1px solid palette(text);"
    " border-radius: 2px; background: palette(base); }"
    "QListView::indicator:checked { background: palette(highlight);"
    " border-color: palette(highlight); }"
)
_PRIVATE_STYLE = (
    "QLabel { background: #7a1f1f; color: white; border-radius: 3px; padding: 1px 6px; }"
)


@dataclass(frozen=True, slots=True)
class DeskData:
    """What the widget shows for one call, read on the worker."""

    desk: CallDesk
    closer_zone: str
    company_names: dict[int, str]


def load_desk(agenda: Agenda, appointment_id: int) -> DeskData:
    """Read the call's desk and the names its history needs (runs on the worker)."""
    desk = call_desk(agenda, appointment_id)
    return DeskData(
        desk,
        agenda.closer(desk.appointment.closer_id).zone,
        {c.id: c.name for c in agenda.companies()},
    )


class WonDialog(QDialog):
    """Asks the deal value, its currency and, optionally, this deal's own commission rate."""

    def __init__(self, currency: str, company_rate: Decimal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deal won"))
        self.value_edit = QLineEdit(self)
        self.value_edit.setPlaceholderText(self.tr("e.g. 4500"))
        self.currency_box = QComboBox(self)
        self.currency_box.setEditable(True)
        self.currency_box.addItems(list(dict.fromkeys((currency, *_CURRENCIES))))
        self.rate_edit = QLineEdit(self)
        self.rate_edit.setPlaceholderText(
            self.tr("company rate: %1").replace("%1", percent_text(company_rate))
        )
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b91c1c")
        form = QFormLayout()
        form.addRow(self.tr("Deal value"), self.value_edit)
        form.addRow(self.tr("Currency"), self.currency_box)
        form.addRow(self.tr("Commission for this deal (%)"), self.rate_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.result_values: tuple[Decimal, str, Decimal | None] | None = None

    def accept(self) -> None:
        """Close only on a valid value, currency and rate; say which field is wrong."""
        try:
            value = parse.parse_money(self.value_edit.text())
            currency = parse.parse_currency(self.currency_box.currentText())
            rate_text = self.rate_edit.text().strip()
            rate = parse.parse_rate(rate_text) if rate_text else None
        except ValidationError as error:
            fields = {
                "value": self.tr("Enter the deal value as a number, e.g. 4500 or 4500.50."),
                "currency": self.tr("Enter a three-letter currency code such as EUR."),
                "rate": self.tr("Enter the rate as a percentage between 0 and 100."),
            }
            self.error_label.setText(fields.get(error.field, fields["value"]))
            return
        self.result_values = (value, currency, rate)
        super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget, currency: str, company_rate: Decimal
    ) -> tuple[Decimal, str, Decimal | None] | None:
        """Value, currency and rate override (None: the company's), or None if cancelled."""
        dialog = cls(currency, company_rate, parent)
        dialog.exec()
        return dialog.result_values


class CallDeskWidget(QWidget):
    """The closer's desk for one call. Call ``set_appointment(id)`` to show a call.

    Attributes:
        script_model: the closing script's checklist for this call.
        history_model: the prospect's calls and their outcomes.

    Signals:
        loaded(int): the call ``int`` is shown.
        requested(PlanCall): after a follow-up or a no-show, plan the next call with the
            prospect, linked to this one (``store.desk.book_next_call``).
        outcome_recorded(int): an outcome of call ``int`` was saved.
        tick_saved(int): a script tick of call ``int`` was saved.
        notes_saved(int): the notes of call ``int`` were saved.
        file_saved(int): the file of prospect ``int`` was saved.
    """

    loaded = Signal(int)
    requested = Signal(object)
    outcome_recorded = Signal(int)
    tick_saved = Signal(int)
    notes_saved = Signal(int)
    file_saved = Signal(int)

    def __init__(
        self,
        source: AgendaSource,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        self._stale = Staleness(self, self.refresh)
        self._data: DeskData | None = None
        self._appointment_id: int | None = None
        self._notes_dirty = False
        self._file_dirty = False
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(SAVE_DELAY_MS)
        self._notes_timer.timeout.connect(self.save_notes)
        self._file_timer = QTimer(self)
        self._file_timer.setSingleShot(True)
        self._file_timer.setInterval(SAVE_DELAY_MS)
        self._file_timer.timeout.connect(self.save_file)

        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)

        self.script_model = ScriptModel(self)
        self.script_model.tick_requested.connect(self._save_tick)
        self.script_view = QListView(self)
        self.script_view.setModel(self.script_model)
        self.script_view.setWordWrap(True)
        self.script_empty = QLabel(self.tr("This company has no closing script yet."), self)
        self.script_empty.setWordWrap(True)
        script_box = QGroupBox(self.tr("Closing script"), self)
        script_layout = QVBoxLayout(script_box)
        script_layout.addWidget(self.script_view)
        script_layout.addWidget(self.script_empty)

        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setPlaceholderText(self.tr("Notes taken during the call (private)"))
        self.notes_edit.textChanged.connect(self._notes_changed)
        notes_box = QGroupBox(self.tr("Call notes"), self)
        QVBoxLayout(notes_box).addWidget(self.notes_edit)

        self.outcome_buttons: dict[OutcomeChoice, QPushButton] = {}
        # One row when there is room, two by two in a narrow details pane, one column in a
        # narrower one still (French words are longer).
        outcome_row = self._outcome_grid = ButtonRows()
        for key, text in (
            (OutcomeChoice.WON, self.tr("Won…")),
            (OutcomeChoice.LOST, self.tr("Lost…")),
            (OutcomeChoice.NO_SHOW, self.tr("No-show")),
            (OutcomeChoice.FOLLOW_UP, self.tr("Follow-up")),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"outcome_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.ask_outcome(k))
            self.outcome_buttons[key] = button
            outcome_row.addWidget(button)
        self.outcome_label = QLabel(self)
        self.outcome_label.setWordWrap(True)
        # A call still to come has no outcome yet: its buttons wake up once it has started.
        self._start_timer = QTimer(self)
        self._start_timer.setInterval(30_000)
        self._start_timer.timeout.connect(self._enable_outcomes)

        self.file_box = self._build_file_box()

        self.history_model = HistoryModel(self)
        self.history_view = table_view(self.history_model, self)
        history_box = QGroupBox(self.tr("Calls with this prospect"), self)
        QVBoxLayout(history_box).addWidget(self.history_view)

        left = QVBoxLayout()
        left.addWidget(script_box, 3)
        left.addWidget(notes_box, 2)
        right = QVBoxLayout()
        right.addWidget(self.file_box, 3)
        right.addWidget(history_box, 2)
        # Side by side when there is room, stacked in a narrow details pane (which scrolls:
        # the desk has no scroll area of its own inside the pane's).
        body = QWidget(self)
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom, body)
        self._columns.setContentsMargins(0, 0, 0, 0)
        self._columns.addLayout(left, 1)
        self._columns.addLayout(right, 1)
        self.script_view.setMinimumHeight(110)
        self.script_view.setSpacing(2)
        # Drawn from the palette's text colour: the style's own box all but vanishes on a
        # dark palette.
        self.script_view.setStyleSheet(_TICK_STYLE)
        self.notes_edit.setMinimumHeight(90)
        self.history_view.setMinimumHeight(170)
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addLayout(outcome_row)
        outer.addWidget(self.outcome_label)
        outer.addWidget(body, 1)
        self._show_nothing()

    # -- building ----------------------------------------------------------------------------
    def _build_file_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Prospect's file"), self)
        badge = QLabel(self.tr("Private: never sent in an invite or an export"), box)
        badge.setStyleSheet(_PRIVATE_STYLE)
        badge.setWordWrap(True)
        badge.setObjectName("private_badge")
        self.temperature_box = QComboBox(box)
        for value, text in (
            (Temperature.HOT, self.tr("Hot")),
            (Temperature.WARM, self.tr("Warm")),
            (Temperature.COLD, self.tr("Cold")),
        ):
            self.temperature_box.addItem(text, value.value)
        self.file_edits: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Temperature"), self.temperature_box)
        for key, label in (
            ("need", self.tr("Need")),
            ("motivations", self.tr("Motivations")),
            ("blockages", self.tr("Blockages")),
            ("notes", self.tr("Notes")),
        ):
            edit = QPlainTextEdit(box)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(40)
            edit.setObjectName(f"file_{key}")
            edit.textChanged.connect(self._file_changed)
            self.file_edits[key] = edit
            form.addRow(label, edit)
        # A choice made by the user (not by a read) is saved at once.
        self.temperature_box.activated.connect(lambda _index: self._file_chosen())
        self.file_hint = QLabel(self.tr("Saved as you type."), box)
        self.file_hint.setEnabled(False)  # the palette's quiet text
        layout = QVBoxLayout(box)
        layout.addWidget(badge)  # full width: it wraps in a narrow details pane
        layout.addLayout(form)
        layout.addWidget(self.file_hint, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def on_changes(self, changes: Changes) -> None:
        """Read the call shown again when a write concerns it: the call itself, its prospect's
        file or other calls, its company's script. Notes and ticks are only written here, and
        what is shown is what was written."""
        data, wanted = self._data, self._appointment_id
        if wanted is None:
            return
        if (
            changes.unknown
            or wanted in changes.appointments
            or (
                data is not None
                and (
                    data.desk.prospect.id in changes.prospects
                    or data.desk.prospect.id in changes.call_prospects
                    or data.desk.company.id in changes.companies
                )
            )
        ):
            self._stale.concerned()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        """A change that came while the pane was hidden is read now."""
        self._stale.shown()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # Qt's name
        """What was typed just before the pane closes is saved, not lost with the timer."""
        self.flush()
        super().hideEvent(event)

    def flush(self) -> None:
        """Save now whatever was typed and not saved yet (the notes, the prospect's file):
        before another call is shown, and when the window closes."""
        if self._notes_dirty:
            self.save_notes()
        if self._file_dirty:
            self.save_file()

    def unsaved(self) -> bool:
        """True while something typed waits to be saved."""
        return self._notes_dirty or self._file_dirty

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= 900
        self._columns.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        super().resizeEvent(event)

    # -- showing a call ----------------------------------------------------------------------
    def appointment_id(self) -> int | None:
        """The call shown, if any."""
        return self._appointment_id

    def desk_data(self) -> DeskData | None:
        """What is shown (tests and the lead's wiring read it)."""
        return self._data

    def set_appointment(self, appointment_id: int | None) -> None:
        """Show the desk of call ``appointment_id`` (None: nothing). What was typed for the
        previous call (its notes, its prospect's file) is saved first."""
        self.flush()
        if appointment_id != self._appointment_id:
            self.outcome_label.clear()  # a refusal was about the call shown before
        self._appointment_id = appointment_id
        if appointment_id is None:
            self._data = None
            self._show_nothing()
            return
        self.refresh()

    def refresh(self) -> None:
        """Re-read the shown call."""
        wanted = self._appointment_id
        if wanted is None:
            return
        self._source.query(
            self, lambda agenda: load_desk(agenda, wanted), lambda data: self._loaded(wanted, data)
        )

    def _loaded(self, wanted: int, data: DeskData) -> None:
        if wanted != self._appointment_id:
            return  # the closer moved on
        self._data = data
        desk = data.desk
        a = desk.appointment
        self.setEnabled(True)
        self.title.setText(
            self.tr("%1 with %2 — %3")
            .replace("%1", desk.company.name)
            .replace("%2", desk.prospect.name)
            .replace("%3", i18n.call_time(a.start, data.closer_zone))
        )
        self.script_model.set_steps(desk.script)
        self.script_view.setVisible(bool(desk.script))
        self.script_empty.setVisible(not desk.script)
        if not self._notes_dirty:  # never overwrite what the closer is typing
            self.notes_edit.blockSignals(True)
            self.notes_edit.setPlainText(a.notes)
            self.notes_edit.blockSignals(False)
        p = desk.prospect
        if not self._file_dirty:  # nor what they are typing in the file
            self.temperature_box.setCurrentIndex(self.temperature_box.findData(p.temperature.value))
            file = {
                "need": p.need,
                "motivations": p.motivations,
                "blockages": p.blockages,
                "notes": p.notes,
            }
            for key, edit in self.file_edits.items():
                if edit.toPlainText() != file[key]:
                    edit.blockSignals(True)
                    edit.setPlainText(file[key])
                    edit.blockSignals(False)
        self.history_model.set_rows(
            [
                HistoryRow(
                    c,
                    i18n.call_time(c.start, data.closer_zone),
                    data.company_names.get(c.company_id, ""),
                    c.id == a.id,
                )
                for c in desk.history
            ]
        )
        # Bring this call into view among the prospect's others.
        here = next((n for n, c in enumerate(desk.history) if c.id == a.id), 0)
        self.history_view.scrollTo(
            self.history_model.index(here, 0), QTableView.ScrollHint.PositionAtCenter
        )
        self._enable_outcomes()
        self.outcome_label.setText(self._outcome_text())
        self.loaded.emit(a.id)

    def _enable_outcomes(self) -> None:
        """Outcome buttons only for a call that has started and is not cancelled."""
        a = self._data.desk.appointment if self._data is not None else None
        started = a is not None and lifecycle.has_started(a, self._clock())
        for button in self.outcome_buttons.values():
            button.setEnabled(started and a is not None and a.status != Status.CANCELLED)
            button.setToolTip("" if started or a is None else not_started_text())
        if a is not None and not started:
            self._start_timer.start()
        else:
            self._start_timer.stop()

    def _show_nothing(self) -> None:
        self.title.setText(self.tr("No call selected"))
        self.script_model.set_steps(())
        self.history_model.set_rows(())
        self.notes_edit.blockSignals(True)
        self.notes_edit.clear()
        self.notes_edit.blockSignals(False)
        for edit in self.file_edits.values():
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self.outcome_label.clear()
        self._start_timer.stop()
        self.setEnabled(False)

    def _outcome_text(self) -> str:
        if self._data is None:
            return ""
        a = self._data.desk.appointment
        if a.outcome is None and a.status != Status.NO_SHOW:
            return self.tr("No outcome recorded yet.")
        text = self.tr("Outcome: %1").replace("%1", result_text(a))
        earned = commission(a, self._data.desk.company)
        if earned is not None:
            text += " — " + (
                self.tr("%1 %2, commission %3 %2")
                .replace("%1", amount_text(earned.deal_value))
                .replace("%2", earned.currency)
                .replace("%3", amount_text(earned.amount))
            )
        return text

    # -- ticks and notes -----------------------------------------------------------------------
    def _save_tick(self, step: int, ticked: bool) -> None:
        wanted = self._appointment_id
        if wanted is None:
            return

        def done(steps: tuple[ScriptStep, ...]) -> None:
            if wanted == self._appointment_id:
                self.script_model.set_steps(steps)
            self.tick_saved.emit(wanted)

        self._source.write(
            self,
            lambda agenda: set_tick(agenda, wanted, step, ticked),
            done,
            self._failed,
            undo=self.tr("Tick the script") if ticked else self.tr("Untick the script"),
        )

    def _notes_changed(self) -> None:
        self._notes_dirty = True
        self._notes_timer.start()

    def _file_changed(self) -> None:
        if self._data is None:
            return
        self._file_dirty = True
        self._file_timer.start()

    def _file_chosen(self) -> None:
        if self._data is not None:
            self._file_dirty = True
            self.save_file()

    def save_notes(self) -> None:
        """Write the call notes now (also done shortly after typing stops)."""
        self._notes_timer.stop()
        wanted = self._appointment_id
        if wanted is None or not self._notes_dirty:
            return
        self._notes_dirty = False
        text = self.notes_edit.toPlainText()
        self._source.write(
            self,
            lambda agenda: set_call_notes(agenda, wanted, text),
            lambda _call: self.notes_saved.emit(wanted),
            self._failed,
            undo=self.tr("Call notes"),
            merge=True,
        )

    def save_file(self) -> None:
        """Write the prospect's file now (temperature, need, motivations, blockages, notes;
        also done shortly after typing stops)."""
        self._file_timer.stop()
        if self._data is None or not self._file_dirty:
            return
        self._file_dirty = False
        prospect_id = self._data.desk.prospect.id
        text = {key: edit.toPlainText() for key, edit in self.file_edits.items()}
        temperature = str(self.temperature_box.currentData())
        self._source.write(
            self,
            lambda agenda: agenda.edit_prospect(
                prospect_id,
                temperature=temperature,
                need=text["need"],
                motivations=text["motivations"],
                blockages=text["blockages"],
                notes=text["notes"],
            ),
            lambda _prospect: self.file_saved.emit(prospect_id),
            self._failed,
            undo=self.tr("Prospect's file"),
            merge=True,
        )

    # -- outcomes ------------------------------------------------------------------------------
    def _default_currency(self) -> str:
        code = QLocale().currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
        fallback = code if len(code) == 3 else "EUR"
        if self._data is None:
            return fallback
        desk = self._data.desk
        return deal_currency(desk.company.country, desk.history, fallback)

    def ask_outcome(self, key: OutcomeChoice, appointment_id: int | None = None) -> None:
        """Ask what an outcome needs (a won deal's value, a lost one's reason) and record it
        for the shown call (only if it is ``appointment_id``, when given)."""
        if self._data is None:
            return
        if appointment_id is not None and appointment_id != self._data.desk.appointment.id:
            return
        if key == OutcomeChoice.WON:
            answer = WonDialog.ask(
                self, self._default_currency(), self._data.desk.company.commission_rate
            )
            if answer is None:
                return
            value, currency, rate = answer
            self.record_outcome(OutcomeChoice.WON, value=value, currency=currency, rate=rate)
        elif key == OutcomeChoice.LOST:
            reason, ok = QInputDialog.getText(
                self, self.tr("Deal lost"), self.tr("Why was it lost?")
            )
            if ok:
                self.record_outcome(OutcomeChoice.LOST, reason=reason)
        else:
            self.record_outcome(key)

    def record_outcome(
        self,
        outcome: OutcomeChoice,
        *,
        value: Decimal | None = None,
        currency: str | None = None,
        rate: Decimal | None = None,
        reason: str = "",
    ) -> None:
        """Save an outcome of the shown call; a follow-up then asks to plan the next call."""
        if self._data is None:
            return
        appointment_id = self._data.desk.appointment.id
        prospect_id = self._data.desk.prospect.id

        def work(agenda: Agenda) -> Appointment:
            return agenda.set_outcome(
                appointment_id,
                outcome,
                value=value,
                currency=currency,
                reason=reason,
                commission_rate=rate,
            )

        def done(_appointment: Appointment) -> None:
            self.outcome_recorded.emit(appointment_id)
            if outcome in (OutcomeChoice.FOLLOW_UP, OutcomeChoice.NO_SHOW):
                self.requested.emit(PlanCall(prospect_id, appointment_id))

        names = {
            OutcomeChoice.WON: self.tr("Outcome: won"),
            OutcomeChoice.LOST: self.tr("Outcome: lost"),
            OutcomeChoice.NO_SHOW: self.tr("Outcome: no-show"),
            OutcomeChoice.FOLLOW_UP: self.tr("Outcome: follow-up"),
        }
        self._source.write(self, work, done, self._failed, undo=names[outcome])

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.outcome_label.setText(
                self.tr("Not saved: a value is not valid (%1).").replace("%1", error.field)
            )
            return
        # A refusal of the call's life (an outcome before the call, core.lifecycle) says why.
        reason = describe(error) if isinstance(error, CloserDeskError) else type(error).__name__
        self.outcome_label.setText(self.tr("Not saved: %1").replace("%1", reason))
