"""The layer rule: only orgmodel/ui imports Qt, dependencies point one way, and every non-UI
module (and the headless commands) works with PySide6 made unimportable."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "orgmodel"

# package -> packages of ours it must never import
FORBIDDEN = {
    "core": {"editing", "analysis", "sim", "persistence", "interop", "reporting", "ui", "cli"},
    "editing": {"analysis", "sim", "persistence", "interop", "reporting", "ui", "cli"},
    "analysis": {"sim", "persistence", "reporting", "ui", "cli"},
    "sim": {"persistence", "reporting", "ui", "cli"},
    "persistence": {"analysis", "sim", "reporting", "ui", "cli"},
    "interop": {"sim", "reporting", "ui", "cli"},
    "reporting": {"ui", "cli", "persistence"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_only_ui_imports_qt() -> None:
    leaks = []
    for path in _modules():
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui":
            continue
        bad = {n for n in _imports(path) if n.split(".")[0] in {"PySide6", "shiboken6"}}
        if bad and not (rel.parts[0] == "cli" and _qt_only_inside_functions(path)):
            leaks.append(f"{rel}: {sorted(bad)}")
    assert not leaks, "Qt imported outside orgmodel/ui: " + "; ".join(leaks)


def _qt_only_inside_functions(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if any(n.split(".")[0] in {"PySide6", "shiboken6"} for n in names):
                return False
    return True


def test_dependencies_point_one_way() -> None:
    wrong = []
    for path in _modules():
        rel = path.relative_to(PACKAGE)
        layer = rel.parts[0]
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] == "orgmodel" and len(parts) > 1 and parts[1] in FORBIDDEN.get(layer, set()):
                wrong.append(f"{rel} imports {name}")
    assert not wrong, "; ".join(wrong)


BLOCKER = textwrap.dedent(
    """
    import importlib.abc, sys
    class _NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError("PySide6 is unavailable in this test")
            return None
    sys.meta_path.insert(0, _NoQt())
    """
)


@pytest.mark.slow
def test_every_non_ui_module_imports_without_qt() -> None:
    modules = []
    for path in _modules():
        rel = path.relative_to(PACKAGE).with_suffix("")
        if rel.parts[0] == "ui" or rel.name == "__main__":
            continue
        modules.append(".".join(("orgmodel", *rel.parts)).removesuffix(".__init__"))
    script = BLOCKER + textwrap.dedent(
        f"""
        import importlib
        for name in {modules!r}:
            importlib.import_module(name)
        assert "PySide6" not in sys.modules
        print("imported", len({modules!r}))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.slow
def test_headless_commands_run_without_qt(tmp_path: Path) -> None:
    out = tmp_path / "seed.orgmodel"
    script = BLOCKER + textwrap.dedent(
        f"""
        from orgmodel.cli import main
        codes = [
            main(["new", {str(out)!r}, "--example", "seed-enterprise"]),
            main(["info", {str(out)!r}]),
            main(["validate", {str(out)!r}]),
            main(["convert", {str(out)!r}, {str(tmp_path / 'seed.json')!r}]),
            main(["convert", {str(out)!r}, {str(tmp_path / 'seed.graphml')!r}]),
            main(["simulate", {str(out)!r}, "--runs", "4", "--weeks", "20"]),
        ]
        assert "PySide6" not in sys.modules, "a headless command imported Qt"
        print(codes)
        sys.exit(0 if all(c in (0, 1) for c in codes) else 3)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout[-1000:] + done.stderr[-2000:]
