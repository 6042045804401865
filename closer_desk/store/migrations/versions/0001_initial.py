"""The first agenda: closers, companies, prospects, hours, appointments, busy blocks.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "closers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False, unique=True),
        sa.Column("email", sa.String, nullable=False, server_default=""),
        sa.Column("zone", sa.String, nullable=False),
        sa.Column("buffer_before", sa.Integer, nullable=False, server_default="0"),
        sa.Column("buffer_after", sa.Integer, nullable=False, server_default="0"),
        sa.Column("min_notice", sa.Integer, nullable=False, server_default="0"),
        sa.Column("daily_cap", sa.Integer),
        sa.Column("planned_week_minutes", sa.Integer),
    )
    op.create_table(
        "companies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False, unique=True),
        sa.Column("color", sa.String, nullable=False, server_default="#3b82f6"),
        sa.Column("commission_rate", sa.String, nullable=False, server_default="0.10"),
        sa.Column("default_kind", sa.String, nullable=False, server_default="video"),
        sa.Column("default_minutes", sa.Integer, nullable=False, server_default="45"),
        sa.Column("default_video_url", sa.String, nullable=False, server_default=""),
        sa.Column("script", sa.Text, nullable=False, server_default=""),
        sa.Column("zone", sa.String, nullable=False, server_default="UTC"),
        sa.Column("country", sa.String, nullable=False, server_default=""),
    )
    op.create_table(
        "prospects",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("organisation", sa.String, nullable=False, server_default=""),
        sa.Column("email", sa.String, nullable=False, server_default=""),
        sa.Column("phone", sa.String, nullable=False, server_default=""),
        sa.Column("country", sa.String, nullable=False, server_default=""),
        sa.Column("subdivision", sa.String, nullable=False, server_default=""),
        sa.Column("zone", sa.String, nullable=False),
        sa.Column("language", sa.String, nullable=False, server_default="en"),
        sa.Column("temperature", sa.String, nullable=False, server_default="warm"),
        sa.Column("need", sa.Text, nullable=False, server_default=""),
        sa.Column("motivations", sa.Text, nullable=False, server_default=""),
        sa.Column("blockages", sa.Text, nullable=False, server_default=""),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "weekly_hours",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("closer_id", sa.Integer, sa.ForeignKey("closers.id", ondelete="CASCADE")),
        sa.Column("company_id", sa.Integer, sa.ForeignKey("companies.id", ondelete="CASCADE")),
        sa.Column("prospect_id", sa.Integer, sa.ForeignKey("prospects.id", ondelete="CASCADE")),
        sa.Column("weekday", sa.Integer, nullable=False),
        sa.Column("start_min", sa.Integer, nullable=False),
        sa.Column("end_min", sa.Integer, nullable=False),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name="ck_weekday"),
        sa.CheckConstraint(
            "0 <= start_min AND start_min < end_min AND end_min <= 1440", name="ck_span"
        ),
        sa.CheckConstraint(
            "(closer_id IS NOT NULL) + (company_id IS NOT NULL) + (prospect_id IS NOT NULL) = 1",
            name="ck_one_owner",
        ),
    )
    op.create_table(
        "date_overrides",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "closer_id",
            sa.Integer,
            sa.ForeignKey("closers.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("day", sa.String, nullable=False),
        sa.Column("intervals", sa.String, nullable=False, server_default=""),
        sa.UniqueConstraint("closer_id", "day", name="uq_override_day"),
    )
    op.create_table(
        "travel_periods",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "closer_id",
            sa.Integer,
            sa.ForeignKey("closers.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("first_day", sa.String, nullable=False),
        sa.Column("last_day", sa.String, nullable=False),
        sa.Column("zone", sa.String, nullable=False),
    )
    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("closer_id", sa.Integer, sa.ForeignKey("closers.id"), nullable=False),
        sa.Column("company_id", sa.Integer, sa.ForeignKey("companies.id"), nullable=False),
        sa.Column("prospect_id", sa.Integer, sa.ForeignKey("prospects.id"), nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("wall_start", sa.String, nullable=False),
        sa.Column("zone", sa.String, nullable=False),
        sa.Column("fold", sa.Integer, nullable=False, server_default="0"),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Column("start_utc", sa.Integer, nullable=False),
        sa.Column("end_utc", sa.Integer, nullable=False),
        sa.Column("status", sa.String, nullable=False, server_default="planned"),
        sa.Column("url", sa.String, nullable=False, server_default=""),
        sa.Column("phone", sa.String, nullable=False, server_default=""),
        sa.Column("reminder_minutes", sa.Integer, nullable=False, server_default="15"),
        sa.Column("outcome", sa.String),
        sa.Column("deal_value", sa.String),
        sa.Column("currency", sa.String, nullable=False, server_default=""),
        sa.Column("commission_rate", sa.String),
        sa.Column("lost_reason", sa.String, nullable=False, server_default=""),
        sa.Column("uid", sa.String, nullable=False, unique=True),
        sa.Column("sequence", sa.Integer, nullable=False, server_default="0"),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column(
            "previous_id",
            sa.Integer,
            sa.ForeignKey("appointments.id", ondelete="SET NULL"),
        ),
        sa.Column("created_utc", sa.Integer, nullable=False),
        sa.Column("updated_utc", sa.Integer, nullable=False),
        sa.CheckConstraint("minutes > 0", name="ck_minutes_positive"),
        sa.CheckConstraint("end_utc > start_utc", name="ck_end_after_start"),
    )
    op.create_index("ix_appointments_start", "appointments", ["start_utc"])
    op.create_index("ix_appointments_closer_start", "appointments", ["closer_id", "start_utc"])
    op.create_index("ix_appointments_prospect", "appointments", ["prospect_id"])
    op.create_table(
        "busy_blocks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "closer_id",
            sa.Integer,
            sa.ForeignKey("closers.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("uid", sa.String, nullable=False),
        sa.Column("recurrence_id", sa.String, nullable=False, server_default=""),
        sa.Column("summary", sa.String, nullable=False, server_default=""),
        sa.Column("start_utc", sa.Integer, nullable=False),
        sa.Column("end_utc", sa.Integer, nullable=False),
        sa.Column("all_day", sa.Integer, nullable=False, server_default="0"),
        sa.Column("sequence", sa.Integer, nullable=False, server_default="0"),
        sa.Column("source", sa.String, nullable=False, server_default=""),
        sa.UniqueConstraint("closer_id", "uid", "recurrence_id", name="uq_busy_uid"),
    )
    op.create_index("ix_busy_closer_start", "busy_blocks", ["closer_id", "start_utc"])


def downgrade() -> None:
    for table in (
        "busy_blocks",
        "appointments",
        "travel_periods",
        "date_overrides",
        "weekly_hours",
        "prospects",
        "companies",
        "closers",
    ):
        op.drop_table(table)
