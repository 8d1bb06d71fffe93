"""What the command modules share: argument types, opening the database, output paths.

Only argparse and the standard library are imported at module level, so that building the
parser stays cheap; the database and services are imported when a command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from mentor_desktop.domain.errors import FileWriteError, MentorDesktopError, ValidationError
from mentor_desktop.paths import resolve_db_path

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mentor_desktop.app import Services
    from mentor_desktop.reports.chart_images import ImageCall
    from mentor_desktop.reports.pipeline import PageSize

DataT = TypeVar("DataT")


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def parse_day(text: str, what: str) -> date:
    """A date typed as YYYY-MM-DD for the option `what`; a clear ValidationError otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError.single(
            what, f"{text!r} is not a date; write it as YYYY-MM-DD (for example 2026-05-31)."
        ) from None


def whole_number_between(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high` (both included)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a number from {low} to {high}, got {value}")
        return value

    return parse


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[tuple[Engine, Services]]:
    """The database named by `--db` (or its default), closed again when the command ends."""
    from mentor_desktop.app import begin_start_checks
    from mentor_desktop.cli_secrets import unlock_if_encrypted

    db_path = resolve_db_path(args.db)
    unlock_if_encrypted(args, db_path)
    begin_start_checks(db_path)  # runs while SQLAlchemy loads
    from mentor_desktop.app import open_services

    engine, services = open_services(db_path)
    try:
        yield engine, services
    finally:
        engine.dispose()


def written_pages(
    args: argparse.Namespace, output: Path, write: Callable[[PageSize | None], int]
) -> int:
    """The pages `write(paper)` wrote to `output` on the paper `--page-size` names (the
    locale's by default); an OSError on the way becomes a FileWriteError naming the file."""
    from mentor_desktop.reports.pipeline import PageSize

    try:
        return write(PageSize(args.page_size) if args.page_size else None)
    except FileWriteError:
        raise
    except OSError as exc:
        raise FileWriteError(output, f"{exc}.") from exc


def read_quickly(
    args: argparse.Namespace,
    quick: Callable[[Path], DataT],
    full: Callable[[Services], DataT],
) -> DataT:
    """What a read-only command lists: `quick(db_path)` reads the checked file without
    SQLAlchemy (services/quick_reads.py); a file that must be created or upgraded first is
    opened the normal way and read with `full(services)`."""
    from mentor_desktop.cli_secrets import unlock_if_encrypted
    from mentor_desktop.services.quick_reads import NeedsFullOpen

    db_path = resolve_db_path(args.db)
    unlock_if_encrypted(args, db_path)
    try:
        return quick(db_path)
    except NeedsFullOpen:
        with opened(args) as (_engine, services):
            return full(services)


def output_path(text: str, suffixes: tuple[str, ...], what: str) -> Path:
    """A file to write `what` to: it must end in one of `suffixes`, in a folder that exists."""
    path = Path(text).expanduser()
    wanted = ", ".join(suffixes)
    if path.is_dir():
        raise MentorDesktopError(f"{path} is a folder; give a file name ending in {wanted}.")
    if path.suffix.lower() not in suffixes:
        shown = f"'{path.suffix}'" if path.suffix else "no extension"
        raise MentorDesktopError(
            f"Cannot write {what} to {path.name} ({shown}); use a file name ending in {wanted}."
        )
    if not path.parent.exists():
        raise MentorDesktopError(f"The folder {path.parent} does not exist.")
    return path


@contextmanager
def read_and_draw(
    args: argparse.Namespace,
    read: Callable[[Services], DataT],
    jobs: Callable[[DataT], Sequence[ImageCall]],
    quick: Callable[[Path], DataT] | None = None,
) -> Iterator[tuple[DataT, Mapping[str, bytes]]]:
    """A document's data, `read(services)`, and its chart images: the `(job, args)` calls
    that `jobs(data)` names, drawn side by side; Qt is ready.

    With `quick`, the data is read as `read_quickly` reads it: `quick(db_path)` without
    SQLAlchemy, `read(services)` only for a file that must be created or upgraded first.

    Matplotlib loads in a helper process while the data is read, and the helper draws while
    the document is laid out (see charts/helper_process.py): the images are waited for when
    first looked at, inside the `with` block. Each job must be a module-level function
    without Qt (see reports/chart_images.py).
    """
    from mentor_desktop.charts.helper_process import ChartProcess, ImagesWhenAsked
    from mentor_desktop.reports.chart_images import import_chart_modules

    with ChartProcess.started(prepare=import_chart_modules) as charts:
        if quick is not None:
            data = read_quickly(args, quick, read)
        else:
            with opened(args) as (_engine, services):
                data = read(services)
        charts.submit_all(jobs(data))
        if not charts.has_helper:
            from mentor_desktop.charts.base import import_matplotlib

            import_matplotlib()  # before Qt, see import_matplotlib
        from mentor_desktop.reports.pipeline import ensure_gui_application

        ensure_gui_application()
        yield data, ImagesWhenAsked(charts)
