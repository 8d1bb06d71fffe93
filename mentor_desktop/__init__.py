"""Mentor Desktop: an offline app for a mentee to run their own mentorship."""

__version__ = "0.1.0"
APP_NAME = "Mentor Desktop"
APP_ID = "mentor-desktop"
#: The reverse-DNS desktop id: the .desktop file's name, the icon's name, the AppStream id.
#: (APP_ID stays the name of the data and config folders.)
DESKTOP_ID = "io.github.mentordesktop.MentorDesktop"
