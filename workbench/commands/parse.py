"""``workbench parse``: cables to JSON, one object per cable."""

from __future__ import annotations

import argparse
import itertools
import os
import sys

from workbench.cable import Cable, CableError, parse_bytes, read_cable
from workbench.cable.decode import MAX_CABLE_BYTES
from workbench.cable.files import is_folder
from workbench.cable.serialize import cable_to_json
from workbench.commands.common import cap_jobs, fail, iter_cable_paths, on_workers
from workbench.safeio import InputError, read_stream
from workbench.safeio.signals import worker_start
from workbench.safeio.terminal import json_bytes_for_terminal

HELP = "read cables and print what they say as JSON"
DESCRIPTION = (
    "Read each cable (a file, a folder walked recursively, or - for standard input) and print "
    "one JSON object per cable: fields, classification, DECL instruction, paragraphs, each with "
    "its offsets into the text. A file that cannot be read is reported on stderr and skipped; "
    "the exit code is then 1."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="cable file, folder, or - for stdin")
    p.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default=None,
        help="json: an indented object (a list for several cables); jsonl: one line per cable "
        "(the default for several cables)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="worker processes for many files (default: one per core; 1 parses in this process)",
    )


# Below this many files, starting worker processes costs more than it saves.
_PARALLEL_FROM = 64
_CHUNK = 32


def _render(item: tuple[str, str]) -> tuple[bytes | None, str | None]:
    """Read, parse and serialise one cable: ``(json_bytes, None)`` or ``(None, error)``.

    Runs in worker processes, so it returns bytes rather than objects: a ``Cable`` is much
    larger to send between processes than its JSON. (``cable_to_json`` escapes U+2028, U+2029
    and U+0085, so no cable can split a JSONL line.)
    """
    path, fmt = item
    try:
        cable = read_cable(path)
    except CableError as exc:
        return None, str(exc)
    return _json(cable, fmt), None


def _render_all(items: list[tuple[str, str]]) -> list[tuple[bytes | None, str | None]]:
    """A chunk of work for one worker process."""
    return [_render(item) for item in items]


def _json(cable: Cable, fmt: str) -> bytes:
    # Terminal controls and bidi overrides from the cable are written as \u escapes: the
    # same JSON value, but it cannot drive the terminal it is printed on (issue 12). That
    # escape covers U+2028, U+2029 and U+0085 too, which would split a JSONL line.
    data = cable_to_json(cable, indent=fmt != "jsonl", line_breaks_escaped=False)
    return json_bytes_for_terminal(data)


def run(args: argparse.Namespace) -> int:
    out = sys.stdout.buffer
    many = len(args.paths) > 1 or any(is_folder(p) for p in args.paths)
    fmt = args.format or ("jsonl" if many else "json")
    results: list[tuple[bytes | None, str | None]] = []
    if "-" in args.paths:
        try:
            data = read_stream(sys.stdin.buffer, MAX_CABLE_BYTES, "standard input", "cable")
            cable = parse_bytes(data, "-")
            results.append((_json(cable, fmt), None))
        except (CableError, InputError) as exc:
            results.append((None, str(exc)))
    # Paths are walked as they are parsed, never listed: memory stays flat however many cables.
    paths = (str(p) for p in iter_cable_paths([p for p in args.paths if p != "-"]))
    jobs = cap_jobs(args.jobs) if args.jobs > 0 else (os.cpu_count() or 1)
    items = ((p, fmt) for p in paths)
    head = list(itertools.islice(items, _PARALLEL_FROM))
    errors = 0
    first = True
    if fmt == "json" and many:
        out.write(b"[")

    def emit(result: tuple[bytes | None, str | None]) -> None:
        nonlocal errors, first
        data, error = result
        if error is not None:
            out.flush()
            fail(error, 1)
            errors += 1
            return
        if fmt == "json" and many:
            out.write((b"\n" if first else b",\n") + (data or b""))
        else:
            out.write((data or b"") + b"\n")
        first = False

    for r in results:
        emit(r)
    queue = itertools.chain(head, items)
    if jobs > 1 and len(head) >= _PARALLEL_FROM:
        from workbench.safeio.workers import chunked

        batches = chunked(queue, _CHUNK)
        lost = "the output above is incomplete"
        for r in on_workers(
            _render_all, batches, jobs, out=out, incomplete=lost, initializer=worker_start
        ):
            emit(r)
    else:
        for item in queue:
            emit(_render(item))
    if fmt == "json" and many:
        out.write(b"\n]\n")
    out.flush()
    return 1 if errors else 0
