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
    app = StageverslagApp(project, root=root, today=today)
    saved = 0
    _save_on_signals(app)
    try:
        app.run()
    finally:
        # however the app ended (Ctrl+Q, a crash, a closed terminal): write what the editor still holds
        if app.state.project is not None and app.state.unsaved():
            saved = _last_save(app.state)
    return saved or app.return_code or 0


def _save_on_signals(app) -> None:
    """A closed terminal (SIGHUP) or a shutdown (SIGTERM) first writes the drafts, then stops the app."""
    import signal

    def handler(signum, frame):
        if app.state.project is not None and app.state.unsaved():
            _last_save(app.state)
        app.exit(return_code=128 + signum)
    for name in ("SIGHUP", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)


def _last_save(state) -> int:
    import sys
    errors = state.save_all()
    if not errors:
        return 0
    try:
        where = state.rescue()
        print(f"stageverslag: {errors[0].split(' Je tekst blijft')[0]} Een kopie van je tekst staat in {where}.",
              file=sys.stderr)
    except OSError as exc:
        print(f"stageverslag: je tekst kon niet worden bewaard ({exc.strerror or exc}).", file=sys.stderr)
    return 1
