"""Where the data outside the repository lives (``../shared``), read lazily: importing a test module never
touches it, so a fresh clone without ``../shared`` collects every test and skips the ones that need it
(see the ``corpus`` and ``shared`` markers in conftest.py)."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "docx"
HANDBOOK = SHARED / "handleiding" / "stagehandleiding-OM-2021-2022.txt"
UD_NL = SHARED / "data" / "ud-nl"


class Manifest(Mapping):
    """The corpus MANIFEST.tsv (file name -> row), read on first use; empty when the corpus is absent, so a
    ``parametrize`` over it collects (as an empty set) instead of failing at import."""

    def __init__(self, path: Path = CORPUS / "MANIFEST.tsv") -> None:
        self.path = path
        self._rows: dict[str, dict[str, str]] | None = None

    def _load(self) -> dict[str, dict[str, str]]:
        if self._rows is None:
            if not self.path.is_file():
                return {}
            with self.path.open(encoding="utf-8") as fh:
                self._rows = {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}
        return self._rows

    def __getitem__(self, name: str) -> dict[str, str]:
        return self._load()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


MANIFEST = Manifest()
