"""The terminal companion (Textual): a dashboard of the internship weeks, a writing screen per part with
background language checks, checking and building, and autosave that never loses text.

``run_tui(args)`` is what ``stageverslag`` (without a command) and ``stageverslag tui`` call.
"""

from __future__ import annotations

import datetime as dt
import os

from ..errors import ConfigError


def load_or_none(path):
    """The project in ``path``, or None when the folder has no project yet (a broken one raises)."""
    from ..project import CONFIG_NAME, find_project_root, load_project
    root = find_project_root(path)
    if not (root / CONFIG_NAME).is_file():
        if path is not None and root.exists() and not root.is_dir():
            raise ConfigError(f"{root} is geen map; geef met --project de map van je project.")
        return None, root
    return load_project(root), root


def today_from_env() -> dt.date | None:
    raw = os.environ.get("STAGEVERSLAG_TODAY", "").strip()
    if not raw:
        return None
    from ..dates import parse_date
    return parse_date(raw, "STAGEVERSLAG_TODAY")


def run_tui(args) -> int:
    project, root = load_or_none(getattr(args, "project", None))
    today = today_from_env()
    from .app import StageverslagApp
    StageverslagApp(project, root=root, today=today).run()
    return 0
