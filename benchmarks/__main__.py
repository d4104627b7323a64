"""`python -m benchmarks` (make bench): see benchmarks/meten.py."""

import sys

from .meten import main

sys.exit(main())
