"""`python -m mentor_desktop` runs the same command as `mentor-desktop`."""

import sys

from mentor_desktop.cli import main

sys.exit(main())
