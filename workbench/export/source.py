"""Where an export gets each cable's review: a decisions file (or a folder of them), or a store.

Picklable (plain paths), so worker processes can each open the store themselves: a SQLite
connection cannot cross a process boundary.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.cable.model import Cable
from workbench.export.errors import ExportError
from workbench.review.model import Review, ReviewError, review_id


@dataclass(frozen=True)
class ReviewSource:
    decisions: str | None = None  # a decisions file, or a folder of <ID>.json files
    store: str | None = None  # a review store; the default store when both are None

    def store_path(self) -> Path:
        from workbench.settings import default_store_path

        return Path(self.store) if self.store else default_store_path()

    def check(self) -> None:
        """Refuse, before any work, a source that cannot exist (one sentence each)."""
        if self.decisions is not None and not Path(self.decisions).exists():
            raise ExportError(f"the decisions file {self.decisions} does not exist: check the path")
        if self.decisions is None and not self.store_path().is_file():
            raise ExportError(
                f"there is no review store at {self.store_path()}: review the cables first, "
                "or give --store PATH or --decisions FILE"
            )

    def load(self, cable: Cable) -> Review:
        try:
            if self.decisions is not None:
                from workbench.review.decisions import load_decisions

                path = Path(self.decisions)
                if path.is_dir():
                    path = path / f"{review_id(cable)}.json"
                    if not path.is_file():
                        raise ExportError(
                            f"there is no decisions file {path.name} for {review_id(cable)} "
                            f"in {self.decisions}: write one or leave the cable out"
                        )
                return load_decisions(path, cable)
            from workbench.review.store import SqliteStore

            with SqliteStore(self.store_path()) as store:
                return store.load(cable)
        except ReviewError as exc:
            raise ExportError(str(exc)) from None
