"""The review pack: ReviewData -> HTML from `templates/review.html` -> the report pipeline.

The same pipeline as the session brief (HTML + CSS -> QTextDocument -> PDF or printer); the
burn-up and progress charts go in as pictures.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from string import Template

from mentor_desktop.domain.dates import date_range_text, date_text
from mentor_desktop.domain.progress import percent
from mentor_desktop.domain.timeline import CompletedMilestone, Evidence, GoalPace, ReviewData
from mentor_desktop.reports.chart_images import REVIEW_CHART_MM, review_images
from mentor_desktop.reports.growth_markup import review_growth_html
from mentor_desktop.reports.markup import empty_note as _empty
from mentor_desktop.reports.markup import escape
from mentor_desktop.reports.markup import text_html as _text
from mentor_desktop.reports.pipeline import PageSize, Report, load_template, mm_to_px, write_pdf

MAX_WINS = 25
MAX_FEEDBACK = 20


def _day(value: date | None) -> str:
    return date_text(value, "no date")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def range_label(data: ReviewData) -> str:
    return date_range_text(data.start, data.end)


def _headline_html(data: ReviewData) -> str:
    h = data.headline
    cells = [
        (str(h.milestones_completed), "milestones completed"),
        (f"{h.milestones_on_time} of {h.milestones_completed}", "completed on time"),
        (str(h.goals_achieved), "goals achieved"),
        (str(h.sessions_held), "mentoring sessions held"),
        (f"{h.commitments_kept} of {h.commitments_due}", "commitments kept on time"),
    ]
    row = "".join(
        f'<td width="20%"><span class="number">{escape(number)}</span><br/>'
        f'<span class="label">{escape(label)}</span></td>'
        for number, label in cells
    )
    return f'<table class="numbers" width="100%" cellspacing="0"><tr>{row}</tr></table>'


def _milestone_html(item: CompletedMilestone) -> str:
    timing = f"done {_day(item.done_date)}"
    if item.due_date is not None:
        state = "ok" if item.on_time else "late"
        word = "on time" if item.on_time else "late"
        timing += f', due {_day(item.due_date)} <span class="{state}">({word})</span>'
    if item.first_planned is not None and item.first_planned != item.due_date:
        timing += f", first planned for {_day(item.first_planned)}"
    lines = [
        f'<li class="evidence">{_day(e.day)} · {escape(e.kind.capitalize())}: '
        f"{escape(e.title or '(untitled entry)')}</li>"
        for e in item.evidence
    ]
    evidence = (
        f"<ul>{''.join(lines)}</ul>"
        if lines
        else '<p class="muted">No journal entry linked to this milestone.</p>'
    )
    return (
        f"<h3>{escape(item.title)}</h3>"
        f'<p class="tag">{escape(item.goal_title)} · {timing}</p>{evidence}'
    )


def _completed_html(data: ReviewData) -> str:
    if not data.completed:
        return _empty("No milestone was completed in this period.")
    return "".join(_milestone_html(item) for item in data.completed)


def _goals_html(data: ReviewData) -> str:
    parts = []
    if data.achieved_goals:
        items = "".join(f"<li>{escape(title)}</li>" for title in data.achieved_goals)
        parts.append(f"<p><b>Achieved in this period:</b></p><ul>{items}</ul>")
    goals = data.goals.goals
    as_of = data.goals.today
    if as_of < data.today:
        parts.append(
            _empty(
                f"As they stood on {_day(as_of)}, the end of this period: progress counts the "
                "milestones completed by then (steps carry no dates), and the time spent is "
                "measured to that day."
            )
        )
    if not goals:
        parts.append(_empty("No active goals."))
        return "".join(parts)
    rows = [
        "<thead><tr><th>Active goal</th><th>Progress</th><th>Time spent</th><th>Pace</th>"
        "<th>Target</th></tr></thead>"
    ]
    for goal in goals:
        spent = f"{percent(goal.time_share)} %" if goal.time_share is not None else "–"
        rows.append(
            f"<tr><td>{escape(goal.title)}</td><td>{percent(goal.progress)} %</td>"
            f"<td>{spent}</td><td{overdue_class(goal)}>{escape(goal.pace_text)}</td>"
            f"<td>{_day(goal.target_date)}</td></tr>"
        )
    parts.append(f'<table class="list" width="100%" cellspacing="0">{"".join(rows)}</table>')
    return "".join(parts)


def overdue_class(goal: GoalPace) -> str:
    return ' class="overdue"' if goal.overdue_days else ""


def _slips_html(data: ReviewData) -> str:
    if not data.slips:
        return _empty("Nothing was rescheduled in this period.")
    rows = [
        "<thead><tr><th>What moved</th><th>From</th><th>To</th><th>Reason recorded</th></tr>"
        "</thead>"
    ]
    for slip in data.slips:
        days = slip.days
        moved = f" ({days:+d} days)" if days else ""
        reason = escape(slip.reason) if slip.reason.strip() else '<span class="muted">none</span>'
        subject = escape(slip.subject)
        if slip.goal_title and slip.goal_title != slip.subject:
            subject += f' <span class="tag">· {escape(slip.goal_title)}</span>'
        rows.append(
            f"<tr><td>{subject}<br/><span class='tag'>{escape(slip.field_label)}</span></td>"
            f"<td>{_day(slip.old_value)}</td><td>{_day(slip.new_value)}{moved}</td>"
            f"<td>{reason}</td></tr>"
        )
    return f'<table class="list" width="100%" cellspacing="0">{"".join(rows)}</table>'


#: The labelled parts of one piece of feedback, in the order they are printed.
FEEDBACK_FIELDS = (("situation", "Situation"), ("behaviour", "Behaviour"), ("impact", "Impact"))


def _feedback_html(data: ReviewData) -> str:
    """Each piece of feedback as labelled fields: Situation, Behaviour, Impact and what I
    did with it (a missing part says so, rather than running the others together)."""
    if not data.feedback:
        return _empty("No feedback was recorded in this period.")
    parts = []
    for line in data.feedback[:MAX_FEEDBACK]:
        rows = []
        for attribute, label in FEEDBACK_FIELDS:
            value = getattr(line, attribute)
            text = _text(value) if value.strip() else '<span class="muted">not recorded</span>'
            rows.append(f'<tr><td class="field" width="20%">{label}</td><td>{text}</td></tr>')
        response = (
            _text(line.response)
            if line.response.strip()
            else '<span class="muted">No response recorded yet.</span>'
        )
        rows.append(
            f'<tr><td class="field" width="20%">What I did with it</td><td>{response}</td></tr>'
        )
        parts.append(
            f"<h3>Session of {_day(line.session_day)}</h3>"
            f'<table class="fields" width="100%" cellspacing="0">{"".join(rows)}</table>'
        )
    more = len(data.feedback) - MAX_FEEDBACK
    if more > 0:
        parts.append(_empty(f"… and {_plural(more, 'more piece')} of feedback."))
    return "".join(parts)


#: The heading of the wins linked to no goal (listed after the goals').
NO_GOAL = "Not linked to a goal"


def _wins_html(data: ReviewData) -> str:
    """The period's wins (the latest MAX_WINS) under a heading per goal, goals with the
    most wins first, the wins linked to no goal last."""
    if not data.wins:
        return _empty("No wins were recorded in the journal in this period.")
    shown = data.wins[-MAX_WINS:]
    groups: dict[str, list[Evidence]] = {}
    for win in shown:
        groups.setdefault(win.goal, []).append(win)
    order = sorted(groups, key=lambda goal: (goal == "", -len(groups[goal]), goal.lower()))
    parts = []
    for goal in order:
        wins = groups[goal]
        items = "".join(
            f"<li>{_day(w.day)} · {escape(w.title or '(untitled entry)')}</li>" for w in wins
        )
        title = escape(goal) if goal else NO_GOAL
        parts.append(
            f'<h3>{title} <span class="tag">({_plural(len(wins), "win")})</span></h3>'
            f"<ul>{items}</ul>"
        )
    more = len(data.wins) - len(shown)
    if more > 0:
        parts.append(_empty(f"… and {_plural(more, 'earlier win')} in the journal."))
    return "".join(parts)


def review_html(data: ReviewData) -> str:
    empty_note = ""
    if data.is_empty:
        empty_note = (
            '<p class="late">There is nothing recorded between '
            f"{date_text(data.start)} and {date_text(data.end)}: no milestones completed, no "
            "sessions held, no commitments due, no feedback and no wins. Choose a wider "
            "range to see your progress.</p>"
        )
    reflection = (
        f'<p class="reflection">{_text(data.reflection)}</p>'
        if data.reflection
        else _empty("No closing reflection was written.")
    )
    values = {
        "title": escape(f"Review pack — {range_label(data)}"),
        "range": escape(range_label(data)),
        "person": f'<p class="person">{escape(data.profile.byline())}</p>'
        if not data.profile.is_empty
        else "",
        "today": date_text(data.today),
        "empty_note": empty_note,
        "headline": _headline_html(data),
        "completed": _completed_html(data),
        "goals": _goals_html(data),
        "chart_width": str(mm_to_px(REVIEW_CHART_MM[0])),
        "chart_height": str(mm_to_px(REVIEW_CHART_MM[1])),
        "slips": _slips_html(data),
        "feedback": _feedback_html(data),
        "wins": _wins_html(data),
        "reflection": reflection,
        "growth": review_growth_html(data.growth),
    }
    return Template(load_template("review.html")).substitute(values)


def review_report(data: ReviewData, images: Mapping[str, bytes] | None = None) -> Report:
    """The review pack as a Report (HTML, CSS and the two chart images).

    `images` are the charts already drawn by `review_images` (drawn here when not given).
    """
    if images is None:
        images = review_images(data)
    return Report(
        title=f"Review pack — {range_label(data)}",
        html=review_html(data),
        css=load_template("review.css"),
        images=images,
        footer=f"Review pack · {range_label(data)}",
    )


def write_review(
    data: ReviewData,
    path: Path,
    page_size: PageSize | None = None,
    images: Mapping[str, bytes] | None = None,
) -> int:
    """Write the review pack to `path` (charts from `images` if given); returns the pages."""
    return write_pdf(review_report(data, images), path, page_size)
