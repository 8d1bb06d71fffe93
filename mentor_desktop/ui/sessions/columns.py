"""Column widths of the Session prep tables: fitted to what they show, once per filling."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

#: Rows a column measures when it is fitted: about a screenful, not fifty years of sessions.
FIT_ROWS = 30


def size_columns(view: QTableView, fit_when_filled: bool = True) -> None:
    """Interactive columns, the main text column taking the rest; fitted now and, when
    `fit_when_filled`, each time the table is filled (else the owner calls `fit_columns`).

    The fit is done once per filling, not on every layout pass as the header's
    ResizeToContents mode does, so a table of years of rows lays out and paints quickly.
    """
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(_stretch_column(view), QHeaderView.ResizeMode.Stretch)
    if fit_when_filled:
        view.model().modelReset.connect(lambda: fit_columns(view))
    fit_columns(view)


def fit_columns(view: QTableView, around_row: int = 0) -> None:
    """Widen each column (but the stretching one) to its header and to the FIT_ROWS rows
    around `around_row`, the ones a person sees first."""
    model = view.model()
    header = view.horizontalHeader()
    first = max(0, min(around_row - FIT_ROWS // 2, model.rowCount() - FIT_ROWS))
    rows = range(first, min(model.rowCount(), first + FIT_ROWS))
    grid = 1 if view.showGrid() else 0
    for column in range(model.columnCount()):
        if column == _stretch_column(view):
            continue
        width = max(
            [header.sectionSizeHint(column)]
            + [view.sizeHintForIndex(model.index(row, column)).width() + grid for row in rows]
        )
        header.resizeSection(column, width)


def _stretch_column(view: QTableView) -> int:
    return int(view.property("stretch_column"))
