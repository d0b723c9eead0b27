"""grdp-scenario: GRDP growth scenarios for a provincial plan.

``from grdp_scenario import Plan`` gives the library (one method per command, see ``library.py``); the CLI is
``grdp-scenario``. Imports are lazy so the command line starts fast.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["Plan", "InputError", "__version__"]


def __getattr__(name: str):
    if name == "Plan":
        from .library import Plan

        return Plan
    if name == "InputError":
        from .core.errors import InputError

        return InputError
    raise AttributeError(name)
