"""Invites by e-mail (iMIP): closers' mail accounts, the outbox, answers, reminders.

- ``mail_accounts``: one per closer (address, SMTP and IMAP servers, login name). The password
  is never stored in the agenda: ``password`` only says where it is ("keyring", "env").
- ``outbox``: every message to send, queued in the transaction of the change it announces,
  holding the whole message so that each retry sends the same bytes and Message-ID.
- ``invite_answers``: REPLY and COUNTER answers accepted for a call.
- ``mail_reminders``: per company, how many hours before a call the prospect is reminded.

Only new tables: an agenda from 0004 keeps every row as it was.

Revision ID: 0006_mail_outbox
Revises: 0004_repair_company_rate
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_mail_outbox"
down_revision = "0004_repair_company_rate"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mail_accounts",
        sa.Column(
            "closer_id",
            sa.Integer,
            sa.ForeignKey("closers.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("address", sa.String, nullable=False),
        sa.Column("smtp_host", sa.String, nullable=False),
        sa.Column("smtp_port", sa.Integer, nullable=False),
        sa.Column("security", sa.String, nullable=False, server_default="starttls"),
        sa.Column("username", sa.String, nullable=False, server_default=""),
        sa.Column("password", sa.String, nullable=False, server_default=""),
        sa.Column("imap_host", sa.String, nullable=False, server_default=""),
        sa.Column("imap_port", sa.Integer, nullable=False, server_default="0"),
        sa.Column("imap_seen", sa.String, nullable=False, server_default=""),
        sa.CheckConstraint("security IN ('starttls', 'ssl', 'none')", name="ck_mail_security"),
        sa.CheckConstraint("smtp_port BETWEEN 1 AND 65535", name="ck_mail_smtp_port"),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "closer_id",
            sa.Integer,
            sa.ForeignKey("closers.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "appointment_id", sa.Integer, sa.ForeignKey("appointments.id", ondelete="CASCADE")
        ),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False, server_default="0"),
        sa.Column("recipient", sa.String, nullable=False),
        sa.Column("message_id", sa.String, nullable=False, unique=True),
        sa.Column("message", sa.LargeBinary, nullable=False),
        sa.Column("state", sa.String, nullable=False, server_default="queued"),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_attempt_utc", sa.Integer, nullable=False),
        sa.Column("last_error", sa.String, nullable=False, server_default=""),
        sa.Column("queued_utc", sa.Integer, nullable=False),
        sa.Column("sent_utc", sa.Integer),
        sa.Column("reminder_for_utc", sa.Integer),
    )
    op.create_index("ix_outbox_state_next", "outbox", ["state", "next_attempt_utc"])
    op.create_index("ix_outbox_appointment", "outbox", ["appointment_id", "id"])
    op.create_table(
        "mail_reminders",
        sa.Column(
            "company_id",
            sa.Integer,
            sa.ForeignKey("companies.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("hours", sa.Integer, nullable=False),
        sa.CheckConstraint("hours BETWEEN 1 AND 168", name="ck_reminder_hours"),
    )
    op.create_table(
        "invite_answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "appointment_id",
            sa.Integer,
            sa.ForeignKey("appointments.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("method", sa.String, nullable=False),
        sa.Column("partstat", sa.String, nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("attendee", sa.String, nullable=False),
        sa.Column("message_key", sa.String, nullable=False),
        sa.Column("received_utc", sa.Integer, nullable=False),
        sa.Column("proposed_start_utc", sa.Integer),
        sa.Column("proposed_end_utc", sa.Integer),
        sa.Column("comment", sa.String, nullable=False, server_default=""),
        sa.Column("counter_state", sa.String, nullable=False, server_default=""),
        sa.UniqueConstraint("appointment_id", "message_key", "method", name="uq_answer_message"),
    )
    op.create_index("ix_answers_appointment", "invite_answers", ["appointment_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_answers_appointment", "invite_answers")
    op.drop_table("invite_answers")
    op.drop_table("mail_reminders")
    op.drop_index("ix_outbox_appointment", "outbox")
    op.drop_index("ix_outbox_state_next", "outbox")
    op.drop_table("outbox")
    op.drop_table("mail_accounts")
