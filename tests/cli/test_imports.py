"""``closer-desk --version``, ``--help`` (of every command) and usage errors load nothing heavy.

Checked in a fresh interpreter, as ``tests/test_layers.py`` does: building the command tree
imports every command module, so each of them (and any added later) must keep the store,
SQLAlchemy, Alembic, Qt and icalendar out of its top-level imports.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HEAVY = {"sqlalchemy", "alembic", "PySide6", "shiboken6", "icalendar", "holidays", "babel"}

_PROBE = """
import argparse, contextlib, io, json, sys
from closer_desk.__main__ import main

def commands(parser, path=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*path, name)
                yield from commands(sub, (*path, name))

def run(argv):
    with contextlib.redirect_stdout(io.StringIO()) as out, \\
            contextlib.redirect_stderr(io.StringIO()) as err:
        try:
            code = main(list(argv))
        except SystemExit as exit_:
            code = exit_.code
    return code, out.getvalue(), err.getvalue()

runs = {}
for argv in json.loads(sys.argv[1]):
    runs[" ".join(argv)] = run(argv)
if sys.argv[2] == "every-help":
    from closer_desk.cli import build_parser
    for path in commands(build_parser()):
        runs[" ".join(path) + " --help"] = run([*path, "--help"])
print(json.dumps({"runs": runs, "modules": sorted(sys.modules)}))
"""


def _probe(argvs: list[list[str]], every_help: bool = False) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(argvs), "every-help" if every_help else "-"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def _heavy(modules: list[str]) -> set[str]:
    tops = {m.split(".")[0] for m in modules}
    store = {m for m in modules if m.startswith("closer_desk.store")}
    return (tops & HEAVY) | store


def test_version_loads_nothing_heavy() -> None:
    found = _probe([["--version"]])
    code, out, _err = found["runs"]["--version"]
    assert code == 0 and out.startswith("closer-desk ")
    assert _heavy(found["modules"]) == set()
    # Not even the data model: its classes cost a bare interpreter's start.
    assert "closer_desk.core.model" not in found["modules"]


def test_help_of_every_command_loads_nothing_heavy() -> None:
    found = _probe([["--help"]], every_help=True)
    runs = found["runs"]
    code, out, _err = runs["--help"]
    assert code == 0 and "book" in out and "slots" in out
    # Every command and verb still has its whole help (registration stays in the modules).
    assert {
        "book --help",
        "company add --help",
        "closer hours --help",
        "backup now --help",
        "busy list --help",
        "sync --help",
        "outbox --help",
    } <= set(runs)
    for argv, (code, out, _err) in runs.items():
        assert code == 0, argv
        assert out.startswith("usage: closer-desk"), argv
    assert "--fold {earlier,later}" in runs["book --help"][1]
    assert "--lang {fr,en}" in runs["slots --help"][1]
    assert _heavy(found["modules"]) == set()


def test_usage_errors_load_nothing_heavy() -> None:
    argvs = [
        ["book", "--company", "Acme"],  # --prospect and --start missing
        ["cancel", "twelve"],  # not an id
        ["agenda", "--no-such-option"],
        ["no-such-command"],
        ["--db", "", "agenda"],  # an empty file name
    ]
    found = _probe(argvs)
    for argv in argvs:
        code, _out, err = found["runs"][" ".join(argv)]
        assert code == 2, argv
        assert err.startswith("closer-desk") and err.count("\n") == 1, (argv, err)
    assert _heavy(found["modules"]) == set()


def test_the_proposal_languages_offered_are_the_proposals() -> None:
    from closer_desk.cli.planning_cmds import PROPOSAL_LANGUAGES
    from closer_desk.core.proposal import SUPPORTED_LANGUAGES

    assert PROPOSAL_LANGUAGES == SUPPORTED_LANGUAGES


def _choices(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_the_table_of_commands_is_what_each_module_registers() -> None:
    from closer_desk.cli import COMMANDS, _Parser

    sub = _Parser(prog="closer-desk").add_subparsers(parser_class=_Parser)
    for module, names in COMMANDS.items():
        before = set(sub.choices)
        importlib.import_module(module).register(sub)
        assert set(sub.choices) - before == set(names) - before, module


def test_a_command_builds_only_the_parsers_of_its_modules() -> None:
    from closer_desk.cli import COMMANDS, build_parser

    whole = _choices(build_parser())
    everything = set(whole)
    assert {"add", "list", "hours", "travel"} <= set(_choices(whole["closer"]))
    assert set(_choices(build_parser(["slots", "--help"]))) == {"slots", "zones"}
    assert everything == {n for names in COMMANDS.values() for n in names}
    assert set(_choices(build_parser(["--db", "x.sqlite3", "book", "--json"]))) == set(
        COMMANDS["closer_desk.cli.agenda_cmds"]
    )
    # ``closer`` is built by two modules: its own verbs and the availability rules.
    closer = _choices(build_parser(["--db=x.sqlite3", "closer", "hours", "--help"]))["closer"]
    assert {"add", "list", "hours", "travel"} <= set(_choices(closer))
    assert _choices(build_parser(["--version"])) == {}
    # Anything else sees the whole tree, so that argparse names every choice.
    for argv in (["--help"], ["boook"], ["--d", "x", "agenda"], []):
        assert set(_choices(build_parser(argv))) == everything, argv


_EVERYDAY = """
import json, sys
from datetime import UTC, datetime
from closer_desk.cli import main

db = sys.argv[1]
def run(*argv):
    code = main(["--db", db, *argv], clock=lambda: datetime(2026, 3, 2, 8, tzinfo=UTC))
    assert code == 0, argv
run("agenda", "--json")
run("slots", "--prospect", "1", "--days", "14", "--json")
run("book", "--company", "1", "--prospect", "1", "--start", "2026-03-04 10:00", "--force")
sys.stdout = sys.__stderr__
print(json.dumps(sorted(sys.modules)), file=sys.__stdout__)
"""


def _python(code: str, *args: str, env: dict[str, str]) -> str:
    """What ``code`` prints, run in a fresh interpreter with ``args``; it must succeed."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


_DEMO = """
import sys
from datetime import UTC, datetime
from closer_desk.cli import main
sys.exit(main(["--db", sys.argv[1], "demo"], clock=lambda: datetime(2026, 3, 2, 8, tzinfo=UTC)))
"""


def test_everyday_commands_on_an_agenda_at_head_load_no_sqlalchemy(tmp_path: Path) -> None:
    # SQLAlchemy alone costs several interpreter starts, more than a whole command's budget:
    # the store's facade runs its SQL text on sqlite3 while nothing needs the engine.
    db = str(tmp_path / "demo.sqlite3")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    _python(_DEMO, db, env=env)
    for run in ("first", "second"):
        modules = json.loads(_python(_EVERYDAY, db, env=env).strip().splitlines()[-1])
        loaded = {m.split(".")[0] for m in modules}
        assert not loaded & {"sqlalchemy", "alembic"}, run
        assert "closer_desk.store.schema" not in modules, run
        # The holidays the checks and the slot flags read are remembered by the first run.
        assert ("holidays" in loaded) == (run == "first"), run
