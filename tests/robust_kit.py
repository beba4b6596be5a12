"""Helpers for the robustness tests (tests/test_robust_*.py, test_fuzz.py): run the command line in a fresh
process with a generous timeout and measure its own peak memory; snapshot a folder to prove nothing outside
the project changed.

Time is bounded by the timeout (a hang fails the test), never asserted as a small duration: the machine may
be shared. Memory is the child's own high-water mark (VmHWM), reported by the child itself.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TIMEOUT_S = 60
MEMORY_LIMIT_MB = 300
TRACEBACK = "Traceback (most recent call last)"


def load_fuzz():
    """tools/fuzz.py as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("stageverslag_fuzz", REPO / "tools" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("stageverslag_fuzz", module)
    spec.loader.exec_module(module)
    return module


@dataclass
class Run:
    status: int
    stdout: str
    stderr: str
    peak_mb: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(*args: str, cwd: Path, timeout: float = TIMEOUT_S, env: dict | None = None,
            stdin=subprocess.DEVNULL) -> Run:
    """``stageverslag ARGS`` in a fresh interpreter in ``cwd``; fails the test when it does not end within
    ``timeout`` seconds. The peak memory is the child's own VmHWM."""
    fuzz = load_fuzz()
    peak_file = cwd / f".peak-{os.getpid()}-{abs(hash(args))}"
    full_env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
                    STAGEVERSLAG_TODAY="3/3/2027")
    full_env.update(env or {})
    try:
        proc = subprocess.run([sys.executable, "-c", fuzz._CHILD, str(peak_file), *args], cwd=cwd,
                              capture_output=True, text=True, timeout=timeout, env=full_env, stdin=stdin)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"stageverslag {' '.join(args)} did not end within {timeout} s") from None
    try:
        peak = int(peak_file.read_text() or 0) / 1024
        peak_file.unlink()
    except (OSError, ValueError):
        peak = 0.0
    return Run(proc.returncode, proc.stdout, proc.stderr, peak)


def assert_clean(run: Run, status: int | tuple[int, ...], *dutch: str) -> None:
    """The documented exit status, no traceback, bounded memory, and the Dutch words expected."""
    statuses = status if isinstance(status, tuple) else (status,)
    assert TRACEBACK not in run.output, run.output[-3000:]
    assert run.status in statuses, f"exit {run.status}, expected {statuses}:\n{run.output[-3000:]}"
    assert run.peak_mb < MEMORY_LIMIT_MB, f"peak memory {run.peak_mb:.0f} MB"
    for word in dutch:
        assert word in run.output, f"{word!r} not in:\n{run.output[-3000:]}"


def snapshot(folder: Path, skip: Path | None = None) -> dict[str, str]:
    """Every file under ``folder`` (not following symlinks, skipping ``skip``) -> a hash of its content or
    its link target: compare two snapshots to prove nothing there changed."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        if skip is not None and (here == skip or skip in here.parents):
            dirnames[:] = []
            continue
        for name in filenames + [d for d in dirnames if (here / d).is_symlink()]:
            p = here / name
            if p.is_symlink():
                out[str(p)] = "link:" + os.readlink(p)
            elif p.is_file():
                out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
            else:
                out[str(p)] = "special"
    return out
