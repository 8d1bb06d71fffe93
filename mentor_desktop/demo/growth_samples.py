"""The words of the growth demo: skills with how they moved, and practice with debriefs
(opportunities are in `growth_opportunities`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SkillSample:
    name: str
    area: str
    why: str
    first: int
    goal: int
    #: (field, change, reason) in the order they happen over the years.
    moves: tuple[tuple[str, int, str], ...]


@dataclass(frozen=True)
class PracticeSample:
    title: str
    kind: str
    origin: str
    days: int
    hypothesis: str
    #: (name, unit, baseline, target)
    metric: tuple[str | None, str, float | None, float | None]
    skills: tuple[str, ...]
    happened: str
    lessons: str
    gaps: str
    next_step: str


SKILLS = (
    SkillSample(
        "Facilitation",
        "Leadership",
        "Meetings I run should end with decisions.",
        2,
        4,
        (
            ("current", 1, "Ran three retros that ended with owners"),
            ("target", 1, "Tech lead role needs it"),
            ("current", 1, "Mentor saw me run the planning day"),
        ),
    ),
    SkillSample(
        "Giving feedback",
        "Leadership",
        "My team grows faster when I say it early.",
        1,
        4,
        (
            ("current", 1, "First hard conversation went well"),
            ("current", 1, "Used SBI in every 1:1 for a month"),
            ("current", 1, "Feedback received: clear and kind"),
        ),
    ),
    SkillSample(
        "Delegation",
        "Leadership",
        "I cannot grow while I hold every task.",
        1,
        3,
        (
            ("current", 1, "Handed over the release process"),
            ("target", 1, "The team doubled"),
            ("current", 1, "A quarter without being the bottleneck"),
        ),
    ),
    SkillSample(
        "Public speaking",
        "Communication",
        "Talks open doors beyond my team.",
        2,
        4,
        (
            ("current", 1, "Gave the meetup talk"),
            ("target", 1, "Aim for a conference"),
            ("current", 1, "Conference talk, good questions after"),
        ),
    ),
    SkillSample(
        "Writing for executives",
        "Communication",
        "Decisions above me are made from one page.",
        2,
        4,
        (
            ("current", 1, "Strategy memo accepted without a meeting"),
            ("target", -1, "Less of my role now; my manager writes these"),
        ),
    ),
    SkillSample(
        "Stakeholder management",
        "Communication",
        "Projects fail on people, not code.",
        2,
        4,
        (
            ("current", 1, "Mapped stakeholders for the migration"),
            ("current", 1, "Kept product and ops aligned for a quarter"),
        ),
    ),
    SkillSample(
        "System design",
        "Technical",
        "The architecture decisions land on me now.",
        3,
        5,
        (("current", 1, "Led the event pipeline design"),),
    ),
    SkillSample(
        "Data analysis",
        "Technical",
        "I argue better with numbers.",
        3,
        4,
        (("current", 1, "Built the cost dashboard myself"),),
    ),
    SkillSample(
        "Prioritisation",
        "Personal",
        "Saying no is how the main thing stays main.",
        2,
        4,
        (("current", 1, "Cut the roadmap to three bets"), ("target", 1, "New scope: two teams")),
    ),
    SkillSample(
        "Resilience",
        "Personal",
        "Setbacks should cost me days, not weeks.",
        2,
        3,
        (("current", 1, "Bounced back from the missed promotion"),),
    ),
    SkillSample("Negotiation", "Communication", "I leave value on the table.", 1, 3, ()),
)

PRACTICE = (
    PracticeSample(
        "Speak last in the retro",
        "experiment",
        "session",
        21,
        "If I speak last in retros, then quieter people will bring up more issues.",
        ("Share of the time I talk", "%", 45.0, 20.0),
        ("Facilitation",),
        "I held back for three retros. The first was awkward; by the third two quiet "
        "engineers raised the flaky tests themselves.",
        "Silence is an invitation. My talking was crowding out the room.",
        "I do not yet know how to close a discussion with a decision.",
        "Try ending each retro with owners and dates.",
    ),
    PracticeSample(
        "Write the strategy memo on one page",
        "assignment",
        "mentor",
        14,
        "If I cut the memo to one page, the leadership team will decide without a meeting.",
        ("Pages", "pages", 4.0, 1.0),
        ("Writing for executives",),
        "The one-page version went out on Friday and was approved by Tuesday, with two "
        "questions in the thread.",
        "The ask goes first. Context is for the appendix.",
        "My numbers section was weak; I leaned on adjectives.",
        "Pair with finance on the next cost estimate.",
    ),
    PracticeSample(
        "Stakeholder map for the migration",
        "assignment",
        "session",
        10,
        "If I map who gains and who loses, fewer surprises will reach the steering meeting.",
        ("Surprises raised at steering", "count", 4.0, 1.0),
        ("Stakeholder management",),
        "The map showed ops would lose a weekend process. I met them first; steering went "
        "without an escalation.",
        "The people who lose something need a conversation, not a slide.",
        "I avoid people I expect to disagree with me.",
        "Book a coffee with the ops lead every month.",
    ),
    PracticeSample(
        "Delegate the release process",
        "project",
        "own",
        42,
        "If I hand the release over with a checklist, I get four hours a week back.",
        ("Hours a week on releases", "h", 5.0, 1.0),
        ("Delegation",),
        "Priya ran four releases. One slipped a day because the checklist missed a step; she "
        "fixed the checklist herself.",
        "Handing over the why matters more than the how.",
        "I still check her work too often; that is trust, not skill.",
        "Hand over the on-call rota next.",
    ),
    PracticeSample(
        "Give the meetup talk on event sourcing",
        "project",
        "mentor",
        35,
        "If I rehearse three times with a timer, I will finish on time and take questions calmly.",
        ("Rehearsal overrun", "min", 9.0, 0.0),
        ("Public speaking",),
        "Finished a minute early. The second question threw me, but I said I would follow up.",
        "Rehearsing out loud catches what reading silently hides.",
        "Handling hostile questions.",
        "Submit a proposal to the regional conference.",
    ),
    PracticeSample(
        "SBI feedback in every one-to-one",
        "experiment",
        "session",
        28,
        "If I use situation-behaviour-impact, feedback will land without defensiveness.",
        ("Feedback given per week", "times", 0.0, 3.0),
        ("Giving feedback",),
        "Eleven pieces of feedback in four weeks, two of them hard. Nobody argued with the facts.",
        "Naming the impact on me keeps it from sounding like judgement.",
        "I still soften the hard ones until they disappear.",
        "Ask my mentor to role-play the next hard one.",
    ),
    PracticeSample(
        "Cut the roadmap to three bets",
        "assignment",
        "mentor",
        21,
        "If I present three bets instead of nine items, the team will know what matters.",
        ("Items on the roadmap", "items", 9.0, 3.0),
        ("Prioritisation",),
        "Landed on four bets after pushback from product. The team could name them a month later.",
        "Each 'no' needs a reason the other side cares about.",
        "Negotiating scope with product.",
        "Prepare trade-offs before the next planning.",
    ),
    PracticeSample(
        "Design review for the event pipeline",
        "project",
        "own",
        30,
        "If I write the design doc before coding, the review will catch the hard problems early.",
        ("Open design questions", "count", 12.0, 2.0),
        ("System design",),
        "The review found the ordering problem before any code existed.",
        "A doc with explicit non-goals gets better reviews.",
        "Capacity estimates: I guessed.",
        "Learn back-of-the-envelope sizing with the platform team.",
    ),
    PracticeSample(
        "Build the cloud cost dashboard",
        "project",
        "own",
        25,
        "If the team can see cost per service, the big spenders will shrink without a mandate.",
        ("Monthly cloud cost", "k€", 42.0, 32.0),
        ("Data analysis",),
        "Two teams cut their staging clusters in the first month.",
        "Visibility beats rules.",
        "Presenting numbers to non-engineers.",
        "Show the dashboard at the all-hands.",
    ),
    PracticeSample(
        "Ask for the raise with a prepared case",
        "experiment",
        "mentor",
        14,
        "If I bring market data and my results, the conversation will be about numbers.",
        (None, "", None, None),
        ("Negotiation",),
        "My manager agreed on the case but not on the number; we settled on a review in June.",
        "Preparing an anchor made me less nervous.",
        "I conceded too quickly when the first number was lower.",
        "Practise the pause after a counter-offer.",
    ),
    PracticeSample(
        "Recovery plan after the missed promotion",
        "experiment",
        "session",
        30,
        "If I write down what I control, I will stop ruminating within two weeks.",
        ("Days a week I dwell on it", "days", 5.0, 1.0),
        ("Resilience",),
        "Journalled every evening for three weeks; by week two it was one evening a week.",
        "Writing it out turns a feeling into a plan.",
        "Visibility with the promotion committee.",
        "Ask for a sponsor on the committee.",
    ),
    PracticeSample(
        "Run the planning day",
        "assignment",
        "session",
        7,
        "If I time-box each topic, we will finish with owners for every bet.",
        ("Topics without an owner", "count", 6.0, 0.0),
        ("Facilitation", "Prioritisation"),
        "Every bet had an owner by four o'clock; one topic was parked on purpose.",
        "A visible timer does the policing for me.",
        "Closing discussions when two senior people disagree.",
        "Practise a decision protocol with my mentor.",
    ),
)
