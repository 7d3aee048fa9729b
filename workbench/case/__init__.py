"""Cases (issue 15): a FOIA or mandatory-review request's cables reviewed together.

Qt-free. ``session.CaseSession`` opens a case from the review store, reads and indexes its
cables (``index``, ``similar``), and offers proposals (``proposals``: copies, near copies,
withheld terms), conflicts (``conflicts``) and the release package (``package``). Proposals are
never applied by themselves: ``accept`` turns one into an audited decision when a reviewer
asks. Importing this package registers the case's sources with ``workbench suggest``.
"""

from workbench.case.sources import register as _register

_register()
