"""Sample journal entries for the demo: about one a day, 150-300 words, kinds, tags, links.

Written with bulk inserts (no ORM objects) while the search index waits, then indexed once.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from mentor_desktop.demo.context import DemoContext
from mentor_desktop.domain.journal import EntryKind
from mentor_desktop.storage.orm import (
    JournalEntryGoalRow,
    JournalEntryMilestoneRow,
    JournalEntryRow,
    JournalEntryTagRow,
    TagRow,
)
from mentor_desktop.storage.search import search_index_suspended

TAGS = [
    "leadership", "communication", "feedback", "planning", "career", "writing",
    "public speaking", "delegation", "focus", "architecture", "hiring", "stakeholders",
    "estimation", "health", "reading", "conflict", "negotiation", "teaching", "data",
    "code review", "burnout", "confidence", "networking", "retrospective",
]  # fmt: skip
KIND_WEIGHTS = {
    EntryKind.REFLECTION: 45,
    EntryKind.INSIGHT: 20,
    EntryKind.WIN: 15,
    EntryKind.SETBACK: 12,
    EntryKind.FEEDBACK: 8,
}
TITLES = {
    EntryKind.REFLECTION: [
        "Thinking back on {topic}", "What today taught me about {topic}", "Notes on {topic}",
        "A slower week with {topic}", "Looking at {topic} again",
    ],
    EntryKind.INSIGHT: [
        "Something clicked about {topic}", "A pattern in {topic}", "Why {topic} matters",
        "A better way to approach {topic}",
    ],
    EntryKind.WIN: [
        "Small win with {topic}", "It worked: {topic}", "Progress on {topic}",
        "Proud of how {topic} went",
    ],
    EntryKind.SETBACK: [
        "Rough day with {topic}", "{topic} did not go to plan", "Stuck on {topic}",
        "Learning the hard way about {topic}",
    ],
    EntryKind.FEEDBACK: [
        "Feedback from {person} on {topic}", "What {person} said about {topic}",
        "Hard feedback about {topic}",
    ],
}  # fmt: skip
HEADINGS = {
    EntryKind.REFLECTION: ["What happened", "What I learned", "What I would do differently"],
    EntryKind.INSIGHT: ["The insight", "Where it came from", "How I will use it"],
    EntryKind.WIN: ["The win", "Evidence", "Impact"],
    EntryKind.SETBACK: ["What went wrong", "Another way to see it", "What I will try next"],
    EntryKind.FEEDBACK: ["Situation and behaviour", "Impact", "My response"],
}
PEOPLE = ["Amara", "my manager", "Priya", "Tom", "the team lead", "Lena", "a peer", "Marco"]
THINGS = [
    "the roadmap", "the design review", "our sprint planning", "the incident review",
    "the quarterly goals", "a one-to-one", "the migration plan", "the hiring loop",
    "the customer call", "the release", "the architecture document", "the offsite",
]  # fmt: skip
SENTENCES = [
    "I spent most of the day on {thing} and noticed how much {topic} depends on preparation.",
    "{person} asked a question about {thing} that I could not answer at first.",
    "When I slowed down and listened, the conversation about {topic} changed completely.",
    "I wrote down three options before the meeting, which made {thing} much calmer.",
    "My first instinct was to fix everything myself, but that is not what {topic} needs.",
    "The mentor session reminded me that {topic} is a skill, not a talent.",
    "I kept my notes short and focused on what I would do differently next time.",
    "There was tension around {thing}, and I tried to name it instead of avoiding it.",
    "{person} pointed out that I interrupt when I am nervous, which is fair.",
    "I asked for feedback right after {thing} while it was still fresh.",
    "Blocking two quiet hours in the morning helped more than any new tool.",
    "It took longer than I estimated, again, so I broke the work into smaller steps.",
    "I noticed energy drops in the afternoon and moved the hard thinking earlier.",
    "Writing a one-page summary before {thing} made the discussion sharper.",
    "I said no to a request for the first time this month and nothing broke.",
    "The best part of the day was pairing with {person} on {thing}.",
    "I want to bring this up at the next session, because I keep getting stuck here.",
    "Reading about {topic} in the evening gave me a new way to frame the problem.",
    "Progress felt slow, but looking back over the month it is clearly there.",
    "I practised the opening of my talk out loud twice and it already felt easier.",
    "We agreed on clear owners for {thing}, which removed a lot of confusion.",
    "I was defensive at first, then asked a follow-up question and learned a lot.",
    "Next time I will share the draft earlier instead of polishing it alone.",
    "The retrospective surfaced a pattern I had not seen in {topic}.",
    "{person} gave me a concrete example, which made the feedback easy to act on.",
    "I tracked where my time went today and meetings took more than half of it.",
    "Delegating {thing} to a colleague was uncomfortable but the result was good.",
    "A small experiment beat a long debate: we tried it and measured.",
    "I felt more confident explaining {topic} to someone outside engineering.",
    "The plan changed twice, so I wrote down the reasons to avoid a third surprise.",
]
#: Made-up words that each appear in about three entries (the benchmark searches for them).
RARE_WORDS = [
    f"{a}{b}{c}"
    for c in ("", "ine", "ette", "ling", "wick", "ford", "mere", "holt", "dale", "brook",
              "ton", "ridge", "vale", "stone", "field")
    for b in ("", "o", "a", "el", "ar", "is", "um", "en", "ol", "ix", "ur", "et")
    for a in ("zephyr", "quokka", "saffron", "obsidian", "marzipan", "tundra", "juniper",
              "cobalt", "fennel", "lagoon", "paprika", "sequoia")
]  # fmt: skip
RARE_PER_YEAR = 15


def _fill(template: str, ctx: DemoContext, topic: str) -> str:
    rng = ctx.rng
    return template.format(topic=topic, person=rng.choice(PEOPLE), thing=rng.choice(THINGS))


def _body(ctx: DemoContext, kind: EntryKind, topic: str, rare: list[str]) -> str:
    rng = ctx.rng
    target = rng.randint(150, 300)
    sections = HEADINGS[kind]
    paragraphs: list[list[str]] = [[] for _ in sections]
    words = 0
    index = 0
    while words < target:
        sentence = _fill(rng.choice(SENTENCES), ctx, topic)
        paragraphs[index % len(sections)].append(sentence)
        words += len(sentence.split())
        index += 1
    if rng.random() < 0.12:
        paragraphs[-1].append(f"Remember the {rng.choice(rare)} idea for later.")
    parts = []
    for heading, sentences in zip(sections, paragraphs, strict=True):
        parts.append(f"## {heading}\n\n" + " ".join(sentences))
    return "\n\n".join(parts) + "\n"


def write_journal_demo(session: Session, ctx: DemoContext) -> None:
    """About one entry a day from ctx.start to ctx.today (some days none, some two)."""
    rng = ctx.rng
    kinds = list(KIND_WEIGHTS)
    weights = list(KIND_WEIGHTS.values())
    next_id = int(session.scalar(select(func.coalesce(func.max(JournalEntryRow.id), 0))) or 0)
    tag_ids = _tag_ids(session)
    rare = RARE_WORDS[: RARE_PER_YEAR * max(1, ctx.years)]
    goals = [(g.id, g.title, g.start_date, g.target_date, [m.id for m in g.milestones])
             for g in ctx.goals]  # fmt: skip
    entries: list[dict[str, Any]] = []
    tag_links: list[dict[str, Any]] = []
    goal_links: list[dict[str, Any]] = []
    milestone_links: list[dict[str, Any]] = []
    day = ctx.start
    while day <= ctx.today:
        roll = rng.random()
        count = 0 if roll < 0.12 else 2 if roll > 0.88 else 1
        active = [g for g in goals if g[2] and g[3] and g[2] <= day <= g[3]]
        for _ in range(count):
            next_id += 1
            kind = rng.choices(kinds, weights)[0]
            goal = rng.choice(active) if active and rng.random() < 0.6 else None
            tags = sorted(rng.sample(TAGS, rng.choice((0, 1, 1, 2, 2, 3))), key=str.lower)
            topic = goal[1][:1].lower() + goal[1][1:] if goal else rng.choice(tags or TAGS)
            title = rng.choice(TITLES[kind]).format(topic=topic, person=rng.choice(PEOPLE))
            recent = (ctx.today - day).days < 45
            written = datetime.combine(day, time(rng.randint(18, 22), rng.randint(0, 59)))
            entries.append(
                {
                    "id": next_id,
                    "entry_date": day,
                    "title": title[:1].upper() + title[1:],
                    "body": _body(ctx, kind, topic, rare),
                    "kind": kind.value,
                    "mood": rng.randint(1, 5) if rng.random() < 0.7 else None,
                    "flagged": rng.random() < (0.25 if recent else 0.02),
                    "tag_text": ", ".join(tags),
                    "created_at": written,
                    "updated_at": written,
                }
            )
            tag_links.extend({"entry_id": next_id, "tag_id": tag_ids[t]} for t in tags)
            if goal is not None:
                goal_links.append({"entry_id": next_id, "goal_id": goal[0]})
                if goal[4] and rng.random() < 0.3:
                    milestone_links.append(
                        {"entry_id": next_id, "milestone_id": rng.choice(goal[4])}
                    )
        day += timedelta(days=1)
    with search_index_suspended(session):
        for table, rows in (
            (JournalEntryRow, entries),
            (JournalEntryTagRow, tag_links),
            (JournalEntryGoalRow, goal_links),
            (JournalEntryMilestoneRow, milestone_links),
        ):
            if rows:
                session.execute(insert(table).execution_options(render_nulls=True), rows)
    ctx.counts["journal entries"] = len(entries)


def _tag_ids(session: Session) -> dict[str, int]:
    existing = {name: tag_id for name, tag_id in session.execute(select(TagRow.name, TagRow.id))}
    missing = [name for name in TAGS if name not in existing]
    if missing:
        session.execute(insert(TagRow), [{"name": name} for name in missing])
        existing = {
            name: tag_id for name, tag_id in session.execute(select(TagRow.name, TagRow.id))
        }
    return existing
