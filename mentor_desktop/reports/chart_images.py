"""The charts the brief and the review pack print, drawn as pictures (Matplotlib, no Qt).

Kept apart from the documents, which need Qt, so that a command can have these drawn in a
helper process (see charts/helper_process.py) while it lays out the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a command imports this before its chart helper forks: keep it light
    from mentor_desktop.charts.helper_process import Call
    from mentor_desktop.domain.sessions import BriefData
    from mentor_desktop.domain.timeline import BurnupData, GoalProgressData, ReviewData

    #: One chart job and its arguments, drawn into images by name.
    ImageCall = Call[dict[str, bytes]]

#: The brief's milestone chart, in millimetres on the page.
BRIEF_CHART_MM = (74, 40)
#: Its resolution: sharp on paper at that size (over 600 dots wide) and quick to draw.
BRIEF_CHART_DPI = 220
#: Each of the review pack's charts, in millimetres on the page, and their resolution.
REVIEW_CHART_MM = (170, 80)
REVIEW_CHART_DPI = 200


def import_brief_chart_modules() -> None:
    """Import what `brief_images` draws with (a chart helper does this while it waits for
    the data)."""
    import mentor_desktop.charts.progress  # noqa: F401 - imported for what it loads


def import_review_chart_modules() -> None:
    """Import what the review pack's images are drawn with."""
    import mentor_desktop.charts.burnup
    import mentor_desktop.charts.goal_progress  # noqa: F401 - imported for what it loads


def import_chart_modules() -> None:
    """Import what both documents' images are drawn with."""
    import_brief_chart_modules()
    import_review_chart_modules()


def brief_images(data: BriefData) -> dict[str, bytes]:
    """The brief's chart images by name, as `reports.brief.brief_report` takes them."""
    from mentor_desktop.charts.base import render_document_image
    from mentor_desktop.charts.progress import milestone_progress_figure

    width, height = BRIEF_CHART_MM
    figure = milestone_progress_figure(data.milestone_points, width_mm=width, height_mm=height)
    return {"chart:milestones": render_document_image(figure, BRIEF_CHART_DPI)}


def review_burnup_image(trend: BurnupData) -> dict[str, bytes]:
    """The review pack's milestone burn-up, by the name `reports.review.review_report` takes."""
    from mentor_desktop.charts.base import render_document_image
    from mentor_desktop.charts.burnup import burnup_figure

    width, height = REVIEW_CHART_MM
    figure = burnup_figure(trend, width_mm=width, height_mm=height)
    return {"chart:burnup": render_document_image(figure, REVIEW_CHART_DPI)}


def review_progress_image(goals: GoalProgressData) -> dict[str, bytes]:
    """The review pack's progress by goal, by the name `reports.review.review_report` takes."""
    from mentor_desktop.charts.base import render_document_image
    from mentor_desktop.charts.goal_progress import goal_progress_figure

    width, height = REVIEW_CHART_MM
    figure = goal_progress_figure(goals, width_mm=width, height_mm=height)
    return {"chart:progress": render_document_image(figure, REVIEW_CHART_DPI)}


def brief_image_jobs(data: BriefData) -> list[ImageCall]:
    """What a command's chart helper draws for the brief (see `read_and_draw`)."""
    return [(brief_images, (data,))]


def review_image_jobs(data: ReviewData) -> list[ImageCall]:
    """What a command's chart helpers draw for the review pack, side by side: each chart with
    only its own data, so a helper loads only the modules that data needs."""
    return [(review_burnup_image, (data.burnup,)), (review_progress_image, (data.goals,))]


def review_images(data: ReviewData) -> dict[str, bytes]:
    """The review pack's chart images by name, as `reports.review.review_report` takes them."""
    return {
        name: image for job, args in review_image_jobs(data) for name, image in job(*args).items()
    }
