"""docs/check.md describes every finding code, status and basis the engine can produce."""

from pathlib import Path

from workbench.declass import BASES, CODES, STATUSES

DOC = Path(__file__).resolve().parents[2] / "docs" / "check.md"


def test_every_code_status_and_basis_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for code, (severity, _) in CODES.items():
        assert f"| `{code}` | {severity} |" in text, code
    for name in (*STATUSES, *BASES):
        assert f"| `{name}` |" in text, name
