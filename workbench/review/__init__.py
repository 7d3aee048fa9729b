"""Review decisions: the Qt-free model, change commands, code sets, decisions files, the store.

Entry points::

    from workbench.review import SqliteStore, open_store, load_decisions, commands
    store = open_store(path_or_None)          # the user's default store when None
    review = store.load(cable)                # TextChangedError if the cable's text changed
    store.apply(review, commands.withhold(cable.paragraphs[1], ["(b)(1)", "1.4(d)"]), "who")
    store.revert(review, that_command, "who") # undo, also committed at once
"""

from workbench.review import commands
from workbench.review.codes import (
    Code,
    CodeSet,
    CodeSetError,
    available_code_sets,
    builtin_code_sets,
    load_code_set,
    validate_codes,
)
from workbench.review.decisions import (
    DecisionsError,
    decisions_to_dict,
    dump_decisions,
    load_decisions,
    parse_decisions,
    write_decisions,
)
from workbench.review.model import (
    FIELDS,
    PENDING,
    PENDING_CODE,
    Action,
    Decision,
    FieldRedaction,
    Redaction,
    Review,
    ReviewError,
    Withholding,
    field_spans,
    review_id,
    text_hash,
)
from workbench.review.store import (
    AuditEntry,
    ReviewStore,
    SqliteStore,
    StoreError,
    TextChangedError,
    open_store,
)

__all__ = [
    "FIELDS",
    "PENDING",
    "PENDING_CODE",
    "Action",
    "AuditEntry",
    "Code",
    "CodeSet",
    "CodeSetError",
    "Decision",
    "DecisionsError",
    "FieldRedaction",
    "Redaction",
    "Review",
    "ReviewError",
    "ReviewStore",
    "SqliteStore",
    "StoreError",
    "TextChangedError",
    "Withholding",
    "available_code_sets",
    "builtin_code_sets",
    "commands",
    "decisions_to_dict",
    "dump_decisions",
    "field_spans",
    "load_code_set",
    "load_decisions",
    "open_store",
    "parse_decisions",
    "review_id",
    "text_hash",
    "validate_codes",
    "write_decisions",
]
