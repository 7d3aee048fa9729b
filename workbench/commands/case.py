"""``workbench case``: a FOIA or mandatory-review request's cables, reviewed and released together."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from workbench.commands.common import STORE_HELP, fail

HELP = "cases: a request's cables reviewed together, copies decided alike, one release package"
DESCRIPTION = (
    "A case is a FOIA or mandatory-review request worked as one: a number (F-2026-00001), a "
    "title, a requester, received and due dates, and the cables its searches returned (a cable "
    "may be in several cases). Within a case every decision is proposed wherever the same text "
    "occurs again (copies, near copies, withheld names and numbers); nothing is applied until a "
    "reviewer accepts it. The same text decided differently is a conflict, which blocks the "
    "case's release package until it is resolved or accepted with a comment."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="case_command", metavar="ACTION")

    def common(q: argparse.ArgumentParser, reviewer: bool = False) -> None:
        q.add_argument("--store", metavar="PATH|URL", help=STORE_HELP)
        if reviewer:
            q.add_argument("--reviewer", default="", help="your name (default: settings)")

    q = sub.add_parser("new", help="open a case", description="Open a case in the review store.")
    q.add_argument("--number", default="", help="the case number (default: the next F-YEAR-NNNNN)")
    q.add_argument("--kind", choices=("foia", "mdr"), default="foia", help="for the default number")
    q.add_argument("--title", required=True, help="what the request asks for")
    q.add_argument("--requester", default="", help="who asked")
    q.add_argument("--received", default="", metavar="YYYY-MM-DD", help="when it was received")
    q.add_argument("--due", default="", metavar="YYYY-MM-DD", help="when the answer is due")
    q.add_argument(
        "--require-qc",
        action="store_true",
        help="the release package needs every cable approved in QC",
    )
    common(q, reviewer=True)

    q = sub.add_parser("add", help="add cables (files or folders) to a case")
    q.add_argument("number")
    q.add_argument("paths", nargs="+", metavar="CABLE|DIR")
    common(q, reviewer=True)

    q = sub.add_parser("remove", help="take cables out of a case (their reviews stay)")
    q.add_argument("number")
    q.add_argument("cables", nargs="+", metavar="CABLE_ID|FILE")
    common(q, reviewer=True)

    q = sub.add_parser("list", help="the cases in the store")
    common(q)

    q = sub.add_parser("show", help="a case: cables and progress, identical cables, conflicts")
    q.add_argument("number")
    q.add_argument("--format", choices=("text", "json"), default="text")
    common(q)

    q = sub.add_parser(
        "proposals",
        help="what the case proposes for one cable (or every cable)",
        description="List the proposals of the case: copy (the same text decided elsewhere), "
        "similar (a near copy, with the number of differing words) and case-term (a span "
        "withheld elsewhere in the case). Nothing is applied.",
    )
    q.add_argument("number")
    q.add_argument("cable", nargs="?", metavar="CABLE_ID")
    q.add_argument("--format", choices=("text", "jsonl"), default="text")
    common(q)

    q = sub.add_parser(
        "accept",
        help="accept proposals for a cable, each an audited decision of its own",
        description="Accept proposals listed by `workbench case proposals N CABLE`: by the "
        "tag each has in that list (six letters and digits, e.g. 3fa2c1), or --all. A tag "
        "names one proposal while it stands (list numbers shift as proposals are accepted); a "
        "proposal whose source was decided again gets a new tag, and the old one is refused. "
        "Each acceptance is saved and audited on its own.",
    )
    q.add_argument("number")
    q.add_argument("cable", metavar="CABLE_ID")
    q.add_argument("which", nargs="*", metavar="TAG", help="proposal tags")
    q.add_argument("--all", action="store_true", help="every proposal for the cable")
    common(q, reviewer=True)

    q = sub.add_parser(
        "conflicts",
        help="list conflicts, or accept one with a comment",
        description="List the case's conflicts (the same text decided differently). With "
        "--accept N --comment TEXT, accept conflict N as it stands: the comment is kept in the "
        "case's log, and the conflict opens again if its decisions change.",
    )
    q.add_argument("number")
    q.add_argument("--accept", type=int, metavar="N", help="the conflict to accept")
    q.add_argument("--comment", default="", help="why the difference stands (required)")
    common(q, reviewer=True)

    q = sub.add_parser("log", help="the case's log: made, cables added, conflicts accepted")
    q.add_argument("number")
    common(q)

    q = sub.add_parser(
        "export",
        help="the release package: every release verified, one Vaughn index, a manifest",
        description="Write DIR (a new or empty folder) whole or not at all: releases/<ID>.pdf "
        "for every cable (each verified before it is written), vaughn-index.csv and .pdf for "
        "the case, manifest.csv and manifest.json (file, cable, pages, disposition, SHA-256). "
        "Refused while a cable is undecided (unless --allow-pending), a conflict is open, a "
        "file changed, or the QC policy holds a cable back.",
    )
    q.add_argument("number")
    q.add_argument("--out", required=True, metavar="DIR")
    q.add_argument("--allow-pending", action="store_true", help="withhold undecided regions")
    q.add_argument("--authority", default="", help="declassification authority (default: settings)")
    q.add_argument("--date", default="", help="release date YYYY-MM-DD (default: today)")
    common(q, reviewer=True)


def run(args: argparse.Namespace) -> int:
    from workbench.case.numbers import CaseNumberError
    from workbench.export.errors import ExportError
    from workbench.review.model import ReviewError

    action = getattr(args, "case_command", None)
    if action is None:
        return fail(
            "give an action: new, add, remove, list, show, proposals, accept, "
            "conflicts, log or export (`workbench case --help`)"
        )
    try:
        return int(_ACTIONS[action](args))
    except (ReviewError, ExportError, CaseNumberError) as exc:
        return fail(str(exc), 1)


def _store(args: argparse.Namespace, create: bool = False) -> Any:
    from workbench.review.stores import open_existing, open_store

    return open_store(args.store) if create else open_existing(args.store)


def _who(args: argparse.Namespace) -> str:
    from workbench.settings import reviewer_name

    return reviewer_name(getattr(args, "reviewer", "") or None)


def _date(value: str, what: str) -> str:
    from workbench.case.session import CaseError

    if not value:
        return ""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise CaseError(f"{what} {value!r} is not a date: write it as YYYY-MM-DD") from None


def _new(args: argparse.Namespace) -> int:
    from workbench.case import numbers
    from workbench.case.session import CaseError
    from workbench.review.case_records import CaseRecord

    received, due = _date(args.received, "--received"), _date(args.due, "--due")
    if received and due and due < received:
        raise CaseError(f"--due {due} is before --received {received}: check the dates")
    if not args.title.strip():
        raise CaseError("--title is empty: say what the request asks for")
    with _store(args, create=True) as store:
        number = (
            numbers.check(args.number)
            if args.number
            else numbers.next_number(
                [c.number for c in store.cases()], date.today().year, args.kind
            )
        )
        record = CaseRecord(number, args.title.strip(), args.requester.strip(), received, due)
        made = store.create_case(record, _who(args))
        if args.require_qc:
            store.set_requires_qc(True, _who(args), case_id=made.number)
    print(made.number)
    return 0


def _add(args: argparse.Namespace) -> int:
    from workbench.case.members import read_paths
    from workbench.case.session import CaseError, require_case

    if "-" in args.paths:
        raise CaseError("a case holds cable files: name files or folders, not - (stdin)")
    with _store(args, create=True) as store:
        record = require_case(store, args.number)
        read = read_paths(args.paths)
        for problem in read.problems:
            fail(problem, 1)
        if not read.cables:
            raise CaseError("no cable could be read from the paths given: nothing was added")
        added = store.add_case_cables(record.number, [e for e, _ in read.cables], _who(args))
        total = len(store.case_cables(record.number))
    kept = len(read.cables) - len(added)
    extra = f" ({kept} already in it)" if kept else ""
    print(f"added {len(added)} cable(s) to {record.number}{extra}; it holds {total}")
    return 1 if read.problems else 0


def _remove(args: argparse.Namespace) -> int:
    from workbench.case.session import require_case

    ids = [_cable_id(c) for c in args.cables]
    with _store(args) as store:
        record = require_case(store, args.number)
        removed = store.remove_case_cables(record.number, ids, _who(args))
    missing = [c for c in ids if c not in removed]
    for c in missing:
        fail(f"{c} is not in {record.number}", 1)
    print(f"removed {len(removed)} cable(s) from {record.number}")
    return 1 if missing else 0


def _cable_id(arg: str) -> str:
    """A cable named by its ID as `case show` lists it, or by its file (read for its ID)."""
    import os

    if not os.path.isfile(arg):
        return arg
    from workbench.cable import CableError, read_cable
    from workbench.case.session import CaseError
    from workbench.review.model import review_id

    try:
        return review_id(read_cable(arg))
    except CableError as exc:
        raise CaseError(
            f"{str(exc).rstrip('.')}; or name the cable by its ID as `workbench case show` lists it"
        ) from None


def _list(args: argparse.Namespace) -> int:
    with _store(args) as store:
        cases = store.cases()
        counts = {c.number: len(store.case_cables(c.number)) for c in cases}
    if not cases:
        print("no cases yet: `workbench case new --title ...` opens one")
        return 0
    print(f"{'number':<16} {'cables':>6}  {'due':<10}  {'requester':<20}  title")
    for c in cases:
        print(
            f"{c.number:<16} {counts[c.number]:>6}  {c.due or '-':<10}  "
            f"{c.requester[:20] or '-':<20}  {c.title}"
        )
    return 0


def _open(args: argparse.Namespace, store: Any) -> Any:
    from workbench.case.session import CaseSession

    return CaseSession.open(store, args.number)


def _show(args: argparse.Namespace) -> int:
    from workbench.case import report

    with _store(args) as store:
        session = _open(args, store)
        if args.format == "json":
            doc = {
                "case": session.record.__dict__,
                "cables": [
                    {
                        "id": cid,
                        "path": session.member(cid).path,
                        "decided": session.progress(cid)[0],
                        "regions": session.progress(cid)[1],
                        "proposals": len(session.proposals(cid)),
                    }
                    for cid in session.cable_ids()
                ],
                "problems": session.problems + list(session.decided.stale.values()),
                "identical": session.index.identical_cables(),
                "conflicts": [report.conflict_dict(c) for c in session.conflicts()],
            }
            print(json.dumps(doc, indent=2, ensure_ascii=False))
        else:
            sys.stdout.write(report.show(session))
    return 0


def _proposals(args: argparse.Namespace) -> int:
    from workbench.case import report

    with _store(args) as store:
        session = _open(args, store)
        ids = [args.cable] if args.cable else session.cable_ids()
        for cid in ids:
            m = session.member(cid)
            found = session.proposals(cid)
            if args.format == "jsonl":
                items = [report.proposal_dict(p, m.cable.text[p.start : p.end]) for p in found]
                print(json.dumps({"id": cid, "path": m.path, "proposals": items}))
                continue
            print(f"{cid}: {len(found)} proposal(s)")
            for n, p in enumerate(found, 1):
                print(report.proposal_line(n, p, m.cable.text[p.start : p.end]))
    return 0


def _accept(args: argparse.Namespace) -> int:
    from workbench.case.accept import accept_all
    from workbench.case.proposals import Proposal
    from workbench.case.session import CaseError

    if not args.all and not args.which:
        raise CaseError("say which proposals to accept: their tags, or --all")
    with _store(args) as store:
        session = _open(args, store)
        found = session.proposals(args.cable)
        if args.all:
            chosen = found
        else:
            by_tag = {p.tag: p for p in found}
            listing = f"`workbench case proposals {args.number} {args.cable}`"
            for t in args.which:
                if t.isdigit() and t not in by_tag:
                    raise CaseError(
                        f"give the proposal's tag, not its number: numbers change as "
                        f"proposals are accepted ({listing} shows the tags)"
                    )
                if t not in by_tag:
                    raise CaseError(
                        f"{args.cable} has no proposal {t} now: it was accepted, or the "
                        f"decision it came from changed; nothing was accepted ({listing} "
                        "lists them as they are)"
                    )
            chosen = [by_tag[t] for t in dict.fromkeys(args.which)]
        cable = session.cable(args.cable)
        review = store.load(cable)
        ok: list[Proposal] = []
        done, skipped = accept_all(store, cable, review, chosen, session.number, _who(args), ok)
    for s in skipped:
        fail(f"not accepted: {s}", 1)
    print(f"accepted {done} proposal(s) for {args.cable}, each saved as a decision:")
    for p in ok:
        print(f"  {p.tag} {p.kind} {p.label}: {p.reason}")
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    from workbench.case.conflicts import acceptance
    from workbench.case.session import CaseError

    with _store(args) as store:
        session = _open(args, store)
        found = session.conflicts()
        if args.accept is None:
            if not found:
                print(f"{session.number} has no conflicts")
            for n, c in enumerate(found, 1):
                state = "OPEN" if c.open else "accepted"
                print(f"{n:>3}. [{state}] {c.describe()}")
            return 0
        if not 1 <= args.accept <= len(found):
            raise CaseError(
                f"{session.number} has {len(found)} conflict(s): no number {args.accept}"
            )
        if not args.comment.strip():
            raise CaseError("accepting a conflict needs --comment: say why the difference stands")
        c = found[args.accept - 1]
        if not c.open:
            raise CaseError(f"conflict {args.accept} is accepted already")
        what, data = acceptance(c, args.comment.strip())
        store.log_case(session.number, what, data, _who(args))
    print(f"accepted conflict {args.accept} of {session.number}: {c.summary}")
    return 0


def _log(args: argparse.Namespace) -> int:
    from workbench.case.session import require_case

    with _store(args) as store:
        record = require_case(store, args.number)
        entries = store.case_log(record.number)
    for e in entries:
        detail = e.data.get("comment") or ", ".join(map(str, e.data.get("cables", [])))[:100]
        if e.data.get("folder"):
            renamed = [f"{c} is {n}" for c, n in e.data.get("releases", {}).items() if c != n]
            detail = str(e.data["folder"]) + (f" ({'; '.join(renamed)})" if renamed else "")
        print(
            f"{e.at[:19].replace('T', ' ')}  {e.reviewer:<14} {e.what}"
            + (f": {detail}" if detail else "")
        )
    return 0


def _export(args: argparse.Namespace) -> int:
    from workbench.case.package import export_package
    from workbench.export.options import ExportOptions

    try:
        released = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        return fail(f"--date {args.date!r} is not a date: write it as YYYY-MM-DD")
    options = ExportOptions(
        authority=args.authority,
        reviewer=args.reviewer,
        released=released,
        allow_pending=args.allow_pending,
    ).resolve()
    show = sys.stderr.isatty()

    def progress(i: int, n: int, cid: str) -> None:
        if show:
            sys.stderr.write(f"\r{i}/{n} {cid:<24}")

    from dataclasses import replace

    from workbench.export.options import signed_by
    from workbench.review.stores import is_url, resolve

    with _store(args) as store:
        if is_url(resolve(args.store)):  # a team store signs with the login (signed_by)
            options = replace(options, reviewer=signed_by(options.reviewer, store.identity("")))
        session = _open(args, store)
        package = export_package(session, args.out, options, progress, _who(args))
    if show:
        sys.stderr.write("\n")
    cables = sum(1 for e in package.entries if e.cable)
    pages = sum(e.pages for e in package.entries if e.cable)
    print(
        f"{args.out}: {cables} release(s), {pages} page(s), {package.withholdings} "
        "withholding(s) in the Vaughn index, manifest.csv"
    )
    if package.drafts:
        print(
            f"DRAFT, NOT FOR RELEASE: {len(package.drafts)} release(s) have regions pending "
            f"review, withheld (first: {package.drafts[0]}); decide them and export again "
            "without --allow-pending"
        )
    return 0


_ACTIONS = {
    "new": _new,
    "add": _add,
    "remove": _remove,
    "list": _list,
    "show": _show,
    "proposals": _proposals,
    "accept": _accept,
    "conflicts": _conflicts,
    "log": _log,
    "export": _export,
}
