"""Build hook: compile the gettext catalogues (``.po``) into the ``.mo`` files the wheel carries.

A translator edits ``src/grdp_scenario/present/locale/<lang>/LC_MESSAGES/grdp_scenario.po``; the compiled
catalogue is made here, never committed. A source checkout without it compiles the ``.po`` on first use.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogues(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        from babel.messages import mofile, pofile

        root = Path(self.root)
        out = Path(tempfile.mkdtemp(prefix="grdp-scenario-mo-"))
        for po in sorted((root / "src" / "grdp_scenario" / "present" / "locale").glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as fh:
                catalog = pofile.read_po(fh)
            mo = out / po.relative_to(root).with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            with mo.open("wb") as fh:
                mofile.write_mo(fh, catalog)
            inside = po.relative_to(root / "src").with_suffix(".mo").as_posix()
            build_data["force_include"][str(mo)] = inside
