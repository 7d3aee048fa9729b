"""A one-line progress bar on stderr: count, rate and time left.  Small enough not to need a
dependency; drawn only on a terminal and at most ten times a second."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from typing import TextIO

from workbench.cable.files import count_cable_paths


def count_files(paths: Iterable[str]) -> int:
    """How many files a run over ``paths`` will read (the folder rules of ``cable.files``)."""
    return count_cable_paths(paths)


def _clock(seconds: float) -> str:
    s = int(seconds)
    return (
        f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
    )


class Progress:
    """``Progress(total).update()`` per item, ``close()`` at the end (it clears its line)."""

    WIDTH = 24

    def __init__(
        self,
        total: int | None,
        stream: TextIO | None = None,
        every: float = 0.1,
        delay: float = 0.4,
    ):
        self.total = total
        self.stream = stream or sys.stderr
        self.every = every
        self.done = 0
        self.start = time.monotonic()
        # The first second is mostly start-up (worker processes, the first chunks): wait a
        # little before the first draw so the rate is not wildly low.
        self.last = self.start + delay - every
        self.drawn = False

    def update(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self.draw(now)

    def line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        if self.total:
            frac = min(self.done / self.total, 1.0)
            filled = int(frac * self.WIDTH)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            line = f"[{bar}] {self.done}/{self.total} {frac:4.0%}  {rate:,.0f} cables/s"
            if rate > 0 and elapsed >= 1.0:
                line += f"  {_clock((self.total - self.done) / rate)} left"
            return line
        return f"{self.done} cables  {rate:,.0f} cables/s  {_clock(elapsed)}"

    def draw(self, now: float | None = None) -> None:
        self.stream.write("\r\x1b[K" + self.line(now or time.monotonic()))
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        """Take the bar off its line (before other output goes to the same terminal)."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False

    def close(self) -> None:
        self.clear()
