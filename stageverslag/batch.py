"""The batch runner: check many .docx files (files and folders) in parallel processes, with a progress bar.

Every file gets a report, in the order of the files; a broken file (or a worker that dies) becomes a report
with an ``input`` finding and the batch goes on. The per-file work is :func:`stageverslag.linter.check_file`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import UserError
from .linter import DOCX_SUFFIXES, Report, check_file, input_report
from .profile import Profile, load_profile
from .rules import CheckOptions, Rule, load_rules


def collect_files(paths: list[str | Path]) -> list[Path]:
    """Expand folders (recursively) to their .docx/.docm files, sorted; files are kept as given.

    Word lock files (``~$...``) are kept: they are reported, a coach wants to know. A path that does not
    exist, or a folder without reports, is a command error (UserError).
    """
    out: list[Path] = []
    for raw in paths:
        p = Path(raw).expanduser()
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


def _worker(path: str, profile: Profile, options: CheckOptions, project, codes: list[str]) -> Report:
    rules = [r for r in load_rules() if r.code in set(codes)]
    return _safe_check(path, profile, options, project, rules)


def _safe_check(path, profile, options, project, rules) -> Report:
    try:
        return check_file(path, profile, options, project=project, rules=rules)
    except UserError as exc:
        return input_report(path, str(exc), options.stage)
    except (MemoryError, RecursionError) as exc:
        return input_report(path, f"{path}: het bestand is te groot of te diep genest om te lezen "
                                  f"({type(exc).__name__}).", options.stage)
    except Exception as exc:  # never stop a batch: the coach gets a report for every file
        return input_report(path, f"{path}: het bestand kon niet gelezen worden ({type(exc).__name__}: {exc}). "
                                  "Open het in Word en sla het opnieuw op als .docx.", options.stage)


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


def check_paths(paths: list[str | Path], profile: Profile | None = None, options: CheckOptions | None = None,
                project=None, rules: list[Rule] | None = None, jobs: int = 0,
                progress: bool | None = None) -> list[Report]:
    """Check every .docx in ``paths`` (files or folders), in ``jobs`` processes (0: one per CPU core).

    Reports come back in the order of the files. A broken file gets its own report; the batch goes on.
    """
    options = options or CheckOptions()
    profile = profile or (project.profile if project is not None else load_profile())
    rules = load_rules() if rules is None else rules
    files = collect_files(paths)
    bar = Progress(len(files), enabled=progress)
    jobs = jobs or os.cpu_count() or 1
    reports: dict[Path, Report] = {}
    if jobs <= 1 or len(files) <= 1:
        for f in files:
            reports[f] = _safe_check(f, profile, options, project, rules)
            bar.step(f.name)
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed  # only for a batch: slow import
        codes = [r.code for r in rules]
        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            futures = {pool.submit(_worker, str(f), profile, options, project, codes): f for f in files}
            for fut in as_completed(futures):
                f = futures[fut]
                try:
                    reports[f] = fut.result()
                except Exception as exc:  # a worker that died (e.g. killed for memory)
                    reports[f] = input_report(f, f"{f}: het controleren van dit bestand is mislukt "
                                                 f"({type(exc).__name__}).", options.stage)
                bar.step(f.name)
    bar.close()
    for r in reports.values():  # every report states how the length limit is read
        if profile.limits.length_note not in r.notes:
            r.notes.insert(0, profile.limits.length_note)
    return [reports[f] for f in files]
