"""Counts said in words, each with the form its number takes in the language ("1 error", "0 erreur")."""

from __future__ import annotations

from workbench.i18n import ntr
from workbench.model.finding import severity_count


def severity_counts(errors: int, warnings: int, notes: int, language: str | None = None) -> str:
    """``2 errors, 1 warning, 0 notes``: the findings of a health check, by severity."""
    return ", ".join(severity_count(severity, count, language)
                     for severity, count in (("error", errors), ("warning", warnings), ("info", notes)))


def change_counts(added: int, removed: int, changed: int, moved: int, language: str | None = None) -> str:
    """``3 added, 1 removed, 0 changed, 2 moved``: the changes between two versions of a journey."""
    return ", ".join(
        [
            ntr("{count} added", "{count} added", added, language),
            ntr("{count} removed", "{count} removed", removed, language),
            ntr("{count} changed", "{count} changed", changed, language),
            ntr("{count} moved", "{count} moved", moved, language),
        ]
    )


def steps(count: int, language: str | None = None) -> str:
    return ntr("{count} step", "{count} steps", count, language)


def steps_better(count: int, language: str | None = None) -> str:
    """``3 steps better``: steps whose "to be" emotion is higher than "as is"."""
    return ntr("{count} step better", "{count} steps better", count, language)


def steps_worse(count: int, language: str | None = None) -> str:
    return ntr("{count} step worse", "{count} steps worse", count, language)
