"""libpq's refusals as one sentence with advice that fits them (no server needed)."""

from __future__ import annotations

import pytest

from workbench.review.pg_connect import _advice, _why

REFUSED = (
    'connection failed: connection to server at "127.0.0.1", port 54329 failed: Connection '
    "refused\n\tIs the server running on that host and accepting TCP/IP connections?"
)
NO_DB = (
    'connection failed: connection to server at "127.0.0.1", port 5432 failed: FATAL:  '
    'database "nodb" does not exist'
)
NO_PASSWORD = (
    'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
    "fe_sendauth: no password supplied"
)


@pytest.mark.parametrize(
    ("message", "why", "advice"),
    [
        (REFUSED, "port 54329 failed: Connection refused", "that the server is running"),
        (NO_DB, 'database "nodb" does not exist', "database's name"),
        (NO_PASSWORD, "no password supplied", "~/.pgpass"),
    ],
)
def test_reason_on_one_line_and_advice_that_fits(message: str, why: str, advice: str) -> None:
    exc = Exception(message)
    assert why in _why(exc) and "\t" not in _why(exc) and "\n" not in _why(exc)
    assert not _why(exc).startswith("connection failed")
    assert advice in _advice(exc)
    if advice != "~/.pgpass":  # the password advice only where a password is the problem
        assert "pgpass" not in _advice(exc)
