"""The bundle's entry point: the same ``main`` as the ``kvet`` command."""

import sys

from kvet.__main__ import main

sys.exit(main())
