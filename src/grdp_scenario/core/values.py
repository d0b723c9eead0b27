"""Numbers as the library receives them, checked once: from files, options and scenario files alike.

Planners type numbers as Excel shows them ("13,91", "7.39 %"); each mistake gets its own fact, so the
message can say what to write instead. Every rate is finite and above −100 % (growth of −100 % means the
economy vanished); every level is finite and not negative.
"""

from __future__ import annotations

import math
import re

from .errors import InputError

#: Beyond any figure a plan has (volumes in billion VND, rates in percent): numbers this large are typing
#: accidents, and sums of them overflow to infinity.
HUGE = 1e15
#: Growth above this many percent (a hundred-fold) is no provincial sector's: refused, not computed.
RATE_MAX = 10_000.0

_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def parse_number(raw: object, where: str | None = None) -> float:
    """A finite number from a YAML/CSV value or an option's text; '%' after it is allowed."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):  # a placeholder of a template not filled in
        raise InputError("number-empty", where=where, fix="fix-number-empty")
    if isinstance(raw, bool):
        raise InputError("number-boolean", where=where, value=str(raw).lower(), fix="fix-number")
    if isinstance(raw, int) and abs(raw) > HUGE:  # a 400-digit integer does not even fit a float
        raise InputError("number-too-large", where=where, value=f"{str(raw)[:12]}…", fix="fix-number")
    if isinstance(raw, (int, float)):
        value = float(raw)
    else:
        text = str(raw).strip().removesuffix("%").strip().replace("−", "-")
        if not _PLAIN.fullmatch(text):
            if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})*,\d+|[+-]?\d+,\d+", text):
                raise InputError(
                    "number-decimal-comma",
                    where=where,
                    value=str(raw),
                    point=text.replace(".", "").replace(",", "."),
                    fix="fix-decimal-comma",
                )
            raise InputError("number-not-a-number", where=where, value=str(raw), fix="fix-number")
        value = float(text)
    if not math.isfinite(value):
        raise InputError("number-not-finite", where=where, value=str(raw), fix="fix-number")
    if abs(value) > HUGE:
        raise InputError("number-too-large", where=where, value=str(raw), fix="fix-number")
    return value + 0.0  # -0 is 0 (a spreadsheet keeps no sign on zero)


def check_rate(value: float, where: str | None = None) -> float:
    """A growth rate in percent: finite and above −100."""
    if not math.isfinite(value):
        raise InputError("number-not-finite", where=where, value=str(value), fix="fix-number")
    if value <= -100:
        raise InputError("rate-impossible", where=where, value=value, fix="fix-rate")
    if value > RATE_MAX:
        raise InputError("rate-implausible", where=where, value=value, limit=RATE_MAX, fix="fix-rate")
    return value


def parse_rate(raw: object, where: str | None = None) -> float:
    return check_rate(parse_number(raw, where), where)


def split_assignment(text: str, where: str) -> tuple[str, str]:
    """``KEY=VALUE`` as an option writes it (``--rate services=8.79``)."""
    key, sep, raw = text.partition("=")
    if not sep or not key.strip():
        raise InputError("assignment-form", where=where, value=text, fix="fix-assignment-form")
    return key.strip(), raw.strip()


def check_level(value: float, where: str | None = None) -> float:
    """A volume or a current-price value: finite and not negative."""
    if not math.isfinite(value):
        raise InputError("number-not-finite", where=where, value=str(value), fix="fix-number")
    if value < 0:
        raise InputError("level-negative", where=where, value=value, fix="fix-level")
    if value > HUGE:
        raise InputError("number-too-large", where=where, value=str(value), fix="fix-number")
    return value


def is_number(text: object) -> bool:
    """Whether ``text`` is a number the tool reads (parse_number), without saying why not."""
    try:
        parse_number(text)
    except InputError:
        return False
    return True
