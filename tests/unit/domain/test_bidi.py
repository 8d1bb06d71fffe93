"""Bidi controls in titles, tags and names are shown as visible markers."""

from __future__ import annotations

import pytest

from mentor_desktop.domain.bidi import BIDI_CONTROLS, has_bidi_controls, mark_bidi


def test_a_right_to_left_override_cannot_disguise_a_file_name() -> None:
    title = "invoice\u202efdp.exe"  # shows as "invoiceexe.pdf" when left alone
    assert mark_bidi(title) == "invoice\u2039RLO\u203afdp.exe"
    assert not has_bidi_controls(mark_bidi(title))


@pytest.mark.parametrize("control", sorted(BIDI_CONTROLS))
def test_every_control_is_marked_by_its_name(control: str) -> None:
    marked = mark_bidi(f"a{control}b")
    assert marked == f"a\u2039{BIDI_CONTROLS[control]}\u203ab"


def test_right_to_left_letters_and_plain_text_are_left_alone() -> None:
    for text in ("שלום", "مرحبا بالعالم", "Plain title", "", "emoji 🎉"):
        assert mark_bidi(text) is text
