"""The layering contract, checked on the source (every import, also those inside functions):

* the pure core (profile, document/*, rules, checks, language/*, schedule, linter and the small helpers they
  use) imports neither a front end (cli, commands, tui), the builder (builder, docxbuild) nor the service;
* the TUI imports the service, never the CLI (cli, commands); the CLI's commands never import the TUI (only
  ``cli.main`` starts it, through ``stageverslag.tui.run_tui``);
* neither front end imports the old ``stageverslag.lint`` module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("stageverslag", "checks")

CORE = ("stageverslag.profile", "stageverslag.document", "stageverslag.rules", "checks", "stageverslag.language",
        "stageverslag.schedule", "stageverslag.linter", "stageverslag.findings", "stageverslag.errors",
        "stageverslag.text", "stageverslag.dates", "stageverslag.paths")
FRONT_ENDS = ("stageverslag.cli", "stageverslag.commands", "stageverslag.tui")
BUILDER = ("stageverslag.builder", "stageverslag.docxbuild")
SERVICE = ("stageverslag.service",)


def _under(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _modules() -> dict[str, Path]:
    out = {}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports (absolute names; ``from x import y`` counts as x and x.y)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)] if node.level > 1 else base
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)
    return {m for m in found if m.split(".")[0] in PACKAGES}


MODULES = _modules()


def test_the_walk_sees_imports_inside_functions():
    assert "stageverslag.builder.report_bytes" in imports_of("stageverslag.service", MODULES["stageverslag.service"])
    assert "stageverslag.service" in imports_of("stageverslag.tui.state", MODULES["stageverslag.tui.state"])


@pytest.mark.parametrize("name", sorted(n for n in MODULES if _under(n, CORE)))
def test_core_imports_no_front_end_builder_or_service(name):
    bad = {m for m in imports_of(name, MODULES[name]) if _under(m, FRONT_ENDS + BUILDER + SERVICE)
           or _under(m, ("stageverslag.lint", "stageverslag.batch"))}
    assert not bad, f"{name} imports {sorted(bad)}"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if _under(n, ("stageverslag.tui",))))
def test_tui_uses_the_service_not_the_cli(name):
    bad = {m for m in imports_of(name, MODULES[name]) if _under(m, ("stageverslag.cli", "stageverslag.commands",
                                                                    "stageverslag.lint"))}
    assert not bad, f"{name} imports {sorted(bad)}"


@pytest.mark.parametrize("name", ["stageverslag.cli", "stageverslag.commands"])
def test_cli_uses_the_service_not_the_tui(name):
    tui = {m for m in imports_of(name, MODULES[name]) if _under(m, ("stageverslag.tui",))}
    allowed = {"stageverslag.tui", "stageverslag.tui.run_tui"} if name == "stageverslag.cli" else set()
    assert tui <= allowed, f"{name} imports {sorted(tui - allowed)}"
    assert not {m for m in imports_of(name, MODULES[name]) if _under(m, ("stageverslag.lint",))}
