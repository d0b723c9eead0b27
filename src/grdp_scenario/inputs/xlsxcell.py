"""A workbook cell's number as the sheet shows it: the printed precision is what the number format shows.

Excel stores a number and a format apart. A planner who types ``11%`` stores 0.11 under the format ``0%``;
``1.48E+01`` is 14.8 under ``0.00E+00``; ``12,5 tỷ`` may be 12500000000 under ``0.0,,," tỷ"``. The plan's
arithmetic needs the rate in percent and the decimals the sheet printed (its rounding), so a cell is read
as the text the format shows, with the format's scaling undone where it is a unit (percent: the rate 11;
thousands separators after the digits: the value itself). Format codes: ECMA-376 Part 1, §18.8.31
(numFmt), which Excel and LibreOffice follow.
"""

from __future__ import annotations

import re

from ..core.dataclass import dataclass


@dataclass(frozen=True)
class Shown:
    text: str  # the number in the plan's units (a percent cell gives its rate in percent), with its decimals
    general: bool  # the format is General: the decimals are the value's own, not a choice of the planner


#: Parts of a format code that print text, not digits: quoted strings, escaped characters, [colours] and
#: [conditions], padding (_x) and fill (*x) characters.
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def _first_section(number_format: str) -> str:
    """The format's section for positive numbers (sections are split by ';' outside quoted text)."""
    out, quoted = [], False
    for ch in number_format:
        if ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            break
        out.append(ch)
    return "".join(out)


def shown(value: float | int, number_format: str | None) -> Shown:
    """``value`` as the format shows it, in the plan's units."""
    code = _LITERALS.sub("", _first_section(number_format or "General"))
    if not number_format or code.strip().lower() in ("general", "@", ""):
        if isinstance(value, float) and not value.is_integer():
            return Shown(repr(value), general=True)
        return Shown(str(int(value)), general=True)
    digits = code.upper()
    if "E+" in digits or "E-" in digits:  # scientific: the mantissa's decimals less the exponent
        mantissa = digits.split("E", 1)[0]
        places = _decimals(mantissa)[1]
        shown_text = f"{value:.{places}E}"
        exponent = int(shown_text.split("E")[1])
        decimals = max(0, places - exponent)
        return Shown(f"{float(shown_text):.{decimals}f}", general=False)
    least, most = _decimals(code)
    # Thousands separators right after the last digit placeholder divide the display by 1000 each ('0.0,,'
    # shows millions): the cell still holds the value, which is what the plan means, to the shown precision.
    scaled = len(re.search(r"[0#?.]*(,*)[^0#?]*$", code).group(1))
    if "%" in code:  # a percent cell holds the rate as a fraction: 0.11 shown as 11%
        return Shown(_fixed(value * 100, least, most), general=False)
    if scaled:
        return Shown(f"{value:.{max(0, least - 3 * scaled)}f}", general=False)
    return Shown(_fixed(value, least, most), general=False)


def _fixed(value: float, least: int, most: int) -> str:
    """``value`` with ``most`` decimals, trailing zeros dropped down to ``least`` ('0.0#': 14.80 → 14.8)."""
    text = f"{value:.{most}f}"
    if most > least:
        head, tail = text.split(".")
        tail = tail[:least] + tail[least:].rstrip("0")
        text = f"{head}.{tail}" if tail else head
    return text


def _decimals(code: str) -> tuple[int, int]:
    """The decimals a format always shows and at most shows: '0.00' → (2, 2), '#,##0' → (0, 0), '0.0#' →
    (1, 2)."""
    if "." not in code:
        return 0, 0
    after = re.match(r"[0#?]*", code.split(".", 1)[1]).group(0)
    return len(after.rstrip("#?")), len(after)
