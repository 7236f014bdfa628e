"""The bundle's entry point: the same ``launch`` as the ``kvet`` command."""

from kvet.__main__ import launch

launch()
