"""What the core reports besides numbers: facts and errors as data, never as sentences.

A ``Fact`` is a code and the values it is about (``Fact("split-block", period="Q1", split=("H1",))``).
The presentation layer (``present/messages.py``) owns the words: one catalogue of codes, in English and,
through the gettext catalogue, in Vietnamese. So the library and every output format say the same thing
in the reader's language, and a translator never touches code.
"""

from __future__ import annotations

from dataclasses import field
from types import MappingProxyType
from typing import Any, Mapping

from .dataclass import dataclass


@dataclass(frozen=True, repr=False)
class Fact:
    """Something found, as data: a catalogue code and its fields (numbers, keys, period names, lists)."""

    code: str
    fields: Mapping[str, Any] = field(default_factory=dict)

    def __init__(self, code: str, /, **fields: Any) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "fields", MappingProxyType(fields))

    def to_json(self) -> dict[str, Any]:
        """The fact for machine formats: its code and fields (nested facts as their own JSON)."""

        def plain(v: Any) -> Any:
            if isinstance(v, Fact):
                return v.to_json()
            if isinstance(v, (tuple, list, frozenset, set)):
                return [plain(x) for x in v]
            return v

        return {"code": self.code, **{k: plain(v) for k, v in self.fields.items()}}

    def __str__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.fields.items())
        return f"{self.code}({inner})"

    def __repr__(self) -> str:
        inner = "".join(f", {k}={v!r}" for k, v in self.fields.items())
        return f"Fact({self.code!r}{inner})"


class InputError(Exception):
    """Bad input the user can fix: what is wrong (a Fact), where (file, line, option or key) and the fix.

    ``fix`` is the catalogue code of the remedy; it shares the fields of what is wrong. The CLI words it
    in the user's language (exit code 2); ``str()`` gives the code and fields, for logs and notebooks
    (``grdp_scenario.present.messages.error_text(err, "vi")`` gives the sentence).
    """

    def __init__(
        self,
        code: str,
        /,
        *,
        file: str | None = None,
        line: int | None = None,
        where: str | None = None,
        fix: str | None = None,
        **fields: Any,
    ) -> None:
        self.fact = Fact(code, **fields)
        self.file = file
        self.line = line
        self.where = where
        self.fix = fix
        super().__init__(self._plain())

    @property
    def code(self) -> str:
        return self.fact.code

    def _plain(self) -> str:
        place = ":".join(str(p) for p in (self.file, self.line) if p is not None)
        where = f" [{self.where}]" if self.where else ""
        return f"{place + ': ' if place else ''}{self.fact}{where}"

    def located(self, file: str, line: int | None = None, where: str | None = None) -> InputError:
        """The same error, naming the file (and place) it came from, if it did not already."""
        if self.file is None:
            self.file = file
            self.line = line if self.line is None else self.line
            self.where = where or self.where
            self.args = (self._plain(),)
        return self

    def moved(self, file: str, where: str | None) -> InputError:
        """The same error at another place: the table cell a generated text was made from."""
        self.file, self.line, self.where = file, None, where
        self.args = (self._plain(),)
        return self


class NotComputable(Exception):
    """A period that would split a block of the data: said, never guessed. ``fact`` says why."""

    def __init__(self, fact: Fact) -> None:
        self.fact = fact
        super().__init__(str(fact))
