"""Tables of the agenda file (SQLAlchemy Core). Alembic migrations create them; this module is
what the queries are written against and must match the head migration (a test checks)."""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

closers = Table(
    "closers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String, nullable=False, unique=True),
    Column("email", String, nullable=False, server_default=""),
    Column("zone", String, nullable=False),
    Column("buffer_before", Integer, nullable=False, server_default="0"),
    Column("buffer_after", Integer, nullable=False, server_default="0"),
    Column("min_notice", Integer, nullable=False, server_default="0"),
    Column("daily_cap", Integer),
    Column("planned_week_minutes", Integer),
)

companies = Table(
    "companies",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String, nullable=False, unique=True),
    Column("color", String, nullable=False, server_default="#3b82f6"),
    Column("commission_rate", String, nullable=False, server_default="0.10"),
    Column("default_kind", String, nullable=False, server_default="video"),
    Column("default_minutes", Integer, nullable=False, server_default="45"),
    Column("default_video_url", String, nullable=False, server_default=""),
    Column("script", Text, nullable=False, server_default=""),
    Column("zone", String, nullable=False, server_default="UTC"),
    Column("country", String, nullable=False, server_default=""),
)

prospects = Table(
    "prospects",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String, nullable=False),
    Column("organisation", String, nullable=False, server_default=""),
    Column("email", String, nullable=False, server_default=""),
    Column("phone", String, nullable=False, server_default=""),
    Column("country", String, nullable=False, server_default=""),
    Column("subdivision", String, nullable=False, server_default=""),
    Column("zone", String, nullable=False),
    Column("language", String, nullable=False, server_default="en"),
    Column("temperature", String, nullable=False, server_default="warm"),
    Column("need", Text, nullable=False, server_default=""),
    Column("motivations", Text, nullable=False, server_default=""),
    Column("blockages", Text, nullable=False, server_default=""),
    Column("notes", Text, nullable=False, server_default=""),
)

# Weekly rules for a closer, a company (narrowing its calls) or a prospect (business hours).
# Exactly one owner column is set. Minutes from local midnight in the owner's zone.
weekly_hours = Table(
    "weekly_hours",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("closer_id", Integer, ForeignKey("closers.id", ondelete="CASCADE")),
    Column("company_id", Integer, ForeignKey("companies.id", ondelete="CASCADE")),
    Column("prospect_id", Integer, ForeignKey("prospects.id", ondelete="CASCADE")),
    Column("weekday", Integer, nullable=False),
    Column("start_min", Integer, nullable=False),
    Column("end_min", Integer, nullable=False),
    CheckConstraint("weekday BETWEEN 0 AND 6", name="ck_weekday"),
    CheckConstraint("0 <= start_min AND start_min < end_min AND end_min <= 1440", name="ck_span"),
    CheckConstraint(
        "(closer_id IS NOT NULL) + (company_id IS NOT NULL) + (prospect_id IS NOT NULL) = 1",
        name="ck_one_owner",
    ),
)

date_overrides = Table(
    "date_overrides",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("closer_id", Integer, ForeignKey("closers.id", ondelete="CASCADE"), nullable=False),
    Column("day", String, nullable=False),
    # "09:00-12:00,14:00-18:00", or "" for a day off
    Column("intervals", String, nullable=False, server_default=""),
    UniqueConstraint("closer_id", "day", name="uq_override_day"),
)

travel_periods = Table(
    "travel_periods",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("closer_id", Integer, ForeignKey("closers.id", ondelete="CASCADE"), nullable=False),
    Column("first_day", String, nullable=False),
    Column("last_day", String, nullable=False),
    Column("zone", String, nullable=False),
)

appointments = Table(
    "appointments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("closer_id", Integer, ForeignKey("closers.id"), nullable=False),
    Column("company_id", Integer, ForeignKey("companies.id"), nullable=False),
    Column("prospect_id", Integer, ForeignKey("prospects.id"), nullable=False),
    Column("kind", String, nullable=False),
    # The truth: the agreed wall time and its IANA zone (fold picks the second of two equal
    # wall times in a fall-back hour).
    Column("wall_start", String, nullable=False),
    Column("zone", String, nullable=False),
    Column("fold", Integer, nullable=False, server_default="0"),
    Column("minutes", Integer, nullable=False),
    # The index: UTC seconds since the epoch, derived from the above.
    Column("start_utc", Integer, nullable=False),
    Column("end_utc", Integer, nullable=False),
    Column("status", String, nullable=False, server_default="planned"),
    Column("url", String, nullable=False, server_default=""),
    Column("phone", String, nullable=False, server_default=""),
    Column("reminder_minutes", Integer, nullable=False, server_default="15"),
    Column("outcome", String),
    Column("deal_value", String),
    Column("currency", String, nullable=False, server_default=""),
    Column("commission_rate", String),
    # Added by migration 0003: the company's rate when the deal was won, frozen.
    Column("company_rate", String),
    Column("lost_reason", String, nullable=False, server_default=""),
    Column("uid", String, nullable=False, unique=True),
    Column("sequence", Integer, nullable=False, server_default="0"),
    Column("notes", Text, nullable=False, server_default=""),
    Column("previous_id", Integer, ForeignKey("appointments.id", ondelete="SET NULL")),
    Column("created_utc", Integer, nullable=False),
    Column("updated_utc", Integer, nullable=False),
    CheckConstraint("minutes > 0", name="ck_minutes_positive"),
    CheckConstraint("end_utc > start_utc", name="ck_end_after_start"),
)
Index("ix_appointments_start", appointments.c.start_utc)
Index("ix_appointments_closer_start", appointments.c.closer_id, appointments.c.start_utc)
Index("ix_appointments_prospect", appointments.c.prospect_id)
# Added by migration 0002: the bounded overlap query needs the longest duration cheaply.
Index("ix_appointments_minutes", appointments.c.minutes)
# Added by migration 0003: "is there a later call with this prospect?" (the pipeline).
Index("ix_appointments_prospect_start", appointments.c.prospect_id, appointments.c.start_utc)
# Added by migration 0008_sync_dirty: a company renamed marks its calls for the next sync.
Index("ix_appointments_company", appointments.c.company_id)

busy_blocks = Table(
    "busy_blocks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("closer_id", Integer, ForeignKey("closers.id", ondelete="CASCADE"), nullable=False),
    Column("uid", String, nullable=False),
    Column("recurrence_id", String, nullable=False, server_default=""),
    Column("summary", String, nullable=False, server_default=""),
    Column("start_utc", Integer, nullable=False),
    Column("end_utc", Integer, nullable=False),
    Column("all_day", Integer, nullable=False, server_default="0"),
    Column("sequence", Integer, nullable=False, server_default="0"),
    Column("source", String, nullable=False, server_default=""),
    # Migration 0005: each imported calendar (source) owns its blocks.
    UniqueConstraint("closer_id", "source", "uid", "recurrence_id", name="uq_busy_source_uid"),
)
Index("ix_busy_closer_start", busy_blocks.c.closer_id, busy_blocks.c.start_utc)
Index("ix_busy_closer_source", busy_blocks.c.closer_id, busy_blocks.c.source)

# Added by migration 0002: small facts about the file itself (the tz database version the
# UTC columns were computed with).
settings = Table(
    "settings",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", String, nullable=False),
)

# Added by migration 0003: the closing-script steps the closer ticked during one call. The
# step's text is kept so that an edited script does not tick a different step.
script_ticks = Table(
    "script_ticks",
    metadata,
    Column(
        "appointment_id",
        Integer,
        ForeignKey("appointments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("step", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("ticked_utc", Integer, nullable=False),
    CheckConstraint("step >= 0", name="ck_step_non_negative"),
)

# Added by migration 0006_mail_outbox: sending invites by e-mail (iMIP) and reading answers.
# A closer's mail account. The password is never here: it is in the system keyring, or read
# from the environment at send time (``password`` says which: "keyring", "env" or "" for a
# relay without login).
mail_accounts = Table(
    "mail_accounts",
    metadata,
    Column("closer_id", Integer, ForeignKey("closers.id", ondelete="CASCADE"), primary_key=True),
    Column("address", String, nullable=False),
    Column("smtp_host", String, nullable=False),
    Column("smtp_port", Integer, nullable=False),
    Column("security", String, nullable=False, server_default="starttls"),
    Column("username", String, nullable=False, server_default=""),
    Column("password", String, nullable=False, server_default=""),
    Column("imap_host", String, nullable=False, server_default=""),
    Column("imap_port", Integer, nullable=False, server_default="0"),
    # "UIDVALIDITY:UID" of the last inbox message read, so a fetch reads only newer ones.
    Column("imap_seen", String, nullable=False, server_default=""),
    CheckConstraint("security IN ('starttls', 'ssl', 'none')", name="ck_mail_security"),
    CheckConstraint("smtp_port BETWEEN 1 AND 65535", name="ck_mail_smtp_port"),
)

# Every message the agenda sends, queued in the transaction of the change it announces.
# ``message`` is the whole RFC 5322 message, built once: each retry sends the same bytes with
# the same Message-ID.
outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("closer_id", Integer, ForeignKey("closers.id", ondelete="CASCADE"), nullable=False),
    Column("appointment_id", Integer, ForeignKey("appointments.id", ondelete="CASCADE")),
    Column("kind", String, nullable=False),
    Column("sequence", Integer, nullable=False, server_default="0"),
    Column("recipient", String, nullable=False),
    Column("message_id", String, nullable=False, unique=True),
    Column("message", LargeBinary, nullable=False),
    Column("state", String, nullable=False, server_default="queued"),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_utc", Integer, nullable=False),
    Column("last_error", String, nullable=False, server_default=""),
    Column("queued_utc", Integer, nullable=False),
    Column("sent_utc", Integer),
    # A reminder's call start (UTC seconds): one reminder per call and start time.
    Column("reminder_for_utc", Integer),
)
Index("ix_outbox_state_next", outbox.c.state, outbox.c.next_attempt_utc)
Index("ix_outbox_appointment", outbox.c.appointment_id, outbox.c.id)

# Reminders to prospects, per company: so many hours before the call (no row: off).
mail_reminders = Table(
    "mail_reminders",
    metadata,
    Column("company_id", Integer, ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True),
    Column("hours", Integer, nullable=False),
    CheckConstraint("hours BETWEEN 1 AND 168", name="ck_reminder_hours"),
)

# Answers received (REPLY and COUNTER) that passed the checks: our UID, SEQUENCE not older
# than the call's, sent by the invited attendee. ``message_key`` (Message-ID, or a file's
# hash) makes reading the same message twice record it once.
invite_answers = Table(
    "invite_answers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "appointment_id",
        Integer,
        ForeignKey("appointments.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("method", String, nullable=False),
    Column("partstat", String, nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("attendee", String, nullable=False),
    Column("message_key", String, nullable=False),
    Column("received_utc", Integer, nullable=False),
    Column("proposed_start_utc", Integer),
    Column("proposed_end_utc", Integer),
    Column("comment", String, nullable=False, server_default=""),
    # A COUNTER: "open" until the closer accepts or declines it.
    Column("counter_state", String, nullable=False, server_default=""),
    UniqueConstraint("appointment_id", "message_key", "method", name="uq_answer_message"),
)
Index("ix_answers_appointment", invite_answers.c.appointment_id, invite_answers.c.id)

# Added by migration 0007_caldav_sync: sharing calls through one CalDAV calendar per closer.
sync_calendars = Table(
    "sync_calendars",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "closer_id",
        Integer,
        ForeignKey("closers.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("url", String, nullable=False),
    Column("username", String, nullable=False, server_default=""),
    Column("sync_token", String, nullable=False, server_default=""),
    # 1 writable, 0 read-only, NULL not known yet (from the server's privileges)
    Column("can_write", Integer),
    Column("rights_checked_utc", Integer),
    Column("last_sync_utc", Integer),
    Column("last_error", String, nullable=False, server_default=""),
    Column("created_utc", Integer, nullable=False),
)

# vdirsyncer's status table: what both sides last agreed on, per calendar and UID.
sync_items = Table(
    "sync_items",
    metadata,
    Column(
        "calendar_id",
        Integer,
        ForeignKey("sync_calendars.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("uid", String, primary_key=True),
    Column("href", String, nullable=False),
    Column("etag", String, nullable=False, server_default=""),
    Column("hash", String, nullable=False, server_default=""),
    Column("base", Text),  # JSON of the agreed version's shared fields
    Column("is_foreign", Integer, nullable=False, server_default="0"),
    UniqueConstraint("calendar_id", "href", name="uq_sync_item_href"),
)

# The same field changed on both sides: the agenda keeps its own until the user chooses.
sync_conflicts = Table(
    "sync_conflicts",
    metadata,
    Column(
        "calendar_id",
        Integer,
        ForeignKey("sync_calendars.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("uid", String, primary_key=True),
    Column("fields", String, nullable=False),
    Column("theirs", Text, nullable=False),
    Column("href", String, nullable=False),
    Column("etag", String, nullable=False, server_default=""),
    Column("detected_utc", Integer, nullable=False),
)

# Calls of one closer that overlap after a sync; recomputed by each sync.
sync_flags = Table(
    "sync_flags",
    metadata,
    Column(
        "appointment_id",
        Integer,
        ForeignKey("appointments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("flag", String, nullable=False),
    Column("other_id", Integer, ForeignKey("appointments.id", ondelete="CASCADE"), nullable=False),
)

# The ids every agenda gives the same company or prospect (local ids differ per file).
sync_links = Table(
    "sync_links",
    metadata,
    Column("kind", String, primary_key=True),
    Column("local_id", Integer, primary_key=True),
    Column("uid", String, nullable=False),
    UniqueConstraint("kind", "uid", name="uq_sync_link_uid"),
)

# Added by migration 0008_sync_dirty: per calendar, the UIDs a sync must compare (kept by the
# file's triggers, see the migration); the empty UID says every other one agrees. Not undone
# by the window's undo (``store.undo``): a mark is the sync's, not the user's.
sync_dirty = Table(
    "sync_dirty",
    metadata,
    Column(
        "calendar_id",
        Integer,
        ForeignKey("sync_calendars.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("uid", String, primary_key=True),
)

# Other calendars (read-only CalDAV, https .ics) refreshed as a closer's busy time.
sync_subscriptions = Table(
    "sync_subscriptions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("closer_id", Integer, ForeignKey("closers.id", ondelete="CASCADE"), nullable=False),
    Column("url", String, nullable=False),
    Column("label", String, nullable=False),
    Column("username", String, nullable=False, server_default=""),
    Column("last_refresh_utc", Integer),
    Column("last_error", String, nullable=False, server_default=""),
    Column("last_count", Integer),
    UniqueConstraint("closer_id", "url", name="uq_subscription_url"),
)
