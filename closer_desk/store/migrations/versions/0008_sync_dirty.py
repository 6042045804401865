"""CalDAV sync: the calls to compare, marked as they change, so that a sync costs what changed.

``sync_dirty`` holds, per shared calendar, the UIDs whose agreement with the status table may
have moved since a sync last saw them agree. The file's own triggers keep it, whoever writes
(the window, the CLI, another program's SQL): a call inserted, deleted or changed in a field
that travels or places it in time; a company renamed; a prospect's public facts changed; a
shared id given or taken; a status row written or removed. A mark is a hint to compare
hashes, never a reason to push. A sync clears a mark only after seeing, in the same
transaction, that both sides agree (and refreshes the overlap flags around those calls).

The row with the empty UID says "every UID not marked agrees": a sync writes it after one full
comparison. Without it (a calendar never compared since this migration, a table emptied) the
next sync compares everything, as before. The index on ``company_id`` lets a rename find the
company's calls without reading every call.

Revision ID: 0008_sync_dirty
Revises: 0005_busy_sources
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_sync_dirty"
down_revision = "0005_busy_sources"
branch_labels = None
depends_on = None

# The columns of a call the shared form reads (``store.sync.local._LOCAL_CALLS``), and those
# the overlap flags read (its instants, its booking time).
_CALL_COLUMNS = (
    "uid, closer_id, company_id, prospect_id, wall_start, zone, fold, minutes, kind, url, "
    "phone, status, outcome, reminder_minutes, start_utc, end_utc, created_utc"
)
_PROSPECT_COLUMNS = ("name", "email", "zone", "country", "language")


def _mark(rows: str) -> str:
    """Insert the (calendar_id, uid) pairs ``rows`` selects, those not marked yet (no OR
    IGNORE: an outer statement's OR clause would override it inside a trigger)."""
    return (
        f"INSERT INTO sync_dirty (calendar_id, uid) SELECT DISTINCT m.calendar_id, m.uid "
        f"FROM ({rows}) AS m WHERE NOT EXISTS (SELECT 1 FROM sync_dirty d "
        f"WHERE d.calendar_id = m.calendar_id AND d.uid = m.uid);"
    )


def _of_calendar(side: str, key: str = "closer_id", column: str = "closer_id") -> str:
    """The row's own UID, in the calendar whose ``key`` is the row's ``column``."""
    return (
        f"SELECT s.id AS calendar_id, {side}.uid AS uid FROM sync_calendars s "
        f"WHERE s.{key} = {side}.{column}"
    )


def _calls_where(condition: str) -> str:
    return (
        "SELECT s.id AS calendar_id, a.uid AS uid FROM appointments a "
        f"JOIN sync_calendars s ON s.closer_id = a.closer_id WHERE {condition}"
    )


def _item(side: str) -> str:
    # Through sync_calendars: a status row removed with its calendar marks nothing.
    return _of_calendar(side, "id", "calendar_id")


def _link_calls(side: str) -> str:
    return _calls_where(
        f"({side}.kind = 'company' AND a.company_id = {side}.local_id) OR "
        f"({side}.kind = 'prospect' AND a.prospect_id = {side}.local_id)"
    )


_PROSPECT_CHANGED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _PROSPECT_COLUMNS)

TRIGGERS = {
    "sync_dirty_call_added": (
        "AFTER INSERT ON appointments BEGIN " + _mark(_of_calendar("NEW")) + " END"
    ),
    "sync_dirty_call_changed": (
        f"AFTER UPDATE OF {_CALL_COLUMNS} ON appointments BEGIN "
        f"{_mark(_of_calendar('OLD') + ' UNION ' + _of_calendar('NEW'))} END"
    ),
    "sync_dirty_call_removed": (
        f"AFTER DELETE ON appointments BEGIN {_mark(_of_calendar('OLD'))} END"
    ),
    "sync_dirty_company_renamed": (
        "AFTER UPDATE OF name ON companies WHEN OLD.name IS NOT NEW.name BEGIN "
        f"{_mark(_calls_where('a.company_id = NEW.id'))} END"
    ),
    "sync_dirty_prospect_changed": (
        f"AFTER UPDATE OF {', '.join(_PROSPECT_COLUMNS)} ON prospects "
        f"WHEN {_PROSPECT_CHANGED} BEGIN {_mark(_calls_where('a.prospect_id = NEW.id'))} END"
    ),
    "sync_dirty_link_added": f"AFTER INSERT ON sync_links BEGIN {_mark(_link_calls('NEW'))} END",
    "sync_dirty_link_changed": (
        "AFTER UPDATE ON sync_links BEGIN "
        f"{_mark(_link_calls('OLD') + ' UNION ' + _link_calls('NEW'))} END"
    ),
    "sync_dirty_link_removed": (
        f"AFTER DELETE ON sync_links BEGIN {_mark(_link_calls('OLD'))} END"
    ),
    "sync_dirty_item_added": f"AFTER INSERT ON sync_items BEGIN {_mark(_item('NEW'))} END",
    # Not on ``etag``: a server rewriting an object moves its ETag, not the agreement.
    "sync_dirty_item_changed": (
        "AFTER UPDATE OF calendar_id, uid, hash, is_foreign ON sync_items BEGIN "
        f"{_mark(_item('OLD') + ' UNION ' + _item('NEW'))} END"
    ),
    "sync_dirty_item_removed": f"AFTER DELETE ON sync_items BEGIN {_mark(_item('OLD'))} END",
}


def upgrade() -> None:
    op.create_table(
        "sync_dirty",
        sa.Column(
            "calendar_id",
            sa.Integer,
            sa.ForeignKey("sync_calendars.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("uid", sa.String, primary_key=True),
    )
    op.create_index("ix_appointments_company", "appointments", ["company_id"])
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_appointments_company", "appointments")
    op.drop_table("sync_dirty")
