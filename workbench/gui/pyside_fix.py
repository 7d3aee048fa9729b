"""A guard against a reference-counting bug of PySide6 6.12 on Python 3.11.

PySide6 6.12.0 returns ``None`` from every C++ ``void`` method (``update()``, ``setText()``,
``QPainter.fillRect()``...) without taking a new reference to it, and a signal's ``emit()``
does the same with ``True``/``False``. From Python 3.12 these objects are immortal (PEP 683), so
nothing happens; on Python 3.11 each call takes one reference away, and after a few thousand
calls (a minute of scrolling) the interpreter aborts with "Fatal Python error: none_dealloc:
deallocating None". Measured here: 1,000 ``QWidget.update()`` calls lower ``sys.getrefcount(None)``
by exactly 1,000; a fresh interpreter starts with about 5,000.

The guard checks for the bug with a harmless probe and, only when it is present, gives these
three objects a reference count no session can use up, which is what Python 3.12 does for them.
Newer PySide6 or Python make it a no-op.
"""

from __future__ import annotations

import ctypes
import sys

# Far more references than a session could ever lose (2**40 calls), far below overflow.
_RESERVE = 1 << 40


def void_calls_lose_none() -> bool:
    """True when calling a Qt ``void`` method takes a reference from ``None`` (the bug)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - 8


def apply() -> bool:
    """Guard the interpreter if it needs it; True when the guard was applied."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not void_calls_lose_none():
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object, at the object's address.
        ctypes.c_ssize_t.from_address(id(obj)).value += _RESERVE
    return True


APPLIED = apply()
