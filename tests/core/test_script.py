"""A company's closing script as steps, and the ticks of one call."""

from __future__ import annotations

from closer_desk.core.script import checklist, script_steps


def test_script_steps_drop_numbering_and_blank_lines():
    script = (
        "1. Rappeler le contexte\n\n2) Faire reformuler le besoin\n- Objections\n* Offre\n[x] Date"
    )
    assert script_steps(script) == (
        "Rappeler le contexte",
        "Faire reformuler le besoin",
        "Objections",
        "Offre",
        "Date",
    )
    assert script_steps("") == ()
    assert script_steps("-10% on the first year\n1.5x ROI\n  3)  Close") == (
        "-10% on the first year",
        "1.5x ROI",
        "Close",
    )


def test_a_tick_only_counts_while_the_step_text_is_unchanged():
    steps = checklist("1. Budget\n2. Demo", {0: "Budget", 1: "Old step"})
    assert [(s.index, s.text, s.ticked) for s in steps] == [(0, "Budget", True), (1, "Demo", False)]
