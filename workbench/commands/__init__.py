"""One module per ``workbench`` subcommand.

Each module defines ``HELP`` (one line), ``add_arguments(parser)`` and ``run(args) -> int``.
Modules import heavy libraries (Qt, ReportLab) inside ``run`` only, so ``workbench parse``
and ``workbench check`` start fast.
"""

# name -> module under workbench.commands; the order is the order of `workbench --help`.
COMMANDS: dict[str, str] = {
    "gui": "gui",
    "parse": "parse",
    "review": "review",
    "check": "check",
    "export": "export",
    "verify": "verify",
    "index": "index",
    "store": "store",
    "suggest": "suggest",
    "case": "case",
}
