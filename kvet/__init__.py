"""kvet: vet and compare ketamine and esketamine therapy clinics.

Everything outside ``kvet.gui`` and ``kvet.render`` is the core: it never imports Qt, so every
feature can be used and tested without a screen. ``kvet.render`` draws documents with QtGui only
(no widgets), for the command line and the window; only ``kvet.store`` touches SQLAlchemy.
"""

__version__ = "0.1.0"
