"""A team store's URL as messages show it names the server (newcomer 5, finding 11: `store
init` and `store check` printed `postgresql://localhost/workbench` for a URL whose socket
directory and port were in its query), and never the user name or a password."""

from __future__ import annotations

from workbench.review.pg_connect import display


def test_the_server_is_named_and_the_secrets_are_not() -> None:
    assert (
        display("postgresql://postgres@/workbench?host=/tmp/nc5pg&port=55435")
        == "postgresql:///workbench?host=/tmp/nc5pg&port=55435"
    )
    assert display("postgresql://alice:pw@127.0.0.1:55435/workbench") == (
        "postgresql://127.0.0.1:55435/workbench"
    )
    shown = display("postgresql://alice@/w?host=/tmp/x&password=secret&sslmode=require")
    assert shown == "postgresql:///w?host=/tmp/x" and "secret" not in shown
    assert display("postgresql:///workbench") == "postgresql://localhost/workbench"
