"""The Growth tab: practice with debriefs, the skills map, and opportunities."""
