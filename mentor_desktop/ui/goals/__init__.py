"""The Goals tab: goals, milestones, steps, recalibrations and resources."""
