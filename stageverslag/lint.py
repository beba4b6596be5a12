"""Old home of the linter, kept so existing imports keep working. New code imports from:

- :mod:`stageverslag.linter` -- the pure core (``check_document``, ``check_file``, ``Report``);
- :mod:`stageverslag.batch` -- many files in parallel (``check_paths``, ``collect_files``, ``Progress``);
- :mod:`stageverslag.service` -- what the front ends call (``check``, ``check_project``,
  ``measure_built_report``, ...);
- :mod:`stageverslag.commands` -- the CLI's ``cmd_check`` and ``render``.
"""

from __future__ import annotations

from .batch import Progress, check_paths, collect_files  # noqa: F401
from .commands import cmd_check, render  # noqa: F401
from .linter import (DOCX_SUFFIXES, INPUT_CODE, Report, check_document, check_file, exit_status,  # noqa: F401
                     input_report)
from .service import check_project, measure_built_report  # noqa: F401
