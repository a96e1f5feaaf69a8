"""A finding of the health check: a rule, a severity, the elements it is about and a sentence (no Qt).

Apart from :mod:`~workbench.model.analysis` so that the rule modules can make findings without importing
the check that runs them; ``analysis`` re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    elements: tuple[str, ...]
    message: str
    condition: str
    persona: str | None = None
    """The persona whose emotions the finding is about (None: it concerns the journey whoever travels it)."""
