"""The growth loop between sessions: practice with debriefs, the skills map, opportunities.

`practice`, `skills` and `opportunities` hold each kind's dataclasses, enums and pure rules
(validation, the status moves allowed, the gap, staleness); `overview` the plain data that
charts, reports and agenda suggestions are drawn from.
"""
