"""Shared test set-up.

Markers (registered in pyproject.toml) for tests that need something outside the repository:

* ``corpus``      -- the real-report corpus in ``../shared/corpus/docx``;
* ``shared(rel)`` -- a file or folder under ``../shared`` (e.g. the handbook, ud-nl);
* ``libreoffice`` -- LibreOffice's ``soffice`` (``STAGEVERSLAG_SOFFICE`` overrides, empty = absent).

Without it such a test is skipped with a one-line reason. In CI (``CI=true``) a skipped test counts as a
failure: nothing may be skipped there, so a missing corpus or LibreOffice fails the run.
"""

from __future__ import annotations

import os
import tempfile

import pytest

from shared_data import CORPUS, SHARED

# The tests never write into the user's own cache folder (remembered word verdicts, crash reports), and they
# check the engine itself, not results remembered from an earlier run (tests/test_result_cache.py switches that
# cache back on where it is the subject).
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="stageverslag-tests-cache-")
os.environ["STAGEVERSLAG_NO_RESULT_CACHE"] = "1"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def _missing(item: pytest.Item) -> str | None:
    """Why ``item`` cannot run here, or None."""
    if item.get_closest_marker("corpus") and not (CORPUS / "MANIFEST.tsv").is_file():
        return f"needs the corpus in {CORPUS} (not found)"
    for mark in item.iter_markers("shared"):
        wanted = SHARED.joinpath(*mark.args) if mark.args else SHARED
        if not wanted.exists():
            return f"needs {wanted} (not found)"
    if item.get_closest_marker("libreoffice"):
        from stageverslag.libreoffice import find_soffice
        if not find_soffice():
            return "needs LibreOffice (soffice not on PATH)"
    return None


def pytest_runtest_setup(item: pytest.Item) -> None:
    reason = _missing(item)
    if reason:
        if _in_ci():
            pytest.fail(f"CI=true: {reason}; nothing may be skipped in CI", pytrace=False)
        pytest.skip(reason)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if _in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which is not allowed: {report.longrepr}"
