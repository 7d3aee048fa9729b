"""``python -m workbench.cable.write_patterns``: write the compiled-pattern table
(:mod:`workbench.cable.patterns`) for this Python, as ``make setup`` does after installing.

(A module of its own: run as ``-m workbench.cable.patterns`` that module would be a second
copy, without the patterns the reader's modules registered with the first.)
"""

from workbench.cable.patterns import main

if __name__ == "__main__":
    raise SystemExit(main())
