"""Light and dark palettes on the Fusion style, readable in both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from mentor_desktop.settings import Theme

_DARK = {
    QPalette.ColorRole.Window: "#2b2d30",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1f22",
    QPalette.ColorRole.AlternateBase: "#26282b",
    QPalette.ColorRole.ToolTipBase: "#3c3f41",
    QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#8c8f94",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#35383b",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Highlight: "#3d7bd9",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#6ea8fe",
    QPalette.ColorRole.LinkVisited: "#b197fc",
    QPalette.ColorRole.Mid: "#4a4d50",
    QPalette.ColorRole.Dark: "#191a1c",
    QPalette.ColorRole.Light: "#505357",
}
_DARK_DISABLED = "#7a7d82"


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in _DARK.items():
        palette.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


#: Red for problems, readable on the light and on the dark palette.
ERROR_ON_LIGHT = "#b00020"
ERROR_ON_DARK = "#ff8a80"


def error_color(palette: QPalette | None = None) -> QColor:
    """The colour for warnings and errors on `palette` (default: the application's)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return QColor(ERROR_ON_DARK if is_dark(palette) else ERROR_ON_LIGHT)


def show_as_error(label: QLabel) -> None:
    """Colour `label` as a validation or error message."""
    label.setStyleSheet(f"color: {error_color(label.palette()).name()};")


class ReadableIndicatorStyle(QProxyStyle):
    """Fusion, with check-box frames that stay visible on a dark palette.

    Signals: none.
    """

    _INDICATORS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    )

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in self._INDICATORS and is_dark(option.palette):
            painter.save()
            border = QColor(option.palette.color(QPalette.ColorRole.Text))
            border.setAlpha(150)
            painter.setPen(QPen(border, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(option.rect.adjusted(1, 1, -2, -2), 2, 2)
            painter.restore()


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Fusion style with the light or dark palette (System follows the desktop's choice).

    The dark palette gets ReadableIndicatorStyle; the light one plain Fusion, so painting
    does not call into Python for every primitive when nothing needs mending.
    """
    wants_dark = theme is Theme.DARK or (
        theme is Theme.SYSTEM and QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    )
    if wants_dark and not isinstance(app.style(), ReadableIndicatorStyle):
        app.setStyle(ReadableIndicatorStyle("Fusion"))
    elif not wants_dark and (
        isinstance(app.style(), ReadableIndicatorStyle) or app.style().name() != "fusion"
    ):
        app.setStyle("Fusion")
    app.setPalette(dark_palette() if wants_dark else app.style().standardPalette())
