"""The frozen app's entry point: the same command as `mentor-desktop`."""

import sys

from mentor_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
