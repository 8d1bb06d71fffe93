"""What every item model shows of user text: bidirectional controls made visible.

`marks_bidi` wraps a model's `data()`: text it returns for a role a person reads (display,
tool tip, accessible text) has its bidi controls replaced by markers (domain.bidi), so a
title cannot pretend to be something else in any list, tree, table or combo box. The edit
role is left as it is, so editing keeps the text exactly as stored.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

from PySide6.QtCore import Qt

from mentor_desktop.domain.bidi import mark_bidi

#: The roles whose text a person reads.
SHOWN_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
    }
)

DataMethod = TypeVar("DataMethod", bound=Callable[..., Any])


def marks_bidi(data: DataMethod) -> DataMethod:
    """Decorate a model's `data(index, role)` so the text it shows is marked."""

    @functools.wraps(data)
    def wrapper(self: Any, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = data(self, index, role)
        if isinstance(value, str) and role in SHOWN_ROLES:
            return mark_bidi(value)
        return value

    return cast(DataMethod, wrapper)
