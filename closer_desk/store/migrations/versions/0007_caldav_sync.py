"""CalDAV sync: one shared calendar per closer, the status of each call on it, conflicts
waiting for a choice, calls flagged after a sync, shared ids of companies and prospects, and
subscriptions to other calendars as busy time.

``sync_items`` is vdirsyncer's status table: per calendar and UID, the href and ETag the
server last gave and the hash of the call both sides agreed on (``base`` keeps that version's
shared fields, so a change on each side can be merged field by field). ``sync_calendars``
keeps the calendar's sync token (RFC 6578) and the account's write right, read from the
server's privileges, so that booking for a closer whose calendar is read-only is refused
before anything is written. No password is stored here: they live in the system keyring.

Revision ID: 0007_caldav_sync
Revises: 0006_mail_outbox
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_caldav_sync"
down_revision = "0006_mail_outbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_calendars",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "closer_id",
            sa.Integer,
            sa.ForeignKey("closers.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("url", sa.String, nullable=False),
        sa.Column("username", sa.String, nullable=False, server_default=""),
        sa.Column("sync_token", sa.String, nullable=False, server_default=""),
        sa.Column("can_write", sa.Integer),
        sa.Column("rights_checked_utc", sa.Integer),
        sa.Column("last_sync_utc", sa.Integer),
        sa.Column("last_error", sa.String, nullable=False, server_default=""),
        sa.Column("created_utc", sa.Integer, nullable=False),
    )
    op.create_table(
        "sync_items",
        sa.Column(
            "calendar_id",
            sa.Integer,
            sa.ForeignKey("sync_calendars.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("uid", sa.String, primary_key=True),
        sa.Column("href", sa.String, nullable=False),
        sa.Column("etag", sa.String, nullable=False, server_default=""),
        sa.Column("hash", sa.String, nullable=False, server_default=""),
        sa.Column("base", sa.Text),
        sa.Column("is_foreign", sa.Integer, nullable=False, server_default="0"),
        sa.UniqueConstraint("calendar_id", "href", name="uq_sync_item_href"),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column(
            "calendar_id",
            sa.Integer,
            sa.ForeignKey("sync_calendars.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("uid", sa.String, primary_key=True),
        sa.Column("fields", sa.String, nullable=False),
        sa.Column("theirs", sa.Text, nullable=False),
        sa.Column("href", sa.String, nullable=False),
        sa.Column("etag", sa.String, nullable=False, server_default=""),
        sa.Column("detected_utc", sa.Integer, nullable=False),
    )
    op.create_table(
        "sync_flags",
        sa.Column(
            "appointment_id",
            sa.Integer,
            sa.ForeignKey("appointments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("flag", sa.String, nullable=False),
        sa.Column(
            "other_id",
            sa.Integer,
            sa.ForeignKey("appointments.id", ondelete="CASCADE"),
            nullable=False,
        ),
    )
    op.create_table(
        "sync_links",
        sa.Column("kind", sa.String, primary_key=True),
        sa.Column("local_id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String, nullable=False),
        sa.UniqueConstraint("kind", "uid", name="uq_sync_link_uid"),
    )
    op.create_table(
        "sync_subscriptions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "closer_id",
            sa.Integer,
            sa.ForeignKey("closers.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("url", sa.String, nullable=False),
        sa.Column("label", sa.String, nullable=False),
        sa.Column("username", sa.String, nullable=False, server_default=""),
        sa.Column("last_refresh_utc", sa.Integer),
        sa.Column("last_error", sa.String, nullable=False, server_default=""),
        sa.Column("last_count", sa.Integer),
        sa.UniqueConstraint("closer_id", "url", name="uq_subscription_url"),
    )


def downgrade() -> None:
    for table in (
        "sync_subscriptions",
        "sync_links",
        "sync_flags",
        "sync_conflicts",
        "sync_items",
        "sync_calendars",
    ):
        op.drop_table(table)
