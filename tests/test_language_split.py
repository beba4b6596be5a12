"""The language pass of one report on two cores (``stageverslag/language/split.py``): the same facts as one
process gives, also when the suggestion budget runs short or the child fails. Each case runs in a fresh
interpreter (a process with no other threads, as ``stageverslag check`` of one document is)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

needs_two_cores = pytest.mark.skipif(not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2,
                                     reason="the split runs on Linux with two cores or more")

SCRIPT = r"""
import json, sys
from stageverslag import service
from stageverslag.language import check_document, split

mode, budget = sys.argv[1], int(sys.argv[2])
if mode != "one":
    split.allow()
if mode == "broken":  # the child dies before it answers
    real = split.Child.__init__
    split.Child.__init__ = lambda self, work: real(self, lambda: 1 / 0)
project = service.open_project(sys.argv[3])
facts = check_document(project.document(), project, suggestion_budget=budget)
from stageverslag.language.dictionary import get_dictionary
learned = get_dictionary()
print(json.dumps({"how": split.last(),
                  "facts": [[f.category, f.paragraph, f.issue.start, f.issue.end, f.issue.message,
                             f.issue.suggestion] for f in facts],
                  "known": sorted(learned.stored["known"]), "suggest": learned.stored["suggest"]}))
"""


def run(mode: str, budget: int, tmp_path: Path, project: Path = REPO / "examples" / "project-met-fouten") -> dict:
    cache = tmp_path / f"cache-{mode}-{budget}"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "STAGEVERSLAG_NO_RESULT_CACHE": "1",
           "PYTHONPATH": str(REPO)}
    env.pop("STAGEVERSLAG_ONE_PROCESS", None)
    done = subprocess.run([sys.executable, "-c", SCRIPT, mode, str(budget), str(project)],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@needs_two_cores
def test_the_split_gives_the_facts_and_remembered_verdicts_of_one_process(tmp_path):
    one, two = run("one", 4000, tmp_path), run("split", 4000, tmp_path)
    assert one["how"] == "one process" and two["how"] == "split"
    assert len(one["facts"]) > 20 and two["facts"] == one["facts"]
    assert {"dt", "spelling", "spreektaal"} <= {f[0] for f in two["facts"]}
    assert two["known"] == one["known"] and two["suggest"] == one["suggest"]  # the child's verdicts came back


@needs_two_cores
def test_a_budget_that_runs_out_in_the_childs_half_gives_what_one_process_gives(tmp_path):
    # misspellings late in the report that only the thorough searches correct, and a budget that runs out
    # before them: the child, which has the whole budget, finds corrections one process does not give
    project = tmp_path / "project"
    shutil.copytree(REPO / "examples" / "project-met-fouten", project)
    with (project / "hoofdstukken" / "06-conclusie.md").open("a", encoding="utf-8") as out:
        out.write("\nDe klantenservic en de documentatei van het onderhoudscontrat waren onduidlijk, maar de "
                  "presentatei over de planingen en de jaarrekeningg was goed voorbereid.\n")
    one, two = run("one", 100, tmp_path, project), run("split", 100, tmp_path, project)
    assert two["how"] == "split" and two["facts"] == one["facts"]
    plenty = run("one", 4000, tmp_path, project)
    late = [f for f in plenty["facts"] if f[0] == "spelling" and f[4].startswith(("'klantenservic'", "'onduidlijk'"))]
    assert late and all(f not in one["facts"] for f in late)  # the budget did run out before these words


@needs_two_cores
def test_a_child_that_fails_changes_nothing(tmp_path):
    one, broken = run("one", 4000, tmp_path), run("broken", 4000, tmp_path)
    assert broken["how"] == "split, redone here" and broken["facts"] == one["facts"]


def test_no_split_for_short_texts_batches_or_other_threads(monkeypatch):
    from stageverslag.language import split
    monkeypatch.setitem(split._STATE, "allowed", True)
    monkeypatch.setattr(split.threading, "active_count", lambda: 1)
    monkeypatch.setattr(split, "_cores", lambda: 2)
    monkeypatch.setattr(split.sys, "platform", "linux")
    assert split.cut([100] * 30) == 17  # the parent takes 55 % of the words
    monkeypatch.setattr(split, "_cores", lambda: 1)
    assert split.cut([100] * 30) is None  # one core: nothing to gain
    monkeypatch.setattr(split, "_cores", lambda: 2)
    assert split.cut([10] * 30) is None  # too short to pay for a fork
    monkeypatch.setattr(split.threading, "active_count", lambda: 2)
    assert split.cut([100] * 30) is None  # another thread: no fork
    monkeypatch.setattr(split.threading, "active_count", lambda: 1)
    monkeypatch.setitem(split._STATE, "allowed", False)  # a batch never allows it
    assert split.cut([100] * 30) is None
    monkeypatch.setitem(split._STATE, "allowed", True)
    monkeypatch.setattr(split.sys, "platform", "darwin")
    assert split.cut([100] * 30) is None  # macOS and Windows: no fork
    monkeypatch.setattr(split.sys, "platform", "linux")
    monkeypatch.setenv("STAGEVERSLAG_ONE_PROCESS", "1")
    assert split.cut([100] * 30) is None
