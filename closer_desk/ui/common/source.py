"""The window's one door to the agenda file: every read and write runs on the TaskManager.

Widgets never hold the ``Agenda``: they ask this object, and the answers come back as plain
core objects through signals or callbacks on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from closer_desk.core.model import AgendaEntry, Closer, Company, Prospect
from closer_desk.ui.common.tasks import TaskManager


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


def _first_closer(agenda: Any) -> tuple[Closer, ...]:
    from closer_desk.core.errors import NotFoundError

    try:
        return (agenda.closer(),)
    except NotFoundError:  # a new agenda: the first-run panel asks for one
        return ()


@dataclass(frozen=True)
class EntriesPage:
    """The calls of one range, as asked."""

    start: datetime
    end: datetime
    closer_id: int | None
    entries: tuple[AgendaEntry, ...] = field(default_factory=tuple)


class AgendaSource(QObject):
    """Reads and writes the agenda off the GUI thread.

    Signals:
        entries_loaded(EntriesPage): the answer to the latest ``load_entries``.
        directory_loaded(Directory): the first closer and the companies (the rest as last
            known): enough to paint the agenda.
        people_loaded(Directory): every closer and prospect, read just after.
        changed(): something was written; views reload what they show.
        failed(BaseException): a job failed and nobody handled it.
    """

    entries_loaded = Signal(object)
    directory_loaded = Signal(object)
    people_loaded = Signal(object)
    changed = Signal()
    failed = Signal(object)

    def __init__(
        self,
        agenda: Any,
        tasks: TaskManager,
        parent: QObject | None = None,
        *,
        opener: Callable[[], Any] | None = None,
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
        self.directory = Directory()
        self._preloaded = False
        # Connected first, so the pages are forgotten before any view reloads.
        self.changed.connect(self._forget_pages)

    @property
    def tasks(self) -> TaskManager:
        """The task manager (tests wait on it)."""
        return self._tasks

    def _open(self) -> Any:
        """The agenda, opened the first time a job (or a room being built) needs it."""
        with self._opening:
            if self._agenda is None:
                assert self._opener is not None
                self._agenda = self._opener()
            return self._agenda

    def agenda(self) -> Any:
        """The agenda, for rooms that run their own jobs on the same task manager (the
        planner, the directory rooms, the reminders); opened now if it was not yet."""
        return self._open()

    def close(self) -> None:
        """Close the agenda once the worker is idle."""
        self._tasks.wait()
        if self._agenda is not None:
            self._agenda.close()

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

        A range fetched before (and unchanged since) is answered at once from memory.
        """
        self._generation += 1
        generation = self._generation
        key = (start, end, closer_id, company_ids)
        if (cached := self._pages.get(key)) is not None:
            self.entries_loaded.emit(cached)
        else:

            def deliver(page: Any) -> None:
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

        def fetch() -> EntriesPage:
            rows = self._open().entries(start, end, closer_id=closer_id, company_ids=company_ids)
            return EntriesPage(start, end, closer_id, tuple(rows))

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

    def refresh(self) -> None:
        """Something else wrote to the agenda (the planner, a directory room): views and the
        directory reload."""
        self.load_directory()
        self.changed.emit()

    def _forget_pages(self) -> None:
        self._epoch += 1
        self._pages.clear()

    def load_directory(self) -> None:
        """Fetch what the first paint needs (the first closer, the companies), then everyone
        (every closer for the switcher, the prospects): ``directory_loaded`` comes first,
        ``people_loaded`` just after."""

        def fetch_first() -> Directory:
            agenda = self._open()
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
            self._tasks.run(fetch_people, people_done, self.failed.emit)

        def fetch_people() -> tuple[tuple[Closer, ...], tuple[Prospect, ...]]:
            agenda = self._open()
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
                lambda: self._tasks.run(fetch_people, people_done, self.failed.emit),
            )
            return
        self._tasks.run(fetch_first, first_done, self.failed.emit)

    def read(
        self,
        fn: Callable[[Any], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``fn(agenda)`` off the GUI thread and hand its result to ``on_done``."""
        self._tasks.run(lambda: fn(self._open()), on_done, on_error or self.failed.emit)

    def write(
        self,
        fn: Callable[[Any], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        directory: bool = False,
    ) -> None:
        """Run the mutation ``fn(agenda)``, then tell the views (and reload the directory)."""

        def done(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            if directory:
                self.load_directory()
            self.changed.emit()

        self._tasks.run(lambda: fn(self._open()), done, on_error or self.failed.emit)
