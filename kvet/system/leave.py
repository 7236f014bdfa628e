"""End the kvet process at once, once its own work is done, without Python's teardown.

When kvet's window closes, its data is already safe: the database was closed (its last changes
checkpointed, its lock released), the log flushed and the session marked as ended well. What
Python would still do is take apart every object and module it loaded (Qt's wrappers and
SQLAlchemy's above all): about a fifth of a short session's time, for nothing the user keeps.
``leave`` waits for what could still hold the user's data (threads that are not daemons, the
``atexit`` functions: the log's last lines, temporary files), flushes the output and ends.
Only the process entry points call it (``kvet.__main__.launch``), never code run inside tests.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import NoReturn


def leave(code: int) -> NoReturn:
    """Wait for the work that matters, then end the process with ``code``."""
    current = threading.current_thread()
    for thread in threading.enumerate():
        if thread is not current and not thread.daemon:
            thread.join()  # as Python's own shutdown would: its work is finished, not cut
    atexit._run_exitfuncs()  # logging.shutdown, temporary folders' finalizers, ...
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing left to say there
            pass
    os._exit(code)
