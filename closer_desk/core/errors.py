"""Exceptions raised by core and store.

Each carries fields rather than a finished sentence: the CLI and the window turn them into
words in the user's language (see ``closer_desk.core.messages``).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum


class CloserDeskError(Exception):
    """Base of every error closer_desk reports to a user."""

    #: True when the error comes from what the user typed (CLI exit status 2).
    bad_input: bool = True


class UnknownZoneError(CloserDeskError):
    """A time-zone name that is neither an IANA nor a known Windows name."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class NaiveDatetimeError(CloserDeskError):
    """A naive datetime reached code that only accepts aware ones (a programming error)."""

    bad_input = False


class NonExistentTimeError(CloserDeskError):
    """A wall time that falls in a spring-forward gap.

    Attributes:
        wall: the naive wall time the user typed.
        zone: the IANA zone name.
        earlier: the earlier of the two instants the wall time could mean (read with the
            offset after the gap; shown on the clock before the jump: 02:30 -> 01:30).
        later: the later one (read with the offset before the gap; shown after the jump:
            02:30 -> 03:30), what most people mean.
    """

    def __init__(self, wall: datetime, zone: str, earlier: datetime, later: datetime) -> None:
        super().__init__(f"{wall:%Y-%m-%d %H:%M} does not exist in {zone}")
        self.wall = wall
        self.zone = zone
        self.earlier = earlier
        self.later = later


class AmbiguousTimeError(CloserDeskError):
    """A wall time that occurs twice (fall back).

    Attributes:
        wall, zone: what the user typed.
        earlier: the first occurrence (fold=0), later: the second (fold=1).
    """

    def __init__(self, wall: datetime, zone: str, earlier: datetime, later: datetime) -> None:
        super().__init__(f"{wall:%Y-%m-%d %H:%M} occurs twice in {zone}")
        self.wall = wall
        self.zone = zone
        self.earlier = earlier
        self.later = later


class ValidationError(CloserDeskError):
    """A value that breaks a rule of the domain.

    Attributes:
        field: which input is wrong (``"minutes"``, ``"url"``, ``"phone"``...).
        code: a stable code for the rule (``"not_positive"``, ``"scheme"``...).
        value: the offending value, as typed.
        limit: the bound it broke, when there is one (``too_long``: the most allowed).
    """

    def __init__(
        self, field: str, code: str, value: object = None, *, limit: object = None
    ) -> None:
        super().__init__(f"{field}: {code} ({value!r})")
        self.field = field
        self.code = code
        self.value = value
        self.limit = limit


class NotFoundError(CloserDeskError):
    """A company, prospect, closer or appointment that is not in the agenda.

    Attributes:
        kind: ``"company"``, ``"prospect"``, ``"closer"`` or ``"appointment"``.
        key: the name or id that was looked up.
        candidates: names that matched when the key was ambiguous.
        ids: the ids of ``candidates``, in the same order.
    """

    def __init__(
        self,
        kind: str,
        key: object,
        candidates: tuple[str, ...] = (),
        ids: tuple[int, ...] = (),
    ) -> None:
        super().__init__(f"{kind} {key!r} not found")
        self.kind = kind
        self.key = key
        self.candidates = candidates
        self.ids = ids


class AmbiguousNameError(NotFoundError):
    """A name that matches several records."""


class ConflictError(CloserDeskError):
    """A booking that overlaps a live call of the same closer, or of the same prospect with
    another closer (a prospect cannot take two calls at once).

    Attributes:
        conflicts: the closer's appointments it overlaps (core ``Appointment`` objects).
        prospect_calls: the prospect's calls with other closers it overlaps (core
            ``AgendaEntry`` objects: the other closer's name comes with each).
    """

    def __init__(
        self, conflicts: tuple[object, ...], prospect_calls: tuple[object, ...] = ()
    ) -> None:
        super().__init__(f"overlaps {len(conflicts) + len(prospect_calls)} appointment(s)")
        self.conflicts = conflicts
        self.prospect_calls = prospect_calls


class CallStateError(CloserDeskError):
    """A change of status or outcome the life of a call does not allow (``core.lifecycle``).

    Attributes:
        appointment_id: the call.
        status: its status now (a ``Status``).
        action: what was asked (a ``core.lifecycle.Action`` value, or ``"move"``).
        code: why not: ``not_started`` (it has not started yet), ``cancelled``,
            ``has_outcome`` (it would lose its outcome) or ``settled`` (it was held or missed).
    """

    def __init__(self, appointment_id: int, status: object, action: str, code: str) -> None:
        super().__init__(f"call {appointment_id}: {action} refused ({code})")
        self.appointment_id = appointment_id
        self.status = status
        self.action = action
        self.code = code


class UndoConflictError(CloserDeskError):
    """An undo or redo refused because what it would put back was changed since (by another
    program, for instance): nothing was written.

    Attributes:
        table: the kind of row found changed ("appointments", "companies"...; "" unknown).
    """

    bad_input = False

    def __init__(self, table: str) -> None:
        super().__init__(f"changed since: {table or 'a row'}")
        self.table = table


class BookingRefusedError(CloserDeskError):
    """A call refused because of what would otherwise only be warnings (the CLI's
    ``--strict``): outside someone's hours, the prospect's weekend, the past...

    Attributes:
        warnings: the ``core.booking_checks.BookingWarning`` objects.
        closer, prospect: the parties (core ``Closer`` and ``Prospect``), to name them.
        start: the aware start of the call.
    """

    def __init__(
        self, warnings: tuple[object, ...], closer: object, prospect: object, start: datetime
    ) -> None:
        super().__init__(f"refused for {len(warnings)} warning(s)")
        self.warnings = warnings
        self.closer = closer
        self.prospect = prospect
        self.start = start


class DuplicateError(CloserDeskError):
    """A name that is already in the agenda (case and accents ignored).

    Attributes:
        kind, name: what was added and the name it was given.
        existing_id: the id of the one already there (None when unknown).
    """

    def __init__(self, kind: str, name: str, existing_id: int | None = None) -> None:
        super().__init__(f"{kind} {name!r} already exists")
        self.kind = kind
        self.name = name
        self.existing_id = existing_id


class AgendaVersionError(CloserDeskError):
    """The agenda file was written by a newer closer_desk than this one."""

    bad_input = False

    def __init__(self, found: str, known: str) -> None:
        super().__init__(f"agenda schema {found} is newer than {known}")
        self.found = found
        self.known = known


class AgendaFileError(CloserDeskError):
    """The agenda file cannot be used: not an SQLite database, or damaged.

    Attributes:
        path: the file, as text.
        reason: what SQLite said.
    """

    bad_input = False

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class AgendaCorruptError(AgendaFileError):
    """The agenda file is damaged (SQLite's integrity check failed or it is not a database).

    Attributes:
        path: the damaged file.
        detail: SQLite's first complaint, as it said it (also ``reason``).
        backup: the newest backup that passes the check, or None when there is none.
    """

    def __init__(self, path: str, detail: str, backup: str | None) -> None:
        super().__init__(path, detail)
        self.detail = detail
        self.backup = backup


class StorageProblem(StrEnum):
    """Why the agenda file could not be read or written, when nothing says it is damaged."""

    #: No space left on the disk (or the quota) that holds the agenda.
    FULL = "full"
    #: The system failed to read or write the file (a failing disk, a lost network share).
    IO = "io"
    #: The file or its folder cannot be written.
    READ_ONLY = "read_only"
    #: Read-only, and written by an older closer_desk: it cannot be upgraded to be read.
    READ_ONLY_OLD = "read_only_old"
    #: Another program holds the write lock for longer than the busy timeout.
    BUSY = "busy"


class AgendaStorageError(CloserDeskError):
    """The agenda could not be read or written; the file is not damaged by it and nothing of
    the failed change was stored (restoring a backup would lose work: never advise it).

    Attributes:
        path: the agenda file, as text.
        problem: a ``StorageProblem``.
        detail: what SQLite or the system said.
    """

    def __init__(self, path: str, problem: StorageProblem, detail: str = "") -> None:
        super().__init__(f"{path}: {problem.value} ({detail})")
        self.path = path
        self.problem = problem
        self.detail = detail
        # A read-only file is the user's choice (exit 2); a full disk or a lock is not.
        self.bad_input = problem in (StorageProblem.READ_ONLY, StorageProblem.READ_ONLY_OLD)
