"""JSON: the form scripts rely on (docs/method.md §9), rates in percent and unrounded."""

from __future__ import annotations

import json
import math
from typing import Any

from ..document import Document


def _clean(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def render(document: Document, lang: str = "en") -> str:
    return json.dumps(_clean(document.data), ensure_ascii=False, indent=2) + "\n"
