"""The window's one door to the agenda file (after Anki's ``QueryOp`` and ``CollectionOp``).

Every read and every write a room makes is a function of the ``Agenda`` run on the one worker
(``TaskManager``): ``query(owner, op, success)`` for a read, ``write(owner, op, success)`` for
a change. No widget holds the ``Agenda``. Answers come back on the GUI thread, and only while
``owner`` still exists. After a write the door asks the store what it changed
(``Agenda.take_changes``) and announces it: ``changed(Changes)``. Each room decides from that
value what, if anything, to read again.

The agenda views' own reads (the calls of a range, the people) are here too, with a small
cache of pages that a write forgets only for the closers whose calls it touched.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from closer_desk.core.model import AgendaEntry, BusyBlock, Changes, Closer, Company, Prospect
from closer_desk.ui.common.history import History
from closer_desk.ui.common.tasks import TaskManager

if TYPE_CHECKING:  # the window paints its first page before SQLAlchemy is loaded
    from closer_desk.store import Agenda
    from closer_desk.store.undo import Revision

T = TypeVar("T")
Failure = Callable[[BaseException], object]


@dataclass(frozen=True)
class Directory:
    """The people and companies of an agenda (small: loaded whole)."""

    closers: tuple[Closer, ...] = ()
    companies: tuple[Company, ...] = ()
    prospects: tuple[Prospect, ...] = ()
    empty: bool = True

    def company(self, company_id: int) -> Company | None:
        """The company with that id, if known."""
        return next((c for c in self.companies if c.id == company_id), None)

    def prospect(self, prospect_id: int) -> Prospect | None:
        """The prospect with that id, if known."""
        return next((p for p in self.prospects if p.id == prospect_id), None)

    def closer(self, closer_id: int | None) -> Closer | None:
        """The closer with that id, or the first one."""
        if closer_id is None:
            return self.closers[0] if self.closers else None
        return next((c for c in self.closers if c.id == closer_id), None)


_PageKey = tuple[datetime, datetime, int | None, frozenset[int] | None]
#: How long after the first page the rest of the directory is read.
PEOPLE_DELAY_MS = 300
#: Pages kept in memory (the one in view and its neighbours, a few times over).
_KEPT_PAGES = 12


def _first_closer(agenda: Agenda) -> tuple[Closer, ...]:
    from closer_desk.core.errors import NotFoundError

    try:
        return (agenda.closer(),)
    except NotFoundError:  # a new agenda: the first-run panel asks for one
        return ()


@dataclass(frozen=True)
class EntriesPage:
    """The calls of one range, as asked, and the busy time imported for it (None: not read,
    as on the first page, read before the agenda was opened)."""

    start: datetime
    end: datetime
    closer_id: int | None
    entries: tuple[AgendaEntry, ...] = field(default_factory=tuple)
    busy: tuple[BusyBlock, ...] | None = None


class OwnWrites(Protocol):
    """Whoever watches the file for other processes' commits (``ExternalChangeWatcher``): the
    door runs each of its writes inside ``own_write()``, so that those commits do not come
    back as unknown outside changes."""

    def own_write(self) -> AbstractContextManager[None]:
        """Around one write of the window's own, on the worker thread."""
        ...


@dataclass(frozen=True)
class _Done(Generic[T]):
    """A write that went through: its result, what it changed, and its rows for the undo
    stack (when it was recorded)."""

    result: T
    changes: Changes
    revision: Revision | None = None


@dataclass(frozen=True)
class _Refused:
    """A write the store refused, and what it had changed before (usually nothing)."""

    error: Exception
    changes: Changes


def _alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)


class AgendaSource(QObject):
    """Reads and writes the agenda off the GUI thread: the one door.

    Signals:
        entries_loaded(EntriesPage): the answer to the latest ``load_entries``.
        directory_loaded(Directory): the first closer and the companies (the rest as last
            known): enough to paint the agenda.
        people_loaded(Directory): every closer and prospect, read just after.
        changed(Changes): something was written (by the window, or by another process:
            ``Changes.unknown``); each room reads again what concerns it. When closers,
            companies or prospects changed, ``directory_loaded`` follows.
        failed(BaseException): a job failed and nobody handled it.
    """

    entries_loaded = Signal(object)
    directory_loaded = Signal(object)
    people_loaded = Signal(object)
    changed = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        agenda: Agenda | None,
        tasks: TaskManager,
        parent: QObject | None = None,
        *,
        opener: Callable[[], Agenda] | None = None,
    ) -> None:
        super().__init__(parent)
        # Either the agenda, or how to open it: then the worker opens it for its first job,
        # after the window has painted a first page read without it (see preload()).
        self._agenda = agenda
        self._opener = opener
        self._opening = threading.Lock()
        self._tasks = tasks
        self._generation = 0
        self._epoch = 0
        self._pages: dict[_PageKey, EntriesPage] = {}
        self._pending: set[_PageKey] = set()
        self._own_writes: OwnWrites | None = None
        self.directory = Directory()
        self._preloaded = False
        #: The window's undo stack: every write a user makes is recorded there (``write``).
        self.history = History(self)

    @property
    def tasks(self) -> TaskManager:
        """The task manager (tests wait on it)."""
        return self._tasks

    def _open(self) -> Agenda:
        """The agenda, opened the first time a job needs it (on the worker)."""
        with self._opening:
            if self._agenda is None:
                assert self._opener is not None
                self._agenda = self._opener()
            return self._agenda

    def close(self) -> None:
        """Close the agenda once the worker is idle."""
        self._tasks.wait()
        if self._agenda is not None:
            self._agenda.close()

    def release(self) -> None:
        """Let go of the file (a restore replaces it): wait for the worker, close the
        connections. The next job reconnects to whatever file is there then."""
        self.close()

    def watch_own_writes(self, watcher: OwnWrites) -> None:
        """Tell ``watcher`` which commits are the window's own (see ``OwnWrites``)."""
        self._own_writes = watcher

    # -- the door --------------------------------------------------------------------------
    def query(
        self,
        owner: QObject | None,
        op: Callable[[Agenda], T],
        success: Callable[[T], object],
        failure: Failure | None = None,
    ) -> None:
        """Run the read ``op(agenda)`` on the worker; ``success(result)`` (or ``failure(error)``,
        else the ``failed`` signal) on the GUI thread, unless ``owner`` was deleted meanwhile."""

        def done(result: T) -> None:
            if _alive(owner):
                success(result)

        self._tasks.run(lambda: op(self._open()), done, self._failure(owner, failure))

    def compute(
        self,
        owner: QObject | None,
        work: Callable[[], T],
        success: Callable[[T], object],
        failure: Failure | None = None,
    ) -> None:
        """Run ``work()``, which needs no agenda (loading the holidays' tables), on the worker in
        its turn, so that the GUI thread does not wait for it; ``success`` as for ``query``."""

        def done(result: T) -> None:
            if _alive(owner):
                success(result)

        self._tasks.run(work, done, self._failure(owner, failure))

    def write(
        self,
        owner: QObject | None,
        op: Callable[[Agenda], T],
        success: Callable[[T], object] | None = None,
        failure: Failure | None = None,
        *,
        undo: str | None = None,
        merge: bool = False,
    ) -> None:
        """Run the change ``op(agenda)`` on the worker (one at a time, in order), hand its
        result to ``success`` (while ``owner`` exists), then announce what it changed. A
        refused write announces whatever it did change before it was refused (usually
        nothing: every store call is one transaction).

        ``undo`` names a write the user made ("Move call"): the rows it changes are recorded
        and it becomes the newest command of ``history`` (before ``success`` runs). With
        ``merge``, a write of the same name to the same rows joins the previous command (a
        field saved as it is typed). The undo machinery's own writes pass None.
        """
        probe = self._own_writes

        def job() -> _Done[T] | _Refused:
            agenda = self._open()
            agenda.take_changes()  # only this write's own: nothing else writes through it
            with probe.own_write() if probe is not None else contextlib.nullcontext():
                try:
                    if undo is None:
                        return _Done(op(agenda), agenda.take_changes())
                    from closer_desk.store.undo import recording

                    with recording(agenda) as rows:
                        result = op(agenda)
                except Exception as refused:
                    return _Refused(refused, agenda.take_changes())
                return _Done(result, agenda.take_changes(), rows.revision)

        def done(written: _Done[T] | _Refused) -> None:
            if isinstance(written, _Refused):
                self._failure(owner, failure)(written.error)
            else:
                if undo is not None and written.revision is not None:
                    self.history.record(undo, written.revision, merge=merge)
                if success is not None and _alive(owner):
                    success(written.result)
            if written.changes:
                self.publish(written.changes)

        self._tasks.run(job, done, self._failure(owner, failure))

    def _failure(self, owner: QObject | None, failure: Failure | None) -> Failure:
        def failed(error: BaseException) -> None:
            if failure is None:
                self.failed.emit(error)
            elif _alive(owner):
                failure(error)

        return failed

    def publish(self, changes: Changes) -> None:
        """Announce ``changes``: the pages they concern are forgotten, the directory is read
        again when people changed, and every room hears ``changed``."""
        if changes.unknown or changes.companies or changes.prospects:
            self._forget_pages(None)  # entries carry names, colours and zones
        elif changes.appointments or changes.busy:
            self._forget_pages(changes.call_closers | changes.busy)
        if changes.people():
            self.load_directory()
        self.changed.emit(changes)

    def refresh(self) -> None:
        """Another process wrote to the agenda (the CLI, a restore): everything is read again."""
        self.publish(Changes.from_outside())

    # -- the agenda views' reads -----------------------------------------------------------
    def preload(self, directory: Directory, page: EntriesPage | None) -> None:
        """Start from what was read before the agenda was opened: the first ``load_directory``
        answers with ``directory`` at once and ``page`` is answered from memory."""
        self.directory = directory
        self._preloaded = True
        if page is not None:
            self._pages[(page.start, page.end, page.closer_id, None)] = page

    def load_entries(
        self,
        start: datetime,
        end: datetime,
        closer_id: int | None,
        company_ids: frozenset[int] | None = None,
    ) -> None:
        """Fetch the calls of ``[start, end)``; only the latest request's answer is emitted.

        A range fetched before (and unchanged since) is answered at once from memory. A page
        read before the agenda was opened has no busy time yet: once the agenda is open (never
        before the first paint), asking for it again reads it whole.
        """
        self._generation += 1
        generation = self._generation
        key = (start, end, closer_id, company_ids)
        if (cached := self._pages.get(key)) is not None:
            self.entries_loaded.emit(cached)
        if cached is None or (cached.busy is None and self._agenda is not None):

            def deliver(page: EntriesPage) -> None:
                # A newer request superseded this one while it was on the worker: drop it.
                if generation == self._generation:
                    self.entries_loaded.emit(page)

            self._fetch(key, deliver)

    def prefetch(
        self,
        ranges: Sequence[tuple[datetime, datetime]],
        closer_id: int | None,
        company_ids: frozenset[int] | None = None,
    ) -> None:
        """Read these ranges in the background so that paging to them answers at once.

        Call it once the view has painted: the worker holds the GIL while it reads, which
        would slow painting down.
        """
        for lo, hi in ranges:
            near = (lo, hi, closer_id, company_ids)
            if near not in self._pages and near not in self._pending:
                self._fetch(near, None)

    def _fetch(self, key: _PageKey, then: Callable[[EntriesPage], object] | None) -> None:
        start, end, closer_id, company_ids = key
        epoch = self._epoch
        self._pending.add(key)

        # Every closer's busy time for a page of every closer's calls.
        busy_of = [c.id for c in self.directory.closers] if closer_id is None else [closer_id]

        def fetch() -> EntriesPage:
            from closer_desk.store.view_reads import busy_in_view

            agenda = self._open()
            rows = agenda.entries(start, end, closer_id=closer_id, company_ids=company_ids)
            busy = busy_in_view(agenda, start, end, busy_of)
            return EntriesPage(start, end, closer_id, tuple(rows), tuple(busy))

        def done(page: EntriesPage) -> None:
            self._pending.discard(key)
            if epoch == self._epoch:  # nothing was written meanwhile: worth keeping
                self._pages[key] = page
                while len(self._pages) > _KEPT_PAGES:
                    del self._pages[next(iter(self._pages))]
            if then is not None:
                then(page)

        def failed(error: BaseException) -> None:
            self._pending.discard(key)
            self.failed.emit(error)

        self._tasks.run(fetch, done, failed)

    def _forget_pages(self, closers: frozenset[int] | None) -> None:
        """Forget the pages of these closers (None: every page)."""
        self._epoch += 1
        if closers is None:
            self._pages.clear()
            return
        for key in [k for k in self._pages if k[2] is None or k[2] in closers]:
            del self._pages[key]

    def load_directory(self) -> None:
        """Fetch what the first paint needs (the first closer, the companies), then everyone
        (every closer for the switcher, the prospects): ``directory_loaded`` comes first,
        ``people_loaded`` just after."""

        def fetch_first(agenda: Agenda) -> Directory:
            empty = agenda.is_empty()
            closers = _first_closer(agenda)
            return Directory(closers, tuple(agenda.companies()), (), empty)

        def first_done(first: Directory) -> None:
            known = {c.id for c in first.closers}
            others = tuple(c for c in self.directory.closers if c.id not in known)
            self.directory = replace(
                first, closers=first.closers + others, prospects=self.directory.prospects
            )
            self.directory_loaded.emit(self.directory)
            # Queued after the page the views have just asked for.
            self.query(None, fetch_people, people_done)

        def fetch_people(agenda: Agenda) -> tuple[tuple[Closer, ...], tuple[Prospect, ...]]:
            return tuple(agenda.closers()), tuple(agenda.prospects())

        def people_done(people: tuple[tuple[Closer, ...], tuple[Prospect, ...]]) -> None:
            self.directory = replace(self.directory, closers=people[0], prospects=people[1])
            self.people_loaded.emit(self.directory)

        if self._preloaded:
            # Answered from the first page; everyone else is read once it is on screen (the
            # worker's first job opens the agenda, and that holds the GIL for a while).
            self._preloaded = False
            self.directory_loaded.emit(self.directory)
            QTimer.singleShot(
                PEOPLE_DELAY_MS,
                self,  # no call if the source is gone by then
                lambda: self.query(None, fetch_people, people_done),
            )
            return
        self.query(None, fetch_first, first_done)
