"""The words of the growth demo's opportunities: their pitch, the path they took through the
pipeline, and their outcome."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OpportunitySample:
    title: str
    kind: str
    source: str
    days: int
    impact: int
    risk: int
    path: tuple[str, ...]
    skills: tuple[str, ...]
    risk_notes: str
    pitch: str
    outcome: str
    differently: str = ""


OPPORTUNITIES = (
    OpportunitySample(
        "Lead the platform guild",
        "stretch_role",
        "mentor",
        30,
        4,
        3,
        ("spotted", "exploring", "pursuing", "won"),
        ("Facilitation", "Stakeholder management"),
        "Less time for my own team; if the guild stalls it is visible to everyone.",
        "I already run the best-attended retro in the org and I know every platform team.",
        "I got it. Six months in, the guild meets monthly and shipped the paved road.",
    ),
    OpportunitySample(
        "Talk at the regional conference",
        "talk",
        "network",
        45,
        4,
        2,
        ("spotted", "pursuing", "won"),
        ("Public speaking",),
        "Prep eats two weekends; a weak talk would follow me.",
        "The event sourcing migration is a story nobody else here can tell.",
        "Accepted and delivered; two people asked to visit our team afterwards.",
    ),
    OpportunitySample(
        "Staff engineer promotion round",
        "stretch_role",
        "myself",
        60,
        5,
        3,
        ("spotted", "exploring", "pursuing", "missed"),
        ("System design", "Writing for executives"),
        "If I miss, I have to wait a year and it stings.",
        "I designed the pipeline that carries half the company's traffic.",
        "Not this round: the committee did not know my work.",
        "Find a sponsor on the committee and write up my impact every quarter.",
    ),
    OpportunitySample(
        "Leadership programme",
        "course",
        "mentor",
        40,
        3,
        2,
        ("spotted", "exploring", "declined"),
        ("Delegation", "Giving feedback"),
        "Six Fridays away during the migration.",
        "I lead a team of six and mentor two juniors.",
        "Declined: the migration needed me. Put it on next year's plan instead.",
    ),
    OpportunitySample(
        "Introduction to the VP of Product",
        "introduction",
        "mentor",
        20,
        3,
        1,
        ("spotted", "pursuing", "won"),
        ("Stakeholder management",),
        "Little risk; I must not waste her time.",
        "I can show how platform work shortens product's lead time.",
        "A thirty-minute coffee became a quarterly check-in.",
    ),
    OpportunitySample(
        "Own the cost-reduction project",
        "project",
        "network",
        30,
        4,
        3,
        ("spotted", "exploring", "pursuing", "won"),
        ("Data analysis", "Prioritisation"),
        "A visible target: 20 % off the bill in two quarters.",
        "My dashboard already found the first 10 %.",
        "We reached 18 %; the remaining work is planned.",
    ),
    OpportunitySample(
        "Write for the engineering blog",
        "talk",
        "myself",
        25,
        2,
        1,
        ("spotted", "exploring", "missed"),
        ("Writing for executives",),
        "An evening or two per post.",
        "Our migration is a good story for hiring.",
        "The editorial slot went to another team while I hesitated.",
        "Say yes within a day, draft later.",
    ),
    OpportunitySample(
        "Mentor a new joiner",
        "other",
        "network",
        15,
        2,
        1,
        ("spotted", "pursuing", "won"),
        ("Giving feedback",),
        "An hour a week.",
        "I remember my first months here and what I was missing.",
        "Good for both of us; she now runs the onboarding doc.",
    ),
    OpportunitySample(
        "Interim engineering manager",
        "stretch_role",
        "mentor",
        21,
        5,
        4,
        ("spotted", "exploring", "pursuing"),
        ("Delegation", "Giving feedback", "Negotiation"),
        "Coding drops to near zero; I might not like managing full-time.",
        "The team already comes to me for decisions, and I have run its hiring loop.",
        "",
    ),
    OpportunitySample(
        "Architecture council seat",
        "stretch_role",
        "network",
        30,
        4,
        2,
        ("spotted", "exploring"),
        ("System design",),
        "Another recurring meeting.",
        "The council decides on the standards my team builds on.",
        "",
    ),
)
