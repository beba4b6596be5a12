"""Helpers for the TUI tests."""

from __future__ import annotations

from textual.worker import WorkerCancelled


async def settle(app) -> None:
    """Wait until the app's background workers are done. A worker that was cancelled because newer typing
    replaced it (the language check is debounced and exclusive) is not a failure: wait for the rest."""
    for _ in range(1000):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue
