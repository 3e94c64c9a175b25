"""The package layout stays as ARCHITECTURE.md describes it: every relative
import resolves, no module imports another that imports it back (not even
lazily, inside a function), and no module's code runs past about 400 lines
(its EXAMPLES, which are data, do not count)."""
import ast
import importlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bhxh_extract"
MAX_CODE_LINES = 450


def _modules():
    found = {}
    for file in sorted(PACKAGE.rglob("*.py")):
        parts = list(file.relative_to(ROOT).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (file, is_package)
    return found


MODULES = _modules()


def _imports(name):
    """(line, module imported) of every relative import of a module, at any depth."""
    file, is_package = MODULES[name]
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = name.split(".") if is_package else name.split(".")[:-1]
            base = base[:len(base) - (node.level - 1)]
            target = ".".join(base + ([node.module] if node.module else []))
            submodules = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES]
            if len(submodules) == len(node.names):   # `from . import a, b`: the submodules themselves
                yield from ((node.lineno, s, None) for s in submodules)
            else:
                yield from ((node.lineno, target, a.name) for a in node.names)


def test_every_relative_import_resolves():
    broken = []
    for name in MODULES:
        for line, target, attribute in _imports(name):
            module = importlib.import_module(target)
            if attribute and not hasattr(module, attribute):
                try:
                    importlib.import_module(f"{target}.{attribute}")
                except ImportError:
                    broken.append(f"{MODULES[name][0].relative_to(ROOT)}:{line}: {target}.{attribute}")
    assert broken == []


def test_no_import_cycles():
    graph = {name: {t for _, t, _ in _imports(name) if t in MODULES and t != name} for name in MODULES}
    sys.setrecursionlimit(10000)
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(v):   # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in graph:
        if name not in index:
            visit(name)
    assert cycles == []


EXAMPLES_START = re.compile(r"^(?:[A-Z_]*EXAMPLES\b.*[:=]|# --- examples)")


def test_no_module_is_too_long_to_read():
    long = []
    for name, (file, _) in MODULES.items():
        lines = file.read_text(encoding="utf-8").split("\n")
        code = next((i for i, line in enumerate(lines) if EXAMPLES_START.match(line)), len(lines))
        if code > MAX_CODE_LINES:
            long.append(f"{file.relative_to(ROOT)}: {code} lines of code")
    assert long == []
