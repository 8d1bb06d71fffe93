"""The one way the app makes PDFs: HTML + CSS -> QTextDocument -> pages on a QPdfWriter/QPrinter.

A `Report` is plain data (HTML, CSS, named pictures, a title). `write_pdf` lays it out on
A4 or Letter (the locale's choice unless overridden), draws page after page so nothing is
clipped or overlaps, and adds a footer with the page number and a visible continuation note
when a document runs onto another page. The PDF embeds its fonts (Qt subsets them) and keeps
the text extractable. `paint_report` does the same on any QPrinter, for print and preview.

Needs a QGuiApplication (fonts and images); `ensure_gui_application` makes an offscreen-safe
one for the command line.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from mentor_desktop.storage.files import write_bytes

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

TEMPLATES = Path(__file__).with_name("templates")
#: Layout units: CSS pixels at 96 per inch, as in a browser.
LAYOUT_DPI = 96
MARGIN_MM = 14.0
FOOTER_PX = 22
BODY_FONT = "DejaVu Sans"


class PageSize(enum.StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def qt(self) -> QPageSize:
        return QPageSize(
            QPageSize.PageSizeId.A4 if self is PageSize.A4 else QPageSize.PageSizeId.Letter
        )

    @property
    def label(self) -> str:
        return "A4" if self is PageSize.A4 else "Letter"


def locale_page_size(locale: QLocale | None = None) -> PageSize:
    """Letter where the locale measures in US units (US, Canada's English locales…), else A4."""
    locale = locale or QLocale.system()
    if locale.territory() in (QLocale.Country.UnitedStates, QLocale.Country.Canada) or (
        locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    ):
        return PageSize.LETTER
    return PageSize.A4


def mm_to_px(mm: float) -> int:
    """Millimetres in layout pixels (for `width`/`height` attributes of images)."""
    return round(mm / 25.4 * LAYOUT_DPI)


def load_template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Report:
    """A document to print: `images` maps the `src` names used in `html` to pictures in any
    format Qt reads, PNG or PPM (a mapping that may be filled only when first read: see
    `build_document`)."""

    title: str
    html: str
    css: str = ""
    images: Mapping[str, bytes] = field(default_factory=dict)
    footer: str = ""


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new offscreen-safe QGuiApplication (command line)."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["mentor-desktop"])
    return app  # type: ignore[return-value]


def body_font(points: float) -> QFont:
    """The report font, without ligatures: “ff” and “fi” stay two letters in the PDF's text,
    so copying and searching it finds “offsite” and “file”."""
    font = QFont(BODY_FONT)
    font.setPointSizeF(points)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def build_document(report: Report) -> QTextDocument:
    """The report as a QTextDocument, not yet paginated and without its images.

    Every image in a report's HTML has its width and height, so the layout never needs the
    images themselves: `add_images` gives them to the document just before it is painted,
    and charts drawn elsewhere can still be drawing while the pages are laid out.
    """
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(body_font(9.5))
    document.setDefaultStyleSheet(report.css)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, report.title)
    document.setHtml(report.html)
    return document


def add_images(document: QTextDocument, report: Report) -> None:
    """Give `document` the report's images (read only now: see `build_document`)."""
    for name, data in report.images.items():
        image = QImage.fromData(data)
        if image.isNull():
            raise ValueError(f"image {name!r} of the report could not be read")
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)


def laid_out(report: Report, page_size: PageSize | None) -> QTextDocument:
    """`report` laid out on `page_size` (the locale's paper by default) as `paint_report`
    lays it out, without painting anything (the layout measures text: Qt must be running)."""
    ensure_gui_application()
    layout = QPageLayout(
        (page_size or locale_page_size()).qt,
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    paint_rect = layout.paintRectPixels(LAYOUT_DPI)
    document = build_document(report)
    document.setPageSize(QSizeF(paint_rect.width(), paint_rect.height() - FOOTER_PX))
    keep_headings_with_next(document)
    return document


def keep_headings_with_next(document: QTextDocument) -> int:
    """Move every heading that would end a page (its text on one page, what follows on the
    next) to the top of the next page; returns how many moved. QTextDocument has no
    keep-with-next, so the laid-out document is measured and page breaks are set."""
    page = document.pageSize().height()
    if page <= 0:
        return 0
    # Lay the whole document out first: measured while the layout is still incremental,
    # a later page count can come out short, and the end of the document is lost.
    document.pageCount()
    layout = document.documentLayout()
    moved = 0
    run_start: QTextBlock | None = None  # the first of consecutive headings
    block = document.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() > 0:
            run_start = run_start or block
            if following.isValid() and following.blockFormat().headingLevel() == 0:
                # the whole run of headings goes with the first line of what follows
                top = layout.blockBoundingRect(run_start).top()
                after = layout.blockBoundingRect(following)
                first_line = after.top() + _first_line_bottom(following)
                if int(top // page) != int((first_line - 0.5) // page):
                    cursor = QTextCursor(run_start)
                    fmt = run_start.blockFormat()
                    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    cursor.setBlockFormat(fmt)
                    moved += 1
        else:
            run_start = None
        block = following
    return moved


def _first_line_bottom(block: QTextBlock) -> float:
    """The height of a block's first line (of the block itself when it has no text lines)."""
    lines = block.layout()
    if lines is not None and lines.lineCount():
        line = lines.lineAt(0)
        return line.y() + line.height()
    return 1.0


def page_count(report: Report, page_size: PageSize | None = None) -> int:
    """How many pages `report` takes on `page_size` (the locale's paper by default)."""
    return laid_out(report, page_size).pageCount()


def room_left(report: Report, page_size: PageSize | None = None) -> tuple[int, float]:
    """The pages `report` takes on `page_size` and the height (layout pixels) still free
    at the foot of its last page."""
    document = laid_out(report, page_size)
    pages = document.pageCount()
    last = document.lastBlock()
    bottom = document.documentLayout().blockBoundingRect(last).bottom()
    frame = document.rootFrame().frameFormat()
    bottom += frame.bottomMargin() + frame.padding()
    return pages, max(0.0, pages * document.pageSize().height() - bottom)


def paint_report(
    report: Report, device: QPrinter | QPdfWriter, page_size: PageSize | None = None
) -> int:
    """Lay `report` out on `device` page by page; returns the number of pages.

    With `page_size`, the device is set to that size and the standard margins; without it
    (a printer the user set up), the device's own page layout is used.
    """
    if page_size is not None:
        device.setPageLayout(
            QPageLayout(
                page_size.qt,
                QPageLayout.Orientation.Portrait,
                QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                QPageLayout.Unit.Millimeter,
            )
        )
    paint_rect = device.pageLayout().paintRectPixels(device.resolution())
    scale = device.resolution() / LAYOUT_DPI
    width = paint_rect.width() / scale
    height = paint_rect.height() / scale
    document = build_document(report)
    document.setPageSize(QSizeF(width, height - FOOTER_PX))
    keep_headings_with_next(document)
    content_height = height - FOOTER_PX
    pages = document.pageCount()
    add_images(document, report)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for writing")
    # Charts go into a PDF losslessly (Qt would otherwise write them as JPEG, which blurs
    # their text and lines); their flat colours compress well, so the file is smaller too.
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -page * content_height)
            # Inset by half a pixel: a line that starts exactly at the page edge belongs to
            # the next page, and must not be drawn (clipped, but still in the PDF) here too.
            clip = QRectF(0, page * content_height + 0.5, width, content_height - 1.0)
            document.drawContents(painter, clip)
            painter.restore()
            _paint_footer(painter, report, page, pages, width, height, scale)
    finally:
        painter.end()
    return pages


def _paint_footer(
    painter: QPainter,
    report: Report,
    page: int,
    pages: int,
    width: float,
    height: float,
    scale: float,
) -> None:
    """Title on the left; page number (and where the text continues) on the right."""
    painter.save()
    painter.setFont(body_font(7.5))
    painter.setPen(QColor("#5b6270"))
    top = (height - FOOTER_PX + 6) * scale
    painter.drawLine(QPointF(0, top), QPointF(width * scale, top))
    left = report.footer or report.title
    right = f"Page {page + 1} of {pages}"
    if page + 1 < pages:
        right = f"Continued on page {page + 2} · {right}"
    box = QRectF(0, top + 2 * scale, width * scale, (FOOTER_PX - 8) * scale)
    painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
    painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
    painter.restore()


def render_pdf(report: Report, page_size: PageSize | None = None) -> tuple[bytes, int]:
    """`report` as the bytes of a PDF file and its number of pages (nothing is written)."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(report.title)
    writer.setCreator("Mentor Desktop")
    pages = paint_report(report, writer, page_size or locale_page_size())
    del writer  # finishes the file in the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    return data, pages


def write_pdf(report: Report, path: Path, page_size: PageSize | None = None) -> int:
    """Write `report` to the PDF file `path` whole or not at all (0600); returns the number
    of pages. Raises FileWriteError (an older file left untouched) when it cannot."""
    data, pages = render_pdf(report, page_size)
    write_bytes(Path(path), data)
    return pages
