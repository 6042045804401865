"""Where the agenda file lives and which schema this code reads, without importing SQLAlchemy
(the window's first page is read before SQLAlchemy is loaded: see ``store.first_page``)."""

from __future__ import annotations

import os
from pathlib import Path

from closer_desk import APP_NAME

#: The newest migration this code knows; a test checks it equals Alembic's head.
SCHEMA_HEAD = "0008_sync_dirty"
#: In the order Alembic applies them (the ids were given before the branches were merged).
KNOWN_REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004_repair_company_rate",
    "0006_mail_outbox",
    "0007_caldav_sync",
    "0005_busy_sources",
    "0008_sync_dirty",
)
ENV_DB = "CLOSER_DESK_DB"


def default_db_path() -> Path:
    """``$CLOSER_DESK_DB`` if set, else ``agenda.sqlite3`` in the platform's user data dir."""
    if env := os.environ.get(ENV_DB):
        return Path(env).expanduser()
    import platformdirs  # imported late: only the default path needs it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "agenda.sqlite3"


def holiday_cache_path() -> Path:
    """Where the public holidays and weekends already computed are remembered (see
    ``core.holiday_data``): ``holidays.json`` in the platform's user cache dir."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "holidays.json"
