"""Documents drawn with Qt's text engine (QtGui only, no widgets): used by the command line and
the window alike, so the command line never needs ``kvet.gui``."""
