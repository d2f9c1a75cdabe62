"""`python -m kaohe.cli` runs the `kaohe` command."""

import sys

from kaohe.cli import main

sys.exit(main())
