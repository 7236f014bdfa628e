"""The command line: ``kvet list``, ``export``, ``import``, ``restore`` and ``country``, for
scripted backups and for tests. No window needed.

Errors are printed as one clear sentence and the exit code is non-zero; nothing half-done stays.
``commands`` lists the subcommands, one module a group (``listing``, ``export``, ``treatment``,
``importfile``, ``restore``, ``country``); ``running`` runs one and says what went wrong.
"""
