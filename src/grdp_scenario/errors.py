"""Errors the user can fix. The CLI turns them into exit code 2 and one paragraph."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: which file, where in it, what is wrong and how to fix it.

    Every part is kept apart so the CLI (and the audit's github format) can place
    the message; ``str()`` gives the one paragraph a planner reads.
    """

    def __init__(self, what: str, *, file: str | None = None, where: str | None = None,
                 fix: str | None = None, line: int | None = None) -> None:
        self.what = what
        self.file = file
        self.where = where
        self.fix = fix
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        place = ""
        if self.file:
            place = f"{self.file}"
            if self.line is not None:
                place += f", line {self.line}"
            if self.where:
                place += f" ({self.where})"
            place += ": "
        elif self.where:
            place = f"{self.where}: "
        text = place + self.what.rstrip(".") + "."
        if self.fix:
            text += " " + self.fix.rstrip(".") + "."
        return text

    def located(self, file: str) -> "InputError":
        """The same error, naming the file it came from (if it did not already)."""
        if self.file is None:
            self.file = file
            self.args = (self.message,)
        return self


class NotComputable(Exception):
    """A period that would split a block of the data: said, never guessed."""
