"""The Session prep tab: agreement, sessions, agenda builder, after-session notes, the brief."""
