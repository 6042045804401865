"""One CalDAV calendar, through the ``caldav`` library (3.x): the few requests a sync needs.

Writes are conditional: ``If-None-Match: *`` for a new call (``add_event(no_overwrite=True)``)
and ``If-Match`` with the ETag of the agreed version for an update or a delete, so that a
change someone else made in between is answered with 412 (``Precondition``) instead of being
overwritten. Reads are one sync-collection REPORT (RFC 6578) for what changed and
calendar-multiget REPORTs for the data, never one GET per object.

Every failure of the network, the server or its answer becomes a ``RemoteError`` naming the
problem. ``caldav`` and its HTTP stack are imported here only, and this module only when a
sync runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar
from urllib.parse import quote, unquote, urlsplit
from xml.sax.saxutils import escape

from caldav.calendarobjectresource import Event
from caldav.collection import Calendar
from caldav.davclient import DAVClient
from caldav.elements import cdav, dav
from caldav.lib import error as caldav_error
from lxml import etree

from closer_desk.core.sync.errors import RemoteError, RemoteProblem

_T = TypeVar("_T")
#: calendar-multiget batch: keeps each answer a few hundred kB.
MULTIGET_BATCH = 200
# "bind" is the right to add members: enough to book a new call.
_WRITE_PRIVILEGES = frozenset({"write", "write-content", "bind", "all"})
# Our hrefs are the call's UID: an object at another href with the same UID can only be one a
# client copied, and the library's UID search before each new object is one REPORT per call
# (a scan of the whole calendar on Radicale). If-None-Match: * on our own href is the guard.
_FEATURES = {"save.no-uid-conflict": {"support": "full"}}


class Precondition(Exception):
    """412: the object changed (If-Match) or exists already (If-None-Match) on the server.

    Attributes:
        href: the object's href, when the request named one.
    """

    def __init__(self, detail: str, href: str = "") -> None:
        super().__init__(detail)
        self.href = href


class Gone(Exception):
    """404: the object is not (or no longer) on the server."""


@dataclass(frozen=True, slots=True)
class Rights:
    """What the account may do with the calendar: ``can_write`` is None when the server does
    not say (the first write will tell)."""

    is_calendar: bool
    can_write: bool | None
    name: str = ""


@dataclass(frozen=True, slots=True)
class Listing:
    """What changed on the server since a sync token.

    Attributes:
        changed: href -> ETag of every object added or changed (every object when ``full``).
        deleted: hrefs of objects removed (empty when ``full``: compare with the status).
        token: the token to send next time.
        full: the server listed everything (first sync, or it no longer knew the token).
    """

    changed: dict[str, str]
    deleted: frozenset[str]
    token: str
    full: bool


def status_problem(status: int | None) -> RemoteProblem:
    if status == 401:
        return RemoteProblem.UNAUTHORIZED
    if status == 403:
        return RemoteProblem.FORBIDDEN
    if status == 404:
        return RemoteProblem.NOT_FOUND
    if status in (413, 507):
        return RemoteProblem.FULL
    if status is not None and status >= 500:
        return RemoteProblem.SERVER_ERROR
    return RemoteProblem.BAD_RESPONSE


def _problem(exc: BaseException) -> tuple[RemoteProblem, int | None]:
    import niquests

    if isinstance(exc, niquests.exceptions.ConnectTimeout):
        return RemoteProblem.UNREACHABLE, None
    if isinstance(exc, niquests.exceptions.Timeout):
        return RemoteProblem.TIMEOUT, None
    if isinstance(exc, caldav_error.DAVError):
        return status_problem(exc.status), exc.status
    if isinstance(exc, OSError):  # niquests' RequestException is one too
        return RemoteProblem.UNREACHABLE, None
    return RemoteProblem.BAD_RESPONSE, None


def href_of(url: Any) -> str:
    """The path of a URL, unquoted: one spelling for an object whatever the server quotes."""
    return unquote(urlsplit(str(url)).path)


class Remote:
    """One calendar on a CalDAV server.

    Attributes:
        url: the calendar's URL, as set up.
    """

    def __init__(
        self, url: str, username: str = "", password: str | None = None, *, timeout: float = 30
    ) -> None:
        self.url = url if url.endswith("/") else url + "/"
        # Any: the library types every call as "result or coroutine" (its async twin).
        self._client: Any = DAVClient(
            url=self.url,
            username=username or None,
            password=password,
            timeout=timeout,  # type: ignore[arg-type]  # niquests takes a float
            features=_FEATURES,
            enable_rfc6764=False,
        )
        self._calendar: Any = Calendar(client=self._client, url=self.url)

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def __enter__(self) -> Remote:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _call(self, what: Callable[[], _T], url: str | None = None) -> _T:
        try:
            return what()
        except (Precondition, Gone):
            raise
        except (caldav_error.ETagMismatchError, caldav_error.ConsistencyError) as exc:
            raise Precondition(str(exc)) from exc
        except caldav_error.NotFoundError as exc:
            raise Gone(str(exc)) from exc
        except Exception as exc:  # the network, the library's parsing, the server
            problem, status = _problem(exc)
            if status == 412:
                raise Precondition(str(exc)) from exc
            if status == 404 and url is not None:
                raise Gone(str(exc)) from exc
            raise RemoteError(problem, url or self.url, status, str(exc)) from exc

    def _object_url(self, href: str) -> Any:
        return self._calendar.url.join(quote(href, safe="/@:"))

    # -- the calendar --------------------------------------------------------------------
    def rights(self) -> Rights:
        """Whether the URL is a calendar and whether this account may write to it, from the
        server's DAV:current-user-privilege-set (RFC 3744)."""
        wanted = [dav.ResourceType(), dav.CurrentUserPrivilegeSet(), dav.DisplayName()]
        body = dav.Propfind() + (dav.Prop() + wanted)
        xml = etree.tostring(body.xmlelement(), encoding="utf-8", xml_declaration=True)
        response = self._call(lambda: self._client.propfind(self.url, xml.decode(), depth=0))
        if response.status == 404:
            raise RemoteError(RemoteProblem.NOT_FOUND, self.url, 404)
        if response.status >= 400:
            raise RemoteError(status_problem(response.status), self.url, response.status)
        tree = response.tree
        if tree is None:
            raise RemoteError(RemoteProblem.BAD_RESPONSE, self.url, response.status, "no XML")
        if tree.find(f".//{dav.PropStat.tag}") is None and " 404" in (
            tree.findtext(f".//{dav.Response.tag}/{dav.Status.tag}") or ""
        ):
            # A 207 whose one response says 404 (Xandikos): nothing there.
            raise RemoteError(RemoteProblem.NOT_FOUND, self.url, 404)
        is_calendar = tree.find(f".//{dav.ResourceType.tag}/{cdav.Calendar.tag}") is not None
        privileges = tree.find(f".//{dav.CurrentUserPrivilegeSet.tag}")
        can_write: bool | None = None
        if privileges is not None:
            names = {
                etree.QName(child).localname
                for privilege in privileges
                for child in privilege
                if isinstance(child.tag, str)
            }
            can_write = bool(names & _WRITE_PRIVILEGES)
        name = tree.findtext(f".//{dav.DisplayName.tag}") or ""
        return Rights(is_calendar=is_calendar, can_write=can_write, name=name)

    def create_calendar(self, name: str) -> None:
        """MKCALENDAR at the URL (and MKCOL of its parent once, when the server says it is
        missing: a fresh Radicale account)."""
        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
            f"<D:set><D:prop><D:displayname>{escape(name)}</D:displayname></D:prop></D:set>"
            "</C:mkcalendar>"
        )
        response = self._call(lambda: self._client.mkcalendar(self.url, body))
        if response.status == 409:
            parent = self.url.rstrip("/").rsplit("/", 1)[0] + "/"
            made = self._call(lambda: self._client.mkcol(parent, ""), parent)
            if made.status >= 400:
                raise RemoteError(status_problem(made.status), parent, made.status)
            response = self._call(lambda: self._client.mkcalendar(self.url, body))
        if response.status >= 400:
            raise RemoteError(status_problem(response.status), self.url, response.status)

    # -- reading -------------------------------------------------------------------------
    def changes(self, token: str) -> Listing:
        """What changed since ``token`` ("" for everything), by sync-collection; a server
        without it (or that forgot the token) lists everything."""
        found = self._call(
            lambda: self._calendar.get_objects_by_sync_token(token or None, load_objects=False)
        )
        changed = {href_of(obj.url): obj.etag or "" for obj in found}
        deleted = frozenset(href_of(u) for u in getattr(found, "deleted_urls", ()) or ())
        new_token = str(found.sync_token or "")
        for href in deleted:
            changed.pop(href, None)
        # The library answers a token the server forgot (or a server without sync-collection)
        # with every object and a "fake-" token of its own; kept, that token would make it
        # skip sync-collection for good, so the next sync asks afresh.
        emulated = new_token.startswith("fake-")
        return Listing(
            changed=changed,
            deleted=frozenset() if emulated else deleted,
            token="" if emulated else new_token,
            full=not token or emulated,
        )

    def fetch(self, hrefs: Sequence[str]) -> Iterator[tuple[str, str, str]]:
        """(href, ETag, calendar data) of each object still there, by calendar-multiget in
        batches."""
        for i in range(0, len(hrefs), MULTIGET_BATCH):
            urls = [self._object_url(h) for h in hrefs[i : i + MULTIGET_BATCH]]
            found: Any = self._call(partial(self._calendar.multiget, urls))
            for obj in found:
                data = obj.data
                if data:
                    yield href_of(obj.url), obj.etag or "", str(data)

    def get(self, href: str) -> tuple[str, str]:
        """(ETag, data) of one object; ``Gone`` when it is not there."""
        for found_href, etag, data in self.fetch([href]):
            if found_href == href:
                return etag, data
        raise Gone(href)

    # -- writing -------------------------------------------------------------------------
    def create(self, uid: str, data: str) -> tuple[str, str]:
        """Store a new object (``If-None-Match: *``); (href, ETag). ``Precondition`` when an
        object is already there."""
        try:
            created = self._call(
                lambda: self._calendar.add_event(data, no_overwrite=True, increase_seqno=False)
            )
        except Precondition as exc:
            raise Precondition(str(exc), self.href_for(uid)) from exc
        return href_of(created.url), created.etag or ""

    def href_for(self, uid: str) -> str:
        """The href the library names a new object by: its UID, quoted, plus ``.ics``."""
        return href_of(self._calendar.url.join(quote(uid.replace("/", "%2F")) + ".ics"))

    def update(self, href: str, data: str, etag: str) -> str:
        """Replace the object at ``href`` if it is still the version ``etag`` names
        (``If-Match``); its new ETag. ``Precondition`` when it changed, ``Gone`` when it was
        removed."""
        url = self._object_url(href)
        event = Event(
            client=self._client, url=url, parent=self._calendar, props={dav.GetEtag.tag: etag}
        )
        # Our own text as it is (raw): the library would parse it again and write it anew.
        raw = data.encode("utf-8")
        self._call(
            lambda: event.save(raw_data=raw, increase_seqno=False, precondition="etag"), str(url)
        )
        return event.etag or ""

    def delete(self, href: str, etag: str) -> None:
        """Remove the object at ``href`` if it is still the version ``etag`` names."""
        url = self._object_url(href)
        event = Event(client=self._client, url=url, parent=self._calendar)
        self._call(lambda: event.delete(if_match=etag), str(url))
