"""``--cluster ADDRESS|local:N``, shared by ``workbench check`` and ``workbench export``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.batch.cluster import ClusterSpec


def _spec(text: str) -> ClusterSpec:
    from workbench.batch.cluster import parse_spec

    try:
        return parse_spec(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_cluster_argument(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument(
        "--cluster",
        type=_spec,
        default=None,
        metavar="ADDRESS",
        help=f"{what} on a Dask cluster: a scheduler's address (tcp://host:8786), or local:N "
        "for N worker processes started for the run; needs "
        "pip install 'declassification-workbench[cluster]' (see docs/check.md)",
    )
