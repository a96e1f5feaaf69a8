"""Errors that reach the user: they name the file and the place, never a traceback."""

from __future__ import annotations

from pathlib import Path


class LoadError(Exception):
    """A `.journey` file (or text) that cannot be opened, and where it went wrong.

    ``str(error)`` is the whole message a user sees:
    ``trip.journey:12:5: <reason>`` for broken JSON, or
    ``trip.journey: journey.steps[3].emotion: <reason>`` for invalid content.
    """

    def __init__(
        self,
        source: str | Path,
        reason: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.source = str(source)
        self.reason = reason
        self.line = line
        self.column = column
        self.field = field
        super().__init__(self.message)

    @property
    def place(self) -> str:
        if self.line is not None:
            return f"{self.line}:{self.column}" if self.column is not None else str(self.line)
        return self.field or ""

    @property
    def message(self) -> str:
        if self.line is not None:
            return f"{self.source}:{self.place}: {self.reason}"
        if self.field:
            return f"{self.source}: {self.field}: {self.reason}"
        return f"{self.source}: {self.reason}"


class SaveError(Exception):
    """A save that did not happen; the previous file is left untouched."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class EditError(ValueError):
    """An edit the document refuses because it would break the journey."""
