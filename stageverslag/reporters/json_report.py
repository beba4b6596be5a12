"""JSON report: exactly ``{"reports": [...]}``, the stable format documented in docs/json-format.md."""

from __future__ import annotations

import json


def as_data(reports) -> dict:
    return {"reports": [r.to_dict() for r in reports]}


def render_json(reports) -> str:
    return json.dumps(as_data(reports), ensure_ascii=False, indent=2) + "\n"
