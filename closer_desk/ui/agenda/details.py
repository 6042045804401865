"""The details pane: who the selected call is with, their time now, how to reach them, and
the outcome buttons for after the call."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core import lifecycle, tz
from closer_desk.core.model import AgendaEntry, CallKind, Company, OutcomeChoice, Prospect, Status
from closer_desk.ui.common import i18n
from closer_desk.ui.common.button_rows import ButtonRows
from closer_desk.ui.common.call_words import kind_text, outcome_text, status_text
from closer_desk.ui.common.prompts import not_started_text

OpenUrl = Callable[[QUrl], bool]
# The narrowest the pane gets (its buttons two by two) before the grid gives way instead.
MINIMUM_WIDTH = 260


def desktop_open(url: QUrl) -> bool:
    """Hand a ``tel:`` or ``https:`` link to the desktop (the default ``open_url``), through
    ``ui.common.links.open_link``: the one door that refuses any scheme but https:, tel: and
    mailto:."""
    from closer_desk.ui.common.links import open_link

    return open_link(url.toString())


def joinable(url: str) -> bool:
    """Only ``https:`` links with a host are ever opened from a call."""
    parts = urlsplit(url.strip())
    return (
        parts.scheme.lower() == "https"
        and bool(parts.netloc)
        and not any(c in url for c in "\r\n\t ")
    )


class DetailsPane(QWidget):
    """The selected call.

    Signals:
        outcome_requested(int, OutcomeChoice): what to record for a call.
        edit_requested(int): open the call in the editor.
        cancel_requested(int): cancel the call.
        shown_changed(object): another call (its id), or none (None), is shown.
    """

    outcome_requested = Signal(int, object)
    edit_requested = Signal(int)
    cancel_requested = Signal(int)
    shown_changed = Signal(object)

    def __init__(
        self,
        clock: Callable[[], datetime],
        open_url: OpenUrl = desktop_open,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._open_url = open_url
        self.entry: AgendaEntry | None = None
        self.setMinimumWidth(MINIMUM_WIDTH)

        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.organisation = QLabel(self)
        self.organisation.setWordWrap(True)
        self.their_time = QLabel(self)
        self.their_time.setWordWrap(True)
        self.when = QLabel(self)
        self.when.setWordWrap(True)
        self.company = QLabel(self)
        self.kind = QLabel(self)
        self.status = QLabel(self)
        self.placeholder = QLabel(self.tr("Select a call to see its details."), self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.call_button = QPushButton(self.tr("Call"), self)
        self.join_button = QPushButton(self.tr("Join the video call"), self)
        self.refusal = QLabel(self)
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #c62828;")
        self.refusal.hide()
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.cancel_button = QPushButton(self.tr("Cancel call…"), self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Their time now:"), self.their_time)
        form.addRow(self.tr("When:"), self.when)
        form.addRow(self.tr("Company:"), self.company)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Status:"), self.status)

        reach = ButtonRows()
        reach.addWidget(self.call_button)
        reach.addWidget(self.join_button)

        self.outcomes = QGroupBox(self.tr("After the call"), self)
        grid = ButtonRows(self.outcomes, most=2)
        self.outcome_buttons: dict[OutcomeChoice, QPushButton] = {}
        for code, label in (
            (OutcomeChoice.WON, self.tr("Won")),
            (OutcomeChoice.LOST, self.tr("Lost")),
            (OutcomeChoice.FOLLOW_UP, self.tr("Follow-up")),
            (OutcomeChoice.NO_SHOW, self.tr("No-show")),
        ):
            button = QPushButton(label, self.outcomes)
            button.clicked.connect(lambda _=False, c=code: self._ask_outcome(c))
            grid.addWidget(button)
            self.outcome_buttons[code] = button

        actions = ButtonRows()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.cancel_button)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.title)
        body.addWidget(self.organisation)
        body.addLayout(form)
        body.addLayout(reach)
        body.addWidget(self.refusal)
        body.addWidget(self.outcomes)
        body.addLayout(actions)
        # The slot the closing script and client file widgets are placed into.
        self.extras = QVBoxLayout()
        body.addLayout(self.extras)
        body.addStretch(1)

        # The pane's one scroll area: what is placed under the call (the desk) scrolls with it
        # rather than in a scroll area of its own. (Not ``scroll``: that would hide
        # QWidget.scroll().)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        # The scroll bar goes against the splitter's edge.
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.placeholder)
        layout.addWidget(scroll)
        self.scroll_area = scroll

        self.call_button.clicked.connect(self.call)
        self.join_button.clicked.connect(self.join)
        self.edit_button.clicked.connect(
            lambda: self.entry and self.edit_requested.emit(self.entry.appointment.id)
        )
        self.cancel_button.clicked.connect(
            lambda: self.entry and self.cancel_requested.emit(self.entry.appointment.id)
        )
        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self.refresh_clock)
        self.show_entry(None)

    def set_extra(self, widget: QWidget) -> None:
        """Add a widget under the call (the closing script, the client file)."""
        self.extras.addWidget(widget)

    def show_entry(
        self,
        entry: AgendaEntry | None,
        prospect: Prospect | None = None,
        company: Company | None = None,
        closer_zone: str | None = None,
        someone_else: bool = False,
    ) -> None:
        """Show a call (None shows the placeholder)."""
        before = self.entry.appointment.id if self.entry is not None else None
        self.entry = entry
        now_id = entry.appointment.id if entry is not None else None
        if now_id != before:
            # Another call is read from its top, not where the previous one was left.
            self.scroll_area.verticalScrollBar().setValue(0)
            self.shown_changed.emit(now_id)
        self.prospect = prospect
        self.refusal.hide()
        self.scroll_area.setVisible(entry is not None)
        self.placeholder.setVisible(entry is None)
        if entry is None:
            self._timer.stop()
            return
        a = entry.appointment
        zone = closer_zone or entry.closer_zone
        self.title.setText(entry.prospect_name)
        self.organisation.setText(
            prospect.organisation if prospect and prospect.organisation else ""
        )
        self.organisation.setVisible(bool(self.organisation.text()))
        mine = tz.convert(a.start, zone)
        theirs = tz.convert(a.start, entry.prospect_zone)
        # Another closer's call (an assistant's column) says whose time it is, not "you".
        template = (
            self.tr("%1 %2 (%6) · %3 %4 (%5)").replace("%6", entry.closer_name)
            if someone_else
            else self.tr("%1 %2 (you) · %3 %4 (%5)")
        )
        self.when.setText(
            template.replace("%1", i18n.format_day_month(mine.date()))
            .replace("%2", i18n.format_time(mine))
            .replace("%3", i18n.format_day_month(theirs.date()))
            .replace("%4", i18n.format_time(theirs))
            .replace("%5", i18n.city(entry.prospect_zone))
        )
        self.company.setText(entry.company_name)
        self.kind.setText(
            self.tr("%1, %2 min").replace("%1", kind_text(a.kind)).replace("%2", str(a.minutes))
        )
        self.status.setText(
            status_text(a.status) + (f" · {outcome_text(a.outcome)}" if a.outcome else "")
        )
        self.call_button.setEnabled(bool(a.phone or (prospect and prospect.phone)))
        self.join_button.setEnabled(bool(a.url))
        self.join_button.setVisible(a.kind == CallKind.VIDEO or bool(a.url))
        self.cancel_button.setEnabled(a.status in (Status.PLANNED, Status.CONFIRMED))
        self.refresh_clock()
        self._timer.start()

    def refresh_clock(self) -> None:
        """Update the prospect's local time now (and the outcomes, once the call starts)."""
        if self.entry is None:
            return
        a = self.entry.appointment
        started = lifecycle.has_started(a, self._clock())
        live = a.status in (Status.PLANNED, Status.CONFIRMED, Status.DONE)
        self.outcomes.setEnabled(live and started)
        self.outcomes.setToolTip("" if started else not_started_text())
        now = tz.convert(self._clock(), self.entry.prospect_zone)
        self.their_time.setText(
            f"{i18n.format_time(now)} {i18n.city(self.entry.prospect_zone)}"
            f" ({i18n.format_day_month(now.date())})"
        )

    def call(self) -> bool:
        """Open the ``tel:`` link of the call (or of the prospect)."""
        if self.entry is None:
            return False
        number = self.entry.appointment.phone or (self.prospect.phone if self.prospect else "")
        # "+33 6 12 34 56 78" as typed: a tel: link has no spaces.
        number = "".join(number.split())
        if not number:
            return False
        return self._open_url(QUrl(f"tel:{number}"))

    def join(self) -> bool:
        """Open the video link; anything but an ``https:`` link is refused with a message."""
        if self.entry is None:
            return False
        url = self.entry.appointment.url
        if not joinable(url):
            self.refusal.setText(
                self.tr("This link was not opened: only https:// links are opened from a call.")
            )
            self.refusal.show()
            return False
        self.refusal.hide()
        return self._open_url(QUrl(url))

    def _ask_outcome(self, code: OutcomeChoice) -> None:
        if self.entry is not None:
            self.outcome_requested.emit(self.entry.appointment.id, code)
