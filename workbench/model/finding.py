"""A finding of the health check: a rule, a severity, the elements it is about and a sentence (no Qt).

Apart from :mod:`~workbench.model.analysis` so that the rule modules can make findings without importing
the check that runs them; ``analysis`` re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.i18n import tr

SEVERITIES = ("error", "warning", "info")


def severity_word(severity: str, language: str | None = None) -> str:
    """A severity as people read it: error, warning, note, in *language* (the CLI, the scores, the PDF and the
    JUnit report say it alike; JUnit said "warning" in French)."""
    return {"error": tr("error", language), "warning": tr("warning", language), "info": tr("note", language)}.get(
        severity, severity)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    elements: tuple[str, ...]
    message: str
    condition: str
    persona: str | None = None
    """The persona whose emotions the finding is about (None: it concerns the journey whoever travels it)."""
