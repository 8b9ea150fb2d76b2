"""The JSON report (`judge run --format json`); schema in docs/report-schema.md."""

from __future__ import annotations

import json

from judge.harness.results import RunResult


def render_json(result: RunResult) -> str:
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False, allow_nan=False)
