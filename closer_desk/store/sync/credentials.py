"""Where a CalDAV account's calendar is and how its password is found.

Apart from ``api`` so that subscriptions (which ``api`` refreshes) can check an address and
find a password without importing it. Passwords go through ``store.secrets``, the module the
mail accounts use: the system keyring when it is safe, else ``CLOSER_DESK_SYNC_PASSWORD``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from closer_desk.core.sync.errors import MissingPasswordError, SyncRefusedError
from closer_desk.store import secrets

#: Read at each sync where no safe keyring holds the password.
ENV_PASSWORD = "CLOSER_DESK_SYNC_PASSWORD"
#: The keyring service is ``closer_desk:caldav``.
PURPOSE = "caldav"
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def check_url(url: str) -> str:
    """A calendar URL: ``https://`` with a host, or ``http://`` to this machine only (a
    password must not cross a network in clear)."""
    text = url.strip()
    shown = text if len(text) <= 100 else text[:99] + "…"  # an error names it, cut short
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError as error:
        raise SyncRefusedError("bad_url", shown) from error
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in text) or len(text) > 2000:
        raise SyncRefusedError("bad_url", shown)
    # Any other scheme (file:, ftp:, a bare path) gets the same reason as http://: https://
    # is what the user must type.
    if parts.scheme not in ("https", "http"):
        raise SyncRefusedError("not_https", shown)
    if not host:
        raise SyncRefusedError("bad_url", shown)
    if parts.scheme == "https" or host in _LOOPBACK:
        return text
    raise SyncRefusedError("not_https", shown)


def account_key(username: str, url: str) -> str:
    """The keyring's account name of a CalDAV login."""
    return f"{username}@{url}"


def password_for(username: str, url: str, given: str | None = None) -> str | None:
    """The password of an account: ``given``, else the keyring's, else
    ``$CLOSER_DESK_SYNC_PASSWORD``; None for a server without authentication."""
    if not username:
        return None
    if given:
        return given
    found = secrets.load_secret(
        PURPOSE, account_key(username, url), where=secrets.Where.KEYRING, env=ENV_PASSWORD
    )
    if found is None:
        raise MissingPasswordError(username, ENV_PASSWORD, secrets.check_keyring().safe)
    return found
