"""``closer-desk desk``: ticks and notes from the command line, refused whole on bad input."""

from __future__ import annotations

import json

from closer_desk.store import open_agenda
from tests.helpers.cli import main
from tests.helpers.factories import at, make_agenda


def test_tick_and_notes_then_refuse_a_bad_step(tmp_path, capsys):
    path = tmp_path / "a.sqlite3"
    with make_agenda(path) as agenda:
        agenda.edit_company("Acme", script="1. Budget\n2. Démo\n3. Signature")
        agenda.edit_prospect("Omar", need="Un CRM", blockages="Le prix")
        call = agenda.book(
            company="Acme", prospect="Omar", start=at("2026-03-03 10:00", "Europe/Paris")
        )
    db = ["--db", str(path)]
    assert (
        main([*db, "desk", str(call.id), "--tick", "1", "--tick", "3", "--notes", "OK vendredi"])
        == 0
    )
    capsys.readouterr()
    assert main([*db, "desk", str(call.id), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [s["ticked"] for s in doc["script"]] == [True, False, True]
    assert (doc["notes"], doc["file"]["need"], doc["file"]["blockages"]) == (
        "OK vendredi",
        "Un CRM",
        "Le prix",
    )
    assert main([*db, "desk", str(call.id), "--untick", "1", "--tick", "4"]) == 2
    assert "out of range" in capsys.readouterr().err
    with open_agenda(path) as agenda:
        from closer_desk.store.desk import ticks

        assert sorted(ticks(agenda, call.id)) == [0, 2]  # the valid untick was not applied either
