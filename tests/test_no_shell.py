"""No user text can reach a shell: closer_desk never starts one."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "closer_desk"
FORBIDDEN_CALLS = {
    ("os", "system"),
    ("os", "popen"),
    ("os", "execl"),
    ("os", "execlp"),
    ("os", "spawnl"),
    ("os", "spawnlp"),
    ("subprocess", "getoutput"),
    ("subprocess", "getstatusoutput"),
    ("pty", "spawn"),
}


def _offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg == "shell" and not (
                isinstance(keyword.value, ast.Constant) and keyword.value.value is False
            ):
                found.append(f"{path}:{node.lineno}: shell=")
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and (func.value.id, func.attr) in FORBIDDEN_CALLS
        ):
            found.append(f"{path}:{node.lineno}: {func.value.id}.{func.attr}")
    return found


def test_no_shell_anywhere_in_the_package() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert files
    offences = [o for f in files for o in _offences(f)]
    assert offences == []


def test_the_check_catches_what_it_should(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("import os, subprocess\nos.system('x')\nsubprocess.run('x', shell=True)\n")
    assert len(_offences(sample)) == 2
