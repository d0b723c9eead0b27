"""GitHub Actions workflow commands: an annotation at the exact line of each finding's number."""

from __future__ import annotations

from ..document import Document

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _escape(text).replace(":", "%3A").replace(",", "%2C")


def render(document: Document, lang: str = "en") -> str:
    lines = []
    for f in document.data.get("findings", []):
        props = [f"file={_prop(f['file'])}"]
        if f.get("line"):
            props.append(f"line={f['line']}")
        props.append(f"title={_prop(f['rule'])}")
        lines.append(f"::{LEVEL[f['severity']]} {','.join(props)}::{_escape(f['message'])}")
    return "\n".join(lines) + ("\n" if lines else "")
