"""Passwords of CalDAV accounts: in the system keyring, never in the agenda file.

The same shape as the mail accounts' module (issue 14), to be folded into one:

- ``check_keyring()``: is the system keyring safe to hold a password?
- ``save_secret(purpose, account, secret)``: stores it there when it is; says where it went;
- ``load_secret(purpose, account, env=...)``: reads it back when it is needed, from the
  keyring, or from the environment variable ``env`` when no safe keyring holds it;
- ``forget_secret(purpose, account)``: removes it.

Safe: a backend that keeps secrets encrypted under the user's session and is the platform's
own (Secret Service, KWallet, macOS Keychain, Windows Credential Locker). Plaintext files, the
null and fail backends and unknown ones are not. ``keyring`` is imported inside the functions
(it costs the CLI's start-up ~50 ms).
"""

from __future__ import annotations

import contextlib
import enum
import os
from dataclasses import dataclass
from typing import Any

#: Keyring service names are ``closer_desk:<purpose>`` (``caldav``, ``mail``...).
SERVICE = "closer_desk"
_SAFE_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)


class Where(enum.StrEnum):
    """Where a password is read from when it is needed."""

    KEYRING = "keyring"
    ENV = "env"


@dataclass(frozen=True, slots=True)
class KeyringCheck:
    """What the system keyring is: ``safe`` to hold passwords, and its ``backend`` name."""

    safe: bool
    backend: str


def _backends(found: Any) -> list[Any]:
    inner = getattr(found, "backends", None)
    return list(inner) if inner else [found]


def check_keyring() -> KeyringCheck:
    """Whether passwords may go to the system keyring (detected again on each call: a keyring
    unlocked after the window started counts)."""
    import keyring

    found = keyring.get_keyring()
    safe = any(type(b).__module__.startswith(_SAFE_MODULES) for b in _backends(found))
    return KeyringCheck(safe=safe, backend=type(found).__name__)


def _service(purpose: str) -> str:
    return f"{SERVICE}:{purpose}"


def save_secret(purpose: str, account: str, secret: str) -> Where:
    """Store ``secret`` in the keyring when it is safe (``KEYRING``); otherwise store nothing
    and say the password will be read from the environment (``ENV``)."""
    if not check_keyring().safe:
        return Where.ENV
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(_service(purpose), account, secret)
    except KeyringError:
        return Where.ENV  # a safe backend that refused (locked, no session bus)
    return Where.KEYRING


def load_secret(purpose: str, account: str, *, env: str) -> str | None:
    """The password of ``account``: the keyring's when it holds one, else ``$env``'s, else
    None."""
    if check_keyring().safe:
        import keyring
        from keyring.errors import KeyringError

        try:
            found = keyring.get_password(_service(purpose), account)
        except KeyringError:
            found = None
        if found is not None:
            return found
    return os.environ.get(env) or None


def forget_secret(purpose: str, account: str) -> None:
    """Remove the password of ``account`` from the keyring (nothing when it holds none)."""
    if not check_keyring().safe:
        return
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(_service(purpose), account)
