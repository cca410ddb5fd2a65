"""`python -m kecamatan_desktop` runs the same entry point as `kecamatan-desktop`."""

import sys

from kecamatan_desktop.cli import main

sys.exit(main())
