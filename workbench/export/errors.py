"""The one error type export raises: its message is the sentence the user sees."""


class ExportError(Exception):
    """Export refused or failed; ``str(exc)`` names the file and what to do."""
