"""``workbench parse``: cables to JSON, one object per cable."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.cable import CableError, parse_bytes, read_cable
from workbench.cable.serialize import cable_to_dict
from workbench.commands.common import fail, iter_cable_paths

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


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    errors = 0
    many = len(args.paths) > 1 or any(Path(p).is_dir() for p in args.paths)
    fmt = args.format or ("jsonl" if many else "json")
    first = True
    if fmt == "json" and many:
        out.write("[")
    for path in _sources(args.paths):
        try:
            if path == "-":
                cable = parse_bytes(sys.stdin.buffer.read(), "-")
            else:
                cable = read_cable(path)
        except CableError as exc:
            fail(str(exc), 1)
            errors += 1
            continue
        obj = cable_to_dict(cable)
        if fmt == "jsonl":
            # ASCII-escaped so that no U+2028 or U+0085 in a cable can split a JSONL line.
            out.write(json.dumps(obj) + "\n")
        else:
            if many:
                out.write("\n" if first else ",\n")
            out.write(json.dumps(obj, ensure_ascii=False, indent=2))
            if not many:
                out.write("\n")
        first = False
    if fmt == "json" and many:
        out.write("\n]\n")
    return 1 if errors else 0


def _sources(paths: list[str]):  # type: ignore[no-untyped-def]
    rest = [p for p in paths if p != "-"]
    if "-" in paths:
        yield "-"
    yield from (str(p) for p in iter_cable_paths(rest))
