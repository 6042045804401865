"""A closer's mail account: the address invites come from, the outgoing server, the login
(the password goes to the system keyring, never to the agenda), the inbox the answers arrive
in, and "Send a test message"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core.mail.account import MailAccount, Security
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.mail import jobs
from closer_desk.ui.mail.words import describe_mail

_DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


class MailAccountDialog(QDialog):
    """The mail account of one closer.

    Attributes:
        result_line: one line saying what the last Save or test did.

    Signals:
        answered(str): a Save or a test ended; the line says how.
    """

    answered = Signal(str)

    def __init__(
        self,
        source: AgendaSource,
        closer_id: int,
        closer_name: str,
        closer_email: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._closer_id = closer_id
        self._stored_login = ""
        self.setWindowTitle(self.tr("Mail account of %1").replace("%1", closer_name))
        self.address = QLineEdit(closer_email, self)
        self.address.setPlaceholderText("name@example.com")
        self.smtp = QLineEdit(self)
        self.smtp.setPlaceholderText("smtp.example.com:587")
        self.security = QComboBox(self)
        for code, text in (
            ("starttls", self.tr("STARTTLS")),
            ("ssl", self.tr("SSL/TLS")),
            ("none", self.tr("None (a local relay)")),
        ):
            self.security.addItem(text, code)
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(self.tr("none: the server needs no login"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.imap = QLineEdit(self)
        self.imap.setPlaceholderText(self.tr("optional: imap.example.com:993"))
        self.test_to = QLineEdit(closer_email, self)
        self.test_button = QPushButton(self.tr("Send a &test message"), self)
        self.result_line = QLabel(self)
        self.result_line.setWordWrap(True)
        self.result_line.setObjectName("mail_result")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&From:"), self.address)
        form.addRow(self.tr("&Outgoing server:"), self.smtp)
        form.addRow(self.tr("S&ecurity:"), self.security)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Inbox (answers):"), self.imap)
        test = QHBoxLayout()
        test.addWidget(self.test_to, 1)
        test.addWidget(self.test_button)
        caption = QLabel(self.tr("Test &message to:"), self)
        caption.setBuddy(self.test_to)
        form.addRow(caption, test)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self.send_test)
        self.security.currentIndexChanged.connect(self._suggest_port)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_line)
        layout.addWidget(self.buttons)
        self.resize(540, self.sizeHint().height())
        self._set_busy(True)
        self._source.query(
            self, lambda agenda: jobs.load_account(agenda, closer_id), self._loaded, self._failed
        )

    def _loaded(self, account: MailAccount | None) -> None:
        self._set_busy(False)
        if account is None:
            self.result_line.setText(self.tr("No mail account yet: invites are not e-mailed."))
            return
        self.address.setText(account.address)
        self.smtp.setText(f"{account.smtp_host}:{account.smtp_port}")
        self.security.setCurrentIndex(max(0, self.security.findData(account.security.value)))
        self.user.setText(account.username)
        self._stored_login = account.username
        if account.username and account.password:
            self.password.setPlaceholderText(
                self.tr("kept in the system keyring")
                if account.password == "keyring"
                else self.tr("read from CLOSER_DESK_MAIL_PASSWORD")
            )
        if account.imap_host:
            self.imap.setText(f"{account.imap_host}:{account.imap_port}")
        if not self.test_to.text():
            self.test_to.setText(account.address)

    def _suggest_port(self) -> None:
        host, _, port = self.smtp.text().strip().rpartition(":")
        if host and port.isdigit() and int(port) in _DEFAULT_PORTS.values():
            code = str(self.security.currentData())
            self.smtp.setText(f"{host}:{_DEFAULT_PORTS[code]}")

    def form(self) -> jobs.AccountForm:
        """The account as typed."""
        return jobs.AccountForm(
            address=self.address.text(),
            smtp=self.smtp.text(),
            security=str(self.security.currentData() or Security.STARTTLS.value),
            username=self.user.text(),
            password=self.password.text() or None,
            imap=self.imap.text(),
        )

    def _set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not busy)
        self.test_button.setEnabled(not busy)

    def _say(self, text: str) -> None:
        self._set_busy(False)
        self.result_line.setText(text)
        self.answered.emit(text)

    def _failed(self, error: BaseException) -> None:
        self._say(describe_mail(error))

    def _where(self, setup: jobs.AccountSetup) -> str:
        from closer_desk.store.secrets import Where

        self.password.clear()
        saved = setup.saved
        if saved is None:
            return self.tr("Saved: the server takes mail without a login.")
        if saved.where == Where.KEYRING:
            self.password.setPlaceholderText(self.tr("kept in the system keyring"))
            return self.tr("Saved; the password is in the system keyring.")
        return self.tr(
            "Saved, without the password: the system keyring is not safe here. Set "
            "CLOSER_DESK_MAIL_PASSWORD before starting closer_desk."
        )

    def save(self) -> None:
        """Save the account (the keyring is written on the worker)."""
        form, closer = self.form(), self._closer_id
        self._set_busy(True)
        self.result_line.setText(self.tr("Saving…"))
        self._source.write(
            self,
            lambda agenda: jobs.save_account(agenda, closer, form),
            lambda setup: self._say(self._where(setup)),
            self._failed,
        )

    def send_test(self) -> None:
        """Save the account as typed, then send a test message through it (worker)."""
        form, closer, to = self.form(), self._closer_id, self.test_to.text()
        self._set_busy(True)
        self.result_line.setText(self.tr("Sending a test message…"))

        def sent(setup: jobs.AccountSetup) -> None:
            self._where(setup)
            self._say(self.tr("Test message sent to %1.").replace("%1", to.strip()))

        def failed(error: BaseException) -> None:
            self._say(self.tr("Test message not sent: %1").replace("%1", describe_mail(error)))

        self._source.write(
            self, lambda agenda: jobs.save_and_test(agenda, closer, form, to), sent, failed
        )
