"""kvet: vet and compare ketamine and esketamine therapy clinics.

Everything outside ``kvet.gui`` is the core: it never imports Qt, so every feature can be used and
tested without a screen.
"""

__version__ = "0.1.0"
