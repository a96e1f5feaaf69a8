"""A finding of the health check: a rule, a severity, the elements it is about and a sentence (no Qt).

Apart from :mod:`~workbench.model.analysis` so that the rule modules can make findings without importing
the check that runs them; ``analysis`` re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.i18n import ntr, tr

SEVERITIES = ("error", "warning", "info")


def severity_word(severity: str, language: str | None = None) -> str:
    """A severity as people read it: error, warning, note, in *language* (the CLI, the scores, the PDF and the
    JUnit report say it alike; JUnit said "warning" in French)."""
    return {"error": tr("error", language), "warning": tr("warning", language), "info": tr("note", language)}.get(
        severity, severity)


def severity_count(severity: str, count: int, language: str | None = None) -> str:
    """*count* findings of *severity*, as the language counts them: "1 error", "3 avertissements"."""
    if severity == "error":
        return ntr("{count} error", "{count} errors", count, language)
    if severity == "warning":
        return ntr("{count} warning", "{count} warnings", count, language)
    if severity == "info":
        return ntr("{count} note", "{count} notes", count, language)
    return f"{count} {severity}"


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    elements: tuple[str, ...]
    message: str
    condition: str
    persona: str | None = None
    """The persona whose emotions the finding is about (None: it concerns the journey whoever travels it)."""
