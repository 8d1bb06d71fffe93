"""The Timeline tab: goals, milestones and sessions over time, four charts, the review pack."""
