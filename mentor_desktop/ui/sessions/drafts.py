"""Text typed into Session prep's one-line fields (a new agenda item, action item or
feedback) but not added yet: kept as a draft that survives a crash and is offered back."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.sessions.view import SessionPrepView
from mentor_desktop.ui.widgets.dialog_drafts import TextDrafts


def composing_drafts(tab: QWidget, v: SessionPrepView, dialogs: Dialogs) -> TextDrafts:
    """An agenda item, action item or feedback typed but not added yet survives a crash."""
    drafts = TextDrafts(tab, "Session prep: text being added", label=lambda: "Text being added")
    drafts.watch("agenda_item", v.new_item_edit)
    drafts.watch("action_item", v.action_text)
    for name, edit in v.feedback_fields.items():
        drafts.watch(f"feedback_{name}", edit)
    drafts.start(
        lambda text: dialogs.confirm(tab, "Text kept from before", text, "Put it back", "Drop it")
    )
    return drafts
