"""Charts drawn in a second process while a command reads its data.

A command that writes a document with charts (`brief`, `report`) would spend about half its
time importing Matplotlib. Where the system can fork (Linux) and has a second core, the command
starts a helper before it reads anything: the helper imports Matplotlib on the other core, then
draws what the command sends it and returns the result. Several jobs (the review pack's two
charts) are drawn side by side: once Matplotlib is imported, the helper forks one more process
per extra job, so each starts drawing at once. Wherever that is not possible, or a helper fails
in any way, the jobs run in the command itself, so the document is always the same; only the
wait differs.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import IO, Any, ClassVar, Generic, NoReturn, TypeAlias, TypeVar

T = TypeVar("T")
#: A chart job and its arguments: `job(*args)` is drawn.
Call: TypeAlias = "tuple[Callable[..., T], tuple[Any, ...]]"


def can_fork_helper() -> bool:
    """Whether a helper can run beside the command: fork exists and a second core is there."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and (os.cpu_count() or 1) > 1


class ChartProcess(Generic[T]):
    """Chart jobs drawn by a forked helper that imported Matplotlib while the caller worked.

    Use as a context manager, started before the command imports anything heavy (and before
    any thread starts): `submit(job, *args)` once the data is known, then `result()`; or
    `submit_all(calls)`, then `results()`, for jobs drawn side by side.
    `prepare` runs in the helper after Matplotlib is imported, while it waits for its job
    (importing the chart modules the job will use, say).
    """

    #: The helper `start_early` began, until a command takes it over with `started`.
    _early: ClassVar[ChartProcess[Any] | None] = None

    def __init__(
        self, use_helper: bool | None = None, prepare: Callable[[], object] | None = None
    ) -> None:
        self._pid: int | None = None
        self._jobs: IO[bytes] | None = None
        self._results: IO[bytes] | None = None
        self._calls: list[Call[T]] | None = None
        if can_fork_helper() if use_helper is None else use_helper:
            self._start(prepare)

    @classmethod
    def start_early(cls, prepare: Callable[[], object] | None = None) -> None:
        """Fork the helper now, first thing in a command that will draw (before its own
        modules and arguments are even read); the command takes it over with `started`."""
        if ChartProcess._early is None:
            ChartProcess._early = ChartProcess(prepare=prepare)

    @classmethod
    def started(cls, prepare: Callable[[], object] | None = None) -> ChartProcess[Any]:
        """The helper `start_early` began, or a new one."""
        early, ChartProcess._early = ChartProcess._early, None
        return early if early is not None else ChartProcess(prepare=prepare)

    def _start(self, prepare: Callable[[], object] | None) -> None:
        jobs_read, jobs_write = os.pipe()
        results_read, results_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the helper
            os.close(jobs_write)
            os.close(results_read)
            _serve(jobs_read, results_write, prepare)
        os.close(jobs_read)
        os.close(results_write)
        self._pid = pid
        self._jobs = os.fdopen(jobs_write, "wb")
        self._results = os.fdopen(results_read, "rb")

    @property
    def has_helper(self) -> bool:
        """Whether a helper process is drawing (False: jobs run in this process)."""
        return self._pid is not None

    def submit(self, job: Callable[..., T], *args: Any) -> None:
        """Send `job(*args)` to the helper; it must be a module-level function."""
        self.submit_all([(job, args)])

    def submit_all(self, calls: Sequence[Call[T]]) -> None:
        """Send `job(*args)` for each `(job, args)` of `calls` (module-level functions), to be
        drawn side by side."""
        self._calls = list(calls)
        if self._jobs is None:
            return
        try:
            pickle.dump(self._calls, self._jobs, protocol=pickle.HIGHEST_PROTOCOL)
            self._jobs.close()
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            self._stop_helper()
        self._jobs = None

    def result(self) -> T:
        """What the one submitted job returned (see `results`)."""
        (value,) = self.results()
        return value

    def results(self) -> list[T]:
        """What each submitted job returned, in order: from the helper, or computed here if it
        could not."""
        if self._calls is None:
            raise RuntimeError("submit a job before asking for its result")
        if self._results is not None:
            try:
                done, values = pickle.load(self._results)
            except Exception:  # whatever went wrong there, the jobs run here below
                done, values = False, None
            self._stop_helper()
            if done:
                return values  # type: ignore[no-any-return]  # whatever the jobs returned
        return [job(*args) for job, args in self._calls]  # the same results, or error, as there

    def _stop_helper(self) -> None:
        for stream in (self._jobs, self._results):
            if stream is not None:
                stream.close()
        self._jobs = self._results = None
        if self._pid is not None:
            os.waitpid(self._pid, 0)
            self._pid = None

    def __enter__(self) -> ChartProcess[T]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop_helper()


class ImagesWhenAsked(Mapping[str, bytes]):
    """The images a chart job returns, waited for only when first looked at: a document can
    be laid out while its charts are still being drawn (see reports/pipeline.build_document).
    """

    def __init__(self, charts: ChartProcess[dict[str, bytes]]) -> None:
        self._charts = charts
        self._images: dict[str, bytes] | None = None

    def _drawn(self) -> dict[str, bytes]:
        if self._images is None:
            self._images = {
                name: image for images in self._charts.results() for name, image in images.items()
            }
        return self._images

    def __getitem__(self, name: str) -> bytes:
        return self._drawn()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._drawn())

    def __len__(self) -> int:
        return len(self._drawn())


def _serve(jobs_fd: int, results_fd: int, prepare: Callable[[], object] | None) -> NoReturn:
    """The helper's life: import Matplotlib, prepare, draw the jobs, send the results, exit."""
    try:
        from mentor_desktop.charts.base import import_matplotlib

        import_matplotlib()
        if prepare is not None:
            prepare()
        with os.fdopen(jobs_fd, "rb") as jobs, os.fdopen(results_fd, "wb") as results:
            try:
                (first, first_args), *others = pickle.load(jobs)
            except EOFError:  # the command ended (or failed) before it had a job
                os._exit(0)
            aside = [_JobAside(job, args) for job, args in others]
            try:
                answer: tuple[bool, object] = (
                    True,
                    [first(*first_args), *(job.value() for job in aside)],
                )
            except Exception:  # the command runs the jobs itself and reports the error
                answer = (False, None)
            pickle.dump(answer, results, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # never let the helper run the command's code after the fork
        os._exit(1)
    os._exit(0)


class _JobAside:
    """One more job drawn, inside the helper, by a process forked from it (Matplotlib is
    already imported there); `value()` waits for it, or draws it here if that failed."""

    def __init__(self, job: Callable[..., object], args: tuple[Any, ...]) -> None:
        self._job, self._args = job, args
        read_end, write_end = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:
            os.close(read_end)
            _answer_once(write_end, job, args)
        os.close(write_end)
        self._answer = os.fdopen(read_end, "rb")

    def value(self) -> object:
        try:
            done, value = pickle.load(self._answer)
        except Exception:  # the process died: drawn here below
            done, value = False, None
        self._answer.close()
        os.waitpid(self._pid, 0)
        return value if done else self._job(*self._args)


def _answer_once(fd: int, job: Callable[..., object], args: tuple[Any, ...]) -> NoReturn:
    """In a forked process: send back (True, job(*args)), or (False, None) if it failed."""
    try:
        with os.fdopen(fd, "wb") as answer:
            try:
                result: tuple[bool, object] = (True, job(*args))
            except Exception:
                result = (False, None)
            pickle.dump(result, answer, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:
        os._exit(1)
    os._exit(0)
