"""Passwords (mail accounts, CalDAV servers): in the system keyring, never in the agenda file.

One small API for every part of closer_desk that logs in somewhere:

- ``check_keyring()`` says whether the system keyring is safe to hold a password;
- ``save_secret(purpose, account, secret)`` stores it there when it is, and says where it went;
- ``load_secret(purpose, account, where=..., env=...)`` reads it back at the moment it is
  needed: from the keyring, or from the environment variable ``env`` when the keyring is not
  safe or fails (the password then lives only in that process's environment);
- ``forget_secret(purpose, account)`` removes it.

What counts as safe: a backend that keeps secrets encrypted under the user's session and is
the platform's own — the Secret Service (GNOME Keyring, KeePassXC) or KWallet on Linux, the
macOS Keychain, the Windows Credential Locker. Everything else is not: keyrings.alt's
plaintext file, its "encrypted" file (its master password is asked at a prompt no CLI run by
a timer can answer), the null and fail backends, and backends closer_desk does not know.

The keyring backend is detected again on each call (``PYTHON_KEYRING_BACKEND`` and
``keyringrc.cfg`` are honoured, as ``keyring`` documents): a window open for days sees a
keyring that was unlocked after it started. ``keyring`` is imported inside the functions.
"""

from __future__ import annotations

import contextlib
import enum
import os
from dataclasses import dataclass
from typing import Any

#: The keyring's service names are ``closer_desk:<purpose>`` (``mail``, ``caldav``...).
SERVICE = "closer_desk"

_SAFE_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)


class Where(enum.StrEnum):
    """Where a password is read from at the moment it is needed."""

    KEYRING = "keyring"
    ENV = "env"


class Unsafe(enum.StrEnum):
    """Why the keyring does not hold passwords."""

    PLAINTEXT = "plaintext"  # a file anyone who reads the disk reads (keyrings.alt)
    NO_KEYRING = "no_keyring"  # no backend at all (null, fail)
    UNKNOWN = "unknown"  # a backend closer_desk does not know to be safe
    FAILED = "failed"  # a safe backend that refused (locked, no D-Bus session...)


@dataclass(frozen=True, slots=True)
class KeyringCheck:
    """What the system keyring is.

    Attributes:
        safe: True when passwords may be stored there.
        backend: the backend's name (``SecretService Keyring``, ``PlaintextKeyring``...).
        unsafe: why not, when not safe.
        detail: the backend's own words when it failed.
    """

    safe: bool
    backend: str
    unsafe: Unsafe | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Saved:
    """Where ``save_secret`` put a password: ``KEYRING``, or ``ENV`` (not stored: read from
    the environment at the moment it is needed), with the check that decided it."""

    where: Where
    check: KeyringCheck


def _backend() -> Any:
    import keyring
    import keyring.backend
    import keyring.core
    from keyring.backends.chainer import ChainerBackend

    # keyring detects the viable backends once per process (jaraco.functools.once); the
    # cached answer is dropped so that a keyring started or unlocked later is seen.
    with contextlib.suppress(AttributeError):
        del keyring.backend.get_all_keyring.saved_result
    keyring.core.init_backend()
    ring = keyring.get_keyring()
    if isinstance(ring, ChainerBackend):
        # The chainer writes to the first backend that takes the password: that one decides.
        chained = list(ring.backends)
        if not chained:
            from keyring.backends import fail

            return fail.Keyring()  # type: ignore[no-untyped-call]
        return chained[0]
    return ring


def _name(ring: Any) -> str:
    return str(getattr(ring, "name", "") or type(ring).__name__)


def _check(ring: Any) -> KeyringCheck:
    module = type(ring).__module__
    name = _name(ring)
    if module.startswith(_SAFE_MODULES):
        return KeyringCheck(True, name)
    if module.startswith("keyrings.alt"):
        return KeyringCheck(False, name, Unsafe.PLAINTEXT)
    if module in ("keyring.backends.null", "keyring.backends.fail"):
        return KeyringCheck(False, name, Unsafe.NO_KEYRING)
    return KeyringCheck(False, name, Unsafe.UNKNOWN)


def check_keyring() -> KeyringCheck:
    """Whether the system keyring is safe to hold passwords, and which one it is."""
    try:
        return _check(_backend())
    except Exception as error:  # keyring raises its own and D-Bus errors alike
        return KeyringCheck(False, "", Unsafe.FAILED, str(error)[:200])


def save_secret(purpose: str, account: str, secret: str) -> Saved:
    """Store ``secret`` for ``account`` in the keyring when it is safe; otherwise store
    nothing and answer ``ENV`` (the caller reads it from the environment at use)."""
    try:
        ring = _backend()
        check = _check(ring)
        if not check.safe:
            return Saved(Where.ENV, check)
        ring.set_password(f"{SERVICE}:{purpose}", account, secret)
    except Exception as error:  # a locked collection, no D-Bus session, a dismissed prompt
        return Saved(Where.ENV, KeyringCheck(False, "", Unsafe.FAILED, str(error)[:200]))
    return Saved(Where.KEYRING, check)


def load_secret(purpose: str, account: str, *, where: Where | str, env: str) -> str | None:
    """The secret of ``account``: from the keyring when it was stored there, else (or when
    the keyring cannot give it now) from the environment variable ``env``; None if neither
    has it."""
    if Where(where) == Where.KEYRING:
        try:
            found = _backend().get_password(f"{SERVICE}:{purpose}", account)
        except Exception:  # a keyring that went away: the environment may still have it
            found = None
        if found is not None:
            return str(found)
    return os.environ.get(env) or None


def forget_secret(purpose: str, account: str) -> None:
    """Remove the secret of ``account`` from the keyring (nothing when there is none)."""
    try:
        ring = _backend()
        if _check(ring).safe:
            ring.delete_password(f"{SERVICE}:{purpose}", account)
    except Exception:  # already gone, or the keyring is not there: nothing to remove
        return
