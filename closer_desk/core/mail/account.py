"""A closer's mail account: where invites are sent from and answers are read.

The password is never part of it: ``store.secrets`` keeps it in the system keyring (or the
environment), and ``password`` only says where it is.
"""

from __future__ import annotations

import enum
import ipaddress
import re
from dataclasses import dataclass

from closer_desk.core.errors import CloserDeskError, ValidationError


class Security(enum.StrEnum):
    """How the connection to the server is protected."""

    STARTTLS = "starttls"  # plain connection upgraded with STARTTLS (SMTP 587, IMAP 143)
    SSL = "ssl"  # TLS from the first byte (SMTPS 465, IMAPS 993)
    NONE = "none"  # no TLS at all: a relay on this machine or the local network only


SMTP_PORTS = {Security.STARTTLS: 587, Security.SSL: 465, Security.NONE: 25}
IMAP_PORTS = {Security.STARTTLS: 143, Security.SSL: 993, Security.NONE: 143}
#: Where the password is read when no safe keyring holds it (read at send time, never kept).
PASSWORD_ENV = "CLOSER_DESK_MAIL_PASSWORD"


@dataclass(frozen=True, slots=True)
class MailAccount:
    """Attributes:
    closer_id: whose account it is.
    address: the From address (the closer's, or an assistant's sending for them).
    smtp_host, smtp_port, security: the outgoing server.
    username: the login, ``""`` for a relay that takes mail without one.
    password: where the password is: ``"keyring"``, ``"env"``, or ``""`` (no login).
    imap_host, imap_port: the inbox the answers arrive in (``""``: none).
    """

    closer_id: int
    address: str
    smtp_host: str
    smtp_port: int
    security: Security
    username: str = ""
    password: str = ""
    imap_host: str = ""
    imap_port: int = 0

    @property
    def secret_account(self) -> str:
        """The key of the password in the keyring: login and server."""
        return f"{self.username}@{self.smtp_host}:{self.smtp_port}"


_HOST = re.compile(
    r"(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.?"
)


def parse_server(text: str, default_port: int, field: str) -> tuple[str, int]:
    """``HOST[:PORT]`` (``[::1]:25`` for an IPv6 address) into a host and a port."""
    raw = text.strip()
    host, port_text = raw, ""
    if raw.startswith("["):
        host, _, rest = raw[1:].partition("]")
        if rest and not rest.startswith(":"):
            raise ValidationError(field, "bad_server", text)
        port_text = rest[1:]
    elif raw.count(":") == 1:
        host, port_text = raw.split(":")
    port = default_port
    if port_text:
        if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
            raise ValidationError(field, "bad_port", text)
        port = int(port_text)
    try:
        ipaddress.ip_address(host)
    except ValueError:
        if not _HOST.fullmatch(host):
            raise ValidationError(field, "bad_server", text) from None
    return host, port


class MailErrorCode(enum.StrEnum):
    """Why a message (or an account check) did not go."""

    CONNECTION = "connection"  # refused, timed out, name not found, dropped: tried again
    TEMPORARY = "temporary"  # a 4xx answer: tried again
    REFUSED = "refused"  # a 5xx answer: failed
    AUTH = "auth"  # the login was refused: failed
    NO_PASSWORD = "no_password"  # neither the keyring nor the environment has it: waits
    TLS = "tls"  # no STARTTLS, or a certificate the system does not trust: failed
    UNCONFIRMED = "unconfirmed"  # the connection ended before the server's answer


class MailError(CloserDeskError):
    """A mail account check that did not get through (``mail test``).

    Attributes:
        code: a ``MailErrorCode``.
        detail: the server's or the system's words (cut to 300 characters).
    """

    bad_input = False

    def __init__(self, code: MailErrorCode, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail
