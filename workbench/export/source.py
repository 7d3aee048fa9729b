"""Where an export gets each cable's review: a decisions file (or a folder of them), or a store.

Picklable (plain paths), so worker processes can each open the store themselves: a SQLite
connection cannot cross a process boundary.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workbench.cable.model import Cable
from workbench.export.errors import ExportError
from workbench.export.options import ExportOptions
from workbench.review.model import Review, ReviewError, review_id


@dataclass(frozen=True)
class ReviewSource:
    decisions: str | None = None  # a decisions file, or a folder of <ID>.json files
    store: str | None = None  # a review store (path or URL); the default store when both None

    def unreviewed(self) -> bool:
        """No decisions file, no --store, and no default store yet (a fresh machine): every
        cable is unreviewed, its regions pending but for the rules' decisions."""
        from workbench.review.stores import store_exists

        return self.decisions is None and self.store is None and not store_exists(None)

    def check(self, allow_pending: bool = False) -> None:
        """Refuse, before any work, a source that cannot exist (one sentence each), and mark
        it as a file no output of the run may replace. With ``allow_pending`` a missing
        default store is no store of reviews yet: every cable exports as a draft, its
        undecided regions withheld (newcomer 3, finding 17). A --store path that does not
        exist is still refused (a typo must not export everything as undecided)."""
        from workbench.review.stores import describe, is_url, resolve, store_exists
        from workbench.safeio import guard

        if self.decisions is not None and not os.path.exists(self.decisions):
            raise ExportError(f"the decisions file {self.decisions} does not exist: check the path")
        if allow_pending and self.unreviewed():
            return
        if self.decisions is None and not store_exists(self.store):
            raise ExportError(
                f"there is no review store at {describe(self.store)}: review the cables first, "
                "or give --store PATH or --decisions FILE"
            )
        if self.decisions is not None:
            guard.protect_inputs([self.decisions], "a decisions file")
        elif not is_url(resolve(self.store)):
            for f in guard.store_files(resolve(self.store)):
                guard.protect_path(f, "the review store")

    def signed(self, options: ExportOptions) -> ExportOptions:
        """``options`` with "By:" as a team store signs it (``options.signed_by``): the login
        beside the name given; unchanged for a SQLite store or a decisions file."""
        from dataclasses import replace

        from workbench.export.options import signed_by
        from workbench.review.stores import is_url, open_existing, resolve

        if self.decisions is not None or not is_url(resolve(self.store)):
            return options
        try:
            with open_existing(self.store) as store:
                login = store.identity("")
        except ReviewError as exc:
            raise ExportError(str(exc)) from None
        return replace(options, reviewer=signed_by(options.reviewer, login))

    def load(self, cable: Cable, release: bool = False) -> Review:
        """The cable's review; for a ``release``, refused unless the QC policy allows it
        (:meth:`clear_release`), whether the review comes from the store or a file."""
        try:
            if self.unreviewed():
                # Only reached with allow_pending (check refused it otherwise): nothing is
                # decided, so nothing but the rules' decisions is released, and no QC
                # policy exists without a store.
                return Review.for_cable(cable)
            if self.decisions is not None:
                review, path = self._from_file(cable)
                if release:
                    self.clear_release(cable, review, source=f"the decisions file {path}")
                return review
            from workbench.review.qc import release_refusal
            from workbench.review.stores import open_existing

            # Export only reads the store: never created, never changed (issue 12).
            with open_existing(self.store) as store:
                review = store.load(cable)
                refusal = release_refusal(store, review.cable_id) if release else None
                review.deciders = deciders(store.log(review.cable_id))
            if refusal:
                raise ExportError(refusal)
            return review
        except ReviewError as exc:
            raise ExportError(str(exc)) from None

    def clear_release(
        self, cable: Cable, review: Review, case_id: str = "", source: str = ""
    ) -> None:
        """Refuse (ExportError, one sentence) a release of ``review`` the QC policy of the
        store (or of a case) forbids: the cable must be approved in QC and ``review`` must be
        the review that was approved. The gate every release passes: :meth:`load` (the CLI,
        the cluster export, decisions files) and the window's Export dialog.

        With decisions from a file, the policy is the one of ``store`` (``--store`` or the
        default store); when there is no store at all there is no policy to apply.
        """
        from workbench.review.qc import release_refusal
        from workbench.review.stores import open_existing, store_exists

        if not store_exists(self.store):
            return
        try:
            with open_existing(self.store) as store:
                refusal = release_refusal(
                    store, review.cable_id, case_id, (cable, review), source or "this review"
                )
        except ReviewError as exc:
            raise ExportError(str(exc)) from None
        if refusal:
            raise ExportError(refusal)

    def _from_file(self, cable: Cable) -> tuple[Review, Path]:
        from workbench.review.decisions import load_decisions

        assert self.decisions is not None
        path = Path(self.decisions)
        if path.is_dir():
            path = path / f"{review_id(cable)}.json"
            if not path.is_file():
                raise ExportError(
                    f"there is no decisions file {path.name} for {review_id(cable)} "
                    f"in {self.decisions}: write one or leave the cable out"
                )
        return load_decisions(path, cable), path


def deciders(log: list) -> tuple[str, ...]:  # type: ignore[type-arg]
    """The reviewers who made a review's decisions, in order of their first change (the
    workbench's own entries, such as renumbering regions, are nobody's decision)."""
    names: dict[str, None] = {}
    for entry in log:
        who = str(entry.reviewer).split(" (imported by ")[0].strip()
        if who and who not in ("workbench", "unknown"):
            names.setdefault(who)
    return tuple(names)
