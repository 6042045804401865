"""The closer's desk: ticked steps of the closing script, and a per-prospect index by time.

A tick belongs to one call: the closer works through the company's script during the call and
what was covered stays with that call. The step's text is kept next to its position so that a
later edit of the script does not silently tick a different step.

The pipeline asks "is there a later call with this prospect?" for every follow-up and no-show;
an index on (prospect_id, start_utc) answers that with one b-tree range per prospect.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "script_ticks",
        sa.Column(
            "appointment_id",
            sa.Integer,
            sa.ForeignKey("appointments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("step", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ticked_utc", sa.Integer, nullable=False),
        sa.CheckConstraint("step >= 0", name="ck_step_non_negative"),
    )
    op.create_index("ix_appointments_prospect_start", "appointments", ["prospect_id", "start_utc"])


def downgrade() -> None:
    op.drop_index("ix_appointments_prospect_start", "appointments")
    op.drop_table("script_ticks")
