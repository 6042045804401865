"""Two-way sync of one closer's calls with their CalDAV calendar (vdirsyncer's model).

1. Push the agenda's changes: ``If-None-Match: *`` for a new call, ``If-Match`` for an update
   or a delete. Each pushed call is recorded in the status table in its own transaction, so a
   sync killed at any point leaves every call either pushed and recorded, or not recorded
   (the next sync's conditional request then finds it and settles it without a copy).
2. Ask the server what changed since the last sync token (one sync-collection REPORT: the
   calls just pushed come back with the ETags recorded, and are skipped), and stop if one
   side suddenly holds none of the calls both held (``StorageEmptyError``, vdirsyncer's).
3. Fetch what changed on the server (calendar-multiget) and apply it in one transaction with
   the new sync token: nothing of the pull is half-applied.

The push compares only the calls the file's triggers marked as changed since both sides last
agreed (``sync_dirty``, migration 0008): a sync of 10 changes among 10,000 calls hashes 10.
Every call is compared on the first sync, or when the marks cannot be trusted; at the end a
mark is cleared for each UID whose two sides agree. A call counts as changed on a side only
when its hash moved: a mark is a reason to compare, never to push.

Changed on both sides: fields changed on one side only are merged; a field changed on both is
a conflict, kept until the user chooses (the agenda keeps its own version meanwhile, and the
server's waits in ``sync_conflicts``). A change beats a delete. Overlapping calls are flagged
at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, update

from closer_desk.core.ics.sync_event import Foreign, Unreadable, call_object, read_object
from closer_desk.core.model import Changes, Closer
from closer_desk.core.sync.call import SyncedCall, content_hash, merge
from closer_desk.core.sync.errors import RemoteError, RemoteProblem, StorageEmptyError
from closer_desk.core.sync.overlaps import Flag
from closer_desk.store import rows as R
from closer_desk.store.agenda import Agenda
from closer_desk.store.schema import appointments, sync_calendars, sync_flags
from closer_desk.store.sync import flags as F
from closer_desk.store.sync import local as L
from closer_desk.store.sync import marks as M
from closer_desk.store.sync.remote import Gone, Listing, Precondition, Remote

#: How often one call is merged again when the server keeps changing it under us.
_MERGE_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class Refusal:
    """An object of the server that was not applied: its UID, href and a reason code
    (``bad_ics``, ``bad_value``, ``bad_time``, ``duplicate_uid``...) with the detail."""

    uid: str
    href: str
    code: str
    detail: str = ""


@dataclass(slots=True)
class SyncReport:
    """What one sync of one closer did.

    Attributes:
        closer: the closer's name.
        pushed: calls created, updated or removed on the server.
        pulled: calls created, updated or removed in the agenda.
        merged: calls changed on both sides in different fields, merged.
        conflicts: UIDs of calls waiting for a choice (the same field changed on both sides).
        refused: server objects that could not be read (the agenda's version stands).
        foreign: objects on the calendar that are not closer_desk calls (left alone).
        held: local changes not pushed (read-only calendar, or the server is full).
        stopped: why pushing stopped early (``FORBIDDEN``, ``FULL``), or None.
        overlaps, rebook: how many calls are flagged as overlapping, and of them to rebook.
        appointments: ids of the calls the sync changed in the agenda (for the window).
        full_listing: the server listed every object (first sync, or a forgotten token).
        compared: how many UIDs the push compared (the marked ones, or every one when
            ``full_compare``: the first sync, or marks that cannot be trusted).
        subscriptions: what refreshing the closer's subscriptions did (``Refreshed`` each).
    """

    closer: str
    pushed: int = 0
    pulled: int = 0
    merged: int = 0
    conflicts: list[str] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    foreign: int = 0
    held: int = 0
    stopped: RemoteProblem | None = None
    overlaps: int = 0
    rebook: int = 0
    appointments: set[int] = field(default_factory=set)
    full_listing: bool = False
    compared: int = 0
    full_compare: bool = False
    subscriptions: list[Any] = field(default_factory=list)

    def changes(self) -> Changes:
        """What the window refreshes after this sync (calls, and the companies, prospects
        and busy time a sync can add)."""
        # What a pull or a subscription brought is another machine's work, like another
        # process's write: the companies, prospects and busy time it may have added are not
        # told apart, every view re-reads.
        outside = bool(self.pulled or self.merged) or any(not s.error for s in self.subscriptions)
        return Changes(appointments=frozenset(self.appointments), unknown=outside)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        return {
            "closer": self.closer,
            "pushed": self.pushed,
            "pulled": self.pulled,
            "merged": self.merged,
            "conflicts": len(self.conflicts),
            "conflict_uids": sorted(self.conflicts),
            "refused": [
                {"uid": r.uid, "href": r.href, "reason": r.code, "detail": r.detail}
                for r in self.refused
            ],
            "foreign": self.foreign,
            "held": self.held,
            "stopped": self.stopped.value if self.stopped else None,
            "overlaps": self.overlaps,
            "rebook": self.rebook,
            "full_listing": self.full_listing,
            "compared": self.compared,
            "subscriptions": [s.as_dict() for s in self.subscriptions],
        }


class _StopPushing(Exception):
    def __init__(self, problem: RemoteProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


class Sync:
    """One run for one closer. ``run()`` once."""

    def __init__(
        self,
        agenda: Agenda,
        closer: Closer,
        calendar: Any,
        remote: Remote,
        *,
        force_delete: bool = False,
    ) -> None:
        self.agenda = agenda
        self.closer = closer
        self.calendar_id: int = calendar.id
        self.token: str = calendar.sync_token
        self.first = calendar.last_sync_utc is None
        self.remote = remote
        self.force_delete = force_delete
        self.report = SyncReport(closer=closer.name)
        self.settled: set[str] = set()  # UIDs the push phase already agreed with the server
        self.touched: set[str] = set()  # UIDs whose status the push phase may have written
        self.again: set[str] = set()  # UIDs the pull found to push (a change beat a delete)
        self._now: datetime = agenda.now()

    # -- the run ---------------------------------------------------------------------------
    def run(self) -> SyncReport:
        """Push, then pull and apply; raises ``RemoteError`` when the server cannot be used
        (what was pushed before stays recorded) and ``StorageEmptyError``."""
        rights = self.remote.rights()
        if not rights.is_calendar:
            raise RemoteError(RemoteProblem.NOT_A_CALENDAR, self.remote.url)
        self._save_rights(rights.can_write)
        with self.agenda.engine.begin() as conn:
            # A call whose company or prospect has no shared id yet is a marked one (new, or
            # changed); linking marks the calls it changes, before they are read.
            L.ensure_links(conn, self.closer.id, M.marked(conn, self.calendar_id))
            compared = M.to_compare(conn, self.calendar_id, self.closer.id, remember=True)
            self._check_agenda_not_emptied(conn)
            conflicts = L.pending_conflicts(conn, self.calendar_id)
        self.report.compared = len(compared.calls.keys() | compared.statuses.keys())
        self.report.full_compare = compared.full
        statuses = compared.statuses
        writable = rights.can_write is not False
        self._push(compared.calls, statuses, conflicts, writable)
        listing = self.remote.changes(self.token)
        self.report.full_listing = listing.full
        with self.agenda.engine.connect() as conn:
            statuses = self._statuses_for(conn, listing, statuses)
            by_href = {s.href: s for s in statuses.values()}
            deleted = (
                frozenset(by_href) - frozenset(listing.changed) if listing.full else listing.deleted
            )
            self._check_server_not_emptied(conn, statuses, listing, deleted)
        fetch = [
            href
            for href, etag in listing.changed.items()
            if href not in by_href or by_href[href].etag != etag
        ]
        self._pull(fetch, deleted, listing.token)
        if self.again and writable and self.report.stopped is None:
            with self.agenda.engine.connect() as conn:
                again = L.local_calls(conn, self.closer.id, self.again)
                statuses = L.statuses_of(conn, self.calendar_id, self.again)
            self._push(again, statuses, {}, writable, deletions=False)
        with self.agenda.engine.begin() as conn:
            self._finish(conn, first=self.first)
        return self.report

    def _statuses_for(
        self, conn: Connection, listing: Listing, statuses: dict[str, L.ItemStatus]
    ) -> dict[str, L.ItemStatus]:
        """The statuses the listing is compared with: ``statuses`` (read before the push)
        with what the push recorded and the rows of the hrefs the server names; every row
        when the server listed everything."""
        if listing.full:
            return L.statuses(conn, self.calendar_id)
        if self.touched:
            statuses = L.refreshed(conn, self.calendar_id, statuses, self.touched)
        named = (listing.changed.keys() | listing.deleted) - {s.href for s in statuses.values()}
        if named:  # objects changed elsewhere
            statuses = {**statuses, **L.statuses_of(conn, self.calendar_id, hrefs=named)}
        return statuses

    def _save_rights(self, can_write: bool | None) -> None:
        with self.agenda.engine.begin() as conn:
            values: dict[str, Any] = {"rights_checked_utc": R.to_epoch(self._now)}
            if can_write is not None:
                values["can_write"] = int(can_write)
            conn.execute(
                update(sync_calendars)
                .where(sync_calendars.c.id == self.calendar_id)
                .values(**values)
            )

    def _known(self, statuses: dict[str, L.ItemStatus]) -> list[L.ItemStatus]:
        return [s for s in statuses.values() if not s.is_foreign and s.uid not in self.settled]

    def _check_agenda_not_emptied(self, conn: Connection) -> None:
        # Removing the one shared call is not a side "becoming empty".
        if self.force_delete or L.has_calls(conn, self.closer.id):
            return
        known = L.count_shared(conn, self.calendar_id)
        if known > 1:
            raise StorageEmptyError(self.closer.name, "agenda", known)

    def _check_server_not_emptied(
        self,
        conn: Connection,
        statuses: dict[str, L.ItemStatus],
        listing: Listing,
        deleted: frozenset[str],
    ) -> None:
        """Every call both sides shared is gone from the server, and nothing came instead
        (the calls this sync just pushed aside): a wiped or replaced calendar."""
        pushed = {s.href for s in statuses.values() if s.uid in self.settled}
        others = [h for h in listing.changed if h not in pushed]
        # Two shared calls at least must be gone for the calendar to look wiped.
        if self.force_delete or others or len(deleted) < 2:
            return
        if not listing.full:  # only the statuses this sync needed were read
            statuses = L.statuses(conn, self.calendar_id)
        known = self._known(statuses)
        if len(known) > 1 and all(s.href in deleted for s in known):
            raise StorageEmptyError(self.closer.name, "server", len(known))

    def _finish(self, conn: Connection, first: bool) -> None:
        # What both sides now agree on needs no comparing next time.
        settled = M.settle_marks(conn, self.calendar_id, self.closer.id)
        r = self.report
        # The marked calls are every call whose time, status or closer changed since the
        # flags were last refreshed (here, in the same transaction as the marks cleared):
        # only the flags around them can move. A call gone, marks not to be trusted, or a
        # first sync, and every call is swept again.
        around = settled.calls
        if first or r.full_compare or (around is not None and len(around) > L.REREAD_ALL):
            around = None
        changed = r.pushed or r.pulled or r.merged or r.held or r.appointments
        if around is None or around or changed:
            F.refresh_flags(conn, self.closer.id, around)
        counts: dict[str, int] = dict(
            conn.execute(
                select(sync_flags.c.flag, func.count())
                .join(appointments, appointments.c.id == sync_flags.c.appointment_id)
                .where(appointments.c.closer_id == self.closer.id)
                .group_by(sync_flags.c.flag)
            ).all()
        )
        self.report.rebook = int(counts.get(Flag.REBOOK.value, 0))
        self.report.overlaps = self.report.rebook + int(counts.get(Flag.OVERLAP.value, 0))
        self.report.conflicts = sorted(L.pending_conflicts(conn, self.calendar_id))
        conn.execute(
            update(sync_calendars)
            .where(sync_calendars.c.id == self.calendar_id)
            .values(last_sync_utc=R.to_epoch(self._now), last_error="")
        )

    # -- push ------------------------------------------------------------------------------
    def _ics(self, call: SyncedCall) -> str:
        return call_object(call, self.closer, now=self._now).decode()

    def _push(
        self,
        locals_: dict[str, L.LocalCall],
        statuses: dict[str, L.ItemStatus],
        conflicts: dict[str, Any],
        writable: bool,
        *,
        deletions: bool = True,
    ) -> None:
        todo: list[tuple[str, L.LocalCall | None, L.ItemStatus | None]] = []
        for uid, mine in locals_.items():
            held = statuses.get(uid)
            if uid in conflicts:
                continue
            if held is None or held.is_foreign or mine.hash != held.hash:
                todo.append((uid, mine, held))
        if deletions:
            for uid, held in statuses.items():
                if not held.is_foreign and uid not in locals_ and uid not in conflicts:
                    todo.append((uid, None, held))
        if not writable:
            self.report.held += len(todo)
            return
        for n, (uid, ours, agreed) in enumerate(todo):
            self.touched.add(uid)
            try:
                if ours is None:
                    assert agreed is not None
                    self._push_delete(agreed)
                elif agreed is None or agreed.is_foreign:
                    self._push_new(ours)
                else:
                    self._push_update(ours, agreed)
            except _StopPushing as stop:
                self.report.stopped = stop.problem
                self.report.held += len(todo) - n
                if stop.problem == RemoteProblem.FORBIDDEN:
                    self._save_rights(False)
                return
            self.settled.add(uid)

    def _write(self, what: Any) -> Any:
        """Run one write; a refusal that no retry fixes stops the pushing, not the sync."""
        try:
            return what()
        except RemoteError as error:
            if error.problem in (RemoteProblem.FORBIDDEN, RemoteProblem.FULL):
                raise _StopPushing(error.problem) from error
            raise

    def _record(self, uid: str, href: str, etag: str, agreed: SyncedCall) -> None:
        with self.agenda.engine.begin() as conn:
            L.record(conn, self.calendar_id, uid, href, etag, agreed)

    def _push_new(self, mine: L.LocalCall) -> None:
        try:
            href, etag = self._write(
                lambda: self.remote.create(mine.call.uid, self._ics(mine.call))
            )
        except Precondition as taken:
            # Already there: this agenda's earlier sync was cut off after its PUT, or the
            # server holds this UID from elsewhere. Look before writing.
            self._settle_with_server(mine, None, taken.href or self.remote.href_for(mine.call.uid))
            return
        self._record(mine.call.uid, href, etag, mine.call)
        self.report.pushed += 1

    def _push_update(self, mine: L.LocalCall, held: L.ItemStatus) -> None:
        if not held.etag:  # the server gave no ETag last time: If-Match cannot name a version
            self._settle_with_server(mine, held, held.href)
            return
        try:
            etag = self._write(
                lambda: self.remote.update(held.href, self._ics(mine.call), held.etag)
            )
        except Precondition:
            self._settle_with_server(mine, held, held.href)
            return
        except Gone:
            # Removed on the server, changed here: a change beats a delete.
            with self.agenda.engine.begin() as conn:
                L.forget(conn, self.calendar_id, held.uid)
            self._push_new(mine)
            return
        self._record(mine.call.uid, held.href, etag, mine.call)
        self.report.pushed += 1

    def _push_delete(self, held: L.ItemStatus) -> None:
        try:
            self._write(lambda: self.remote.delete(held.href, held.etag))
        except Gone:
            pass
        except Precondition:
            # Changed on the server after this agenda removed it: a change beats a delete,
            # the call comes back.
            try:
                etag, data = self.remote.get(held.href)
            except Gone:
                pass
            else:
                theirs = read_object(data)
                if isinstance(theirs, SyncedCall):
                    with self.agenda.engine.begin() as conn:
                        self._take_theirs(conn, theirs, None, held.href, etag)
                    return
        else:
            self.report.pushed += 1
        with self.agenda.engine.begin() as conn:
            L.forget(conn, self.calendar_id, held.uid)

    def _settle_with_server(self, mine: L.LocalCall, held: L.ItemStatus | None, href: str) -> None:
        """The server's copy differs from what this agenda last agreed on: fetch it, and
        record, merge or keep a conflict (again, a few times, if it keeps changing)."""
        current = mine
        uid = mine.call.uid
        for _ in range(_MERGE_ATTEMPTS):
            try:
                etag, data = self.remote.get(href)
            except Gone:
                if held is not None:
                    with self.agenda.engine.begin() as conn:
                        L.forget(conn, self.calendar_id, uid)
                    held = None
                try:
                    made = self._write(lambda c=current: self.remote.create(uid, self._ics(c.call)))
                except Precondition:
                    continue
                self._record(uid, made[0], made[1], current.call)
                self.report.pushed += 1
                return
            theirs = read_object(data)
            if not isinstance(theirs, SyncedCall) or theirs.uid != uid:
                # Unreadable, or not a call: this agenda's version stands.
                self._refuse(theirs, href)
                try:
                    new_etag = self._write(
                        lambda e=etag, c=current: self.remote.update(href, self._ics(c.call), e)
                    )
                except (Precondition, Gone):
                    continue
                self._record(uid, href, new_etag, current.call)
                self.report.pushed += 1
                return
            again = self._reconcile(current, held, theirs, href, etag)
            if again is None:
                return
            # The server changed it once more: merge again, against its version now agreed.
            current = again
            held = L.ItemStatus.agreed(uid, href, etag, theirs)

    def _reconcile(
        self,
        mine: L.LocalCall,
        held: L.ItemStatus | None,
        theirs: SyncedCall,
        href: str,
        etag: str,
    ) -> L.LocalCall | None:
        """Agree with the server's version ``theirs`` (at ``etag``); a new local version to
        push again when the server changed once more meanwhile, else None."""
        if content_hash(theirs) == mine.hash:
            self._record(mine.call.uid, href, etag, theirs)
            return None
        result = merge(self._base(held), mine.call, theirs)
        now = R.to_epoch(self._now)
        if result.conflicts:
            with self.agenda.engine.begin() as conn:
                if result.from_theirs:
                    L.apply_call(conn, self.closer.id, result.merged, mine, now)
                    self.report.appointments.add(mine.id)
                L.save_conflict(conn, self.calendar_id, theirs, result.conflicts, href, etag, now)
            return None
        with self.agenda.engine.begin() as conn:
            L.apply_call(conn, self.closer.id, result.merged, mine, now)
            # Until the merged version is on the server, the agreed one is the server's.
            L.record(conn, self.calendar_id, theirs.uid, href, etag, theirs)
        self.report.appointments.add(mine.id)
        merged = L.LocalCall.of(mine.id, result.merged)
        try:
            new_etag = self._write(lambda: self.remote.update(href, self._ics(result.merged), etag))
        except (Precondition, Gone):
            return merged
        self._record(theirs.uid, href, new_etag, result.merged)
        self.report.merged += 1
        return None

    def _base(self, held: L.ItemStatus | None, conn: Connection | None = None) -> SyncedCall | None:
        if conn is not None:
            return L.base_of(conn, self.calendar_id, held)
        with self.agenda.engine.connect() as own:
            return L.base_of(own, self.calendar_id, held)

    def _refuse(self, item: SyncedCall | Foreign | Unreadable, href: str) -> None:
        if isinstance(item, Unreadable):
            self.report.refused.append(Refusal(item.uid, href, item.code, item.detail))
        elif isinstance(item, Foreign):
            self.report.refused.append(Refusal(item.uid, href, "not_a_call"))

    # -- pull ------------------------------------------------------------------------------
    def _pull(self, fetch: list[str], deleted: frozenset[str], token: str) -> None:
        # Fetched and read before the transaction: the agenda file is not locked while the
        # network is slow; nothing is written until everything is in.
        fetched = [(h, e, read_object(d)) for h, e, d in self.remote.fetch(fetch)] if fetch else []
        now = R.to_epoch(self._now)
        with self.agenda.engine.begin() as conn:
            if not fetched and not deleted:
                self._save_token(conn, token)
                return
            # Only the statuses and calls these objects name (by UID or href) are read.
            statuses = L.statuses_of(
                conn,
                self.calendar_id,
                uids={item.uid or href for href, _e, item in fetched},
                hrefs={href for href, _e, _i in fetched} | deleted,
            )
            locals_ = L.local_calls(
                conn,
                self.closer.id,
                {item.uid for _h, _e, item in fetched if item.uid} | statuses.keys(),
            )
            conflicts = L.pending_conflicts(conn, self.calendar_id)
            by_href = {s.href: s for s in statuses.values()}
            for href, etag, item in fetched:
                self._apply_one(conn, href, etag, item, locals_, statuses, by_href, conflicts, now)
            for href in deleted:
                self._apply_delete(conn, by_href.get(href), locals_, conflicts)
            self._save_token(conn, token)

    def _save_token(self, conn: Connection, token: str) -> None:
        conn.execute(
            update(sync_calendars)
            .where(sync_calendars.c.id == self.calendar_id)
            .values(sync_token=token)
        )

    def _apply_one(
        self,
        conn: Connection,
        href: str,
        etag: str,
        theirs: SyncedCall | Foreign | Unreadable,
        locals_: dict[str, L.LocalCall],
        statuses: dict[str, L.ItemStatus],
        by_href: dict[str, L.ItemStatus],
        conflicts: dict[str, Any],
        now: int,
    ) -> None:
        known = by_href.get(href)
        if not isinstance(theirs, SyncedCall):
            if isinstance(theirs, Unreadable):
                self._refuse(theirs, href)
            if known is not None and not known.is_foreign:
                # An unreadable version of a call: this agenda's stands, and its next change
                # replaces the server's text (If-Match on this ETag).
                L.set_etag(conn, self.calendar_id, known.uid, etag)
                return
            self.report.foreign += isinstance(theirs, Foreign)
            L.record(conn, self.calendar_id, theirs.uid or href, href, etag, None)
            return
        uid = theirs.uid
        if uid in self.settled:
            return
        held = statuses.get(uid)
        if held is not None and held.href != href:
            self._refuse(Unreadable(uid, "duplicate_uid", href), href)
            return
        mine = locals_.get(uid)
        if uid in conflicts:
            self._conflict_again(conn, mine, held, theirs, href, etag, now)
            return
        if held is not None and content_hash(theirs) == held.hash:
            L.set_etag(conn, self.calendar_id, uid, etag)
            return
        if mine is None or (held is not None and mine.hash == held.hash):
            self._take_theirs(conn, theirs, mine, href, etag)
            return
        if held is None and mine.hash == content_hash(theirs):
            L.record(conn, self.calendar_id, uid, href, etag, theirs)
            return
        # Changed on both sides (this agenda could not push: read-only, full, or never agreed).
        if self._merge_in(conn, mine, held, theirs, href, etag, now):
            self.report.merged += 1

    def _merge_in(
        self,
        conn: Connection,
        mine: L.LocalCall,
        held: L.ItemStatus | None,
        theirs: SyncedCall,
        href: str,
        etag: str,
        now: int,
    ) -> bool:
        """Merge the server's version into the agenda's; True when nothing conflicts (the
        merged version is then pushed by this sync), False when a conflict now waits."""
        result = merge(self._base(held, conn), mine.call, theirs)
        if result.from_theirs:
            L.apply_call(conn, self.closer.id, result.merged, mine, now)
            self.report.appointments.add(mine.id)
        if result.conflicts:
            L.save_conflict(conn, self.calendar_id, theirs, result.conflicts, href, etag, now)
            return False
        L.record(conn, self.calendar_id, theirs.uid, href, etag, theirs)
        self.again.add(theirs.uid)
        return True

    def _take_theirs(
        self,
        conn: Connection,
        theirs: SyncedCall,
        mine: L.LocalCall | None,
        href: str,
        etag: str,
    ) -> None:
        appointment_id = L.apply_call(conn, self.closer.id, theirs, mine, R.to_epoch(self._now))
        L.record(conn, self.calendar_id, theirs.uid, href, etag, theirs)
        self.report.appointments.add(appointment_id)
        self.report.pulled += 1

    def _conflict_again(
        self,
        conn: Connection,
        mine: L.LocalCall | None,
        held: L.ItemStatus | None,
        theirs: SyncedCall,
        href: str,
        etag: str,
        now: int,
    ) -> None:
        """The server changed a call waiting for a choice: compare again."""
        if mine is None:
            self._take_theirs(conn, theirs, None, href, etag)
            L.drop_conflict(conn, self.calendar_id, theirs.uid)
            return
        if content_hash(theirs) == mine.hash:  # both sides now agree: nothing to choose
            L.record(conn, self.calendar_id, theirs.uid, href, etag, theirs)
            L.drop_conflict(conn, self.calendar_id, theirs.uid)
            return
        if self._merge_in(conn, mine, held, theirs, href, etag, now):
            L.drop_conflict(conn, self.calendar_id, theirs.uid)

    def _apply_delete(
        self,
        conn: Connection,
        held: L.ItemStatus | None,
        locals_: dict[str, L.LocalCall],
        conflicts: dict[str, Any],
    ) -> None:
        if held is None or held.uid in self.settled:
            return
        L.forget(conn, self.calendar_id, held.uid)
        mine = locals_.get(held.uid)
        if held.is_foreign or mine is None:
            return
        if held.uid in conflicts or mine.hash != held.hash:
            # Changed here, removed there: a change beats a delete.
            L.drop_conflict(conn, self.calendar_id, held.uid)
            self.again.add(held.uid)
            return
        if not L.remove_call(conn, mine):
            self.again.add(held.uid)  # kept (it holds private notes), cancelled: share that
            self.report.appointments.add(mine.id)
        self.report.pulled += 1
