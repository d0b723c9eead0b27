"""The command line: a thin layer over the library. Typer is imported only when the CLI runs."""

from __future__ import annotations


def main() -> None:
    from .app import app

    app()
