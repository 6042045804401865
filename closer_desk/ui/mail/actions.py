"""What the window does with mail: send a call's invite, ask "Send the update to the
prospect?" after a move or a cancellation, answer a proposed new time, read answers from
files, and send the outbox while the window is open.

Every job goes through the door on the worker (the SMTP session included); the GUI thread
only asks and says what happened, in one line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox, QWidget

from closer_desk.core.model import Appointment
from closer_desk.ui.common.places import suggested
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.mail import jobs
from closer_desk.ui.mail.words import describe_mail, replies_text, report_text

if TYPE_CHECKING:
    from closer_desk.store.replies import ReplyOutcome
    from closer_desk.store.sending import SendReport

#: The app setting that remembers the answer to "Send the update to the prospect?".
UPDATE_CHOICE_KEY = "mail/send_updates"
#: How often the open window sends what is due (retries included).
OUTBOX_INTERVAL_MS = 60_000

#: Asks "Send the update?": (send it, remember the choice).
AskUpdate = Callable[[QWidget | None], tuple[bool, bool]]


def ask_update(parent: QWidget | None) -> tuple[bool, bool]:
    """The question, with its "Remember my choice" box."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Mail", "Send the update"))
    box.setText(QCoreApplication.translate("Mail", "Send the update to the prospect?"))
    box.setInformativeText(
        QCoreApplication.translate(
            "Mail", "They have the invite as it was: the update replaces it in their calendar."
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    remember = QCheckBox(QCoreApplication.translate("Mail", "&Remember my choice"), box)
    box.setCheckBox(remember)
    answer = box.exec()
    return answer == QMessageBox.StandardButton.Yes, remember.isChecked()


class MailActions(QObject):
    """The window's mail actions.

    Attributes:
        ask: asks "Send the update to the prospect?" (tests answer it themselves).
        timer: sends the outbox every ``OUTBOX_INTERVAL_MS`` once started.

    Signals:
        sent(object): a run of the outbox ended with this ``SendReport``.
        refused(str): a message could not be queued, in one sentence.
        update_skipped(int): the update of that call was not sent (the user said no).
        replies_read(object): the ``ReplyOutcome`` list of the files read.
    """

    sent = Signal(object)
    refused = Signal(str)
    update_skipped = Signal(int)
    replies_read = Signal(object)

    def __init__(
        self,
        source: AgendaSource,
        settings: QSettings,
        window: QWidget | None,
        say: Callable[[str], object],
        *,
        ask: AskUpdate = ask_update,
    ) -> None:
        super().__init__(window)
        self._source = source
        self._settings = settings
        self._window = window
        self._say = say
        self.ask = ask
        self._sending = False
        self.timer = QTimer(self)
        self.timer.setInterval(OUTBOX_INTERVAL_MS)
        self.timer.timeout.connect(self.send_due)

    # -- one line in the status bar --------------------------------------------------------
    def _reported(self, report: SendReport) -> None:
        self._say(report_text(report))
        self.sent.emit(report)

    def _failed(self, error: BaseException) -> None:
        text = describe_mail(error)
        self._say(text)
        self.refused.emit(text)

    # -- sending -----------------------------------------------------------------------------
    def send_invite(self, appointment_id: int | None) -> None:
        """Queue the call's invite (CANCEL if cancelled) and send it now, in the background."""
        if appointment_id is None:
            self._say(QCoreApplication.translate("Mail", "Select a call first."))
            return
        self._source.write(
            self,
            lambda agenda: jobs.send_invite(agenda, appointment_id),
            self._reported,
            self._failed,
        )

    def send_these(self, outbox_ids: frozenset[int]) -> None:
        """Send these messages now (failed ones are queued again first: Retry)."""
        self._source.write(
            self, lambda agenda: jobs.send_these(agenda, outbox_ids), self._reported, self._failed
        )

    def send_due(self) -> None:
        """Send what is due, unless a run is still going (the timer, "Send now")."""
        if self._sending:
            return
        self._sending = True

        def done(report: SendReport) -> None:
            self._sending = False
            if report.deliveries or report.busy:
                self._reported(report)

        def failed(error: BaseException) -> None:
            self._sending = False
            self._failed(error)

        self._source.write(self, jobs.send_due, done, failed)

    def start(self) -> None:
        """Send the outbox now and then every ``OUTBOX_INTERVAL_MS`` while the window is open."""
        self.timer.start()
        self.send_due()

    # -- after a move or a cancellation ------------------------------------------------------
    def update_choice(self) -> str:
        """``ask``, ``always`` or ``never`` (the remembered answer)."""
        value = str(self._settings.value(UPDATE_CHOICE_KEY, "ask"))
        return value if value in ("always", "never") else "ask"

    def remember_update_choice(self, *, send: bool) -> None:
        """Send the updates from now on without asking (``send``), or never send them."""
        self._settings.setValue(UPDATE_CHOICE_KEY, "always" if send else "never")

    def forget_update_choice(self) -> None:
        """Ask again next time."""
        self._settings.remove(UPDATE_CHOICE_KEY)

    def after_change(self, appointment: Appointment | None) -> None:
        """A call was changed in the window: when the prospect holds an older invite, send
        the update (or the cancellation) if the user says so, or as remembered."""
        if appointment is None:
            return
        call_id = appointment.id

        def decide(outdated: bool) -> None:
            if not outdated:
                return
            choice = self.update_choice()
            if choice == "ask":
                send, remember = self.ask(self._window)
                if remember:
                    self.remember_update_choice(send=send)
            else:
                send = choice == "always"
            if send:
                self.send_invite(call_id)
            else:
                self.update_skipped.emit(call_id)

        self._source.query(self, lambda agenda: jobs.needs_update(agenda, call_id), decide)

    # -- answers -----------------------------------------------------------------------------
    def answer_counter(self, appointment_id: int, accept: bool) -> None:
        """Accept (the call moves, the update goes) or decline the proposed new time."""
        self._source.write(
            self,
            lambda agenda: jobs.answer_counter(agenda, appointment_id, accept=accept),
            self._reported,
            self._failed,
        )

    def read_replies(self, paths: Sequence[str]) -> None:
        """Record the answers in these ``.eml``/``.ics`` files."""
        chosen = list(paths)
        if not chosen:
            return

        def done(outcomes: list[ReplyOutcome]) -> None:
            self._say(replies_text(outcomes))
            self.replies_read.emit(outcomes)

        def failed(error: BaseException) -> None:
            if isinstance(error, OSError):
                text = QCoreApplication.translate("Mail", "Not read: %1").replace(
                    "%1", error.strerror or str(error)
                )
                self._say(text)
                self.refused.emit(text)
                return
            self._failed(error)

        self._source.write(self, lambda agenda: jobs.read_replies(agenda, chosen), done, failed)

    def open_replies(self) -> None:
        """File → Read replies…: pick the answers saved from the mail program."""
        paths, _ = QFileDialog.getOpenFileNames(
            self._window,
            QCoreApplication.translate("Mail", "Read replies"),
            suggested(),
            QCoreApplication.translate("Mail", "Answers (*.eml *.ics);;All files (*)"),
        )
        self.read_replies(paths)
