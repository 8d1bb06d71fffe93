"""What every chart shares: a palette, a Figure without pyplot, and rendering to PNG bytes.

Matplotlib is imported inside the functions (it costs about half a second), so importing
this module is free.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mentor_desktop.storage.files import write_bytes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend

#: Dots per inch for charts that go into a PDF or onto paper.
PRINT_DPI = 300
MM_PER_INCH = 25.4


@dataclass(frozen=True, slots=True)
class ChartPalette:
    """Colours a chart uses; the UI builds one from the Qt palette, print uses PRINT_PALETTE."""

    background: str
    foreground: str
    grid: str
    primary: str
    secondary: str
    muted: str
    #: Good and bad news (kept on time / missed); the same in light and dark.
    positive: str = "#2e9e5b"
    negative: str = "#d0453a"

    @classmethod
    def from_colours(cls, background: str, foreground: str, highlight: str) -> ChartPalette:
        """A palette derived from a window background, its text colour and a highlight."""
        dark = _luminance(background) < 0.5
        return cls(
            background=background,
            foreground=foreground,
            grid="#4a4f57" if dark else "#d7dbe2",
            primary=highlight,
            secondary="#e0a030" if dark else "#c46a10",
            muted="#8a9099",
        )


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


#: Black on white, one blue and one orange: prints well in colour and in grey.
PRINT_PALETTE = ChartPalette(
    background="#ffffff",
    foreground="#1f2328",
    grid="#d7dbe2",
    primary="#2f6fd0",
    secondary="#c46a10",
    muted="#8a9099",
)


def import_matplotlib() -> None:
    """Import the parts of Matplotlib every chart uses, now.

    A command that draws charts into a Qt document calls this before anything imports Qt:
    once PySide6 is loaded it reads the source of every module imported after it, which
    makes Matplotlib's and NumPy's hundreds of modules markedly slower to import.

    While it imports, Matplotlib also writes a table of every artist's properties into its
    help text, about a fifth of its import time. Nothing here shows that help, so the tables
    are left empty (`matplotlib.artist.kwdoc` writes them).
    """
    import matplotlib.artist

    if callable(getattr(matplotlib.artist, "kwdoc", None)):
        setattr(matplotlib.artist, "kwdoc", _no_property_table)  # noqa: B010 - replaces a library function
    import matplotlib.backends.backend_agg
    import matplotlib.figure


def _no_property_table(_artist: object) -> str:
    return ""


def new_figure(width_mm: float, height_mm: float, palette: ChartPalette) -> Figure:
    """A Matplotlib Figure (never pyplot) of the given size, coloured by `palette`."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_mm / MM_PER_INCH, height_mm / MM_PER_INCH))
    figure.patch.set_facecolor(palette.background)
    return figure


def style_axes(axes: Axes, palette: ChartPalette, font_size: float = 7.0) -> None:
    """Quiet axes: no top/right spines, a light grid, palette colours, small labels."""
    axes.set_facecolor(palette.background)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(palette.muted)
    axes.tick_params(colors=palette.foreground, labelsize=font_size, length=2)
    axes.grid(True, color=palette.grid, linewidth=0.5)
    axes.set_axisbelow(True)


def render_png(figure: Figure, dpi: int = PRINT_DPI) -> bytes:
    """The figure as PNG bytes at `dpi`, drawn with the Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor=figure.get_facecolor())
    return buffer.getvalue()


def render_document_image(figure: Figure, dpi: int = PRINT_DPI) -> bytes:
    """The figure at `dpi` as a binary PPM picture, for a document: the Agg canvas's pixels
    as they are (the figure's background is opaque), which Qt reads without decoding. The PDF
    writer compresses the pixels itself, so a PNG's compression would be work done twice."""
    import numpy
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure.set_dpi(dpi)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    pixels = numpy.asarray(canvas.buffer_rgba())
    height, width = pixels.shape[:2]
    return b"P6\n%d %d\n255\n" % (width, height) + pixels[..., :3].tobytes()


#: File formats a chart can be exported to, by file extension.
EXPORT_FORMATS = ("png", "svg", "pdf")
#: Resolution of exported PNG files.
EXPORT_DPI = 200


def export_format(path: str | Path) -> str:
    """The export format named by `path`'s extension; ValueError for anything else."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in EXPORT_FORMATS:
        shown = f".{suffix}" if suffix else "no extension"
        raise ValueError(
            f"cannot export a chart as {shown}; use a file name ending in "
            + ", ".join(f".{name}" for name in EXPORT_FORMATS)
        )
    return suffix


def export_figure(figure: Figure, path: str | Path, dpi: int = EXPORT_DPI) -> str:
    """Write `figure` to `path` (PNG, SVG or PDF by extension) with the Agg canvas, whole or
    not at all (0600); returns the format written. Raises FileWriteError when it cannot."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fmt = export_format(path)
    if figure.canvas is None or not hasattr(figure.canvas, "print_figure"):
        FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(
        buffer, format=fmt, dpi=dpi, facecolor=figure.get_facecolor(), metadata=_metadata(fmt)
    )
    write_bytes(Path(path), buffer.getvalue())
    return fmt


def _metadata(fmt: str) -> dict[str, str | None]:
    """No creation date in SVG/PDF, so the same chart gives the same file."""
    if fmt == "svg":
        return {"Date": None}
    if fmt == "pdf":
        return {"CreationDate": None}
    return {}


#: Where a title sits: just above the axes (plus its pad). Given, it spares Matplotlib
#: measuring every tick label at each draw to find that place (no chart has any above).
TITLE_Y = 1.0


def chart_title(axes: Axes, title: str, palette: ChartPalette, font_size: float = 9.0) -> None:
    """A left-aligned chart title in the palette's text colour."""
    axes.set_title(
        title, fontsize=font_size, color=palette.foreground, loc="left", pad=8, y=TITLE_Y
    )


def label_axes(axes: Axes, palette: ChartPalette, x: str, y: str, font_size: float = 7.5) -> None:
    axes.set_xlabel(x, fontsize=font_size, color=palette.foreground)
    axes.set_ylabel(y, fontsize=font_size, color=palette.foreground)


def empty_state(figure: Figure, palette: ChartPalette, title: str, message: str) -> Figure:
    """A figure that says there is nothing to show (a title and a message, no empty axis)."""
    figure.text(0.04, 0.92, title, fontsize=9.0, color=palette.foreground, ha="left", va="top")
    figure.text(
        0.5, 0.48, message, fontsize=8.5, color=palette.muted, ha="center", va="center", wrap=True
    )
    return figure


def style_legend(legend: Legend | None, palette: ChartPalette) -> None:
    if legend is None:
        return
    for text in legend.get_texts():
        text.set_color(palette.foreground)
