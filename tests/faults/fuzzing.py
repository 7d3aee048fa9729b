"""Generated bad input for every subcommand, and the promise each run must keep.

Shared by the fuzz test (a few dozen examples per subcommand, in-process, in ``make test``) and
the larger campaign (``tests/faults/campaign.py``, subprocesses, hundreds per subcommand).

Every example is a fresh folder holding a reviewed sample cable, its decisions file, its
review store and its release PDF, in which hypothesis replaces one or more of the files a
command is given by a bad one (random bytes, a mutated cable, odd JSON, a damaged store, a
FIFO, a folder, a symbolic link to an input, a sparse file far too large, a path too long or
with odd bytes...) and points outputs at places no output may go (an input, the store, a
device, a full disk, under a regular file). The promise (:func:`judge`): exit code 0, 1 or
2; no traceback and no crash report; no file changed but the command's output; done within
:data:`BOUND` seconds.
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "07SEOUL219.txt"
BOUND = 40.0  # seconds any one run may take, bad input or not (parse of a bad cable: < 1 s)

DECISIONS = {
    "cable": "07SEOUL219",
    "decisions": [
        {"paragraph": 1, "action": "release"},
        {"paragraph": 2, "action": "withhold", "codes": ["(b)(1)", "1.4(d)"]},
        {"paragraph": 3, "action": "partial", "spans": [{"match": "Kim", "codes": ["(b)(6)"]}]},
        {"paragraph": 4, "action": "release"},
        # The header's regions (a release prints a region only once it is decided).
        *(
            {"region": key, "action": "release"}
            for key in ("from", "to", "info", "passing:1", "eo", "tags", "subject", "refs")
        ),
        *({"region": key, "action": "release"} for key in ("classified_by", "signature")),
    ],
}

# Characters a hostile or unlucky file holds: controls, bidi overrides, separators, BOMs,
# surrogate escapes, the pilcrow, wide characters.
ODD_CHARS = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\u00a0\u00b6\u061c\u200b\u200e\u200f\u2028"
    "\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\ufffd\U0001f600"
)


# -- the example folder ----------------------------------------------------------------------
@dataclass
class Folder:
    root: Path
    cable: Path
    decisions: Path
    store: Path
    pdf: Path

    @classmethod
    def template(cls, root: Path) -> Folder:
        """Made once: the sample, its decisions, its store and its release PDF."""
        from workbench.cli import main

        root.mkdir(parents=True, exist_ok=True)
        f = cls(
            root,
            root / "07SEOUL219.txt",
            root / "07SEOUL219.json",
            root / "reviews.sqlite3",
            root / "07SEOUL219.pdf",
        )
        shutil.copy(SAMPLE, f.cable)
        f.decisions.write_text(json.dumps(DECISIONS), encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()):
            assert (
                main(["review", "import", str(f.cable), str(f.decisions), "--store", str(f.store)])
                == 0
            )
            assert main(["export", str(f.cable), "--store", str(f.store), "--out", str(f.pdf)]) == 0
        return f

    def copy_to(self, root: Path) -> Folder:
        shutil.copytree(self.root, root, symlinks=True)
        names = (self.cable.name, self.decisions.name, self.store.name, self.pdf.name)
        return Folder(root, *(root / n for n in names))


def snapshot(folder: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            rel = os.fsencode(p.relative_to(folder)).hex()
            try:
                st_ = os.lstat(p)
            except OSError:
                continue
            if os.path.islink(p):
                out[rel] = "link:" + os.readlink(p)
            elif p.is_file() and not p.is_fifo():
                if st_.st_size > 64 * 1024 * 1024:  # a sparse giant: its size and time say enough
                    out[rel] = f"big:{st_.st_size}:{st_.st_mtime_ns}"
                else:
                    out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
            else:
                out[rel] = "other"
    return out


# -- bad files -------------------------------------------------------------------------------
def _mutate(data: bytes, draw: st.DrawFn) -> bytes:
    """A few edits of ``data``: flipped bits, cut, repeated or inserted pieces."""
    b = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "repeat", "insert", "odd", "blanks", "crlf"]))
        if not b:
            b.extend(b"x")
        i = draw(st.integers(0, len(b) - 1))
        if kind == "flip":
            b[i] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            del b[i : i + draw(st.integers(1, max(1, len(b) // 2)))]
        elif kind == "repeat":
            piece = bytes(b[i : i + draw(st.integers(1, 400))])
            b[i:i] = piece * draw(st.integers(1, 20))
        elif kind == "insert":
            b[i:i] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "odd":
            b[i:i] = draw(st.text(alphabet=ODD_CHARS, min_size=1, max_size=20)).encode(
                "utf-8", "surrogatepass"
            )
        elif kind == "blanks":
            b[i:i] = b" " * draw(st.integers(100, 3000))
        else:
            b[:] = bytes(b).replace(b"\n", draw(st.sampled_from([b"\r\n", b"\r", b"\n\n"])))
    return bytes(b)


@st.composite
def cable_bytes(draw: st.DrawFn) -> bytes:
    sample = SAMPLE.read_bytes()
    kind = draw(
        st.sampled_from(
            ["mutated", "random", "empty", "blank", "utf16", "pdfish", "text", "long-line"]
        )
    )
    if kind == "mutated":
        return _mutate(sample, draw)
    if kind == "random":
        return draw(st.binary(max_size=4096))
    if kind == "empty":
        return b""
    if kind == "blank":
        return draw(st.sampled_from([b" \n\t\r", b"\n" * 5000, b"\xef\xbb\xbf"]))
    if kind == "utf16":
        enc = draw(st.sampled_from(["utf-16", "utf-32", "utf-16-le"]))
        return (
            _mutate(sample.decode("utf-8").encode(enc), draw)
            if draw(st.booleans())
            else sample.decode("utf-8").encode(enc)
        )
    if kind == "pdfish":
        return b"%PDF-1.4\n" + draw(st.binary(max_size=512))
    if kind == "long-line":
        return b"CONFIDENTIAL " + b"A" * draw(st.integers(1000, 200_000)) + b"\n"
    return draw(st.text(max_size=2000)).encode("utf-8", "surrogatepass")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)


@st.composite
def decisions_bytes(draw: st.DrawFn) -> bytes:
    kind = draw(
        st.sampled_from(["edited", "random-json", "mutated", "deep", "random", "surrogate"])
    )
    if kind == "edited":
        obj = json.loads(json.dumps(DECISIONS))
        for _ in range(draw(st.integers(1, 4))):
            target = draw(st.sampled_from(["top", "entry", "span"]))
            where: dict = obj  # type: ignore[type-arg]
            if target != "top" and isinstance(obj.get("decisions"), list) and obj["decisions"]:
                where = draw(st.sampled_from(obj["decisions"]))
                if target == "span" and isinstance(where, dict) and where.get("spans"):
                    where = where["spans"][0]
            if not isinstance(where, dict):
                continue
            key = draw(
                st.sampled_from(
                    [*where.keys(), "paragraph", "codes", "match", "start", "end", "extra"]
                )
            )
            if draw(st.booleans()) and key in where:
                del where[key]
            else:
                where[key] = draw(json_values)
        return json.dumps(obj).encode()
    if kind == "random-json":
        return json.dumps(draw(json_values)).encode()
    if kind == "mutated":
        return _mutate(json.dumps(DECISIONS).encode(), draw)
    if kind == "deep":
        n = draw(st.integers(60, 5000))
        return b'{"cable": "07SEOUL219", "decisions": ' + b"[" * n + b"]" * n + b"}"
    if kind == "surrogate":
        return json.dumps(DECISIONS).replace("Kim", "\\ud800").encode()
    return draw(st.binary(max_size=2048))


@st.composite
def code_set_bytes(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["csv", "json", "random", "deep", "cr", "wide"]))
    if kind == "csv":
        rows = draw(
            st.lists(
                st.lists(
                    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20),
                    max_size=4,
                ),
                max_size=8,
            )
        )
        return "\n".join(",".join(r) for r in rows).encode()
    if kind == "json":
        return json.dumps(draw(json_values)).encode()
    if kind == "deep":
        return b'{"codes": ' + b"[" * 3000 + b"]" * 3000 + b"}"
    if kind == "cr":
        return b"code,label\r(b)(6),privacy\rT1,team\r"
    if kind == "wide":
        return b"code,label\nT1," + b"y" * draw(st.integers(1000, 300_000)) + b"\n"
    return draw(st.binary(max_size=2048))


# -- slots: what a command is given ----------------------------------------------------------
SPECIAL = [
    "missing",
    "folder",
    "fifo",
    "dangling-link",
    "loop-link",
    "sparse-huge",
    "long-path",
    "odd-name",
    "under-a-file",
]


def special_path(folder: Folder, kind: str, name: str) -> str:
    """A path of an odd kind, created in ``folder``."""
    root = folder.root
    if kind == "missing":
        return str(root / f"no-such-{name}")
    if kind == "folder":
        (root / f"dir-{name}").mkdir(exist_ok=True)
        return str(root / f"dir-{name}")
    if kind == "fifo":
        p = root / f"fifo-{name}.txt"
        if not p.exists():
            os.mkfifo(p)
        return str(p)
    if kind == "dangling-link":
        p = root / f"dangling-{name}"
        with contextlib.suppress(FileExistsError):
            p.symlink_to(root / "nowhere")
        return str(p)
    if kind == "loop-link":
        p = root / f"loop-{name}"
        with contextlib.suppress(FileExistsError):
            p.symlink_to(p)
        return str(p)
    if kind == "sparse-huge":
        p = root / f"huge-{name}"
        with open(p, "wb") as f:
            f.truncate(3 * 1024**3)
        return str(p)
    if kind == "long-path":
        return str(root.joinpath(*(["d" * 200] * 25), name))
    if kind == "odd-name":
        p = root / os.fsdecode(b"odd-\xff\x1b[2J\xe2\x80\xae" + name.encode())
        shutil.copy(folder.cable, p)
        return str(p)
    # under-a-file
    return str(folder.cable / name)


@st.composite
def input_path(draw: st.DrawFn, folder: Folder, role: str) -> str:
    """The path given for an input of ``role`` (cable, decisions, store, pdf, codes)."""
    good = {
        "cable": folder.cable,
        "decisions": folder.decisions,
        "store": folder.store,
        "pdf": folder.pdf,
    }
    kind = draw(
        st.sampled_from(["good", "good", "content", "content", "content", "special", "other-input"])
    )
    if kind == "good" and role in good:
        return str(good[role])
    if kind == "other-input":
        return str(draw(st.sampled_from(list(good.values()))))
    if kind == "special":
        return special_path(folder, draw(st.sampled_from(SPECIAL)), role)
    p = folder.root / f"bad-{role}"
    if role == "cable":
        p.write_bytes(draw(cable_bytes()))
    elif role == "decisions":
        p.write_bytes(draw(decisions_bytes()))
    elif role == "codes":
        p = p.with_suffix(draw(st.sampled_from([".csv", ".json", ""])))
        p.write_bytes(draw(code_set_bytes()))
    elif role == "store":
        _bad_store(folder, p, draw)
    else:  # pdf
        data = folder.pdf.read_bytes()
        p.write_bytes(
            _mutate(data, draw) if draw(st.booleans()) else draw(st.binary(max_size=4096))
        )
    return str(p)


def _bad_store(folder: Folder, p: Path, draw: st.DrawFn) -> None:
    kind = draw(st.sampled_from(["flipped", "zeroed-page", "sql", "random", "empty", "other-app"]))
    if kind == "random":
        p.write_bytes(draw(st.binary(max_size=8192)))
        return
    if kind == "empty":
        p.write_bytes(b"")
        return
    if kind == "other-app":
        db = sqlite3.connect(p)
        db.execute("CREATE TABLE t (x)")
        db.commit()
        db.close()
        return
    shutil.copy(folder.store, p)
    if kind == "sql":
        sql = draw(
            st.sampled_from(
                [
                    "DROP TABLE audit",
                    "DROP TRIGGER audit_no_delete",
                    "UPDATE region_decisions SET data = 'not json'",
                    "UPDATE region_decisions SET data = '{\"action\": 5}'",
                    "UPDATE reviews SET regions = '[[1]]'",
                    "PRAGMA user_version = 99",
                    "PRAGMA user_version = 0",
                    "DROP TABLE region_decisions",
                    "DELETE FROM reviews",
                ]
            )
        )
        db = sqlite3.connect(p)
        with contextlib.suppress(sqlite3.Error):
            db.executescript(sql)
        db.close()
        return
    data = bytearray(p.read_bytes())
    if kind == "zeroed-page" and len(data) >= 8192:
        page = draw(st.integers(1, len(data) // 4096 - 1))
        data[page * 4096 : (page + 1) * 4096] = bytes(4096)
    else:
        for _ in range(draw(st.integers(1, 8))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] ^= 1 << draw(st.integers(0, 7))
    p.write_bytes(bytes(data))


@st.composite
def output_path(draw: st.DrawFn, folder: Folder, suffix: str, full_disk: Path | None) -> str:
    """Where an output is asked to go: somewhere fine, or somewhere no output may go."""
    choices = [
        "fresh",
        "fresh",
        "cable",
        "decisions",
        "store",
        "pdf",
        "dev-null",
        "folder",
        "under-a-file",
        "missing-folder",
        "long",
        "odd-name",
    ]
    if full_disk is not None:
        choices.append("full-disk")
    kind = draw(st.sampled_from(choices))
    root = folder.root
    return {
        "fresh": lambda: str(root / f"out{suffix}"),
        "cable": lambda: str(folder.cable),
        "decisions": lambda: str(folder.decisions),
        "store": lambda: str(folder.store),
        "pdf": lambda: str(folder.pdf),
        "dev-null": lambda: "/dev/null",
        "folder": lambda: str(root),
        "under-a-file": lambda: str(folder.cable / f"out{suffix}"),
        "missing-folder": lambda: str(root / "no" / "such" / f"out{suffix}"),
        "long": lambda: str(root / ("x" * 300 + suffix)),
        "odd-name": lambda: str(root / f"out\x1b[31m\u202e{suffix}"),
        "full-disk": lambda: str((full_disk or root) / f"out{suffix}"),
    }[kind]()


# -- the subcommands -------------------------------------------------------------------------
@dataclass
class Command:
    """How to build one subcommand's arguments: the argv and which paths it may change."""

    name: str
    build: Callable[[st.DrawFn, Folder, Path | None], tuple[list[str], list[str]]]
    stdin: bool = False


def _opt(draw: st.DrawFn, *choices: list[str]) -> list[str]:
    return draw(st.sampled_from([[], *choices]))


def _parse(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    paths = draw(st.lists(input_path(f, "cable"), min_size=1, max_size=3))
    if draw(st.integers(0, 5)) == 0:
        paths = ["-"]
    return [
        "parse",
        *paths,
        *_opt(draw, ["--format", "jsonl"], ["--format", "json"], ["--jobs", "1"]),
    ], []


def _check(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    paths = draw(st.lists(input_path(f, "cable"), min_size=1, max_size=3))
    if draw(st.booleans()):
        paths.append(str(f.root))
    out = draw(output_path(f, ".csv", disk))
    args = [
        "check",
        *paths,
        "--jobs",
        "1",
        "--format",
        draw(st.sampled_from(["table", "csv", "json", "jsonl"])),
    ]
    args += _opt(
        draw,
        ["--as-of", draw(st.sampled_from(["2026-01-01", "9999-12-31", "0001-01-01", "yesterday"]))],
    )
    args += _opt(
        draw, ["--status", draw(st.sampled_from(["due", "due,nope", ",", "needs-review"]))]
    )
    if draw(st.booleans()):
        return [*args, "--output", out], [out]
    return args, []


def _review_import(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    store = draw(input_path(f, "store"))
    args = [
        "review",
        "import",
        draw(input_path(f, "cable")),
        draw(input_path(f, "decisions")),
        "--store",
        store,
    ]
    return args + _opt(draw, ["--merge"], ["--start-over"]), [store]


def _review_export(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    args = [
        "review",
        "export",
        draw(input_path(f, "cable")),
        "--store",
        draw(input_path(f, "store")),
    ]
    if draw(st.booleans()):
        out = draw(output_path(f, ".json", disk))
        return [*args, "--out", out], [out]
    return args, []


def _review_read(
    action: str,
) -> Callable[[st.DrawFn, Folder, Path | None], tuple[list[str], list[str]]]:
    def build(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
        cable = [] if action == "list" else [draw(input_path(f, "cable"))]
        extra = _opt(draw, ["--json"]) if action == "log" else []
        return ["review", action, *cable, "--store", draw(input_path(f, "store")), *extra], []

    return build


def _review_find(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    pattern = draw(
        st.one_of(
            st.sampled_from(
                ["Kim", "(a|a)+$", "(x+x+)+y", "[", "\\", "(?<=a", "K.m", "\u202e", ""]
            ),
            st.text(max_size=12),
        )
    )
    store = draw(input_path(f, "store"))
    args = ["review", "find", pattern, draw(input_path(f, "cable")), "--store", store]
    args += _opt(draw, ["--regex"], ["--regex", "--word"], ["--match-case"])
    if draw(st.booleans()):
        args += ["--apply", "--codes", draw(st.sampled_from(["(b)(6)", "B6", "nope", ""]))]
        return args, [store]
    return args, []


def _review_codes(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    if draw(st.integers(0, 3)) == 0:
        return ["review", "codes"], []
    return ["review", "codes", "--add", draw(input_path(f, "codes"))], []


def _source(draw: st.DrawFn, f: Folder) -> list[str]:
    if draw(st.booleans()):
        return ["--decisions", draw(input_path(f, "decisions"))]
    return ["--store", draw(input_path(f, "store"))]


def _export(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    cables = draw(st.lists(input_path(f, "cable"), min_size=1, max_size=2))
    out = (
        draw(output_path(f, ".pdf", disk)) if draw(st.integers(0, 3)) else str(f.root / "releases")
    )
    args = ["export", *cables, *_source(draw, f), "--out", out]
    args += _opt(
        draw,
        ["--allow-pending"],
        ["--copy", "review"],
        ["--date", "9999-99-99"],
        ["--marking", "SECRET"],
        ["--jobs", "1"],
    )
    # Given a folder, export writes <reference ID>.pdf files in it (replacing earlier ones).
    return args, [out, os.path.join(out, "*.pdf")]


def _verify(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    return [
        "verify",
        draw(input_path(f, "pdf")),
        "--cable",
        draw(input_path(f, "cable")),
        *_source(draw, f),
    ], []


def _index(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    out = draw(output_path(f, draw(st.sampled_from([".csv", ".pdf"])), disk))
    args = ["index", draw(input_path(f, "cable")), *_source(draw, f), "--out", out]
    return args + _opt(draw, ["--allow-pending"], ["--format", "pdf"]), [out]


def _store_check(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    return ["store", "check", "--store", draw(input_path(f, "store"))], []


def _store_backup(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    out = draw(output_path(f, ".sqlite3", disk))
    return ["store", "backup", out, "--store", draw(input_path(f, "store"))], [out]


def _review_qc(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    store = draw(input_path(f, "store"))
    step = draw(st.sampled_from(["submit", "approve", "return", "status", "nope", ""]))
    cable = draw(st.one_of(input_path(f, "cable"), st.sampled_from(["07SEOUL219", "\u202e"])))
    args = ["review", "qc", step, cable, "--store", store, "--reviewer", "Q. Reviewer"]
    args += _opt(draw, ["--note", draw(st.text(max_size=20))])
    return args, [store]


def _suggest(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    paths = draw(st.lists(input_path(f, "cable"), min_size=1, max_size=2))
    args = ["suggest", *paths, "--jobs", "1"]
    args += _opt(
        draw,
        ["--format", "table"],
        ["--kinds", draw(st.sampled_from(["names", "contacts", "nope", ","]))],
        ["--store", draw(input_path(f, "store"))],
        ["--code-set", draw(st.sampled_from(["foia", "nope", ""]))],
    )
    return args, []


def _store_copy(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    out = draw(output_path(f, ".sqlite3", disk))
    return ["store", "copy", draw(input_path(f, "store")), out], [out]


def _store_policy(draw: st.DrawFn, f: Folder, disk: Path | None) -> tuple[list[str], list[str]]:
    store = draw(input_path(f, "store"))
    args = ["store", "policy", "--store", store, "--reviewer", "A. Admin"]
    change = _opt(draw, ["--require-qc"], ["--no-require-qc"])
    return args + change, [store] if change else []


COMMANDS = [
    Command("parse", _parse, stdin=True),
    Command("check", _check),
    Command("review import", _review_import),
    Command("review export", _review_export),
    Command("review show", _review_read("show")),
    Command("review list", _review_read("list")),
    Command("review log", _review_read("log")),
    Command("review find", _review_find),
    Command("review codes", _review_codes),
    Command("export", _export),
    Command("verify", _verify),
    Command("index", _index),
    Command("store check", _store_check),
    Command("store backup", _store_backup),
    Command("store copy", _store_copy),
    Command("store policy", _store_policy),
    Command("review qc", _review_qc),
    Command("suggest", _suggest),
]


# -- running and judging ---------------------------------------------------------------------
@dataclass
class Outcome:
    code: int | None
    stdout: str
    stderr: str
    seconds: float
    hung: bool = False


class _Hung(BaseException):
    pass


def run_in_process(argv: list[str], stdin: bytes = b"", bound: float = BOUND) -> Outcome:
    """``workbench ARGV`` in this process (fast), stopped by SIGALRM after ``bound`` seconds."""
    from workbench.cli import main

    # Text streams over bytes, as the real ones are (``parse`` writes to ``stdout.buffer``).
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")

    def alarm(signum: int, frame: object) -> None:
        raise _Hung()

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, bound)
    start = time.monotonic()
    code: int | None
    saved_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        hung = False
    except _Hung:
        code, hung = None, True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        sys.stdin = saved_stdin
    return Outcome(code, _text(out), _text(err), time.monotonic() - start, hung)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer
    assert isinstance(raw, io.BytesIO)
    return raw.getvalue().decode("utf-8", "replace")


def run_subprocess(argv: list[str], stdin: bytes = b"", bound: float = BOUND) -> Outcome:
    start = time.monotonic()
    try:
        r = subprocess.run(
            [sys.executable, "-m", "workbench", *argv],
            input=stdin,
            capture_output=True,
            timeout=bound,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired as exc:
        return Outcome(None, "", (exc.stderr or b"").decode("utf-8", "replace"), bound, True)
    return Outcome(
        r.returncode,
        r.stdout.decode("utf-8", "replace"),
        r.stderr.decode("utf-8", "replace"),
        time.monotonic() - start,
    )


@dataclass
class Verdict:
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def crash_reports(home: Path) -> set[str]:
    folder = home / "data" / "crash-reports"
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def judge(
    outcome: Outcome,
    before: dict[str, str],
    after: dict[str, str],
    root: Path,
    outputs: list[str],
    new_reports: set[str],
    argv: list[str] | None = None,
) -> Verdict:
    v = Verdict()
    # verify's 3: the PDF is no release (a draft, a review copy; newcomer 5, finding 33).
    codes = (0, 1, 2, 3) if argv and argv[0] == "verify" else (0, 1, 2)
    if outcome.hung:
        v.problems.append(f"did not finish within {BOUND:.0f} s")
    elif outcome.code not in codes:
        v.problems.append(f"exit code {outcome.code}")
    if "Traceback" in outcome.stderr:
        v.problems.append("a traceback on stderr")
    if new_reports or "unexpected error" in outcome.stderr:
        v.problems.append("a crash report")
    allowed: set[str] = set()  # the outputs, their journals, and the folders made for them
    for o in outputs:
        with contextlib.suppress(ValueError, OSError):
            rel = Path(os.path.realpath(o)).relative_to(os.path.realpath(root))
            for suffix in ("", "-wal", "-shm", "-journal"):
                allowed.add(str(rel) + suffix)
            allowed.update(str(p) for p in rel.parents)

    patterns = []  # "FOLDER/*.pdf": files a command may write or replace in FOLDER
    for o in outputs:
        if "*" in o:
            with contextlib.suppress(ValueError, OSError):
                real = Path(os.path.realpath(os.path.dirname(o)))
                patterns.append(str(real.relative_to(os.path.realpath(root)) / os.path.basename(o)))

    def is_output(name: str) -> bool:
        for p in patterns:
            same_folder = os.path.dirname(os.path.normpath(name)) == os.path.dirname(p)
            if same_folder and fnmatch.fnmatch(os.path.basename(name), os.path.basename(p)):
                return True
        return name in allowed or any(name.startswith(a + os.sep) for a in allowed if a != ".")

    for key in sorted(set(before) | set(after)):
        if before.get(key) == after.get(key):
            continue
        name = os.fsdecode(bytes.fromhex(key))
        if is_output(name):
            continue  # the output itself, inside the output folder, or a folder made for it
        if key in before and key not in after:
            v.problems.append(f"{name!r} was removed")
        elif key not in before:
            v.problems.append(f"{name!r} was left behind")
        else:
            v.problems.append(f"{name!r} was changed")
    return v
