"""Many cables at once: streamed, over worker processes, reported as rows.

The GUI calls :func:`scan` from a worker thread and shows each row as it arrives::

    total = count_files([folder])  # for a progress bar, without holding the names
    for row in scan(iter_cable_paths([folder]), as_of=date.today(), jobs=2):
        ...  # row["status"], row["due"], row["findings"]; close the iterator to cancel
"""

from workbench.batch.progress import count_files
from workbench.batch.rows import Row, check_file
from workbench.batch.stream import default_jobs, scan
from workbench.batch.summary import Summary

__all__ = ["Row", "Summary", "check_file", "count_files", "default_jobs", "scan"]
