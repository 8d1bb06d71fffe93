"""Mentor Desktop: an offline app for a mentee to run their own mentorship."""

__version__ = "0.1.0"
APP_NAME = "Mentor Desktop"
APP_ID = "mentor-desktop"
