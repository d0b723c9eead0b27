"""Languages: words through gettext, numbers through Babel (CLDR), in English and Vietnamese.

Every word a person reads is an English message id in ``catalogue.py``; Vietnamese comes from the gettext
catalogue ``locale/vi/LC_MESSAGES/grdp_scenario.po``, which a colleague corrects without touching code
(the wheel carries it compiled to ``.mo``; a source checkout compiles it on first use). Numbers take the
locale's symbols from Babel (Vietnamese: decimal comma, thousands point, 10,01%), but are rounded by
Python's own formatting first, so a printed figure is exactly the JSON figure rounded, in every format.
Machine formats (json, csv) never come here.
"""

from __future__ import annotations

import gettext
import math
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path

DOMAIN = "grdp_scenario"
LOCALE_DIR = Path(__file__).with_name("locale")


class Lang(str, Enum):
    en = "en"
    vi = "vi"


def N_(message: str) -> str:
    """Mark a message id for the catalogue; it is translated where it is shown."""
    return message


def po_path(lang: Lang | str) -> Path:
    return LOCALE_DIR / Lang(lang).value / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: Lang | str) -> gettext.NullTranslations:
    lang = Lang(lang)
    if lang is Lang.en:
        return gettext.NullTranslations()
    mo = po_path(lang).with_suffix(".mo")
    if mo.is_file():
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    return _compiled(po_path(lang))


def _compiled(po: Path) -> gettext.NullTranslations:
    """A source checkout has the .po only: compile it in memory (the wheel ships the .mo)."""
    import io

    from babel.messages import mofile, pofile

    with po.open("rb") as fh:
        catalog = pofile.read_po(fh)
    buffer = io.BytesIO()
    mofile.write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def translate(message: str, lang: Lang | str) -> str:
    return translations(lang).gettext(message)


#: The number symbols of each language (CLDR, as Babel ships them): decimal mark, group separator, percent
#: sign. Written out so that a number costs no locale loading; tests/test_present.py holds them to Babel's.
SYMBOLS = {Lang.en: (".", ",", "%"), Lang.vi: (",", ".", "%")}


def number(
    value: float | None, decimals: int = 2, lang: Lang | str = Lang.en, sign: bool = False, grouping: bool = False
) -> str:
    """12345.678 → '12,345.68' (en) or '12.345,68' (vi); None and NaN → '–'."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    if abs(value) >= 1e15:  # beyond any figure (values.HUGE): what someone typed, shown as it is
        return f"{value:.6g}"
    if decimals and round(value, decimals) == 0 or not decimals and round(value) == 0:
        value = 0.0  # never print "-0.00"
    # Rounded once, by Python, to exactly ``decimals`` places (half to even on the binary value, as Babel
    # was given it); then spelt with the language's symbols.
    exact = Decimal(format(value, f".{decimals}f"))
    digits = format(abs(exact), f"{',' if grouping else ''}.{decimals}f")
    decimal_mark, group, _ = SYMBOLS[Lang(lang)]
    digits = digits.translate({ord("."): decimal_mark, ord(","): group})
    if exact < 0:
        return "-" + digits
    return ("+" if sign else "") + digits


def percent(value: float | None, lang: Lang | str = Lang.en, decimals: int = 2) -> str:
    """A rate with its percent sign as the locale writes it: 10.01% (en), 10,01% (vi)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    return number(value, decimals, lang) + SYMBOLS[Lang(lang)][2]


def general(value: float, lang: Lang | str = Lang.en) -> str:
    """A number in a sentence: whole numbers grouped, others with up to four decimals."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return number(value, 0, lang, grouping=True)
    text = number(value, 4, lang, grouping=True)
    decimal = number(0.5, 1, lang)[1]
    return text.rstrip("0").rstrip(decimal) if decimal in text else text
