"""Settings table (tz database version of the UTC columns) and an index on duration.

The bounded overlap query reads the longest duration before each range query; the index
makes that a single b-tree lookup instead of a scan. The tz version lets the store recompute
the UTC columns when tzdata's rules change.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.String, nullable=False),
    )
    op.create_index("ix_appointments_minutes", "appointments", ["minutes"])


def downgrade() -> None:
    op.drop_index("ix_appointments_minutes", "appointments")
    op.drop_table("settings")
