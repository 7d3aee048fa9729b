"""``workbench suggest``: proposed redactions (names, contact details, protected sources)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from workbench.commands.common import STORE_HELP, fail, iter_cable_paths, on_workers

HELP = "propose redactions: person names, contact details, protected sources"
DESCRIPTION = (
    "Read each cable (a file, or a folder walked recursively) and print what a reviewer may "
    "want to withhold: every person's name, phone and fax numbers, e-mail and street "
    "addresses, passport, visa, ID and account numbers, and the cable's own protect wording "
    "with the source it protects. Each suggestion has character offsets into the cable's "
    "text (as `workbench parse` reports them), proposed exemption codes from the active code "
    "set, a reason and a score. Nothing is withheld: suggestions become redactions only when "
    "a reviewer accepts them in the window. A file that cannot be read is reported on stderr "
    "and skipped; the exit code is then 1."
)

_PARALLEL_FROM = 48  # below this many files, starting workers costs more than it saves
_CHUNK = 16


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="CABLE|DIR", help="cable file or folder")
    p.add_argument(
        "--kinds",
        action="append",
        metavar="KIND[,KIND]",
        help="only these kinds (person, contact, protect-marker, and any a case adds); "
        "repeat or separate with commas; default: all",
    )
    p.add_argument(
        "--format",
        choices=("jsonl", "table"),
        default="jsonl",
        help="jsonl: one JSON object per cable (default); table: a listing to read",
    )
    p.add_argument(
        "--store",
        metavar="PATH|URL",
        help=STORE_HELP + "; its rejected suggestions are not proposed again",
    )
    p.add_argument("--case", metavar="N", help="the case (e.g. F-2026-00001) the cables belong to")
    p.add_argument(
        "--code-set",
        metavar="NAME",
        help="propose codes from this code set (default: the one chosen in settings)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="worker processes for many files (default: one per core; 1: this process only)",
    )


def _kinds(raw: list[str] | None) -> list[str] | None:
    if not raw:
        return None
    return [k.strip() for item in raw for k in item.split(",") if k.strip()]


# Set in each worker (and in this process for a small run) by _init.
_CONTEXT: Any = None
_KINDS: list[str] | None = None


def _init(context: Any, kinds: list[str] | None) -> None:
    global _CONTEXT, _KINDS
    _CONTEXT, _KINDS = context, kinds
    from workbench.suggest.lexicon import lexicon

    lexicon()  # load the word lists once per process, before the first cable


def _worker_init(context: Any, kinds: list[str] | None) -> None:
    # Only the parent acts on Ctrl-C, and a worker dies with its parent (kill -9 of the
    # command leaves none behind), as check's and parse's workers do.
    from workbench.safeio.signals import worker_start

    worker_start()
    _init(context, kinds)


def _all(paths: list[str]) -> list[tuple[dict[str, Any] | None, str | None]]:
    """A chunk of work for one worker process."""
    return [_one(p) for p in paths]


def _one(path: str) -> tuple[dict[str, Any] | None, str | None]:
    from workbench.cable import CableError
    from workbench.cable.document import read_document
    from workbench.suggest import suggest

    try:
        cable = read_document(path)
    except CableError as exc:
        return None, str(exc)
    found = suggest(cable, _KINDS, _CONTEXT.for_cable(cable) if _CONTEXT else None)
    return {
        "path": path,
        "id": cable.id or Path(path).name.split(".")[0],
        "suggestions": [s.to_dict() for s in found],
    }, None


def run(args: argparse.Namespace) -> int:
    from workbench.suggest.cli_context import CliContext, ContextError

    kinds = _kinds(args.kinds)
    import workbench.case  # noqa: F401  (registers the case's sources: copy, similar, case-term)

    try:
        context = CliContext.open(args.store, args.case, args.code_set, kinds)
    except ContextError as exc:
        return fail(str(exc))
    try:
        if args.case:
            # Issue 15: the case is read once here, before any worker starts (they share it).
            from workbench.case.sources import prepare
            from workbench.review.model import ReviewError

            if context.base.store is None:
                return fail(f"--case {args.case} needs --store: the store that holds the case")
            try:
                prepare(context.base)
            except ReviewError as exc:
                return fail(str(exc))
        paths = [str(p) for p in iter_cable_paths(args.paths)]
        jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
        out = sys.stdout
        errors = 0

        def emit(result: tuple[dict[str, Any] | None, str | None]) -> None:
            nonlocal errors
            obj, error = result
            if error is not None:
                fail(error, 1)
                errors += 1
                return
            assert obj is not None
            if args.format == "jsonl":
                # ASCII-escaped so that no U+2028 in a cable can split a JSONL line.
                out.write(json.dumps(obj) + "\n")
            else:
                out.write(_table(obj))

        if jobs > 1 and len(paths) >= _PARALLEL_FROM:
            from workbench.safeio.workers import chunked

            workers = min(jobs, len(paths) // _CHUNK + 1)
            for r in on_workers(
                _all,
                chunked(paths, _CHUNK),
                workers,
                out=out,
                incomplete="the suggestions above are incomplete",
                initializer=_worker_init,
                initargs=(context, kinds),
            ):
                emit(r)
        else:
            _init(context, kinds)
            for p in paths:
                emit(_one(p))
        return 1 if errors else 0
    finally:
        # The store was only read (rejected suggestions): closed, so a store in WAL mode is
        # left as it was found, without -wal and -shm files beside it.
        store = getattr(context.base, "store", None)
        if store is not None:
            store.close()


def _table(obj: dict[str, Any]) -> str:
    lines = [f"{obj['id']}  ({obj['path']}): {len(obj['suggestions'])} suggestions"]
    for s in obj["suggestions"]:
        text = " ".join(s["text"].split())
        if len(text) > 40:
            text = text[:39] + "…"
        codes = " ".join(s["codes"]) or "-"
        lines.append(
            f"  {s['start']:>6}-{s['end']:<6} {s['kind']:<15} {s['score']:.2f}  "
            f"{codes:<22} {text:<40}  {s['reason']}"
        )
    return "\n".join(lines) + "\n\n"
