"""``workbench review``: import, export, show and log review decisions; find and redact."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from workbench.commands.common import add_store_argument, fail

HELP = "review decisions: import, export, show, list, log, find and redact, code sets"
DESCRIPTION = (
    "Review decisions live in a store (an SQLite file in your data folder, --store PATH, or a "
    "team's PostgreSQL server with --store postgresql://HOST/DB); every change is saved the "
    "moment it is made and written to an audit log. "
    "See docs/decisions-format.md for the decisions file."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="review_command", metavar="ACTION", required=True)

    def store_args(q: argparse.ArgumentParser, reviewer: bool = False) -> None:
        add_store_argument(q)
        if reviewer:
            q.add_argument(
                "--reviewer",
                metavar="NAME",
                help="name for the audit log (a PostgreSQL store records your database role)",
            )

    q = sub.add_parser(
        "import",
        help="apply a decisions file to a cable's review",
        description="Check DECISIONS against CABLE and save them as the cable's review, as one "
        "change: an invalid file is refused whole, naming the entry at fault. Paragraphs the "
        "file does not mention become pending, unless --merge.",
    )
    q.add_argument("cable", metavar="CABLE", help="the cable file")
    q.add_argument("decisions", metavar="DECISIONS.json", help="the decisions file")
    q.add_argument("--merge", action="store_true", help="keep decisions the file does not mention")
    q.add_argument(
        "--start-over",
        action="store_true",
        help="if the cable's text changed since it was reviewed, discard the old review "
        "(it stays in the audit log) instead of refusing",
    )
    store_args(q, reviewer=True)
    q.set_defaults(_review=_import)

    q = sub.add_parser(
        "export",
        help="write a cable's decisions as a decisions file",
        description="Write the saved decisions of CABLE as JSON (spans as offsets), to "
        "standard output or, with --out, to a file written atomically.",
    )
    q.add_argument("cable", metavar="CABLE", help="the cable file")
    q.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    store_args(q)
    q.set_defaults(_review=_export)

    q = sub.add_parser("show", help="progress and decisions of a cable's review")
    q.add_argument("cable", metavar="CABLE", help="the cable file")
    store_args(q)
    q.set_defaults(_review=_show)

    q = sub.add_parser("list", help="every cable with a saved review, and its progress")
    store_args(q)
    q.set_defaults(_review=_list)

    q = sub.add_parser("log", help="the audit log of a cable's review")
    q.add_argument("cable", metavar="CABLE", help="the cable file, or its reference ID")
    q.add_argument("--json", action="store_true", help="one JSON object per change")
    store_args(q)
    q.set_defaults(_review=_log)

    q = sub.add_parser(
        "find",
        help="find a term or pattern in cables and propose (or --apply) redactions",
        description="Search every region of each CABLE (paragraphs, header fields, passing "
        "lines, repeated headers, unparsed text) for PATTERN and list every match; a plain "
        "term is also found hyphen-wrapped, across line and page breaks and in any Unicode "
        "form. With --apply, redact them with --codes, as one change per cable: only the "
        "matches are withheld, and a region not yet decided stays undecided.",
    )
    q.add_argument(
        "pattern", metavar="PATTERN", help="text to find (a regular expression with --regex)"
    )
    q.add_argument("cables", nargs="+", metavar="CABLE", help="cable files or folders")
    q.add_argument("--codes", nargs="+", metavar="CODE", help="exemption codes, e.g. '(b)(6)'")
    q.add_argument("--comment", default="", help="comment stored with each redaction")
    q.add_argument("--regex", action="store_true", help="PATTERN is a regular expression")
    q.add_argument("--match-case", action="store_true", help="case must match (default: ignored)")
    q.add_argument("--word", action="store_true", help="match whole words only")
    q.add_argument("--apply", action="store_true", help="redact the matches and save")
    store_args(q, reviewer=True)
    q.set_defaults(_review=_find)

    q = sub.add_parser(
        "qc",
        help="the second review: submit a cable for QC, approve it, return it with a note",
        description="submit: the first pass is done (every paragraph decided). approve and "
        "return (with --note) are the QC reviewer's, never on their own work; status shows the "
        "history. In a PostgreSQL store only members of the QC role may approve or return.",
    )
    q.add_argument("step", choices=["submit", "approve", "return", "status"], metavar="STEP")
    q.add_argument("cable", metavar="CABLE", help="the cable file, or its reference ID")
    q.add_argument("--note", default="", help="what the reviewer should change (for return)")
    store_args(q, reviewer=True)
    q.set_defaults(_review=_qc)

    q = sub.add_parser(
        "codes",
        help="list exemption code sets, or add your team's from a CSV or JSON file",
        description="Without options, list every code set and its codes. --add FILE checks a "
        "CSV (code,label,description) or JSON code set, keeps a copy and offers it from then on.",
    )
    q.add_argument("--add", metavar="FILE", help="add a code set from FILE")
    q.set_defaults(_review=_codes)


def run(args: argparse.Namespace) -> int:
    from workbench.cable import CableError
    from workbench.review import ReviewError

    try:
        return int(args._review(args))
    except (CableError, ReviewError) as exc:
        return fail(str(exc), 1)


# -- helpers ---------------------------------------------------------------------------------
def _store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from workbench.review.stores import open_store

    return open_store(args.store)


def _read_store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The store to read from. A --store that does not exist is a mistyped path (checking a
    backup, say): creating an empty store there would report "nothing decided" instead."""
    from workbench.review.stores import open_existing

    if args.store or _store_exists(args):
        return open_existing(args.store)  # read only: never created, never changed
    return _store(args)


def _store_exists(args: argparse.Namespace) -> bool:
    from workbench.review.stores import store_exists

    return store_exists(args.store)


def _reviewer(args: argparse.Namespace) -> str:
    from workbench.settings import reviewer_name

    return reviewer_name(getattr(args, "reviewer", None))


def _cable(path: str):  # type: ignore[no-untyped-def]
    from workbench.cable.document import read_document

    return read_document(path)


# -- actions ---------------------------------------------------------------------------------
def _import(args: argparse.Namespace) -> int:
    from workbench.review import TextChangedError, commands, load_decisions
    from workbench.review.model import Action

    cable = _cable(args.cable)
    target = load_decisions(args.decisions, cable)  # all checked before the store is touched
    with _store(args) as store:
        reviewer = store.identity(_reviewer(args))
        try:
            review = store.load(cable)
        except TextChangedError:
            if not args.start_over:
                raise
            review = store.start_over(cable, reviewer)
        label = f"Import {Path(args.decisions).name}"
        # Regions decided in the store that the file does not mention: pending again unless
        # --merge. Said by name, not left to the log (newcomer 6, finding 12).
        undone = (
            []
            if args.merge
            else [
                r.name
                for r in review.regions()
                if review.decision(r.key).action != Action.PENDING
                and target.decision(r.key).action == Action.PENDING
            ]
        )
        changed = store.apply(
            review, commands.ReplaceReview(target, label, merge=args.merge), reviewer
        )
    done = f"{review.decided_count} of {review.region_count} regions decided"
    if changed:
        print(f"{review.cable_id}: imported {args.decisions} into {store.location} ({done})")
        if undone:
            names = ", ".join(undone[:6]) + (
                f" and {len(undone) - 6} more" if len(undone) > 6 else ""
            )
            print(
                f"{len(undone)} decided region(s) the file does not mention are pending again "
                f"({names}): import with --merge to keep them"
            )
    else:
        print(f"{review.cable_id}: the store already holds these decisions ({done})")
    return 0


def _export(args: argparse.Namespace) -> int:
    from workbench.review import dump_decisions, write_decisions

    cable = _cable(args.cable)
    with _read_store(args) as store:
        review = store.load(cable)
    if not review.decisions and not review.fields:
        print(f"workbench: note: no decisions are saved for {review.cable_id}", file=sys.stderr)
    if args.out:
        try:
            write_decisions(review, cable, args.out)
        except OSError as exc:  # safeio.OutputError: its message is the sentence
            message = str(exc) if exc.errno is None else f"cannot write {args.out}: {exc.strerror}"
            return fail(message, 1)
    else:
        sys.stdout.write(dump_decisions(review, cable))
    return 0


def _show(args: argparse.Namespace) -> int:
    from workbench.review.report import show_review

    cable = _cable(args.cable)
    with _read_store(args) as store:
        review = store.load(cable)
        log = store.log(review.cable_id)
    sys.stdout.write(show_review(review, cable, log[-1] if log else None))
    return 0


def _list(args: argparse.Namespace) -> int:
    if not args.store and not _store_exists(args):
        from workbench.review.stores import describe

        print(f"no reviews saved yet (there is no store at {describe(None)})")
        return 0
    with _read_store(args) as store:
        summaries = store.reviews()
    if not summaries:
        print(f"no reviews saved in {store.location}")
    for r in summaries:
        state = "complete" if r.complete else "in progress"
        total = (
            f"of {r.total} regions decided"
            if r.total is not None
            else "regions decided (header not yet counted: open the cable once)"
        )
        print(
            f"{r.cable_id}\t{r.decided} {total}\t{state}\t"
            f"last change {r.updated_at[:16].replace('T', ' ')} UTC"
        )
    return 0


def _log(args: argparse.Namespace) -> int:
    from workbench.review import review_id
    from workbench.review.report import format_log
    from workbench.safeio import json_for_terminal

    # A path that exists is read as the cable (a FIFO or a folder there is refused, not taken
    # for a reference ID); anything else is the ID.
    cable = _cable(args.cable) if os.path.exists(args.cable) else None
    cid = review_id(cable) if cable else args.cable
    with _read_store(args) as store:
        entries = store.log(cid)
    if args.json:
        for e in entries:
            obj = {"at": e.at, "reviewer": e.reviewer, "cable": e.cable_id, "what": e.what}
            line = json.dumps(obj | {"before": e.before, "after": e.after}, ensure_ascii=False)
            print(json_for_terminal(line))
        return 0
    if not entries:
        print(f"{cid}: no changes recorded in {store.location}")
        return 0
    sys.stdout.write(format_log(entries, cable))
    return 0


def _qc(args: argparse.Namespace) -> int:
    from workbench.review import QcState, review_id
    from workbench.review.qc import describe

    cid = review_id(_cable(args.cable)) if Path(args.cable).is_file() else args.cable
    steps = {
        "submit": QcState.FIRST_PASS_DONE,
        "approve": QcState.APPROVED,
        "return": QcState.RETURNED,
    }
    opener = _read_store if args.step == "status" else _store
    with opener(args) as store:
        if args.step != "status":
            store.qc_step(cid, steps[args.step], args.note, store.identity(_reviewer(args)))
        history = store.qc_history(cid)
    print(f"{cid}: {describe(history)}")
    if args.step == "status":
        for e in history:
            note = f": {e.note}" if e.note else ""
            print(f"  {e.at[:16].replace('T', ' ')} UTC  {e.reviewer:<12} {e.state.value}{note}")
    return 0


def _find(args: argparse.Namespace) -> int:
    from workbench.cable import CableError
    from workbench.commands.common import iter_cable_paths
    from workbench.review import ReviewError, validate_codes
    from workbench.review.codes import available_code_sets
    from workbench.review.find import compile_pattern, find, redact_command
    from workbench.safeio import for_terminal

    pattern = compile_pattern(args.pattern, args.regex, args.match_case, args.word)
    codes: tuple[str, ...] = ()
    if args.apply and not args.codes:
        return fail("--apply needs --codes, e.g. --codes '(b)(6)'", 2)
    if args.codes:
        codes = validate_codes(args.codes, available_code_sets())
    # Without --apply an existing store is still read, to mark matches already withheld.
    if args.apply:
        store = _store(args)
    elif _store_exists(args):
        store = _read_store(args)
    else:
        store = None
        if args.store:
            print(
                f"workbench: note: there is no review store at {args.store}, so no match is "
                "marked as already withheld",
                file=sys.stderr,
            )
    reviewer = store.identity(_reviewer(args)) if store else _reviewer(args)
    errors = total = 0
    try:
        for path in iter_cable_paths(args.cables):
            try:
                cable = _cable(str(path))
                review = store.load(cable) if store else None
                proposals = find(cable, pattern, review)
                for prop in proposals:
                    where = prop.region_label if prop.kind == "span" else prop.region
                    note = "  (already withheld)" if prop.covered else ""
                    context = _context(cable.text, prop.start, prop.end)
                    # Cable text and file names may hold terminal controls: shown escaped.
                    line = f"{path}\t{where}\t{prop.start}-{prop.end}\t{context}{note}"
                    print(for_terminal(line))
                total += len(proposals)
                if args.apply and store and review and any(not p.covered for p in proposals):
                    command = redact_command(
                        cable, proposals, codes, args.comment, f"Find and redact {args.pattern!r}"
                    )
                    store.apply(review, command, reviewer)
                    n = sum(1 for p in proposals if not p.covered)
                    print(f"{review.cable_id}: redacted {n} place{'s' if n != 1 else ''} (saved)")
            except (CableError, ReviewError) as exc:
                fail(str(exc) if str(path) in str(exc) else f"{path}: {exc}", 1)
                errors += 1
    finally:
        if store:
            store.close()
    print(f"{total} match{'es' if total != 1 else ''}", file=sys.stderr)
    return 1 if errors else 0


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    """The hit in brackets among its neighbours, line breaks folded; a space beside the
    brackets only where the cable has one ("Dorda," stays "[Dorda],")."""
    left, right = text[max(0, start - width) : start], text[end : end + width]
    before = " ".join(left.split()) + (" " if left[-1:].isspace() else "")
    after = (" " if right[:1].isspace() else "") + " ".join(right.split())
    match = " ".join(text[start:end].split())
    return f"...{before}[{match}]{after}..."


def _codes(args: argparse.Namespace) -> int:
    from workbench.review.codes import add_code_set, available_code_sets
    from workbench.safeio import for_terminal

    if args.add:
        cs = add_code_set(args.add)
        added = f"added the code set {cs.name!r} ({len(cs.codes)} codes) from {args.add}"
        print(for_terminal(added))
        return 0
    for cs in available_code_sets():
        origin = "built-in" if cs.builtin else cs.path
        print(for_terminal(f"{cs.name}: {cs.label} ({origin})"))
        for c in cs.codes:
            print(for_terminal(f"  {c.code:<10} {c.label}", one_line=True))
    return 0
