"""Run by Dask in each worker process of a ``local:N`` cluster as it starts (a *preload*).

Ctrl-C reaches every process of the terminal's group, the workers of a LocalCluster included;
only the client should act on it (stop, and leave no report).  A worker interrupted in its
event loop would print a traceback of its own.  The first workers inherit an ignored SIGINT
from the client (see ``cluster._local_cluster``); this covers a worker restarted after one died.
The same goes for Dask's statistical profiler, which the first workers have switched off by
configuration and a restarted one (whose configuration is Dask's default again) stops here.
"""

from __future__ import annotations

import signal
from typing import Any


def dask_setup(worker: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("profile", "profile-cycle"):
        callback = worker.periodic_callbacks.pop(name, None)
        if callback is not None:
            callback.stop()
