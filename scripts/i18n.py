"""Keep the gettext catalogue and the help page's contents in step with the code: ``python scripts/i18n.py``.

Every message id of ``present/catalogue.py``, and every help text of the command line (its English is the
id: ``cli/help.py``), gets an entry in ``locale/vi/LC_MESSAGES/grdp_scenario.po`` (new ones with an empty
translation to fill in), entries the code no longer uses are dropped, and existing translations are kept. A
test fails while any translation is empty, so nothing ships half in English. ``cli/listing.json`` gets what
the help page lists: ``grdp-scenario --help`` reads it instead of building the parser, and a test fails
while it differs from the application.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

HEADER = (
    "# Vietnamese messages of grdp-scenario. Correct a translation by editing its msgstr;\n"
    "# keep the {fields} as they are. `python scripts/i18n.py` adds new messages."
)
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from grdp_scenario.cli.help import LISTING, help_ids, listing_contents  # noqa: E402
from grdp_scenario.present.catalogue import message_ids  # noqa: E402
from grdp_scenario.present.i18n import po_path  # noqa: E402


def sync(lang: str = "vi") -> tuple[int, int]:
    path = po_path(lang)
    old = read_po(path.open("rb")) if path.exists() else Catalog(locale=lang)
    new = Catalog(
        locale=lang,
        project="grdp-scenario",
        domain="grdp_scenario",
        charset="utf-8",
        fuzzy=False,
        header_comment=HEADER,
    )
    added = 0
    for msgid in dict.fromkeys([*message_ids(), *help_ids()]):
        kept = old.get(msgid)
        if kept is None:
            added += 1
        new.add(msgid, kept.string if kept is not None else "")
    dropped = sum(1 for m in old if m.id and m.id not in new)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, new, width=110, omit_header=False, sort_output=False)
    return added, dropped


def write_listing() -> None:
    """The help page's contents, which ``grdp-scenario --help`` lays out without importing the parser."""
    import json

    LISTING.write_text(json.dumps(listing_contents(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_listing()
    added, dropped = sync()
    print(f"{po_path('vi')}: {added} new message(s) to translate, {dropped} stale dropped")
