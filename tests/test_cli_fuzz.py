"""Random command lines on a real agenda: exit 0 or 2, one line on error, never a traceback,
and the agenda unchanged whenever the command failed.

The vocabulary (sub-commands, options, choices) is read from the parser itself, so commands
added later are fuzzed too.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from closer_desk.cli import build_parser
from tests.helpers.cli import dump
from tests.helpers.cli import main as cli_main
from tests.helpers.factories import FakeClock, make_agenda
from tests.helpers.fuzzing import examples


def _vocabulary(parser: argparse.ArgumentParser) -> set[str]:
    words: set[str] = set()
    for action in parser._actions:
        words.update(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                words.add(name)
                words |= _vocabulary(sub)
        elif action.choices:
            words.update(str(c) for c in action.choices)
    return words


# --db (and its abbreviations) would point the command at another file: the fuzzed command
# must only ever touch the test agenda. ``sync setup`` and ``subscribe`` would ask a server
# at whatever address they were given (no network here); tests/sync covers their input.
_ONLINE = ("setup", "subscribe")
WORDS = sorted(
    w for w in _vocabulary(build_parser()) if not w.startswith("--d") and w not in _ONLINE
)
VALUES = [
    "Acme",
    "Érable",
    "Omar",
    "Gabriel Tremblay",
    "1",
    "0",
    "-1",
    "999999",
    "2026-03-03 10:00",
    "2026-03-29 02:30",
    "2026-10-25 02:30",
    "2026-02-30",
    "Europe/Paris",
    "Romance Standard Time",
    "Mars/Olympus",
    "45",
    "https://meet.example.com/x",
    "javascript:alert(1)",
    "+33612345678",
    "EUR",
    "1E30",
    "mon-fri 09:00-18:00",
    "--",
    "-",
    "",
    "\x00",
    "a" * 300,
]
TOKEN = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(VALUES),
    st.text(max_size=12).filter(lambda t: not t.startswith(("--d", "/", "~")) and ".." not in t),
)


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[Command]:
    """Every leaf sub-command with its positionals and options (and their choices)."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        positionals = [a for a in parser._actions if not a.option_strings]
        options = [
            (a.option_strings[-1], [str(c) for c in a.choices] if a.choices else None, a.nargs == 0)
            for a in parser._actions
            if a.option_strings and not a.option_strings[-1].startswith(("--d", "--h"))
        ]
        return [(path, len(positionals), options)]
    found = []
    for action in subs:
        for name, sub in action.choices.items():
            found += _commands(sub, (*path, name))
    return found


Command = tuple[tuple[str, ...], int, list[tuple[str, list[str] | None, bool]]]
COMMANDS = [c for c in _commands(build_parser()) if not set(c[0]) & set(_ONLINE)]


def _option(option: tuple[str, list[str] | None, bool]) -> st.SearchStrategy[list[str]]:
    name, choices, is_flag = option
    if is_flag:
        return st.just([name])
    return st.sampled_from(choices or VALUES).map(lambda value: [name, value])


def _shaped(command: Command) -> st.SearchStrategy[list[str]]:
    path, positionals, options = command
    return st.builds(
        lambda values, chosen: [*path, *values, *[t for option in chosen for t in option]],
        st.lists(st.sampled_from(VALUES), min_size=positionals, max_size=positionals),
        st.lists(st.one_of(*map(_option, options)), max_size=4) if options else st.just([]),
    )


# Shaped command lines: a real sub-command, values where positionals go, real options with
# plausible values; these get past argparse and into the store.
SHAPED = st.sampled_from(COMMANDS).flatmap(_shaped)
ARGV = st.one_of(st.lists(TOKEN, max_size=8), SHAPED)


@pytest.fixture
def fuzz_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Any file a command writes with a relative name lands in the temp dir.
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "agenda.sqlite3"
    with make_agenda(path, FakeClock()) as agenda:
        agenda.book(company="Acme", prospect="Omar", start=FakeClock().now.replace(hour=9))
    return path


@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(argv=ARGV)
@example(argv=["company", "add", "Érable"])  # non-ASCII duplicate reached the UNIQUE index
@example(argv=["outcome", "1", "won", "--value", "1E30"])  # Decimal overflow in quantize
@example(argv=["import", "a" * 300])  # a name over the system's limit exited 1
def test_random_command_lines(
    fuzz_db: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    before = dump(fuzz_db)
    try:
        status = cli_main(["--db", str(fuzz_db), *argv])
    except SystemExit as done:  # argparse: --help, --version, usage errors
        status = done.code if isinstance(done.code, int) else 2
    out, err = capsys.readouterr()
    assert status in (0, 2), (argv, err)
    assert "Traceback" not in err and "Traceback" not in out
    if status != 0:
        assert dump(fuzz_db) == before, argv
    if status != 0 and not (err == "" and out.startswith("usage:")):  # no command: the help
        assert err.count("\n") == 1 and err.startswith("closer-desk"), (argv, err)
