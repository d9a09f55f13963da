"""``python -m ropa``."""

import sys

from ropa.cli import main

sys.exit(main())
