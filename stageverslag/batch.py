"""The batch runner: a coach's files, folders and Canvas submission .zip files, checked in parallel processes.

Every submission gets a report, in the order of the submissions:

- Canvas's file names give the student and whether the submission came late (:mod:`stageverslag.canvas`); a
  .zip is read safely into a temporary folder; pdf's, old .doc files and unsafe members get a report that
  says why they were not checked.
- Pages are rendered in batches when the checks need a rendered count (``--pages render``, or ``auto`` with
  LibreOffice there): as many LibreOffice processes as workers (one per core) each convert a batch of the
  documents (:func:`stageverslag.document.pages.render_pages_many`), and each document goes to a worker as
  soon as its count is known, while LibreOffice renders the next ones.
- Workers are isolated: a worker that dies (killed, out of memory) costs only its own file. The pool is
  rebuilt, the files that were in the dead pool are retried once, each alone, and a file that kills its
  worker again gets the report "kon niet nagekeken worden: de controle stopte onverwacht".
- Spelling verdicts the workers learn come back with their reports and are written to the cache once, by
  this process (a worker process never writes it).
- With ``annotate`` (a folder), each worker writes the commented copy of its file there
  (:func:`stageverslag.annotate.write_annotated`) and the report names it.

The per-file work is :func:`stageverslag.linter.check_file`.
"""

from __future__ import annotations

import os
import queue
import signal
import sys
import tempfile
import threading
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .linter import DOCX_SUFFIXES, Report, check_file, input_report
from .paths import expand_home
from .profile import Profile, load_profile
from .rules import CheckOptions, Rule, load_rules

#: what a coach reads when the check of a file stopped (its worker died twice)
STOPPED = "kon niet nagekeken worden: de controle stopte onverwacht"
#: tests only: a worker that is handed a file of one of these names kills itself (comma-separated ``name`` or
#: ``name@marker``: only while the marker file does not exist yet, creating it, so the retry succeeds)
KILL_HOOK = "STAGEVERSLAG_TEST_WORKER_DIES"


def collect_files(paths: list[str | Path]) -> list[Path]:
    """Expand folders (recursively) to their .docx/.docm files, sorted; files are kept as given.

    Word lock files (``~$...``) are kept: they are reported, a coach wants to know. A path that does not
    exist, or a folder without reports, is a command error (UserError).
    """
    out: list[Path] = []
    for raw in paths:
        p = Path(expand_home(raw))  # not expanduser: "~$verslag.docx" is a Word lock file, not a home folder
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOCX_SUFFIXES)
            if not found:
                raise UserError(f"in de map {p} staan geen .docx-bestanden.")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise UserError(f"{p} bestaat niet. Controleer de naam of het pad.")
    return list(dict.fromkeys(out))


# ------------------------------------------------------------------------------------------------ one file


def _safe_check(path, profile, options, project, rules) -> Report:
    try:
        return check_file(path, profile, options, project=project, rules=rules)
    except UserError as exc:
        return input_report(path, str(exc), options.stage)
    except (MemoryError, RecursionError) as exc:
        return input_report(path, f"{path}: het bestand is te groot of te diep genest om te lezen "
                                  f"({type(exc).__name__}).", options.stage)
    except Exception as exc:  # never stop a batch: a bug is reported as ours, never as the file's fault
        from .linter import internal_report
        return internal_report(path, exc, options.stage)


def _annotate(path: Path, report: Report, target: Path | None) -> None:
    if target is None or report.error:
        return
    try:
        from .annotate import write_annotated
    except ImportError:  # pragma: no cover - annotate.py is part of the package
        return
    try:
        write_annotated(path, report, target.parent, target)
        report.annotated = str(target)
    except UserError as exc:
        report.notes.append(f"Geen kopie met opmerkingen gemaakt: {exc}")
    except Exception as exc:  # the copy is extra: its failure must not cost the report
        report.notes.append(f"Geen kopie met opmerkingen gemaakt (interne fout: {type(exc).__name__}).")


def _learned() -> dict | None:
    """The spelling verdicts this process learned since the last call (None when it has no dictionary)."""
    from .language import dictionary
    loaded = dictionary._DICTIONARIES.get("")
    return loaded.take_learned() if loaded is not None else None


_STATE: dict = {}


def _init_worker(profile, options, project, rules) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _STATE.update(profile=profile, options=options, project=project, rules=list(rules))  # rules pickle as they are


def _die_if_asked(shown: str) -> None:
    hook = os.environ.get(KILL_HOOK)
    if not hook:
        return
    base = shown.replace("\\", "/").rsplit("/", 1)[-1]
    for entry in hook.split(","):
        name, _, marker = entry.partition("@")
        if base != name:
            continue
        if marker:
            if os.path.exists(marker):
                return
            Path(marker).touch()
        os.kill(os.getpid(), signal.SIGKILL)


def _worker(path: str, shown: str, renders: dict, annotate_to: str | None) -> tuple[Report, dict | None]:
    _die_if_asked(shown)
    if renders:
        from .document.pages import remember_renders
        remember_renders(renders)
    s = _STATE
    report = _safe_check(path, s["profile"], s["options"], s["project"], s["rules"])
    _annotate(Path(path), report, Path(annotate_to) if annotate_to else None)
    return report, _learned()


# ------------------------------------------------------------------------------------------------ progress


class Progress:
    """A plain carriage-return progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, total: int, stream=None, enabled: bool | None = None):
        self.total, self.done = total, 0
        self.stream = stream or sys.stderr
        self.enabled = (self.stream.isatty() if enabled is None else enabled) and total > 1

    def step(self, name: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // self.total
        label = (name[:30] + "…") if len(name) > 31 else name
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {label:<32}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 80 + "\r")
            self.stream.flush()


# ------------------------------------------------------------------------------------------------ the batch


@dataclass
class _Task:
    index: int
    path: Path
    shown: str  # what the coach sees (the path given, or zip/member)
    annotate_to: Path | None = None
    render_key: tuple | None = None
    attempts: int = 0


def needs_render(options: CheckOptions, rules: list[Rule]) -> bool:
    """Whether the checks will ask LibreOffice for a page count (so a batch render pays off)."""
    if options.pages not in ("auto", "render"):
        return False
    if not any(r.category == "pages" and (options.stage == "auto" or options.stage in r.stages) for r in rules):
        return False
    from .libreoffice import find_soffice
    return bool(find_soffice())


def _renderer(tasks: list[_Task], out: queue.Queue, timeout: float, processes: int) -> None:
    """Render the tasks' documents in LibreOffice batches (``processes`` LibreOffice processes at once),
    handing each task on as soon as its count is known; None when all are."""
    from .document.pages import render_pages_many
    waiting: dict[tuple, list[_Task]] = {}
    lock = threading.Lock()
    try:
        for t in tasks:
            if t.render_key is None:
                out.put((t, {}))  # the worker finds out what is wrong with the file
            else:
                waiting.setdefault(t.render_key, []).append(t)

        def counted(key: tuple, value) -> None:
            with lock:
                ready = waiting.pop(key, [])
            for t in ready:
                out.put((t, {key: value}))

        try:
            render_pages_many([ts[0].path for ts in waiting.values()], timeout=timeout, processes=processes,
                              on_count=counted)
        except Exception as exc:  # the workers render one by one instead
            print(f"stageverslag: pagina's in één keer opmaken lukte niet ({type(exc).__name__}); "
                  "ze worden per bestand opgemaakt.", file=sys.stderr)
    finally:
        with lock:
            rest = [t for ts in waiting.values() for t in ts]
            waiting.clear()
        for t in rest:
            out.put((t, {}))
        out.put(None)


def _merge_learned(learned: dict | None) -> None:
    if learned and (learned.get("known") or learned.get("suggest")):
        from .language.dictionary import get_dictionary
        get_dictionary().merge_learned(learned)


def _stopped_report(task: _Task, stage: str) -> Report:
    """The file whose worker died twice: no verdict on the file (it is not its fault), an internal error."""
    from .linter import internal_report
    report = internal_report(task.path, RuntimeError(STOPPED), stage)
    report.notes.append(f"{task.shown}: {STOPPED} (het proces dat dit bestand nakeek, stopte twee keer, bijvoorbeeld "
                        "door te weinig geheugen). Probeer het nog eens alleen: stageverslag check BESTAND.")
    report.stopped = True
    return report


def check_paths(paths: list[str | Path], profile: Profile | None = None, options: CheckOptions | None = None,
                project=None, rules: list[Rule] | None = None, jobs: int = 0,
                progress: bool | None = None, annotate: str | Path | None = None,
                render_timeout: float = 120, batch_render: bool = True, render_processes: int = 0) -> list[Report]:
    """Check every submission in ``paths`` (files, folders, Canvas .zip downloads) in ``jobs`` processes
    (0: one per CPU core). Reports come back in the order of the submissions; a broken file or a dead worker
    gets its own report and the batch goes on. ``annotate``: a folder for commented copies.

    When the checks need rendered page counts, LibreOffice renders the documents in batches, with as many
    LibreOffice processes at once as ``render_processes`` (0: as ``jobs``, one per core, at most
    ``libreoffice.MAX_PROCESSES``) and ``render_timeout`` seconds per document; ``batch_render=False``
    renders file by file inside the workers instead (as before batches; for comparison in bench/)."""
    from .canvas import open_submissions
    options = options or CheckOptions()
    profile = profile or (project.profile if project is not None else load_profile())
    rules = load_rules() if rules is None else rules
    def checked(stage: str) -> tuple:  # the categories a report at ``stage`` was checked on
        return tuple(sorted({r.category for r in rules if stage in r.stages and "docx" in r.sources}))
    with tempfile.TemporaryDirectory(prefix="stageverslag-inzendingen-") as workdir:
        submissions = open_submissions(paths, Path(workdir))
        reports: dict[int, Report] = {}
        tasks: list[_Task] = []
        names_used: set[str] = set()
        for n, sub in enumerate(submissions):
            if sub.path is None:
                reports[n] = input_report(sub.name, f"{sub.filename}: {sub.skip}.", options.stage)
                continue
            target = None
            if annotate:
                target = _unique_target(Path(annotate), sub.filename, names_used)
            tasks.append(_Task(n, sub.path, sub.name, target))
        bar = Progress(len(submissions), enabled=progress)
        for n in reports:
            bar.step(submissions[n].filename)
        done = _run(tasks, profile, options, project, rules, jobs, bar, render_timeout, batch_render,
                    render_processes)
        reports.update(done)
        bar.close()
        out = []
        for n, sub in enumerate(submissions):
            r = reports[n]
            if sub.path is not None and str(sub.path) != sub.name:  # a zip member: say its name, not ours
                _rename(r, str(sub.path), sub.name)
            r.student, r.late, r.display, r.checked = sub.student, sub.late, sub.name, checked(r.stage)
            if profile.limits.length_note not in r.notes and (r.error or r.stage == "final"):
                r.notes.insert(0, profile.limits.length_note)  # every final report states how the limit is read
            out.append(r)
    return out


def _unique_target(folder: Path, filename: str, used: set[str]) -> Path:
    from .annotate import SUFFIX
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    name, n = f"{stem}{SUFFIX}.docx", 2
    while name.lower() in used:
        name, n = f"{stem}{SUFFIX}-{n}.docx", n + 1
    used.add(name.lower())
    return folder / name


def _rename(report: Report, temp: str, shown: str) -> None:
    """Replace the temporary path of an extracted zip member by the name the coach knows."""
    report.file = shown
    for f in report.findings:
        if temp in f.message:
            f.message = f.message.replace(temp, shown)
    report.notes = [n.replace(temp, shown) for n in report.notes]


def _run(tasks: list[_Task], profile, options, project, rules, jobs: int, bar: Progress,
         render_timeout: float, batch_render: bool = True, render_processes: int = 0) -> dict[int, Report]:
    """Check the tasks (serially or in a pool), rendering pages in batches first when that is needed."""
    results: dict[int, Report] = {}
    if not tasks:
        return results
    ready: queue.Queue = queue.Queue()
    renderer = None
    if batch_render and len(tasks) > 1 and needs_render(options, rules):
        from .document.pages import render_key
        for t in tasks:
            try:
                t.render_key = render_key(t.path)
            except OSError:
                t.render_key = None
        from .libreoffice import MAX_PROCESSES
        processes = render_processes or min(jobs or os.cpu_count() or 1, MAX_PROCESSES)
        processes = max(1, min(processes, len({t.render_key for t in tasks if t.render_key is not None}) or 1))
        renderer = threading.Thread(target=_renderer, args=(tasks, ready, render_timeout, processes), daemon=True,
                                    name="stageverslag-render")
        renderer.start()
    else:
        for t in tasks:
            ready.put((t, {}))
        ready.put(None)
    if any(r.language for r in rules):  # load the remembered verdicts once, before the workers fork
        from .language.dictionary import get_dictionary
        get_dictionary().stored
    jobs = jobs or os.cpu_count() or 1
    try:
        if jobs <= 1 or len(tasks) <= 1:
            _run_serial(ready, results, profile, options, project, rules, bar)
        else:
            _run_pool(ready, results, profile, options, project, rules, min(jobs, len(tasks)), bar)
    except BaseException:  # interrupted (Ctrl-C): LibreOffice runs in its own session, stop it too
        if renderer is not None:
            from .libreoffice import stop_running
            stop_running()
        raise
    finally:
        if renderer is not None:
            renderer.join(timeout=1)
        if any(r.language for r in rules):
            from .language.dictionary import get_dictionary
            get_dictionary().save_verdicts()
    return results


def _run_serial(ready: queue.Queue, results, profile, options, project, rules, bar: Progress) -> None:
    while True:
        item = ready.get()
        if item is None:
            return
        task, counts = item
        if task.render_key is not None and task.render_key in counts:
            from .document.pages import remember_renders
            remember_renders({task.render_key: counts[task.render_key]})
        report = _safe_check(task.path, profile, options, project, rules)
        _annotate(task.path, report, task.annotate_to)
        results[task.index] = report
        bar.step(task.shown.replace("\\", "/").rsplit("/", 1)[-1])


def _run_pool(ready: queue.Queue, results, profile, options, project, rules, workers: int,
              bar: Progress) -> None:
    """At most ``workers`` files in flight, so the files in a pool that breaks are known: they are retried
    once, each alone in a fresh pool; a file that breaks its pool again gets the 'stopped' report."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait  # only for a batch: slow import
    from concurrent.futures.process import BrokenProcessPool

    args = (profile, options, project, list(rules))

    def new_pool(size: int):
        return ProcessPoolExecutor(max_workers=size, initializer=_init_worker, initargs=args)

    pending: deque = deque()  # (task, render counts) ready to check
    retry: deque = deque()  # tasks whose pool broke: each runs alone
    in_flight: dict = {}
    renders_done = False
    pool = new_pool(workers)
    alone = False  # the pool runs one retried task by itself
    try:
        while True:
            while not renders_done:
                try:
                    item = ready.get(timeout=0.05) if not (pending or in_flight or retry) else ready.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    renders_done = True
                else:
                    pending.append(item)
            if not in_flight:
                alone = False
                if retry:
                    task, counts = retry.popleft()
                    alone = True
                    in_flight[_submit(pool, task, counts)] = (task, counts)
            if not alone:
                while pending and len(in_flight) < workers:
                    task, counts = pending.popleft()
                    in_flight[_submit(pool, task, counts)] = (task, counts)
            if not in_flight:
                if renders_done and not pending and not retry:
                    return
                continue
            finished, _ = wait(list(in_flight), timeout=0.2, return_when=FIRST_COMPLETED)
            broken = False
            for fut in finished:
                task, counts = in_flight.pop(fut)
                try:
                    report, learned = fut.result()
                except BrokenProcessPool:
                    broken = True
                    _retry_or_stop(task, counts, retry, results, options, bar)
                    continue
                except Exception as exc:  # a report that could not come back (pickling, ...)
                    report, learned = input_report(task.path, f"{task.shown}: het controleren van dit bestand "
                                                              f"is mislukt ({type(exc).__name__}).",
                                                   options.stage), None
                results[task.index] = report
                _merge_learned(learned)
                bar.step(task.shown.replace("\\", "/").rsplit("/", 1)[-1])
            if broken:  # every file still in the dead pool is a suspect too, unless it finished just now
                for fut, (task, counts) in list(in_flight.items()):
                    if fut.done() and not fut.cancelled() and fut.exception() is None:
                        report, learned = fut.result()
                        results[task.index] = report
                        _merge_learned(learned)
                        bar.step(task.shown.replace("\\", "/").rsplit("/", 1)[-1])
                    else:
                        _retry_or_stop(task, counts, retry, results, options, bar)
                in_flight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool(workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool, task: _Task, counts: dict):
    renders = {task.render_key: counts[task.render_key]} if task.render_key in counts else {}
    task.attempts += 1
    from .libreoffice import SPAWN_LOCK
    with SPAWN_LOCK:  # submit may fork a worker: never while a LibreOffice process is being started
        return pool.submit(_worker, str(task.path), task.shown, renders,
                           str(task.annotate_to) if task.annotate_to else None)


def _retry_or_stop(task: _Task, counts: dict, retry: deque, results, options, bar: Progress) -> None:
    if task.attempts < 2:
        retry.append((task, counts))
    else:
        results[task.index] = _stopped_report(task, options.stage)
        bar.step(task.shown.replace("\\", "/").rsplit("/", 1)[-1])
