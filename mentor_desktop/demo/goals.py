"""Demo goals: about four a year, with milestones, steps, moved dates and resources."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy.orm import Session

from mentor_desktop.demo.context import DemoContext
from mentor_desktop.storage.orm import GoalChangeRow, GoalRow, MilestoneRow, ResourceRow, StepRow

CAREER_GOALS = [
    (
        "Lead a cross-team project",
        "I want to show I can lead beyond my own team.",
        [
            "Agree scope and success criteria with both teams",
            "Kick-off with all stakeholders",
            "First milestone demo",
            "Handle the first cross-team conflict well",
            "Ship and run the retrospective",
        ],
    ),
    (
        "Become a confident public speaker",
        "Talks open doors and I freeze in front of groups.",
        [
            "Give a five-minute lightning talk",
            "Present at the team demo day",
            "Speak at an internal conference",
            "Get recorded feedback and act on it",
            "Submit a talk to a meetup",
        ],
    ),
    (
        "Move into a staff engineer role",
        "I want broader technical influence.",
        [
            "Write the promotion case with my manager",
            "Lead an architecture review",
            "Mentor two engineers",
            "Own a cross-cutting technical initiative",
            "Promotion panel",
        ],
    ),
    (
        "Learn data engineering",
        "Our product is turning into a data product.",
        [
            "Finish the fundamentals course",
            "Build a small pipeline end to end",
            "Pair with the data team for a sprint",
            "Ship a data quality check to production",
        ],
    ),
    (
        "Grow as a people manager",
        "My team doubled and I need to support them well.",
        [
            "Weekly one-to-ones with everyone",
            "Write growth plans with each report",
            "Run my first performance review cycle",
            "Handle a difficult conversation well",
        ],
    ),
    (
        "Publish a technical article each quarter",
        "Writing sharpens my thinking.",
        [
            "Pick four topics",
            "Publish the first article",
            "Publish the second article",
            "Publish the third article",
            "Publish the fourth article",
        ],
    ),
    (
        "Get better at negotiation",
        "I avoid hard conversations about scope and pay.",
        [
            "Read a negotiation book and take notes",
            "Practise with my mentor",
            "Negotiate a scope change on a real project",
            "Prepare my salary conversation",
        ],
    ),
    (
        "Build a mentoring habit of my own",
        "I want to pass on what I learn.",
        [
            "Find a mentee",
            "Agree how we work together",
            "Hold six sessions",
            "Ask for feedback on my mentoring",
        ],
    ),
    (
        "Master system design interviews",
        "To be ready for a senior role.",
        [
            "Study ten classic designs",
            "Do three mock interviews",
            "Write up my own checklist",
            "Interview as a shadow panellist",
        ],
    ),
    (
        "Understand the business side",
        "Engineering decisions need business context.",
        [
            "Shadow a product manager for a week",
            "Read the company's annual plan",
            "Present a cost-benefit case for a technical project",
        ],
    ),
    (
        "Ship an open-source library",
        "To learn maintenance and community work.",
        [
            "Publish a first release",
            "Write the documentation site",
            "Merge a first outside contribution",
            "Release 1.0",
        ],
    ),
    (
        "Improve estimation and planning",
        "My estimates slip and it costs trust.",
        [
            "Track estimate against actual for a quarter",
            "Learn a probabilistic forecasting method",
            "Plan a project with ranges instead of dates",
            "Review the results with my manager",
        ],
    ),
]
PERSONAL_GOALS = [
    (
        "Run a half marathon",
        "Energy and a clear head for work.",
        ["Run 5 km without stopping", "Run 10 km", "Run 15 km", "Race day"],
    ),
    (
        "Read 20 books a year",
        "Broaden what I think about.",
        ["Read 5 books", "Read 10 books", "Read 15 books", "Read 20 books"],
    ),
    (
        "Learn Spanish to B1",
        "Family and travel.",
        ["Finish A1", "Finish A2", "Hold a 20-minute conversation", "Pass a B1 practice exam"],
    ),
    (
        "Protect evenings from work",
        "Burnout last year taught me.",
        [
            "No work chat after 18:00 for a month",
            "Agree on-call boundaries with the team",
            "Take a full two-week holiday",
        ],
    ),
    (
        "Keep a weekly reflection habit",
        "I learn more when I write it down.",
        ["Four weekly reflections in a row", "Twelve in a row", "Review a quarter of reflections"],
    ),
    (
        "Learn to cook ten new dishes",
        "Health and a creative outlet.",
        ["Three new dishes", "Six new dishes", "Cook for friends", "Ten new dishes"],
    ),
]
STEP_WORDS = [
    "Book time with my manager",
    "Read two articles",
    "Write an outline",
    "Ask for feedback",
    "Block two hours on Friday",
    "Collect examples",
    "Draft slides",
    "Practise out loud",
    "Update the tracker",
    "Share a summary",
    "Try it on a small case",
    "Note what I learned",
]
REASONS = [
    "Reorg moved priorities",
    "Underestimated the work",
    "Was ill for two weeks",
    "Mentor suggested a smaller first step",
    "Project launch took all my time",
    "Waiting on another team",
    "",
    "Holiday season",
]
RESOURCES = [
    ("book", "The Staff Engineer's Path", "Tanya Reilly"),
    ("book", "Crucial Conversations", ""),
    ("course", "Public speaking workshop", "Internal learning portal"),
    ("course", "Data engineering fundamentals", "Online course"),
    ("contact", "Priya (principal engineer)", "priya@example.org"),
    ("link", "Architecture decision records", "https://adr.github.io/"),
    ("book", "Thinking in Systems", "Donella Meadows"),
    ("contact", "Toastmasters club", "Thursdays 18:30"),
]


def write_goals_demo(session: Session, ctx: DemoContext) -> None:
    """Goals over the span (career and personal), milestones, steps, recalibrations and
    resources; some achieved, a few dropped or paused."""
    rng = ctx.rng
    per_year = 4
    total = max(1, ctx.years * per_year)
    span = (ctx.today - ctx.start).days
    pool = [("career", *goal) for goal in CAREER_GOALS] + [
        ("personal", *goal) for goal in PERSONAL_GOALS
    ]
    milestones = steps = changes = resources = 0
    for index in range(total):
        kind, title, why, milestone_titles = pool[index % len(pool)]
        if index >= len(pool):
            title = f"{title} ({index // len(pool) + 1})"
        start = ctx.start + timedelta(days=int(span * index / total) + rng.randint(0, 20))
        length = rng.randint(150, 420)
        target = start + timedelta(days=length)
        in_past = target < ctx.today
        status = "active"
        if in_past:
            status = rng.choices(["achieved", "dropped", "paused", "active"], [7, 1, 1, 1])[0]
        goal = GoalRow(
            title=title,
            kind=kind,
            status=status,
            why=why,
            success_measure=rng.choice(
                [
                    "My manager and mentor agree I am doing it without help.",
                    "Three concrete examples I can point to in my review.",
                    "Done on the date, with notes on what I learned.",
                    "Measured before and after, and visibly better.",
                ]
            ),
            start_date=start,
            target_date=target,
            position=index,
            created_at=datetime.combine(start, time(9)),
        )
        session.add(goal)
        ctx.goals.append(goal)
        count = len(milestone_titles)
        for m_index in range(count):
            due = start + timedelta(days=int(length * (m_index + 1) / (count + 0.5)))
            slipped = rng.random() < 0.25
            original_due = due - timedelta(days=rng.randint(14, 45)) if slipped else due
            original_due = max(original_due, start)
            done_date = None
            if due < ctx.today and status != "dropped":
                done_date = min(ctx.today, due + timedelta(days=rng.randint(-10, 12)))
            milestone = MilestoneRow(
                goal=goal,
                title=milestone_titles[m_index],
                due_date=due,
                done_date=done_date,
                position=m_index,
                created_at=datetime.combine(start, time(9)),
            )
            session.add(milestone)
            milestones += 1
            step_count = rng.randint(2, 6)
            for s_index, step_title in enumerate(rng.sample(STEP_WORDS, step_count)):
                done = done_date is not None or (
                    due - timedelta(days=30) < ctx.today and rng.random() < 0.5
                )
                session.add(
                    StepRow(milestone=milestone, title=step_title, done=done, position=s_index)
                )
                steps += 1
            if slipped and original_due != due:
                changed_on = min(ctx.today, original_due - timedelta(days=rng.randint(0, 10)))
                session.add(
                    GoalChangeRow(
                        goal=goal,
                        milestone=milestone,
                        field="milestone_due",
                        subject=milestone.title,
                        old_value=original_due,
                        new_value=due,
                        reason=rng.choice(REASONS),
                        changed_at=datetime.combine(max(changed_on, start), time(18)),
                    )
                )
                changes += 1
        if rng.random() < 0.2:
            moved_from = target - timedelta(days=rng.randint(20, 60))
            session.add(
                GoalChangeRow(
                    goal=goal,
                    field="goal_target",
                    subject=title,
                    old_value=moved_from,
                    new_value=target,
                    reason=rng.choice(REASONS),
                    changed_at=datetime.combine(min(ctx.today, moved_from), time(18)),
                )
            )
            changes += 1
        for r_index, (r_kind, r_title, r_location) in enumerate(
            rng.sample(RESOURCES, rng.randint(0, 3))
        ):
            session.add(
                ResourceRow(
                    goal=goal,
                    kind=r_kind,
                    title=r_title,
                    location=r_location,
                    status=rng.choice(["todo", "in_progress", "done"]),
                    position=r_index,
                )
            )
            resources += 1
    ctx.counts.update(
        goals=total,
        milestones=milestones,
        steps=steps,
        recalibrations=changes,
        resources=resources,
    )
