"""The case's release package: every release PDF verified, one Vaughn index, a manifest.

``workbench case export F-2026-00001 --out DIR`` writes into a hidden folder beside ``DIR``
and renames it to ``DIR`` only when every file is written and synced, so a package is complete
or absent: an export stopped midway (killed, a full disk, a refusal) leaves no ``DIR``. A
folder left by a killed export is named ``.DIR.incomplete-PID`` and removed by the next export
to the same place.

Refused, before anything is written, with one sentence: a cable of the case that cannot be
read or whose file changed, an open conflict, an undecided region (unless ``allow_pending``,
which withholds it), a cable the QC policy holds back. Each release is made and verified by
the one export path every release takes (``export.publish.make``: stamped "By:" the exporting
reviewer, ``--reviewer`` or settings, as every release is; rendered, then checked by the verifier ``workbench verify`` uses, and
``publish.write``) before it is written; a release that fails verification stops the package. Releases are
named as they go by (``release_name``: not the reference ID when the FM line is withheld), in
the file names and the manifest alike; the case's log records which cable each one is.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from workbench.case import qc
from workbench.case.session import CaseError, CaseSession
from workbench.export.errors import ExportError
from workbench.export.options import ExportOptions
from workbench.review.model import Review, ReviewError
from workbench.safeio.spreadsheet import inert

RELEASES = "releases"
DRAFT_FILE = "DRAFT-NOT-FOR-RELEASE.txt"
MANIFEST_COLUMNS = ("file", "cable", "pages", "disposition", "sha256")


@dataclass(frozen=True)
class Entry:
    file: str  # relative to the package folder
    cable: str
    pages: int
    disposition: str
    sha256: str


@dataclass
class Package:
    folder: Path
    entries: list[Entry] = field(default_factory=list)
    withholdings: int = 0
    drafts: list[str] = field(default_factory=list)  # releases with regions pending review


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _disposition(session: CaseSession, cid: str, review: Review, allow_pending: bool) -> str:
    from workbench.export.prepare import withheld_in_full
    from workbench.export.vaughn import DRAFT_ROW

    cable = session.cable(cid)
    if withheld_in_full(cable, review, allow_pending):
        final = "withheld in full"
    elif review.withholdings(cable, allow_pending):
        final = "released in part"
    else:
        final = "released in full"
    # Regions pending review (withheld with --allow-pending): the release is a draft, and
    # the manifest must not call it final (newcomer 3, finding 5).
    return f"{DRAFT_ROW}: {final}" if allow_pending and review.pending() else final


def check_ready(session: CaseSession, allow_pending: bool) -> None:
    """Refuse, in one sentence, a case whose package cannot be complete and consistent."""
    n = session.number
    if not session.index.members:
        raise CaseError(f"{n} holds no readable cables: add cables with `workbench case add`")
    if session.problems:
        raise CaseError(
            f"{len(session.problems)} cable(s) of {n} cannot be read, so its package would be "
            f"incomplete: {session.problems[0]}"
        )
    if session.decided.stale:
        cid, why = next(iter(session.decided.stale.items()))
        raise CaseError(f"the review of {cid} cannot be used in {n}: {why}")
    held = [r for cid in session.cable_ids() if (r := _qc_refusal(session, cid))]
    if held:
        more = f" ({len(held) - 1} other cable(s) too)" if len(held) > 1 else ""
        raise CaseError(f"{held[0]}{more}")
    open_ = [c for c in session.conflicts() if c.open]
    if open_:
        raise CaseError(
            f"{n} has {len(open_)} open conflict(s), the same text decided differently (first: "
            f"{open_[0].summary}): make the decisions alike, or accept each with a comment "
            f"(`workbench case conflicts {n}`)"
        )


def _qc_refusal(session: CaseSession, cid: str) -> str | None:
    cable = session.cable(cid)
    return qc.refusal(session.store, session.number, cable, session.store.load(cable))


def export_package(
    session: CaseSession,
    out: str | Path,
    options: ExportOptions,
    progress: Callable[[int, int, str], None] | None = None,
    who: str = "",
) -> Package:
    """Write the package of ``session`` to ``out``; ``who`` exports it (the case's log names
    them; a team store names its login whatever is given)."""
    from workbench.export import publish
    from workbench.export.batch import out_name, pages
    from workbench.export.prepare import release_name
    from workbench.export.source import deciders
    from workbench.export.vaughn import rows_for, to_csv, to_pdf

    target = Path(out)
    allow_pending = options.allow_pending
    options = replace(options, case_number=options.case_number or session.number)
    check_ready(session, allow_pending)
    _check_target(target)
    _remove_stale(target)
    tmp = target.parent / f".{target.name}.incomplete-{os.getpid()}"
    package = Package(target)
    rows = []
    names: dict[str, str] = {}  # cable ID -> the name its release goes by
    listed: list[tuple[tuple[int, str], Entry, list[Any], bool]] = []
    ids = session.cable_ids()
    try:
        (tmp / RELEASES).mkdir(parents=True)
        for i, cid in enumerate(ids, 1):
            if progress:
                progress(i, len(ids), cid)
            cable = session.cable(cid)
            review = session.store.load(cable)
            review.deciders = deciders(session.store.log(review.cable_id))
            refusal = qc.refusal(session.store, session.number, cable, review)
            if refusal:
                raise CaseError(refusal)
            # The one export path (export.publish): "By:" the exporting reviewer (refused
            # when nobody is named), rendered, then verified before it is written.
            data = publish.make("release", cable, review, options)
            # Named as the release goes by: not the reference ID when its FM line is withheld
            # (the ID names the post); the case's log keeps which cable each file is.
            shown = _unique(release_name(cable, review), names)
            name = f"{RELEASES}/{out_name(shown, 'release')}"
            names[cid] = shown
            publish.write("release", tmp / name, data, within=tmp / RELEASES)
            disposition = _disposition(session, cid, review, allow_pending)
            draft = bool(allow_pending and review.pending())
            entry = Entry(name, shown, pages(data), disposition, _sha(data))
            # A release whose name hides its reference ID goes after the named ones, in the
            # order of its hash: in ID order its place between named neighbours would tell
            # its year and post (newcomer 6, finding 16). The index's rows follow the same.
            key = (0, cid) if shown == cable.id else (1, shown)
            cable_rows = rows_for(cable, review, allow_pending, options.sets())
            listed.append((key, entry, cable_rows, draft))
        for _key, entry, cable_rows, draft in sorted(listed, key=lambda x: x[0]):
            package.entries.append(entry)
            rows.extend(cable_rows)
            if draft:
                package.drafts.append(entry.cable)
        package.withholdings = len(rows)
        title = f"Vaughn index, case {session.number}: {session.record.title}"
        if package.drafts:
            notice = draft_notice(package)
            _write(tmp / DRAFT_FILE, notice)
            package.entries.append(Entry(DRAFT_FILE, "", 0, "draft notice", _sha(notice)))
        for name, data in (
            ("vaughn-index.csv", to_csv(rows)),
            ("vaughn-index.pdf", to_pdf(rows, title, options.released)),
        ):
            _write(tmp / name, data)
            n = pages(data) if name.endswith(".pdf") else 0
            package.entries.append(Entry(name, "", n, "Vaughn index", _sha(data)))
        _write(tmp / "manifest.csv", manifest_csv(package.entries))
        _write(tmp / "manifest.json", manifest_json(session, package))
        _sync_dir(tmp / RELEASES)
        _sync_dir(tmp)
        if target.is_dir():
            target.rmdir()  # empty (checked): rename cannot replace a folder that is not
        os.rename(tmp, target)
        _sync_dir(target.parent)
    except (ReviewError, ExportError):
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise CaseError(
            f"cannot write the package {target}: {exc.strerror or exc}; nothing was written"
        ) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    with contextlib.suppress(ReviewError):
        manifest = _sha((target / "manifest.csv").read_bytes())
        session.store.log_case(
            session.number,
            "Draft package exported (not for release)"
            if package.drafts
            else "Release package exported",
            {
                "folder": str(target.resolve()),
                "files": len(package.entries),
                "manifest": manifest,
                "releases": names,
            },
            who or options.reviewer,
        )
    return package


def _unique(name: str, taken: dict[str, str]) -> str:
    """``name``, or ``name-2``... when another release of the package goes by it already."""
    used = set(taken.values())
    out, n = name, 1
    while out in used:
        n += 1
        out = f"{name}-{n}"
    return out


def draft_notice(package: Package) -> bytes:
    """The file beside the manifest that says why this package must not go out."""
    from workbench.export.stamps import DRAFT

    lines = [
        DRAFT,
        "",
        f"{len(package.drafts)} release(s) of this package have regions nobody has decided yet;",
        "they are withheld as PENDING REVIEW, and every page of those releases says DRAFT.",
        "Decide them and export the package again without --allow-pending.",
        "",
        *package.drafts,
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def manifest_csv(entries: list[Entry]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(MANIFEST_COLUMNS)
    for e in entries:
        # The cable's reference ID and the release's file name are text from the cable.
        w.writerow([inert(str(v)) for v in (e.file, e.cable, e.pages, e.disposition, e.sha256)])
    return buf.getvalue().encode("utf-8")


def manifest_json(session: CaseSession, package: Package) -> bytes:
    r = session.record
    doc = {
        "case": {
            "number": r.number,
            "title": r.title,
            "requester": r.requester,
            "received": r.received,
            "due": r.due,
        },
        "files": [e.__dict__ for e in package.entries],
        "withholdings": package.withholdings,
        # A package holding a draft is no release: a reader of the manifest alone sees it.
        "draft": bool(package.drafts),
        "drafts": package.drafts,
    }
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise CaseError(f"{target} is a file: give a new folder for the package")
    if target.is_dir() and any(target.iterdir()):
        raise CaseError(
            f"{target} already exists and is not empty: give a new folder, so a package is "
            "never mixed with other files"
        )
    if not target.parent.is_dir():
        raise CaseError(f"the folder {target.parent} does not exist: create it first")


def _remove_stale(target: Path) -> None:
    """Folders left by exports to ``target`` that were killed (their process is gone)."""
    for old in target.parent.glob(f".{target.name}.incomplete-*"):
        pid = old.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _sync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
