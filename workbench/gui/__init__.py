"""The PySide6 window. Only this package imports Qt.

Importing it first guards Python 3.11 against PySide6 6.12's lost references to ``None``
(see :mod:`workbench.gui.pyside_fix`), before any window code calls into Qt.
"""

from workbench.gui import pyside_fix as _pyside_fix  # noqa: F401 (applied on import)
