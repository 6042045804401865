"""Why a sync, a set-up or a subscription stopped (fields only; the CLI and the window put them
in words)."""

from __future__ import annotations

import enum

from closer_desk.core.errors import CloserDeskError


class RemoteProblem(enum.StrEnum):
    """What went wrong talking to a server."""

    UNREACHABLE = "unreachable"  # refused, reset or dropped mid-answer
    TIMEOUT = "timeout"
    UNAUTHORIZED = "unauthorized"  # 401: wrong user or password
    FORBIDDEN = "forbidden"  # 403: the account may not do that
    NOT_FOUND = "not_found"
    NOT_A_CALENDAR = "not_a_calendar"
    FULL = "full"  # 507 Insufficient Storage, or the server's quota
    BAD_RESPONSE = "bad_response"  # not the XML or calendar data CalDAV promises
    SERVER_ERROR = "server_error"  # 5xx
    NOT_HTTPS = "not_https"  # a password would cross the network in clear
    BAD_URL = "bad_url"


class RemoteError(CloserDeskError):
    """A server could not be used.

    Attributes:
        problem: a ``RemoteProblem``.
        url: the address asked.
        status: the HTTP status, when there was one.
        detail: the server's or the library's own words, cut short.
    """

    bad_input = False

    def __init__(
        self, problem: RemoteProblem, url: str, status: int | None = None, detail: str = ""
    ) -> None:
        super().__init__(f"{problem.value} ({status}) at {url}: {detail}")
        self.problem = problem
        self.url = url
        self.status = status
        self.detail = detail[:200]


class StorageEmptyError(CloserDeskError):
    """One side suddenly holds none of the calls both held at the last sync (vdirsyncer's
    StorageEmpty): a wiped calendar or an agenda restored from an empty backup. Mirroring it
    would delete every call on the other side, so the sync stops until told to.

    Attributes:
        closer: the closer's name.
        side: ``"server"`` or ``"agenda"``: the side that became empty.
        known: how many calls the last sync shared.
    """

    bad_input = False

    def __init__(self, closer: str, side: str, known: int) -> None:
        super().__init__(f"{side} of {closer} became empty ({known} calls known)")
        self.closer = closer
        self.side = side
        self.known = known


class ReadOnlyCalendarError(CloserDeskError):
    """The closer's shared calendar is read-only for this account: a call cannot be booked or
    changed for them here (it could never reach the others).

    Attributes:
        closer: the closer's name.
        url: their calendar.
    """

    bad_input = False

    def __init__(self, closer: str, url: str) -> None:
        super().__init__(f"the calendar of {closer} is read-only here ({url})")
        self.closer = closer
        self.url = url


class MissingPasswordError(CloserDeskError):
    """A server account needs a password that is neither in the keyring nor in the
    environment variable the CLI reads.

    Attributes:
        account: the user name.
        env: the environment variable that would be read.
        keyring_safe: whether a safe keyring exists (else only ``env`` can hold it).
    """

    def __init__(self, account: str, env: str, keyring_safe: bool) -> None:
        super().__init__(f"no password for {account}")
        self.account = account
        self.env = env
        self.keyring_safe = keyring_safe


class SyncRefusedError(CloserDeskError):
    """A sync set-up or subscription refused for what the user gave.

    Attributes:
        code: ``not_synced`` (the closer has no shared calendar), ``bad_url``, ``not_https``
            (a password would cross the network in clear), ``shared_calendar`` (a closer's
            shared calendar cannot also be a subscription).
        value: what the user gave, cut short.
    """

    def __init__(self, code: str, value: str = "") -> None:
        super().__init__(f"{code}: {value!r}")
        self.code = code
        self.value = value
