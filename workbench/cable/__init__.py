"""Reading cables: bytes -> text -> :class:`Cable`, with every field's span in the text."""

from workbench.cable.decode import CableError
from workbench.cable.model import Cable, Paragraph
from workbench.cable.parse import parse_bytes, parse_cable, read_cable

__all__ = ["Cable", "CableError", "Paragraph", "parse_bytes", "parse_cable", "read_cable"]
