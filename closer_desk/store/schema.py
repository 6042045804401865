"""Tables of the agenda file (SQLAlchemy Core). Alembic migrations create them; this module is
what the queries are written against and must match the head migration (a test checks)."""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
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
