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
    _guard_crashes(app, root)
    if project is not None:
        _say_conversions(app, project)
    try:
        app.run()
    finally:
        # however the app ended (Ctrl+Q, a crash, a closed terminal): write what the editor still holds
        if app.state.project is not None and app.state.unsaved():
            saved = _last_save(app.state)
    if app.return_code in (2, 3):  # a user error or a crash inside the app: its message was printed
        return app.return_code
    return saved or app.return_code or 0


def _save_on_signals(app) -> None:
    """A closed terminal (SIGHUP) or a shutdown (SIGTERM) first writes the drafts, then stops the app.

    Keystrokes already sent count: before saving, the app reads what is still waiting on the terminal and
    lets the editor handle every pending key (until input and message queues stay empty for a moment, at most
    ``SIGNAL_DRAIN_S``), then takes the editor's text as it is."""
    import signal

    def handler(signum, frame):
        loop = getattr(app, "_loop", None)
        if loop is not None and loop.is_running() and not getattr(app, "_stopping_on_signal", False):
            app._stopping_on_signal = True
            loop.call_soon_threadsafe(lambda: loop.create_task(_drain_save_exit(app, signum)))
            return
        _sync_editor(app)
        if app.state.project is not None and app.state.unsaved():
            _last_save(app.state)
        app.exit(return_code=128 + signum)
    for name in ("SIGHUP", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)


#: the longest a stop signal waits for keystrokes already sent to be handled
SIGNAL_DRAIN_S = 1.5


async def _drain_save_exit(app, signum: int) -> None:
    import asyncio
    import time
    end = time.monotonic() + SIGNAL_DRAIN_S
    quiet = 0
    while quiet < 4 and time.monotonic() < end:
        quiet = 0 if _unread_input() or _busy(app) else quiet + 1
        await asyncio.sleep(0.02)
    try:
        _sync_editor(app)
        if app.state.project is not None and app.state.unsaved():
            _last_save(app.state)
    finally:
        app.exit(return_code=128 + signum)


def _unread_input() -> int:
    """Bytes typed on the terminal that the app has not read yet."""
    import fcntl
    import struct
    import sys
    import termios
    try:
        raw = fcntl.ioctl(sys.stdin.fileno(), termios.FIONREAD, b"\0\0\0\0")
        return struct.unpack("i", raw)[0]
    except (OSError, ValueError, AttributeError):
        return 0


def _busy(app) -> bool:
    """Messages (keys, changes) still waiting in the app, its screen or a widget."""
    try:
        nodes = [app, app.screen, *app.screen.walk_children()]
        return any(not node._message_queue.empty() for node in nodes if getattr(node, "_message_queue", None))
    except Exception:  # noqa: BLE001 - no screen yet, or shutting down
        return False


def _sync_editor(app) -> None:
    """Take the open editor's text into the state (keys it handled whose change was not yet passed on)."""
    try:
        from .screens.writing import WritingScreen
        screen = app.screen
        if isinstance(screen, WritingScreen):
            text = screen.editor.text
            if text != app.state.buffer(screen.part_id).text:
                app.state.edit(screen.part_id, text)
    except Exception:  # noqa: BLE001 - no editor open: the buffers hold everything
        pass


def _guard_crashes(app, root) -> None:
    """An unexpected exception inside the app: a short Dutch message and a crash report (exit status 3)
    instead of Textual's full traceback. The drafts are still saved by ``run_tui``'s ``finally``."""
    def fatal_error() -> None:
        import sys
        from ..crash import EXIT_INTERNAL, crash_message, write_crash_report
        exc = sys.exc_info()[1] or getattr(app, "_exception", None) or RuntimeError("onbekende fout")
        from ..errors import UserError
        if isinstance(exc, UserError):  # a problem with the user's files, met while the app ran: say it
            app._exit_renderables.append(f"stageverslag: {exc}")
            app._return_code = exc.exit_code
            app._close_messages_no_wait()
            return
        try:
            report = write_crash_report(exc, ["tui"], root if root is not None and (root / "stageverslag.toml").is_file()
                                        else None)
        except Exception:  # noqa: BLE001
            report = None
        app._exit_renderables.append(crash_message(exc, report))
        app._return_code = EXIT_INTERNAL
        app._close_messages_no_wait()
    app._fatal_error = fatal_error


def _say_conversions(app, project) -> None:
    """Tell, once the app runs, what reading the drafts converted (encoding, control characters) or refused."""
    try:
        notes = project.conversion_notes()
    except Exception:  # noqa: BLE001 - a note is a courtesy
        return
    if notes:
        text = " ".join(notes) + " Bij opslaan worden ze als gewone UTF-8-tekst bewaard."
        app.call_later(lambda: app.notify(text, title="Teksten omgezet", severity="warning", timeout=20))


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
