"""Closers' mail accounts, reminders per company, and the remembered "send the update?"
choice: the settings side of sending invites by e-mail."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, update

from closer_desk.core.errors import NotFoundError, ValidationError
from closer_desk.core.mail.account import (
    IMAP_PORTS,
    SMTP_PORTS,
    MailAccount,
    Security,
    parse_server,
)
from closer_desk.core.mail.message import mail_address
from closer_desk.store import secrets
from closer_desk.store.schema import closers, mail_accounts, mail_reminders, settings
from closer_desk.store.sql import driver

if TYPE_CHECKING:
    from closer_desk.store.agenda import Agenda
    from closer_desk.store.directory import Key

#: The keyring purpose of mail passwords (``closer_desk:mail``).
SECRET_PURPOSE = "mail"


@dataclass(frozen=True, slots=True)
class AccountSetup:
    """What ``set_account`` did: the account, and where its password went (``saved`` is
    None when no password was given)."""

    account: MailAccount
    saved: secrets.Saved | None


def _account_from_row(row: Any) -> MailAccount:
    return MailAccount(
        closer_id=row.closer_id,
        address=row.address,
        smtp_host=row.smtp_host,
        smtp_port=row.smtp_port,
        security=Security(row.security),
        username=row.username,
        password=row.password,
        imap_host=row.imap_host,
        imap_port=row.imap_port,
    )


def set_account(
    agenda: Agenda,
    closer: Key,
    *,
    address: str,
    smtp: str,
    security: Security | str = Security.STARTTLS,
    username: str = "",
    imap: str = "",
    password: str | None = None,
) -> AccountSetup:
    """Create or replace the mail account of ``closer``.

    With a ``username``, ``password`` goes to the system keyring when it is safe; otherwise
    nothing is stored and the password is read from ``CLOSER_DESK_MAIL_PASSWORD`` at send
    time (``AccountSetup.saved`` says which). Without a username there is no login (a local
    relay). The keyring is written only after every value is checked.
    """
    mode = Security(security) if str(security) in set(Security) else None
    if mode is None:
        raise ValidationError("security", "bad_choice", security)
    sender = mail_address(address, "from")
    smtp_host, smtp_port = parse_server(smtp, SMTP_PORTS[mode], "smtp")
    imap_host, imap_port = parse_server(imap, IMAP_PORTS[mode], "imap") if imap else ("", 0)
    login = username.strip()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in login) or len(login) > 254:
        raise ValidationError("user", "bad_user", username)
    with agenda.file.reading() as db:
        closer_id = agenda._resolve_id(db, "closers", "closer", closer)
    account = MailAccount(
        closer_id, sender, smtp_host, smtp_port, mode, login, "", imap_host, imap_port
    )
    saved = None
    where = ""
    if login:
        if password:
            saved = secrets.save_secret(SECRET_PURPOSE, account.secret_account, password)
            where = saved.where.value
        else:
            where = secrets.Where.ENV.value
            check = secrets.check_keyring()
            if check.safe and secrets.load_secret(
                SECRET_PURPOSE, account.secret_account, where=secrets.Where.KEYRING, env=""
            ):
                where = secrets.Where.KEYRING.value  # kept from an earlier setup
            saved = secrets.Saved(secrets.Where(where), check)
    values = {
        "address": sender,
        "smtp_host": smtp_host,
        "smtp_port": smtp_port,
        "security": mode.value,
        "username": login,
        "password": where,
        "imap_host": imap_host,
        "imap_port": imap_port,
    }
    with agenda.engine.begin() as conn:
        exists = conn.execute(
            select(mail_accounts.c.closer_id).where(mail_accounts.c.closer_id == closer_id)
        ).first()
        if exists:
            conn.execute(
                update(mail_accounts).where(mail_accounts.c.closer_id == closer_id).values(**values)
            )
        else:
            conn.execute(insert(mail_accounts).values(closer_id=closer_id, **values))
    return AccountSetup(mail_account(agenda, closer_id), saved)


def mail_account(agenda: Agenda, closer: Key) -> MailAccount:
    """The mail account of ``closer`` (``NotFoundError("mail account", name)`` if none)."""
    with agenda.engine.connect() as conn:
        closer_id = agenda._resolve_id(driver(conn), "closers", "closer", closer)
        row = conn.execute(
            select(mail_accounts).where(mail_accounts.c.closer_id == closer_id)
        ).first()
        if row is None:
            name = conn.execute(select(closers.c.name).where(closers.c.id == closer_id)).scalar()
            raise NotFoundError("mail account", name)
    return _account_from_row(row)


def mail_accounts_all(agenda: Agenda) -> list[MailAccount]:
    """Every closer's mail account."""
    with agenda.engine.connect() as conn:
        rows = conn.execute(select(mail_accounts).order_by(mail_accounts.c.closer_id)).all()
    return [_account_from_row(r) for r in rows]


def account_password(account: MailAccount) -> str | None:
    """The account's password now: from the keyring, else ``CLOSER_DESK_MAIL_PASSWORD``;
    None when neither has it (or the account needs none)."""
    from closer_desk.core.mail.account import PASSWORD_ENV

    if not account.username:
        return None
    return secrets.load_secret(
        SECRET_PURPOSE,
        account.secret_account,
        where=account.password or secrets.Where.ENV,
        env=PASSWORD_ENV,
    )


def imap_seen(agenda: Agenda, closer_id: int) -> str:
    """``UIDVALIDITY:UID`` of the last inbox message read for ``closer_id`` (``""``: none)."""
    with agenda.engine.connect() as conn:
        found = conn.execute(
            select(mail_accounts.c.imap_seen).where(mail_accounts.c.closer_id == closer_id)
        ).scalar()
    return str(found or "")


def set_imap_seen(agenda: Agenda, closer_id: int, seen: str) -> None:
    """Remember the last inbox message read."""
    with agenda.engine.begin() as conn:
        conn.execute(
            update(mail_accounts)
            .where(mail_accounts.c.closer_id == closer_id)
            .values(imap_seen=seen)
        )


# -- reminders -------------------------------------------------------------------------
def set_reminder_hours(agenda: Agenda, company: Key, hours: int | None) -> int | None:
    """Remind the prospects of ``company``'s calls ``hours`` before (1 to 168), or never
    (None, the default)."""
    if hours is not None:
        try:
            hours = int(hours)
        except (TypeError, ValueError) as exc:
            raise ValidationError("hours", "not_a_number", hours) from exc
        if not 1 <= hours <= 168:
            raise ValidationError("hours", "out_of_range", hours)
    with agenda.engine.begin() as conn:
        company_id = agenda._resolve_id(driver(conn), "companies", "company", company)
        conn.execute(delete(mail_reminders).where(mail_reminders.c.company_id == company_id))
        if hours is not None:
            conn.execute(insert(mail_reminders).values(company_id=company_id, hours=hours))
    return hours


def reminder_hours(agenda: Agenda) -> dict[int, int]:
    """Hours before the call, per company id, for the companies that remind."""
    with agenda.engine.connect() as conn:
        return {int(r.company_id): int(r.hours) for r in conn.execute(select(mail_reminders)).all()}


# -- "Send the update to the prospect?" ------------------------------------------------
class UpdateChoice(enum.StrEnum):
    """What to do with the prospect after a move or a cancellation (the window asks once
    and may remember)."""

    ASK = "ask"
    ALWAYS = "always"
    NEVER = "never"


_CHOICE_KEY = "mail.send_updates"


def update_choice(agenda: Agenda) -> UpdateChoice:
    """The remembered choice (``ASK`` until one is remembered)."""
    with agenda.engine.connect() as conn:
        found = conn.execute(select(settings.c.value).where(settings.c.key == _CHOICE_KEY)).scalar()
    try:
        return UpdateChoice(found or UpdateChoice.ASK)
    except ValueError:
        return UpdateChoice.ASK


def set_update_choice(agenda: Agenda, choice: UpdateChoice | str) -> UpdateChoice:
    """Remember (or, with ``ASK``, forget) the choice."""
    value = UpdateChoice(choice)
    with agenda.engine.begin() as conn:
        conn.execute(delete(settings).where(settings.c.key == _CHOICE_KEY))
        conn.execute(insert(settings).values(key=_CHOICE_KEY, value=value.value))
    return value
