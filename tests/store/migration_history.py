"""Every schema state an agenda file has been at, as closer_desk's own history built it.

A state is a revision and the code of every migration up to it. The current migrations build
most states again; a migration edited after it shipped (0003 at a9db5d8, before 961cc0c added
``company_rate`` to it) left files in a state nothing in the tree builds any more. Those are
kept as SQL schemas in ``schemas/``, built once from the git history's own code::

    python -m tests.store.migration_history        # rewrites tests/store/schemas/*.sql

Each is named ``<revision>-<commit>.sql`` after the first commit that shipped it.
"""

from __future__ import annotations

import ast
import hashlib
import re
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = Path(__file__).with_name("schemas")
MIGRATIONS = "closer_desk/store/migrations"
VERSIONS = f"{MIGRATIONS}/versions"


@dataclass(frozen=True)
class State:
    """One revision with the text of each migration of its chain (oldest first)."""

    revision: str
    chain: tuple[tuple[str, str], ...]  # (revision, hash of its file's code)
    commit: str  # the first commit that shipped this state (short id)


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
    ).stdout


def _field(text: str, name: str) -> str | None:
    found = re.search(rf"^{name}\s*=\s*['\"]([^'\"]+)['\"]", text, re.MULTILINE)
    return found.group(1) if found else None


def _code_hash(text: str) -> str:
    """A hash of what a migration does: its code, without comments, docstrings or layout (a
    comment added to a shipped migration builds the same schema)."""
    tree = ast.parse(text)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            body.pop(0)
    return hashlib.sha1(ast.dump(tree).encode()).hexdigest()


def _chains(files: dict[str, str]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each revision's chain of (revision, code hash), from the migration files' texts."""
    by_revision = {}
    for text in files.values():
        if (revision := _field(text, "revision")) is not None:
            by_revision[revision] = (_field(text, "down_revision"), text)
    chains = {}
    for revision in by_revision:
        chain: list[tuple[str, str]] = []
        at: str | None = revision
        while at is not None:
            down, text = by_revision[at]
            chain.insert(0, (at, _code_hash(text)))
            at = down
        chains[revision] = tuple(chain)
    return chains


def _files_at(commit: str) -> dict[str, str]:
    names = _git("ls-tree", "--name-only", f"{commit}:{VERSIONS}").split()
    return {n: _git("show", f"{commit}:{VERSIONS}/{n}") for n in names if n.endswith(".py")}


def current_chains() -> dict[str, tuple[tuple[str, str], ...]]:
    """The chains the migrations in this tree build."""
    folder = ROOT / VERSIONS
    return _chains({p.name: p.read_text() for p in folder.glob("*.py")})


def history_has_migrations() -> bool:
    """Whether this clone holds the history (a shallow or exported copy does not)."""
    try:
        return bool(_git("log", "--format=%h", "--", VERSIONS).split())
    except (OSError, subprocess.CalledProcessError):
        return False


def states_in_history() -> list[State]:
    """Every state the main line shipped, oldest first (first parents only: a branch's own
    commits are not what users ran, and its migrations are re-chained when it is merged)."""
    seen: dict[tuple[tuple[str, str], ...], State] = {}
    commits = _git("log", "--first-parent", "--reverse", "--format=%h", "--", VERSIONS)
    for commit in commits.split():
        for revision, chain in _chains(_files_at(commit)).items():
            seen.setdefault(chain, State(revision, chain, commit))
    return list(seen.values())


def states_needing_a_schema() -> list[State]:
    """The states of the history that the migrations in this tree do not build any more."""
    current = set(current_chains().values())
    return [s for s in states_in_history() if s.chain not in current]


def schema_file(state: State) -> Path:
    """Where the SQL schema of ``state`` is kept."""
    return SCHEMAS / f"{state.revision}-{state.commit}.sql"


def build_from_history(state: State, path: Path) -> None:
    """An agenda at ``state``, built by the migrations of the commit that shipped it."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    with tempfile.TemporaryDirectory() as scratch:
        package = Path(scratch) / "migrations"
        (package / "versions").mkdir(parents=True)
        for name in ("env.py", "script.py.mako"):
            (package / name).write_text(_git("show", f"{state.commit}:{MIGRATIONS}/{name}"))
        for name, text in _files_at(state.commit).items():
            (package / "versions" / name).write_text(text)
        config = Config()
        config.set_main_option("script_location", str(package))
        engine = create_engine(f"sqlite:///{path}")
        try:
            with engine.begin() as conn:
                config.attributes["connection"] = conn
                command.upgrade(config, state.revision)
        finally:
            engine.dispose()


def schema_sql(path: Path) -> str:
    """The schema of the SQLite file at ``path`` and its stamped revision, as SQL."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
            " ORDER BY type = 'index', name"
        ).fetchall()
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    # Trailing spaces SQLAlchemy leaves at line ends mean nothing to SQLite.
    statements = ["\n".join(line.rstrip() for line in f"{sql};".splitlines()) for (sql,) in rows]
    statements.append(f"INSERT INTO alembic_version (version_num) VALUES ('{revision}');")
    return "\n".join(statements) + "\n"


def agenda_from_schema(schema: Path, path: Path) -> None:
    """A new agenda file holding the kept ``schema`` (no rows but the revision)."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(schema.read_text())
    finally:
        conn.close()


def main() -> None:
    """Rewrite ``schemas/`` from the history."""
    SCHEMAS.mkdir(exist_ok=True)
    for old in SCHEMAS.glob("*.sql"):
        old.unlink()
    for state in states_needing_a_schema():
        with tempfile.TemporaryDirectory() as scratch:
            built = Path(scratch) / "agenda.sqlite3"
            build_from_history(state, built)
            target = schema_file(state)
            target.write_text(schema_sql(built))
            print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
