"""Run by Dask in each worker process of a ``local:N`` cluster as it starts (a *preload*).

Ctrl-C reaches every process of the terminal's group, the workers of a LocalCluster included;
only the client should act on it (stop, and leave no report).  A worker interrupted in its
event loop would print a traceback of its own.  The first workers inherit an ignored SIGINT
from the client (see ``cluster._local_cluster``); this covers a worker restarted after one died.
"""

from __future__ import annotations

import signal
from typing import Any


def dask_setup(worker: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
