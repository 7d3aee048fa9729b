"""Safe reading and writing: the one place where the workbench touches files it did not make.

Every writer goes through :func:`write_atomic` / :func:`atomic_file` / :func:`atomic_path`,
which write a temporary file beside the target and rename it over the target only when it is
whole, and refuse a target that is an input of the run, a review store or a decisions file
(:mod:`workbench.safeio.guard`), that is not a regular file, or that lies outside the folder
the user chose. Every reader goes through :func:`read_limited` / :func:`read_stream`, which
read regular files only (a FIFO, a device or a socket is named and refused, never opened for
a blocking read) and check a size limit before reading. Both raise errors whose message is the
one sentence the user sees: :class:`InputError` and :class:`OutputError`.
"""

from workbench.safeio.guard import protect, protect_inputs, protect_path, protected_role
from workbench.safeio.jsonread import parse_json
from workbench.safeio.reading import (
    InputError,
    file_kind,
    os_reason,
    read_limited,
    read_stream,
)
from workbench.safeio.terminal import for_terminal, json_for_terminal
from workbench.safeio.writing import (
    OutputError,
    atomic_file,
    atomic_path,
    check_target,
    cleanup_temp_files,
    make_folder,
    remove_folders,
    write_atomic,
)

__all__ = [
    "InputError",
    "OutputError",
    "atomic_file",
    "atomic_path",
    "check_target",
    "cleanup_temp_files",
    "file_kind",
    "for_terminal",
    "json_for_terminal",
    "make_folder",
    "os_reason",
    "parse_json",
    "protect",
    "protect_inputs",
    "protect_path",
    "protected_role",
    "read_limited",
    "read_stream",
    "remove_folders",
    "write_atomic",
]
