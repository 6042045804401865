"""Busy time by source: each imported calendar owns its busy blocks.

Re-importing a calendar replaces what that calendar gave (an event deleted from it no longer
blocks time), and ``busy remove --source`` takes a whole calendar out. The same event may sit
in two calendars (an invitation in the work and the personal calendar): each keeps its own
block, so that removing one calendar does not free time the other still blocks. The unique
key becomes (closer, source, UID, RECURRENCE-ID), and an index serves the per-source queries.

Revision ID: 0005_busy_sources
Revises: 0007_caldav_sync
"""

from alembic import op

revision = "0005_busy_sources"
down_revision = "0007_caldav_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("busy_blocks", recreate="always") as batch:
        batch.drop_constraint("uq_busy_uid", type_="unique")
        batch.create_unique_constraint(
            "uq_busy_source_uid", ["closer_id", "source", "uid", "recurrence_id"]
        )
    op.create_index("ix_busy_closer_source", "busy_blocks", ["closer_id", "source"])


def downgrade() -> None:
    op.drop_index("ix_busy_closer_source", "busy_blocks")
    # Blocks of one event kept by two calendars would break the old key: keep one of each.
    op.execute(
        "DELETE FROM busy_blocks WHERE id NOT IN (SELECT MIN(id) FROM busy_blocks"
        " GROUP BY closer_id, uid, recurrence_id)"
    )
    with op.batch_alter_table("busy_blocks", recreate="always") as batch:
        batch.drop_constraint("uq_busy_source_uid", type_="unique")
        batch.create_unique_constraint("uq_busy_uid", ["closer_id", "uid", "recurrence_id"])
