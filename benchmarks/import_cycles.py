"""Import cycles among the workbench's own modules, and the largest classes and modules.

    python3 benchmarks/import_cycles.py            # the whole package
    python3 benchmarks/import_cycles.py gui        # sizes for workbench/gui only

Every ``import`` and ``from ... import`` of a ``workbench`` module counts, wherever it stands:
at the top, inside a function (a lazy import) or under ``if TYPE_CHECKING:``. A type-only
import still ties two modules together for a reader and for mypy, so it counts as a cycle too;
the report says which edges are type-only or lazy. Cycles are the strongly connected components
of the import graph with more than one module (or a module importing itself).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "workbench"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, package: str, known: set[str]) -> Iterator[tuple[str, str]]:
    """(imported module, kind) for each import; kind is 'top', 'lazy' or 'type'."""

    def resolve(name: str) -> str | None:
        # ``from workbench.gui import rules`` imports the module workbench.gui.rules.
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    def walk(node: ast.AST, kind: str) -> Iterator[tuple[str, str]]:
        for child in ast.iter_child_nodes(node):
            k = kind
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) and kind == "top":
                k = "lazy"
            if isinstance(child, ast.If) and _is_type_checking(child):
                k = "type"
            if isinstance(child, ast.Import):
                for a in child.names:
                    if (m := resolve(a.name)) is not None:
                        yield m, k
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    up = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*up, base] if base else up)
                for a in child.names:
                    if (m := resolve(f"{base}.{a.name}")) is not None:
                        yield m, k
            yield from walk(child, k)

    yield from walk(tree, "top")


def graph() -> dict[str, dict[str, str]]:
    mods = modules()
    known = set(mods)
    out: dict[str, dict[str, str]] = {}
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: dict[str, str] = {}
        for target, kind in _imports(ast.parse(path.read_text(encoding="utf-8")), package, known):
            if target == name:
                continue
            rank = {"top": 0, "lazy": 1, "type": 2}
            if target not in edges or rank[kind] < rank[edges[target]]:
                edges[target] = kind
        out[name] = edges
    return out


def cycles(g: dict[str, dict[str, str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on.add(v)
        for w in g.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    sys.setrecursionlimit(10_000)
    for v in sorted(g):
        if v not in index:
            visit(v)
    return sorted(found)


def sizes(folder: Path) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(lines, module) and (lines, class) for every module and class under ``folder``."""
    mods, classes = [], []
    for path in sorted(folder.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        rel = str(path.relative_to(ROOT))
        mods.append((len(text.splitlines()), rel))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                classes.append((node.end_lineno - node.lineno + 1, f"{rel}:{node.name}"))
    return sorted(mods, reverse=True), sorted(classes, reverse=True)


def main(argv: list[str]) -> int:
    g = graph()
    found = cycles(g)
    print(f"{len(g)} modules in workbench/, {sum(len(e) for e in g.values())} internal imports")
    print(f"import cycles: {len(found)}")
    for comp in found:
        members = set(comp)
        edges = [
            f"{a} -> {b}" + ("" if kind == "top" else f" ({kind})")
            for a in comp
            for b, kind in sorted(g[a].items())
            if b in members
        ]
        print("  " + ", ".join(comp))
        for e in edges:
            print("    " + e)
    folder = PACKAGE / (argv[0] if argv else "gui")
    mods, classes = sizes(folder)
    print(f"largest modules in {folder.relative_to(ROOT)}:")
    for n, m in mods[:3]:
        print(f"  {n:5d} lines  {m}")
    print(f"largest classes in {folder.relative_to(ROOT)} (lines of the class body):")
    for n, c in classes[:3]:
        print(f"  {n:5d} lines  {c}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
