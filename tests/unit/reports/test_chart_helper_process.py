"""Charts drawn by a forked helper: the same result as drawing here, from another process, and
every way the helper can fail still gives the document its charts (or the job's own error)."""

from __future__ import annotations

import os

import pytest

from mentor_desktop.charts.helper_process import ChartProcess, ImagesWhenAsked, can_fork_helper
from mentor_desktop.reports.chart_images import brief_images
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import NOW, agreement_draft, write_sample

needs_fork = pytest.mark.skipif(not can_fork_helper(), reason="needs fork and a second core")


def drawn_where(label: str) -> tuple[str, int]:
    return label, os.getpid()


def refuses(label: str) -> str:
    raise ValueError(f"cannot draw {label}")


def leaves_something_unpicklable(label: str) -> object:
    return lambda: label


@needs_fork
def test_the_helper_draws_in_another_process_and_returns_the_result() -> None:
    with ChartProcess[tuple[str, int]]() as charts:
        assert charts.has_helper
        charts.submit(drawn_where, "burn-up")
        label, pid = charts.result()
    assert label == "burn-up" and pid != os.getpid()


def test_without_a_helper_the_job_runs_here() -> None:
    with ChartProcess[tuple[str, int]](use_helper=False) as charts:
        assert not charts.has_helper
        charts.submit(drawn_where, "burn-up")
        assert charts.result() == ("burn-up", os.getpid())


@pytest.mark.parametrize("use_helper", [True, False], ids=["helper", "here"])
def test_a_job_that_fails_raises_its_own_error_to_the_command(use_helper: bool) -> None:
    if use_helper and not can_fork_helper():
        pytest.skip("needs fork and a second core")
    with ChartProcess[str](use_helper) as charts:
        charts.submit(refuses, "the skills chart")
        with pytest.raises(ValueError, match="cannot draw the skills chart"):
            charts.result()


@needs_fork
def test_what_cannot_travel_between_the_processes_is_drawn_here() -> None:
    with ChartProcess[tuple[str, int]]() as charts:  # a lambda cannot be sent to the helper
        charts.submit(lambda label: drawn_where(label), "progress")
        assert not charts.has_helper
        assert charts.result() == ("progress", os.getpid())
    with ChartProcess[object]() as charts:  # nor can a lambda come back
        charts.submit(leaves_something_unpicklable, "progress")
        assert charts.result()() == "progress"


@needs_fork
def test_a_command_that_ends_before_it_has_a_job_leaves_no_helper_behind() -> None:
    with ChartProcess[str]() as charts:
        pid = charts._pid
    assert pid is not None and not charts.has_helper
    with pytest.raises(ChildProcessError):  # already reaped: no zombie left
        os.waitpid(pid, os.WNOHANG)


@needs_fork
def test_the_brief_chart_drawn_by_the_helper_is_the_one_drawn_here(engine) -> None:
    service = SessionService(unit_of_work_factory(engine)).with_now(NOW)
    write_sample(engine)  # goals with dated milestones, so the chart has lines to draw
    agreement = service.save_agreement(None, agreement_draft())
    data = service.brief_data(service.store(service.next_session(agreement.id)))
    assert data.milestone_points, "the chart needs dated milestones to draw"
    with ChartProcess[dict[str, bytes]]() as charts:
        charts.submit(brief_images, data)
        from_helper = charts.result()
    assert from_helper == brief_images(data)
    assert from_helper["chart:milestones"].startswith(b"P6\n")


def drawn_images(label: str) -> dict[str, bytes]:
    return {label: b"\x89PNG"}


@pytest.mark.parametrize("use_helper", [True, False], ids=["helper", "here"])
def test_images_are_waited_for_only_when_first_looked_at(use_helper: bool) -> None:
    if use_helper and not can_fork_helper():
        pytest.skip("needs fork and a second core")
    with ChartProcess[dict[str, bytes]](use_helper) as charts:
        charts.submit(drawn_images, "chart:burnup")
        images = ImagesWhenAsked(charts)
        assert charts._results is not None or not use_helper  # not yet asked for
        assert dict(images) == {"chart:burnup": b"\x89PNG"}
        assert images["chart:burnup"] == b"\x89PNG" and len(images) == 1
        assert charts._results is None  # the helper answered once and was reaped


def imports_the_chart_modules() -> None:
    import mentor_desktop.charts.burnup  # noqa: F401


def prepared_here() -> str | None:
    return os.environ.get("CHART_HELPER_PREPARED")


@needs_fork
def test_a_helper_begun_early_is_the_one_the_command_takes_over() -> None:
    ChartProcess.start_early(prepare=imports_the_chart_modules)
    early = ChartProcess._early
    assert early is not None and early.has_helper
    ChartProcess.start_early()  # a second call keeps the first helper
    assert ChartProcess._early is early
    with ChartProcess.started() as charts:
        assert charts is early and ChartProcess._early is None
        charts.submit(drawn_where, "brief")
        assert charts.result()[1] != os.getpid()
    with ChartProcess.started() as charts:  # none begun early: a new one
        assert charts is not early


@needs_fork
def test_the_helper_prepares_while_it_waits_for_its_job() -> None:
    def prepare() -> None:
        os.environ["CHART_HELPER_PREPARED"] = str(os.getpid())

    with ChartProcess[str | None](prepare=prepare) as charts:
        charts.submit(prepared_here)
        assert charts.result() not in (None, str(os.getpid()))
    assert "CHART_HELPER_PREPARED" not in os.environ  # prepared there, not here


def refuses_in_a_child(label: str) -> str:
    """Fails in the process the helper forks for it, and only there."""
    if os.environ.get("CHART_HELPER_PREPARED") and os.getpid() != int(
        os.environ["CHART_HELPER_PREPARED"]
    ):
        os._exit(3)  # the process dies without an answer
    return label


def mark_the_helper() -> None:
    os.environ["CHART_HELPER_PREPARED"] = str(os.getpid())


@needs_fork
def test_several_jobs_are_drawn_side_by_side_each_in_its_own_process() -> None:
    with ChartProcess[tuple[str, int]]() as charts:
        charts.submit_all(
            [(drawn_where, ("burn-up",)), (drawn_where, ("burn-up",)), (drawn_where, ("burn-up",))]
        )
        results = charts.results()
    assert [label for label, _pid in results] == ["burn-up"] * 3
    pids = [pid for _label, pid in results]
    assert len(set(pids)) == 3 and os.getpid() not in pids


@pytest.mark.parametrize("use_helper", [True, False], ids=["helper", "here"])
def test_side_by_side_jobs_give_their_results_in_order_or_the_first_error(
    use_helper: bool,
) -> None:
    if use_helper and not can_fork_helper():
        pytest.skip("needs fork and a second core")
    with ChartProcess[str](use_helper) as charts:
        charts.submit_all([(refuses_in_a_child, ("progress",)), (str.upper, ("progress",))])
        assert charts.results() == ["progress", "PROGRESS"]
    with ChartProcess[str](use_helper) as charts:
        charts.submit_all([(str.upper, ("the skills chart",)), (refuses, ("the skills chart",))])
        with pytest.raises(ValueError, match="cannot draw the skills chart"):
            charts.results()


@needs_fork
def test_a_side_job_whose_process_dies_is_drawn_by_the_helper() -> None:
    with ChartProcess[str](prepare=mark_the_helper) as charts:
        charts.submit_all([(str.upper, ("burn-up",)), (refuses_in_a_child, ("burn-up",))])
        assert charts.results() == ["BURN-UP", "burn-up"]
    assert "CHART_HELPER_PREPARED" not in os.environ


@pytest.mark.parametrize("use_helper", [True, False], ids=["helper", "here"])
def test_the_images_of_side_by_side_jobs_are_merged(use_helper: bool) -> None:
    if use_helper and not can_fork_helper():
        pytest.skip("needs fork and a second core")
    with ChartProcess[dict[str, bytes]](use_helper) as charts:
        charts.submit_all(
            [(drawn_images, ("chart:burnup",)), (lambda_free_images, ("chart:burnup",))]
        )
        assert dict(ImagesWhenAsked(charts)) == {
            "chart:burnup": b"\x89PNG",
            "chart:progress": b"\x89PNG",
        }


def lambda_free_images(_label: str) -> dict[str, bytes]:
    return {"chart:progress": b"\x89PNG"}
