"""Repair agendas stamped 0003 without ``appointments.company_rate``.

Migration 0003 first shipped (commit a9db5d8) with the script ticks and the (prospect,
start) index only; the column freezing a won deal's rate was added to it afterwards
(961cc0c), so agendas created or upgraded in between are stamped 0003 without it, and every
query of the current code fails on them. 0003 is never edited again: this migration adds the
column where it is missing, and fills it for deals already won as 0003 does (the company's
rate as it stands: the best value there is). On a healthy file it changes nothing: the column
exists, and the rates frozen there are not rewritten. The column is the only part of 0003
that ever changed, so it is the only one checked.

Revision ID: 0004_repair_company_rate
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_repair_company_rate"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("appointments")}
    if "company_rate" in columns:
        return
    # 0003's own statements, repeated rather than imported: a migration's code is frozen with
    # the files it has upgraded. A plain ADD COLUMN (no table copy), as 0003's batch add does
    # on SQLite: the repaired table has the same definition as a healthy one.
    with op.batch_alter_table("appointments") as batch:
        batch.add_column(sa.Column("company_rate", sa.String))
    op.execute(
        "UPDATE appointments SET company_rate = (SELECT commission_rate FROM companies"
        " WHERE companies.id = appointments.company_id) WHERE outcome = 'won'"
    )


def downgrade() -> None:
    # Nothing: the column belongs to 0003 on every file this migration leaves.
    pass
