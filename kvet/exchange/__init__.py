"""Sharing and taking data away: the .kvet comparison file, CSV and report documents.

Everything here is core (no Qt): the GUI and the command line only choose where to save.
"""
