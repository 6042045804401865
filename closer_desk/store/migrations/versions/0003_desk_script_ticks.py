"""The closer's desk: ticked steps of the closing script, and a per-prospect index by time.

A tick belongs to one call: the closer works through the company's script during the call and
what was covered stays with that call. The step's text is kept next to its position so that a
later edit of the script does not silently tick a different step.

A won deal also keeps the company's commission rate of the day it was won
(``appointments.company_rate``): when the closer renegotiates a company's rate, deals already
signed keep the rate they were paid at. Deals won before this migration get the company's rate
as it stands when the migration runs (the best value there is).

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
    with op.batch_alter_table("appointments") as batch:
        batch.add_column(sa.Column("company_rate", sa.String))
    op.execute(
        "UPDATE appointments SET company_rate = (SELECT commission_rate FROM companies"
        " WHERE companies.id = appointments.company_id) WHERE outcome = 'won'"
    )


def downgrade() -> None:
    with op.batch_alter_table("appointments") as batch:
        batch.drop_column("company_rate")
    op.drop_index("ix_appointments_prospect_start", "appointments")
    op.drop_table("script_ticks")
