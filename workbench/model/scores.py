"""A score from 0 to 100 for each of the three conditions (no Qt).

The formula is meant to be said in one sentence, and checked by hand from
the findings: each condition starts at 100 points; each of its errors costs
15 points and each of its warnings 5; notes cost nothing (they point things
out, such as where the emotion is lowest); a score never falls below 0. It
depends on the severity of each finding only, so a score is explained by
counting findings, and the PDF appendix, which receives the findings as
(condition, severity, message) rows, arrives at the same numbers.

The user guide states it (``resources/guide/*.html``, "Scores"): change both
together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.i18n import tr
from workbench.model.analysis import Finding, condition_name
from workbench.model.finding import severity_count

CONDITIONS: tuple[str, ...] = ("person", "human", "continuity")
FULL = 100
#: Points a finding costs its condition, by severity.
COSTS: dict[str, int] = {"error": 15, "warning": 5, "info": 0}


@dataclass(frozen=True)
class Cost:
    finding: Finding
    points: int


@dataclass(frozen=True)
class Score:
    condition: str
    value: int
    """0 to 100."""
    costs: tuple[Cost, ...]
    """The findings that cost points, in the report's order (most severe first)."""

    @property
    def lost(self) -> int:
        """Points the findings cost in all (more than 100 when the floor was reached)."""
        return sum(c.points for c in self.costs)

    def counts(self) -> dict[str, int]:
        """How many findings of each costly severity, most severe first."""
        severities = [cost.finding.severity for cost in self.costs]
        return {sev: n for sev in COSTS if (n := severities.count(sev))}


def points(severity: str) -> int:
    return COSTS.get(severity, 0)


def value(severities: Iterable[str]) -> int:
    """The score of a condition whose findings have these severities."""
    return max(0, FULL - sum(points(s) for s in severities))


def scores(findings: Iterable[Finding]) -> dict[str, Score]:
    """The score of each condition, in the order of :data:`CONDITIONS`, with what cost it points."""
    costs: dict[str, list[Cost]] = {c: [] for c in CONDITIONS}
    for finding in findings:
        cost = points(finding.severity)
        if cost and finding.condition in costs:
            costs[finding.condition].append(Cost(finding, cost))
    return {
        c: Score(c, value(k.finding.severity for k in costs[c]), tuple(costs[c])) for c in CONDITIONS
    }


def below(all_scores: dict[str, Score], minimum: int) -> list[Score]:
    """The scores under *minimum*."""
    return [s for s in all_scores.values() if s.value < minimum]


# --------------------------------------------------------------- explaining


def formula(language: str | None = None) -> str:
    return tr(
        "Each condition starts at {full} points; each error costs {error}, each warning {warning}; notes cost "
        "nothing; a score never falls below 0.",
        language,
        full=FULL,
        error=COSTS["error"],
        warning=COSTS["warning"],
    )


def breakdown(counts: dict[str, int], language: str | None = None) -> str:
    """``1 error: -15, 2 warnings: -10``, or a sentence when nothing cost anything. (It said "3 × warning",
    "3 × avertissement" in French: a count takes the plural.)"""
    parts = [
        tr("{counted}: -{points}", language, counted=severity_count(sev, n, language), points=n * points(sev))
        for sev, n in counts.items()
    ]
    return ", ".join(parts) if parts else tr("no finding costs points", language)


def explain(score: Score, language: str | None = None) -> str:
    """``Plans the switch to a human: 80/100 (1 error: -15, 1 warning: -5)``."""
    return tr(
        "{condition}: {score}/100 ({breakdown})",
        language,
        condition=condition_name(score.condition, language),
        score=score.value,
        breakdown=breakdown(score.counts(), language),
    )


def to_json(all_scores: dict[str, Score]) -> dict[str, object]:
    """The scores for tools: each with the findings that cost points, and how many each."""
    return {
        c: {
            "score": s.value,
            "lost": s.lost,
            "costs": [
                {
                    "rule": k.finding.rule,
                    "severity": k.finding.severity,
                    "elements": list(k.finding.elements),
                    "points": k.points,
                }
                for k in s.costs
            ],
        }
        for c, s in all_scores.items()
    }


def from_appendix(rows: Sequence[tuple[str, str, str]], language: str) -> list[tuple[str, int, dict[str, int]]]:
    """(condition name, score, counts by severity) from the PDF appendix's (condition name, severity, message) rows.

    The rows name conditions in *language*; rows of another condition are
    left out. The same formula as :func:`scores`, since it reads severities only.
    """
    names = {condition_name(c, language): c for c in CONDITIONS}
    counts: dict[str, dict[str, int]] = {c: {} for c in CONDITIONS}
    for name, severity, _ in rows:
        condition = names.get(name)
        if condition is not None and points(severity):
            counts[condition][severity] = counts[condition].get(severity, 0) + 1
    out = []
    for c in CONDITIONS:
        ordered = {sev: counts[c][sev] for sev in COSTS if sev in counts[c]}
        severities = [sev for sev, n in ordered.items() for _ in range(n)]
        out.append((condition_name(c, language), value(severities), ordered))
    return out
