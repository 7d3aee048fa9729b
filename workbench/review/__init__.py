"""Review decisions: the Qt-free model, change commands, code sets, decisions files, the store.

Entry points::

    from workbench.review import SqliteStore, open_store, load_decisions, commands
    store = open_store(path_url_or_None)      # SQLite path, postgresql:// URL; default when None
    review = store.load(cable)                # TextChangedError if the cable's text changed
    store.apply(review, commands.withhold("p2", ["(b)(1)", "1.4(d)"]), "who")  # by region key
    store.apply(review, commands.redact(cable, review, start, end, ["(b)(6)"]), "who")
    partition(cable)                          # the regions: every character in exactly one
    store.revert(review, that_command, "who") # undo, also committed at once
    review = load_decisions(path, cable)      # a decisions file -> Review (DecisionsError)
    store.apply(review0, commands.ReplaceReview(review), "who")  # import it as one change
    props = find.find(cable, compile_pattern("Kim"), review)  # find-and-redact proposals
    store.apply(review, redact_command(cable, props, ["(b)(6)"]), "who")
    validate_codes(["B6"], available_code_sets())  # -> ("(b)(6)",); unknown code: ReviewError
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

# ``find`` stays the module (``review.find.find``): the GUI imports it as a module.
from workbench.review.find import (
    Proposal,
    compile_pattern,
    find_text,
    redact_command,
    same_text,
)
from workbench.review.model import (
    FIELDS,
    PENDING,
    PENDING_CODE,
    Action,
    Decision,
    Effective,
    FieldRedaction,
    Redaction,
    Review,
    ReviewError,
    Withholding,
    field_spans,
    review_id,
    text_hash,
)
from workbench.review.regions import HEADER_FIELDS, Partition, Region, partition
from workbench.review.rules import RULES, Rule
from workbench.review.store import (
    AuditEntry,
    ReviewStore,
    SqliteStore,
    StoreError,
    TextChangedError,
)
from workbench.review.store_api import ConflictError, QcEvent, QcState
from workbench.review.stores import open_store

__all__ = [
    "FIELDS",
    "HEADER_FIELDS",
    "PENDING",
    "PENDING_CODE",
    "RULES",
    "Action",
    "AuditEntry",
    "Code",
    "CodeSet",
    "CodeSetError",
    "ConflictError",
    "Decision",
    "DecisionsError",
    "Effective",
    "FieldRedaction",
    "Partition",
    "Proposal",
    "QcEvent",
    "QcState",
    "Redaction",
    "Region",
    "Review",
    "ReviewError",
    "ReviewStore",
    "Rule",
    "SqliteStore",
    "StoreError",
    "TextChangedError",
    "Withholding",
    "available_code_sets",
    "builtin_code_sets",
    "commands",
    "compile_pattern",
    "decisions_to_dict",
    "dump_decisions",
    "field_spans",
    "find_text",
    "load_code_set",
    "load_decisions",
    "open_store",
    "parse_decisions",
    "partition",
    "redact_command",
    "review_id",
    "same_text",
    "text_hash",
    "validate_codes",
    "write_decisions",
]
