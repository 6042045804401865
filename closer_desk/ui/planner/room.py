"""The Planner room: "when can I call this prospect?"

Pick the prospect (and the company, the closer, the length, the horizon); the free slots come
back from ``store.planning.search_slots`` run off the GUI thread through the door.
A strip shows the day's hours across the zones involved; a slot can be booked (or, planning
from a call, the call moved there), and the slots picked, else the best ones, copied as a
proposal in the prospect's language. Where the two days never meet (Paris and Sydney), the
search may look up to an hour outside them, each such slot flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Signal, Slot
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core import tz
from closer_desk.core.availability import (
    closer_windows,
    company_windows,
    epoch,
    normalise,
    prospect_windows,
)
from closer_desk.core.errors import CloserDeskError, ConflictError, NotFoundError, ValidationError
from closer_desk.core.model import (
    Appointment,
    Booking,
    Changes,
    Closer,
    Company,
    Prospect,
    Status,
)
from closer_desk.core.proposal import SUPPORTED_LANGUAGES, proposal_text
from closer_desk.core.slots import MAX_DAYS, best_slots
from closer_desk.core.slots import Slot as FreeSlot
from closer_desk.core.zones import prospect_place_name, zone_place_name
from closer_desk.store.desk import book_next_call
from closer_desk.store.planning import SlotSearch, search_slots
from closer_desk.ui.common import i18n
from closer_desk.ui.common.preferences import default_reminder
from closer_desk.ui.common.room import Staleness
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.table import table_view
from closer_desk.ui.planner.hour_strip import HourStrip, StripContent, StripRow
from closer_desk.ui.planner.slot_model import SORT_ROLE, SlotTableModel

if TYPE_CHECKING:
    from closer_desk.store import Agenda

#: How many slots "Copy proposal" offers when none is picked.
PROPOSAL_COUNT = 3
#: How far "Up to 1 h outside hours" stretches each party's day (minutes).
STRETCH_MINUTES = 60


@dataclass(frozen=True, slots=True)
class Booked:
    """A call the planner wrote: booked (``before`` is None) or moved from ``before``."""

    call: Appointment
    before: Appointment | None = None


@dataclass(frozen=True, slots=True)
class _People:
    closers: list[Closer]
    prospects: list[Prospect]
    companies: list[Company]
    today: date


def _read_people(agenda: Agenda) -> _People:
    closers = agenda.closers()
    today = tz.convert(agenda.now(), closers[0].zone).date() if closers else agenda.now().date()
    return _People(closers, agenda.prospects(), agenda.companies(), today)


class Planner(QWidget):
    """Find a slot for a call with a prospect, book it or propose it.

    Collaborators come in through the constructor; all agenda work goes through the door.

    Attributes:
        model: the free slots (``SlotTableModel``); ``proxy`` sorts them for the view.
        search: the last search's answer, or None.

    Signals:
        people_loaded(): the closer, prospect and company lists are filled.
        slots_found(int): a search finished with that many slots.
        slot_booked(int): a slot was booked; carries the new appointment's id.
        booked(object): a ``Booked``: the call booked, or moved (what undo needs).
        proposal_copied(str): the proposal text put on the clipboard.
        failed(str): a search or booking was refused; carries the reason in words.
        requested(Request): what only another room can do (none yet).
    """

    people_loaded = Signal()
    slots_found = Signal(int)
    slot_booked = Signal(int)
    booked = Signal(object)
    proposal_copied = Signal(str)
    failed = Signal(str)
    requested = Signal(object)

    def __init__(self, source: AgendaSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._stale = Staleness(self, self.reload)
        self.search: SlotSearch | None = None
        self._prospects: dict[int, Prospect] = {}
        #: A prospect asked for before the lists were filled (applied when they are).
        self._wanted: int | None = None
        self._dated = False
        #: (prospect id, earlier call id): the next booking for that prospect continues it.
        self.next_after: tuple[int, int] | None = None
        #: The call being rescheduled (planned from it): "Move here" moves it.
        self.moving: Appointment | None = None
        #: Whether the closer picked slots themselves (the first one is selected for them).
        self._picked = False
        self._selecting = False
        #: What the last booking wrote, said again with the search that follows it.
        self._just_booked = ""
        self.model = SlotTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._build()
        self.reload()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.closer_box = QComboBox(self)
        self.prospect_box = QComboBox(self)
        self.prospect_box.setMinimumContentsLength(18)
        self.company_box = QComboBox(self)
        self.minutes_box = QSpinBox(self)
        self.minutes_box.setRange(5, 8 * 60)
        self.minutes_box.setSingleStep(15)
        self.minutes_box.setValue(45)
        self.minutes_box.setSuffix(self.tr(" min"))
        self.from_box = QDateEdit(self)
        self.from_box.setCalendarPopup(True)
        i18n.follow_formats(self.from_box)
        self.days_box = QSpinBox(self)
        self.days_box.setRange(1, MAX_DAYS)
        self.days_box.setValue(14)
        self.days_box.setSuffix(self.tr(" days"))
        self.find_button = QPushButton(self.tr("Find slots"), self)
        self.find_button.setEnabled(False)
        self.stretch_box = QCheckBox(self.tr("Up to 1 h outside hours"), self)
        self.stretch_box.setToolTip(
            self.tr(
                "Also look an hour before and after your day and theirs; such slots say whose "
                "hours they leave."
            )
        )

        form = QFormLayout()
        form.addRow(self.tr("Prospect"), self.prospect_box)
        form.addRow(self.tr("Company"), self.company_box)
        form.addRow(self.tr("Closer"), self.closer_box)
        when = QHBoxLayout()
        when.addWidget(self.minutes_box)
        when.addWidget(QLabel(self.tr("from"), self))
        when.addWidget(self.from_box)
        when.addWidget(QLabel(self.tr("for"), self))
        when.addWidget(self.days_box)
        when.addWidget(self.stretch_box)
        when.addStretch(1)
        when.addWidget(self.find_button)
        form.addRow(self.tr("Call"), when)

        self.strip = HourStrip(self)
        self.view = table_view(self.proxy, self, sort_by=0)
        # Several slots can be picked for the proposal (Ctrl/Shift-click).
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.language_box = QComboBox(self)
        for code in SUPPORTED_LANGUAGES:
            self.language_box.addItem(i18n.language_name(code), code)
        self.copy_button = QPushButton(self.tr("Copy proposal"), self)
        self.book_button = QPushButton(self.tr("Book"), self)
        self.copy_button.setEnabled(False)
        self.book_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        #: Why Book is greyed, beside it (no company picked).
        self.book_reason = QLabel(self)
        self.book_reason.setWordWrap(True)
        self.book_reason.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(QLabel(self.tr("Proposal in"), self))
        actions.addWidget(self.language_box)
        actions.addWidget(self.copy_button)
        actions.addWidget(self.book_reason)
        actions.addWidget(self.book_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.strip)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

        self.find_button.clicked.connect(self.find_free_slots)
        self.book_button.clicked.connect(self.book_selected)
        self.copy_button.clicked.connect(self.copy_proposal)
        self.prospect_box.currentIndexChanged.connect(self._prospect_changed)
        self.company_box.currentIndexChanged.connect(self._company_changed)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.stretch_box.toggled.connect(self._stretch_toggled)

    # -- people ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Refill the closer, prospect and company lists from the agenda."""
        self._source.query(self, _read_people, self._fill_people, self._on_error)

    def on_changes(self, changes: Changes) -> None:
        """Prospects, companies or closers changed: refill the lists (the current choice is
        kept), now if the room is in view, else when it is next shown. A call written
        elsewhere leaves the lists as they are."""
        if changes.people():
            self._stale.concerned()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        """A change to the people that came while the room was hidden is read now."""
        self._stale.shown()
        super().showEvent(event)

    def plan_for(self, prospect_id: int, previous_id: int | None = None) -> None:
        """Plan a call with a prospect and search at once; with ``previous_id`` (a follow-up
        or a no-show) the call booked next continues that earlier call, with its company."""
        self._wanted = prospect_id
        self.next_after = (prospect_id, previous_id) if previous_id is not None else None

        def job(agenda: Agenda) -> tuple[_People, int | None]:
            company = agenda.appointment(previous_id).company_id if previous_id else None
            return _read_people(agenda), company

        def done(answer: tuple[_People, int | None]) -> None:
            people, company = answer
            self._fill_people(people)
            if company is not None:
                self.select_company(company)
            if self.prospect_box.currentData() == prospect_id:
                self.find_free_slots()

        self._source.query(self, job, done, self._on_error)

    def plan_from_call(self, appointment_id: int) -> None:
        """Plan from a call (Ctrl+2 on the selected call): its prospect, company, closer and
        length; a call still to come is rescheduled ("Move here" moves it, its own time
        counted free), a held or missed one gets its next call, continuing it."""

        def job(agenda: Agenda) -> tuple[_People, Appointment]:
            return _read_people(agenda), agenda.appointment(appointment_id)

        def done(answer: tuple[_People, Appointment]) -> None:
            people, call = answer
            self._wanted = call.prospect_id
            self._fill_people(people)
            self.select_company(call.company_id)
            if (i := self.closer_box.findData(call.closer_id)) >= 0:
                self.closer_box.setCurrentIndex(i)
            self.minutes_box.setValue(call.minutes)
            movable = call.status in (Status.PLANNED, Status.CONFIRMED)
            self._set_moving(call if movable else None)
            held = call.status in (Status.DONE, Status.NO_SHOW)
            self.next_after = (call.prospect_id, call.id) if held else None
            self.find_free_slots()

        self._source.query(self, job, done, self._on_error)

    def _set_moving(self, call: Appointment | None) -> None:
        self.moving = call
        self.book_button.setText(self.tr("Move here") if call is not None else self.tr("Book"))

    def _moving_note(self) -> str:
        """Said under the slots while a call is being rescheduled."""
        if self.moving is None:
            return ""
        when = i18n.call_time(self.moving.start, self.moving.zone)
        return " · " + self.tr("Rescheduling the call of %1: pick its new time.").replace(
            "%1", when
        )

    def _follow_up_note(self) -> str:
        """Said under the slots while the next booking continues an earlier call."""
        if self.next_after is None or self.next_after[0] != self.prospect_box.currentData():
            return ""
        return " · " + self.tr("The call you book here follows up the earlier one.")

    def _fill_people(self, people: _People) -> None:
        kept = self._wanted if self._wanted is not None else self.prospect_box.currentData()
        kept_company = self.company_box.currentData()
        kept_closer = self.closer_box.currentData()
        for box in (self.closer_box, self.prospect_box, self.company_box):
            box.blockSignals(True)
            box.clear()
        for closer in people.closers:
            self.closer_box.addItem(f"{closer.name} ({closer.zone})", closer.id)
        self._prospects = {p.id: p for p in people.prospects}
        for prospect in people.prospects:
            label = (
                prospect.name
                if not prospect.organisation
                else f"{prospect.name} — {prospect.organisation}"
            )
            self.prospect_box.addItem(label, prospect.id)
        self.company_box.addItem(self.tr("(no company)"), None)
        for company in people.companies:
            self.company_box.addItem(company.name, (company.id, company.default_minutes))
        for box in (self.closer_box, self.prospect_box, self.company_box):
            box.blockSignals(False)
        if not self._dated:  # a refill after a change keeps the day the closer picked
            self._dated = True
            self.from_box.setDate(i18n.qdate(people.today))
        self.find_button.setEnabled(bool(people.closers and people.prospects))
        if kept_closer is not None and (i := self.closer_box.findData(kept_closer)) >= 0:
            self.closer_box.setCurrentIndex(i)
        self._wanted = None
        if kept is not None and (i := self.prospect_box.findData(kept)) >= 0:
            self.prospect_box.setCurrentIndex(i)
        if kept_company is not None:
            self.select_company(kept_company[0])
        self._prospect_changed()
        self.people_loaded.emit()

    def select_company(self, company_id: int | None) -> None:
        """Pick a company, or none."""
        for i in range(self.company_box.count()):
            data = self.company_box.itemData(i)
            if (data is None and company_id is None) or (
                data is not None and data[0] == company_id
            ):
                self.company_box.setCurrentIndex(i)
                return

    @Slot()
    def _prospect_changed(self) -> None:
        if self.moving is not None and self.moving.prospect_id != self.prospect_box.currentData():
            self._set_moving(None)  # another prospect: a new call, not this one moved
        prospect = self._prospects.get(self.prospect_box.currentData())
        if prospect is not None:
            language = prospect.language if prospect.language in SUPPORTED_LANGUAGES else "en"
            self.language_box.setCurrentIndex(self.language_box.findData(language))

    @Slot()
    def _company_changed(self) -> None:
        data = self.company_box.currentData()
        if data is not None:
            self.minutes_box.setValue(int(data[1]))

    # -- search ----------------------------------------------------------------------------
    @Slot()
    def find_free_slots(self) -> None:
        """Search the free slots for the chosen prospect, off the GUI thread."""
        prospect_id = self.prospect_box.currentData()
        if prospect_id is None:
            return
        company = self.company_box.currentData()
        closer_id = self.closer_box.currentData()
        minutes = self.minutes_box.value()
        first_day = i18n.pydate(self.from_box.date())
        days = self.days_box.value()
        stretch = STRETCH_MINUTES if self.stretch_box.isChecked() else 0
        moving = self.moving.id if self.moving is not None else None
        self.find_button.setEnabled(False)
        self.status.setText(self.tr("Searching…"))

        def job(agenda: Agenda) -> SlotSearch:
            return search_slots(
                agenda,
                prospect=int(prospect_id),
                company=None if company is None else int(company[0]),
                closer=None if closer_id is None else int(closer_id),
                minutes=minutes,
                first_day=first_day,
                days=days,
                exclude_id=moving,
                stretch=stretch,
            )

        self._source.query(self, job, self._show, self._on_error)

    def _show(self, found: SlotSearch) -> None:
        self.search = found
        self.model.set_slots(found.slots)
        self.find_button.setEnabled(True)
        self.copy_button.setEnabled(bool(found.slots))
        self.book_button.setEnabled(False)
        self._picked = False
        told, self._just_booked = self._just_booked, ""
        if found.slots:
            self.status.setText(
                (told + " · " if told else "")
                + self.tr("%n free slot(s)", "", len(found.slots))
                + self._follow_up_note()
                + self._moving_note()
            )
            self._selecting = True  # the first slot is shown, not picked
            self.view.selectRow(0)
            self._selecting = False
        else:
            self.status.setText(
                self.tr("No free slot in these days: try more days or another length.")
                if found.stretch
                else self.tr(
                    "No free slot in these days: try more days, another length, or up to 1 h "
                    "outside hours."
                )
            )
            self._paint_day(tz.convert(found.start, found.closer.zone).date(), None)
        self._explain_book()
        self.slots_found.emit(len(found.slots))

    @Slot(bool)
    def _stretch_toggled(self, _checked: bool) -> None:
        if self.search is not None:
            self.find_free_slots()

    @Slot()
    def _selection_changed(self) -> None:
        if not self._selecting:
            self._picked = True

    def picked_slots(self) -> list[FreeSlot]:
        """The slots the closer picked themselves, in time order (none until they pick)."""
        if not self._picked:
            return []
        rows = self.view.selectionModel().selectedRows()
        slots = [self.model.slot_at(self.proxy.mapToSource(i).row()) for i in rows]
        return sorted(slots, key=lambda s: s.start)

    def _explain_book(self) -> None:
        """Book greyed for want of a company says so beside it."""
        needs_company = (
            self.search is not None and self.search.company is None and bool(self.search.slots)
        )
        self.book_reason.setText(
            self.tr("Pick the company this call is for to book it.") if needs_company else ""
        )
        self.book_reason.setVisible(needs_company)

    @Slot(QModelIndex, QModelIndex)
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        slot = self.selected_slot()
        self.book_button.setEnabled(
            slot is not None and self.search is not None and self.search.company is not None
        )
        self._explain_book()
        if slot is not None:
            self._paint_day(slot.closer_start.date(), slot)

    def selected_slot(self) -> FreeSlot | None:
        """The slot of the selected row, if any."""
        index = self.view.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.slot_at(self.proxy.mapToSource(index).row())

    # -- the strip ---------------------------------------------------------------------------
    def _paint_day(self, day: date, selected: FreeSlot | None) -> None:
        found = self.search
        if found is None:
            return
        closer = found.closer
        zone = selected.closer_zone if selected else closer.zone
        first, last = tz.day_bounds(day, zone)
        lo, hi = epoch(first), epoch(last)
        language = self.language_box.currentData() or "en"

        def labels(zone_key: str) -> tuple[str, ...]:
            return tuple(
                i18n.format_time(tz.convert(first + timedelta(hours=h), zone_key))
                for h in range(24)
            )

        def place(zone_key: str) -> str:
            return zone_place_name(zone_key, language)

        rows = [
            StripRow(
                f"{place(zone)} · {closer.name}",
                labels(zone),
                HourStrip.fractions(closer_windows(closer, lo, hi), lo, hi),
                "#3b82f6",
            )
        ]
        if found.company is not None and found.company.hours is not None:
            rows.append(
                StripRow(
                    f"{place(found.company.zone)} · {found.company.name}",
                    labels(found.company.zone),
                    HourStrip.fractions(company_windows(found.company, lo, hi), lo, hi),
                    "#a855f7",
                )
            )
        prospect = found.prospect
        rows.append(
            StripRow(
                f"{place(prospect.zone)} · {prospect.name}",
                labels(prospect.zone),
                HourStrip.fractions(prospect_windows(prospect, lo, hi), lo, hi),
                "#f59e0b",
            )
        )
        free = normalise((epoch(s.start), epoch(s.end)) for s in found.slots)
        chosen = None
        if selected is not None:
            fractions = HourStrip.fractions([(epoch(selected.start), epoch(selected.end))], lo, hi)
            chosen = fractions[0] if fractions else None
        self.strip.set_content(
            StripContent(
                title=i18n.format_date(day, long=True),
                rows=tuple(rows),
                free=HourStrip.fractions(free, lo, hi),
                selected=chosen,
                free_label=self.tr("Free"),
            )
        )

    # -- actions -----------------------------------------------------------------------------
    @Slot()
    def book_selected(self) -> None:
        """Book the selected slot at the prospect's wall time (the agreed zone is theirs)."""
        slot = self.selected_slot()
        found = self.search
        if slot is None or found is None or found.company is None:
            return
        company_id, prospect_id, closer_id = found.company.id, found.prospect.id, found.closer.id
        minutes = found.minutes
        previous_id = (
            self.next_after[1]
            if self.next_after is not None and self.next_after[0] == prospect_id
            else None
        )
        moving = self.moving if self.moving and self.moving.prospect_id == prospect_id else None
        self.book_button.setEnabled(False)
        reminder = default_reminder()

        def job(agenda: Agenda) -> Booked:
            if moving is not None:
                # The call keeps its company and link; its time is agreed on the prospect's
                # clock, as a booking's is.
                moved = agenda.move(moving.id, slot.prospect_start, minutes=minutes)
                return Booked(moved, moving)
            if previous_id is not None:
                previous = agenda.appointment(previous_id)
                if previous.company_id == company_id and previous.closer_id == closer_id:
                    # Same kind, link and number as the call it continues.
                    return Booked(
                        book_next_call(agenda, previous_id, slot.prospect_start, minutes=minutes)
                    )
            booking = Booking(
                company=company_id,
                prospect=prospect_id,
                closer=closer_id,
                start=slot.prospect_start,
                minutes=minutes,
                previous_id=previous_id,
                reminder_minutes=reminder,
            )
            return Booked(agenda.book_call(booking))

        label = self.tr("Reschedule call") if moving else self.tr("Book from the planner")
        self._source.write(self, job, self._booked, self._on_error, undo=label)

    def _booked(self, done: Booked) -> None:
        self.next_after = None
        self._set_moving(None)
        self._just_booked = self.confirmation(done)
        self.status.setText(self._just_booked)
        self.slot_booked.emit(done.call.id)
        self.booked.emit(done)
        self.find_free_slots()

    def confirmation(self, done: Booked) -> str:
        """What was written, in words: who, for whom, when on the closer's clock."""
        found = self.search
        prospect = self._prospects.get(done.call.prospect_id)
        who = prospect.name if prospect is not None else f"#{done.call.prospect_id}"
        company = found.company.name if found is not None and found.company else ""
        zone = found.closer.zone if found is not None else done.call.zone
        when = i18n.call_time(done.call.start, zone)
        text = (
            self.tr("Moved the call with %1 (%2) to %3.")
            if done.before is not None
            else self.tr("Booked a call with %1 (%2) on %3.")
        )
        return text.replace("%1", who).replace("%2", company).replace("%3", when)

    @Slot()
    def copy_proposal(self) -> None:
        """Put the best slots, written for the prospect, on the clipboard."""
        found = self.search
        if found is None or not found.slots:
            return
        language = self.language_box.currentData() or "en"
        p = found.prospect
        place = prospect_place_name(p.country, p.subdivision, p.zone, language)
        chosen = self.picked_slots() or best_slots(found.slots, PROPOSAL_COUNT)
        text = proposal_text(chosen, language, place=place)
        QGuiApplication.clipboard().setText(text)
        self.status.setText(
            self.tr("Proposal of %n slot(s) copied: paste it in your message.", "", len(chosen))
        )
        self.proposal_copied.emit(text)

    def _on_error(self, error: BaseException) -> None:
        self.find_button.setEnabled(self.prospect_box.count() > 0)
        reason = self._reason(error)
        self.status.setText(reason)
        self.failed.emit(reason)

    def _reason(self, error: BaseException) -> str:
        if isinstance(error, ConflictError):
            return self.tr("That time was just taken: search again.")
        if isinstance(error, NotFoundError):
            return self.tr("Not found any more: {0}").format(error.key)
        if isinstance(error, ValidationError):
            return self.tr("Check {0} ({1}).").format(error.field, error.code.replace("_", " "))
        if isinstance(error, CloserDeskError):
            return str(error)
        raise error
