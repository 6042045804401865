"""The appointment editor: a call's company, prospect, kind, time (typed in the closer's or the
prospect's zone, with both shown live), length, link or number, reminder, and inline warnings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core import booking_checks as checks
from closer_desk.core import parse, tz
from closer_desk.core.errors import ValidationError
from closer_desk.core.model import Appointment, Booking, CallKind, Closer, Prospect
from closer_desk.core.new_call import default_start
from closer_desk.core.timerange import FIRST_YEAR, LAST_YEAR
from closer_desk.ui.agenda.quick_prospect import QuickProspectDialog
from closer_desk.ui.agenda.wall_time import WallTimeEdit
from closer_desk.ui.common import i18n
from closer_desk.ui.common.preferences import default_reminder
from closer_desk.ui.common.prompts import describe
from closer_desk.ui.common.source import AgendaSource, Directory


class LinesLabel(QLabel):
    """A wrapped label as tall as its lines at its width.

    A plain one asks a form for the height of its lines at its narrowest (three lines where
    its row has room for two): the form keeps the height and leaves a blank band under it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._laid_at = 0

    def sizeHint(self) -> QSize:  # Qt's name
        hint = super().sizeHint()
        height = self.heightForWidth(self.width()) if self.width() > 1 else -1
        return QSize(hint.width(), height) if height > 0 else hint

    def minimumSizeHint(self) -> QSize:  # Qt's name
        hint = super().minimumSizeHint()
        return QSize(hint.width(), min(hint.height(), self.sizeHint().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        if event.size().width() != self._laid_at:
            # Another width, another number of lines: the form asks again.
            self._laid_at = event.size().width()
            self.updateGeometry()


class AppointmentEditor(QDialog):
    """Create or edit one call.

    A new call starts with no prospect and the company last used (``company_id``), or none:
    nothing is chosen for the user. The date and time are typed in the zone the call is
    agreed in (the closer's for a new call), with the DST question inline.

    Saving does not close the dialog: ``submitted`` hands the call to the window, which
    answers with ``answered``; the dialog closes only once the call is written, and stays open
    with what was typed when it is not (the user said "No" to an overlap, or the agenda
    refused it: then the reason is shown here, once).

    Signals:
        checked(): the warnings were recomputed with the closer's conflicts (after each change).
        submitted(object): save this ``Booking``; the window calls ``answered`` when done.
    """

    checked = Signal()
    submitted = Signal(object)

    def __init__(
        self,
        source: AgendaSource,
        directory: Directory,
        closer: Closer,
        clock: Callable[[], datetime],
        *,
        start: datetime | None = None,
        appointment: Appointment | None = None,
        company_id: int | None = None,
        copy_of: Appointment | None = None,
        named: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.directory = directory
        self.closer = closer
        # Booking for another closer (an assistant's column): their name, not "you".
        self._named = named
        self._clock = clock
        self.appointment = appointment
        self.warnings: list[checks.BookingWarning] = []
        self._generation = 0
        #: What was on show when the dialog last fitted its height to it (``_fit_height``).
        self._fitted: tuple[object, ...] = ()
        self._waiting = False
        self.setWindowTitle(self.tr("Edit call") if appointment else self.tr("New call"))
        self.setMinimumWidth(560)

        self.company = QComboBox(self)
        self.company.setPlaceholderText(self.tr("Choose a company"))
        for company in directory.companies:
            self.company.addItem(company.name, company.id)
        self.company.setCurrentIndex(self.company.findData(company_id))
        self.prospect = QComboBox(self)
        self.prospect.setEditable(True)
        self.prospect.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for prospect in directory.prospects:
            self.prospect.addItem(prospect.name, prospect.id)
        self.prospect.setCurrentIndex(-1)
        self.prospect.setEditText("")
        line = self.prospect.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Type a name"))
        completer = QCompleter(self.prospect.model(), self)
        completer.setFilterMode(completer.filterMode().MatchContains)
        completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
        self.prospect.setCompleter(completer)
        self.quick_add = QPushButton(self.tr("New prospect…"), self)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Video"), CallKind.VIDEO.value)
        self.kind.addItem(self.tr("Phone"), CallKind.PHONE.value)

        # A wall time read in the zone chosen below, never in this machine's (02:30 on a
        # night the clocks jump here stays 02:30 for a call in Toronto).
        self.when = WallTimeEdit(self)
        self.in_closer_zone = QRadioButton(self)
        self.in_prospect_zone = QRadioButton(self)
        # A call agreed in a third zone (booked from the command line with --tz) is edited in it.
        self.in_agreed_zone = QRadioButton(self)
        self.in_agreed_zone.hide()
        self.in_closer_zone.setChecked(True)
        zones = QButtonGroup(self)
        for button in (self.in_closer_zone, self.in_prospect_zone, self.in_agreed_zone):
            zones.addButton(button)
        self.earlier = QRadioButton(self)
        self.later = QRadioButton(self)
        folds = QButtonGroup(self)
        folds.addButton(self.earlier)
        folds.addButton(self.later)
        self.fold_question = LinesLabel(self)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)

        self.minutes = QSpinBox(self)
        self.minutes.setRange(5, 24 * 60)
        self.minutes.setValue(45)  # the store's default length, until a company gives its own
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min"))
        self.link = QLineEdit(self)
        self.link.setPlaceholderText("https://")
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText("+33 6 12 34 56 78")
        self.reminder = QSpinBox(self)
        self.reminder.setRange(0, 7 * 24 * 60)
        self.reminder.setSuffix(self.tr(" min before"))
        self.reminder.setValue(default_reminder())  # the closer's preference
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c62828;")
        self.warning_label = QLabel(self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #b26a00;")

        prospect_row = QHBoxLayout()
        prospect_row.addWidget(self.prospect, 1)
        prospect_row.addWidget(self.quick_add)
        zone_row = QVBoxLayout()
        zone_row.addWidget(self.in_closer_zone)
        zone_row.addWidget(self.in_prospect_zone)
        zone_row.addWidget(self.in_agreed_zone)

        form = QFormLayout()
        form.addRow(self.tr("Company:"), self.company)
        form.addRow(self.tr("Prospect:"), prospect_row)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Date and time:"), self.when)
        form.addRow(self.tr("Typed in:"), zone_row)
        # Rows of the form, not a box of their own: the form gives a wrapped label the height
        # its lines take at the form's width, a box the height they take at its narrowest.
        for part in (self.fold_question, self.earlier, self.later):
            form.addRow("", part)
        form.addRow(self.tr("Both times:"), self.preview)
        form.addRow(self.tr("Length:"), self.minutes)
        self.link_label = QLabel(self.tr("Video link:"), self)
        self.phone_label = QLabel(self.tr("Phone number:"), self)
        form.addRow(self.link_label, self.link)
        form.addRow(self.phone_label, self.phone)
        form.addRow(self.tr("Reminder:"), self.reminder)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Save") if appointment else self.tr("Book")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._form = form
        self._show_question(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        self._fill(start, copy_of)
        self._typed_in = self.typed_zone()
        for signal in (
            self.kind.currentIndexChanged,
            self.minutes.valueChanged,
            self.link.textChanged,
            self.phone.textChanged,
            self.earlier.toggled,
            self.later.toggled,
        ):
            signal.connect(self.refresh)
        # Typing a name matches nobody until it is whole: the preview follows what is typed.
        self.prospect.currentIndexChanged.connect(self._zone_switched)
        self.prospect.editTextChanged.connect(self._zone_switched)
        for button in (self.in_closer_zone, self.in_prospect_zone, self.in_agreed_zone):
            button.toggled.connect(self._zone_switched)
        self.when.changed.connect(self._wall_changed)
        self.company.currentIndexChanged.connect(self._company_defaults)
        self.company.currentIndexChanged.connect(self.refresh)
        self.quick_add.clicked.connect(self._quick_add)
        self.refresh()

    # -- filling -------------------------------------------------------------------------
    def _fill(self, start: datetime | None, copy_of: Appointment | None) -> None:
        a = self.appointment
        if copy_of is not None:  # a new call like another: its details, a time of its own
            self.company.setCurrentIndex(self.company.findData(copy_of.company_id))
            self.prospect.setCurrentIndex(self.prospect.findData(copy_of.prospect_id))
            self.kind.setCurrentIndex(max(0, self.kind.findData(copy_of.kind.value)))
            self.minutes.setValue(copy_of.minutes)
            self.link.setText(copy_of.url)
            self.phone.setText(copy_of.phone)
            self.reminder.setValue(copy_of.reminder_minutes)
        if a is not None:
            self.company.setCurrentIndex(self.company.findData(a.company_id))
            self.prospect.setCurrentIndex(self.prospect.findData(a.prospect_id))
            self.kind.setCurrentIndex(max(0, self.kind.findData(a.kind.value)))
            # Edited in the zone it was agreed in.
            agreed = tz.zone_name(a.start)
            prospect = self.current_prospect()
            if prospect is not None and agreed == prospect.zone != self.closer.zone:
                self.in_prospect_zone.setChecked(True)
            elif agreed != self.closer.zone:
                self.in_agreed_zone.setText(
                    self.tr("Its agreed time (%1)").replace("%1", i18n.city(agreed))
                )
                self.in_agreed_zone.show()
                self.in_agreed_zone.setChecked(True)
            wall = tz.convert(a.start, agreed).replace(tzinfo=None)
            self.minutes.setValue(a.minutes)
            self.link.setText(a.url)
            self.phone.setText(a.phone)
            self.reminder.setValue(a.reminder_minutes)
        else:
            if start is None:
                now = tz.convert(self._clock(), self.closer.zone)
                start = default_start(now.date(), now)
            wall = (
                start.replace(tzinfo=None)
                if start.tzinfo is None
                else tz.convert(start, self.closer.zone).replace(tzinfo=None)
            )
            if copy_of is None:
                self._company_defaults()
        self._set_wall(wall)

    def _company_defaults(self) -> None:
        if self.appointment is not None:
            return
        company = self.directory.company(self.company.currentData())
        if company is None:
            return
        self.kind.setCurrentIndex(max(0, self.kind.findData(company.default_kind.value)))
        self.minutes.setValue(company.default_minutes)
        self.link.setText(
            company.default_video_url if company.default_kind == CallKind.VIDEO else ""
        )

    def _set_wall(self, wall: datetime) -> None:
        self.when.set_wall(wall)

    def wall(self) -> datetime | None:
        """The naive date and time as typed (None while the text is not one)."""
        return self.when.wall()

    def current_prospect(self) -> Prospect | None:
        """The chosen prospect (None while the typed name matches nobody)."""
        text = self.prospect.currentText().strip()
        index = self.prospect.currentIndex()
        if index < 0 or self.prospect.itemText(index) != text:
            # Namesakes are told apart by the one picked from the list; a name typed whole
            # (in any case) is the first that has it.
            index = self.prospect.findText(text, Qt.MatchFlag.MatchFixedString) if text else -1
        if index < 0:
            return None
        return self.directory.prospect(self.prospect.itemData(index))

    def typed_zone(self) -> str:
        """The zone the date and time are read in."""
        prospect = self.current_prospect()
        if self.in_prospect_zone.isChecked() and prospect is not None:
            return prospect.zone
        if self.in_agreed_zone.isChecked() and self.appointment is not None:
            return tz.zone_name(self.appointment.start)
        return self.closer.zone

    def resolution(self) -> checks.Resolution | None:
        """The typed wall time read in the typed zone, with the DST choice if one was made
        (None while the text is not a date and time)."""
        wall = self.wall()
        if wall is None:
            return None
        choice: tz.Choice | None = (
            "earlier" if self.earlier.isChecked() else "later" if self.later.isChecked() else None
        )
        return checks.resolve(wall, self.typed_zone(), choice)

    def _wall_changed(self) -> None:
        # A choice made for one DST change does not carry over to another time.
        for button in (self.earlier, self.later):
            if button.isChecked():
                group = button.group()
                assert group is not None
                group.setExclusive(False)
                button.setChecked(False)
                group.setExclusive(True)
        self.refresh()

    def _zone_switched(self) -> None:
        # The same instant when the zone it is typed in changes (another radio button, another
        # prospect): only editing the time moves the call.
        before, after = self._typed_in, self.typed_zone()
        self._typed_in = after
        wall = self.wall()
        if wall is not None and before != after:
            resolution = checks.resolve(wall, before, "earlier")
            assert resolution.start is not None
            self.when.blockSignals(True)
            self._set_wall(tz.convert(resolution.start, after).replace(tzinfo=None))
            self.when.blockSignals(False)
        self.refresh()

    # -- live checks -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the preview, the problems and the warnings (conflicts come back later)."""
        prospect = self.current_prospect()
        city = i18n.city(self.closer.zone)
        self.in_closer_zone.setText(
            self.tr("%1's time (%2)").replace("%2", city).replace("%1", self.closer.name)
            if self._named
            else self.tr("My time (%1)").replace("%1", city)
        )
        self.in_prospect_zone.setText(
            self.tr("The prospect's time (%1)").replace("%1", i18n.city(prospect.zone))
            if prospect
            else self.tr("The prospect's time")
        )
        self.in_prospect_zone.setEnabled(prospect is not None)
        video = self.kind.currentData() == CallKind.VIDEO.value
        self.link.setVisible(video)
        self.link_label.setVisible(video)
        self.phone.setVisible(not video)
        self.phone_label.setVisible(not video)
        resolution = self.resolution()
        problems = self.problems_now()
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(
            not problems
            and resolution is not None
            and resolution.start is not None
            and not self._waiting
        )
        if resolution is None:
            self._show_question(False)
            self.preview.setText("")
            self._generation += 1  # an answer for the time typed before is no longer wanted
            self.warnings = []
            self.warning_label.hide()
            self._fit_height()
            return
        self._show_fold(resolution)
        self._show_preview(resolution, prospect)
        self._set_warnings(resolution, None)
        if resolution.start is not None:
            self._check_conflicts(resolution)

    def _fit_height(self) -> None:
        # The question of a DST change, the warnings and the problems come and go as the
        # time is typed: the dialog grows to show them whole and shrinks back when they go,
        # rather than squeeze a wrapped line or leave a blank band. (Only when what is shown
        # changed: a height the user gave it stays while they type.)
        if not self.isVisible():
            return  # shown at its size hint, which holds what is there
        shown = tuple(
            (label.isVisibleTo(self), label.text())
            for label in (self.fold_question, self.preview, self.warning_label, self.problems)
        )
        if shown == self._fitted:
            return
        self._fitted = shown
        layout = self.layout()
        assert layout is not None
        layout.activate()
        height = layout.totalHeightForWidth(self.width())
        if height < 0:
            height = layout.totalSizeHint().height()
        if height != self.height():
            self.resize(self.width(), max(height, layout.totalMinimumSize().height()))

    def _show_fold(self, resolution: checks.Resolution) -> None:
        if not resolution.dst:
            self._show_question(False)
            return
        assert resolution.earlier is not None and resolution.later is not None
        zone = self.typed_zone()
        if resolution.dst == "gap":
            self.fold_question.setText(
                self.tr(
                    "This time does not exist in %1 that day (the clocks jump forward). Which do you mean?"  # noqa: E501
                ).replace("%1", i18n.city(zone))
            )
        else:
            self.fold_question.setText(
                self.tr(
                    "This time happens twice in %1 that day (the clocks go back). Which do you mean?"  # noqa: E501
                ).replace("%1", i18n.city(zone))
            )
        for button, instant in ((self.earlier, resolution.earlier), (self.later, resolution.later)):
            offset = tz.format_offset(instant.utcoffset() or timedelta())
            mine = tz.convert(instant, self.closer.zone)
            button.setText(
                self.tr("%1 (UTC%2), %3 for you")
                .replace("%1", i18n.format_time(instant))
                .replace("%2", offset)
                .replace("%3", i18n.format_time(mine))
            )
        self._show_question(True)

    def _show_question(self, shown: bool) -> None:
        for part in (self.fold_question, self.earlier, self.later):
            self._form.setRowVisible(part, shown)

    def asks_which_time(self) -> bool:
        """The typed time does not exist or happens twice: the dialog asks which is meant."""
        return self.fold_question.isVisibleTo(self)

    def _show_preview(self, resolution: checks.Resolution, prospect: Prospect | None) -> None:
        start = resolution.start
        if start is None:
            self.preview.setText(self.tr("Choose one of the two times above."))
            return
        # Instants, not wall clocks: a call across the night the clocks jump ends an hour later
        # on the clock than it would on another night.
        end = tz.to_utc(start) + timedelta(minutes=self.minutes.value())
        parts = []
        mine = self.closer.name if self._named else self.tr("You")
        for label, zone in ((mine, self.closer.zone),) + (
            ((prospect.name, prospect.zone),) if prospect else ()
        ):
            s, e = tz.convert(start, zone), tz.convert(end, zone)
            parts.append(
                self.tr("%1: %2 %3–%4 (%5)")
                .replace("%1", label)
                .replace("%2", i18n.format_day_month(s.date()))
                .replace("%3", i18n.format_time(s))
                .replace("%4", i18n.format_time(e))
                .replace("%5", i18n.city(zone))
            )
        self.preview.setText("\n".join(parts))

    def problems_now(self) -> list[str]:
        """What stops the call from being saved, in words."""
        found = []
        if self.company.currentData() is None:
            found.append(self.tr("Choose a company."))
        prospect = self.current_prospect()
        if prospect is None:
            found.append(self.tr("Choose a prospect (or add a new one)."))
        if self.wall() is None:
            found.append(
                self.tr("Type the date and time as %1 (years %2 to %3).")
                .replace("%1", "2027-03-28 14:30")
                .replace("%2", str(FIRST_YEAR))
                .replace("%3", str(LAST_YEAR))
            )
        try:
            if self.kind.currentData() == CallKind.VIDEO.value:
                parse.parse_video_url(self.link.text())
            else:
                parse.parse_phone(self.phone.text(), prospect.country if prospect else "")
        except ValidationError as error:
            found.append(describe(error))
        return found

    def _check_conflicts(self, resolution: checks.Resolution) -> None:
        self._generation += 1
        generation = self._generation
        start = resolution.start
        assert start is not None
        minutes = self.minutes.value()
        closer_id = self.closer.id
        prospect = self.current_prospect()
        prospect_id = prospect.id if prospect else 0  # ids start at 1: nobody's calls
        exclude = self.appointment.id if self.appointment else None

        def done(around: checks.Surroundings) -> None:
            if generation != self._generation:
                return
            self._set_warnings(resolution, around)
            self.checked.emit()

        # The closer's calls and busy time around it and the prospect's other calls: the same
        # reading as the command line's warnings (store.planning.booking_warnings). Answered
        # only while the dialog is open (the door drops answers to a closed one).
        self.source.query(
            self,
            lambda agenda: agenda.surroundings(
                closer_id, prospect_id, start, minutes, exclude_id=exclude
            ),
            done,
        )

    def _set_warnings(
        self, resolution: checks.Resolution, around: checks.Surroundings | None
    ) -> None:
        prospect = self.current_prospect()
        self.warnings = checks.warnings_for(
            resolution,
            self.minutes.value(),
            closer=self.closer,
            prospect=prospect,
            company=self.directory.company(self.company.currentData()),
            around=around,
            now=self._clock(),
            prospect_weekend=checks.weekend_days(prospect.country)
            if prospect
            else checks.SATURDAY_SUNDAY,
        )
        lines = [
            warning_text(w, prospect.name if prospect else "")
            for w in self.warnings
            # The question above asks it, and once answered the preview says which time.
            if w.code not in (checks.DST_GAP, checks.DST_OVERLAP)
        ]
        self.warning_label.setText("\n".join(f"⚠ {line}" for line in lines))
        self.warning_label.setVisible(bool(lines))
        self._fit_height()

    # -- result --------------------------------------------------------------------------
    def draft(self) -> Booking | None:
        """The call as entered, or None while something is missing."""
        resolution = self.resolution()
        prospect = self.current_prospect()
        if (
            resolution is None
            or resolution.start is None
            or prospect is None
            or self.company.currentData() is None
            or self.problems_now()
        ):
            return None
        video = self.kind.currentData() == CallKind.VIDEO.value
        return Booking(
            company=int(self.company.currentData()),
            prospect=prospect.id,
            closer=self.closer.id,
            kind=CallKind(self.kind.currentData()),
            start=resolution.start,
            minutes=self.minutes.value(),
            url=self.link.text().strip() if video else "",
            phone=self.phone.text().strip() if not video else "",
            reminder_minutes=self.reminder.value(),
        )

    def _quick_add(self) -> None:
        dialog = QuickProspectDialog(self._clock, self)
        typed = self.prospect.currentText().strip()
        if self.current_prospect() is None:
            dialog.name.setText(typed)  # the name just typed, which matched nobody
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_prospect(dialog.name.text(), dialog.chosen_zone, dialog.chosen_country)

    def add_prospect(self, name: str, zone: str, country: str = "") -> None:
        """Add a prospect to the agenda (undoable, like every write) and choose them."""

        def added(prospect: Prospect) -> None:
            self.directory = Directory(
                self.directory.closers,
                self.directory.companies,
                (*self.directory.prospects, prospect),
                False,
            )
            self.prospect.addItem(prospect.name, prospect.id)
            self.prospect.setCurrentIndex(self.prospect.count() - 1)
            self.refresh()

        def failed(error: BaseException) -> None:
            self.problems.setText(describe(error))
            self.problems.show()

        self.source.write(
            self,
            lambda agenda: agenda.add_prospect(name, zone, country=country),
            added,
            failed,
            undo=self.tr("New prospect"),
        )

    # -- saving ----------------------------------------------------------------------------
    def accept(self) -> None:
        """Hand the call to the window (``submitted``); the dialog closes once it is written."""
        draft = self.draft()
        if draft is None or self._waiting:
            return
        self._set_waiting(True)
        self.submitted.emit(draft)

    def answered(self, why: str | None) -> None:
        """How saving ended: None, written (the dialog closes); else why not ("" when the user
        said no to a question): the dialog stays open with what was typed."""
        self._set_waiting(False)
        if why is None:
            super().accept()
            return
        if why:
            self.problems.setText(why)
            self.problems.show()

    def reject(self) -> None:
        """Cancel, unless a save is on its way (its answer needs the dialog)."""
        if not self._waiting:
            super().reject()

    def _set_waiting(self, waiting: bool) -> None:
        self._waiting = waiting
        self.buttons.setEnabled(not waiting)
        if not waiting:
            self.refresh()


class EditorWords(QObject):
    """The editor's words with a count: Qt's tools find a plural's forms only in a QObject's
    ``tr`` (a bare ``translate`` with a count was never put in the catalogue)."""

    def overlaps(self, count: int) -> str:
        """The conflict warning: "Overlaps 2 other calls of yours."."""
        return self.tr("Overlaps %n other call(s) of yours.", "", count)


def warning_text(warning: checks.BookingWarning, prospect_name: str) -> str:
    """A warning in the user's language."""
    translate = QCoreApplication.translate
    if warning.code == checks.CONFLICT and warning.party == "prospect":
        return (
            translate("AppointmentEditor", "%1 already has a call at this time with %2.")
            .replace("%1", prospect_name)
            .replace("%2", ", ".join(sorted({e.closer_name for e in warning.entries})))
        )
    if warning.code == checks.CONFLICT:
        return EditorWords().overlaps(len(warning.appointments))
    if warning.code == checks.SHORT_NOTICE:
        return translate("AppointmentEditor", "Sooner than your minimum notice.")
    if warning.code == checks.BUSY_TIME:
        return translate("AppointmentEditor", "Over busy time from your other calendar.")
    if warning.code == checks.IN_BUFFER:
        return translate("AppointmentEditor", "Inside the free time you keep around a call.")
    if warning.code == checks.DAILY_CAP:
        return translate("AppointmentEditor", "You already have your most calls for that day.")
    if warning.code == checks.DST_GAP:
        return translate(
            "AppointmentEditor", "The clocks jump forward at this time: choose which time you mean."
        )
    if warning.code == checks.DST_OVERLAP:
        return translate(
            "AppointmentEditor",
            "The clocks go back at this time: it happens twice, choose which one.",
        )
    if warning.code == checks.PROSPECT_HOLIDAY:
        return (
            translate("AppointmentEditor", "It is a public holiday for %1 (%2).")
            .replace("%1", prospect_name)
            .replace("%2", warning.detail)
        )
    if warning.code == checks.CLOSER_HOLIDAY:
        return translate(
            "AppointmentEditor", "It is a public holiday where you work (%1)."
        ).replace("%1", warning.detail)
    if warning.code == checks.DST_SHIFT:
        return translate(
            "AppointmentEditor",
            "This week the clocks have changed in one country and not yet in the other: "
            "the usual time difference with %1 does not hold.",
        ).replace("%1", prospect_name)
    if warning.code == checks.IN_PAST:
        return translate("AppointmentEditor", "This time is in the past.")
    if warning.code == checks.WEEKEND:
        return translate("AppointmentEditor", "It is the weekend for %1.").replace(
            "%1", prospect_name
        )
    if warning.code == checks.OUTSIDE_HOURS:
        if warning.party == "closer":
            return translate("AppointmentEditor", "Outside your working hours.")
        if warning.party == "company":
            return translate("AppointmentEditor", "Outside the company's hours.")
        return translate("AppointmentEditor", "Outside %1's business hours.").replace(
            "%1", prospect_name
        )
    return warning.code
