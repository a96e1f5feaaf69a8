"""``workbench check``: load journey files and run the journey health check on them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from workbench import counts as counting
from workbench.check_reports import MERGE_CONFLICT, FileResult, json_entry, junit, sarif
from workbench.cli import _error, printable
from workbench.counts import severity_counts
from workbench.i18n import current_language, tr

if TYPE_CHECKING:
    from workbench.model.analysis import Finding, Report
    from workbench.model.journey import Journey
    from workbench.model.scores import Score


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench check", description=tr("Load journey files and run the journey health check on them.")
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help=tr("the .journey files to check"))
    parser.add_argument(
        "--format",
        choices=("text", "json", "sarif", "junit"),
        default="text",
        help=tr("text for people; JSON for tools; SARIF 2.1.0 for code review; JUnit XML for CI dashboards"),
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default=None,
        help=tr(
            "exit 1 when a finding is at least this severe (default: error; with --min-score, only if given)"
        ),
    )
    parser.add_argument(
        "--scenario",
        choices=("as-is", "to-be"),
        default="as-is",
        help=tr("check the journey as it is (default) or as the team wants it to be"),
    )
    parser.add_argument(
        "--min-score",
        type=_score_argument,
        default=None,
        metavar="N",
        help=tr("exit 1 when the score of any of the three conditions (0 to 100) is below N"),
    )
    return parser


def _score_argument(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = -1
    if not 0 <= number <= 100:
        raise argparse.ArgumentTypeError(tr("should be a whole number from 0 to 100, not {got!r}", got=text))
    return number


def run(argv: list[str]) -> int:
    """Exit 0 clean, 1 findings at or above --fail-on or a score below --min-score, 2 a file that does not load.

    With --min-score alone, the scores decide: findings fail the check only
    if --fail-on is given too (a pipeline that sets a minimum score accepts
    the errors that still leave the scores above it). A file that does not
    load is said on stderr in every format, and is also an entry of the JSON,
    SARIF and JUnit reports (see workbench/check_reports.py).
    """
    from workbench.model import scores as scoring
    from workbench.model.analysis import check, condition_name
    from workbench.model.errors import LoadError
    from workbench.model.feelings import scenario_of
    from workbench.model.fileformat import load
    from workbench.model.interop.formats import journey_only

    args = _parser().parse_args(argv)
    fail_on = args.fail_on or (None if args.min_score is not None else "error")
    language = current_language()
    status = 0
    results: list[FileResult] = []
    for name in args.files:
        try:
            journey_only(name)
            journey = load(name)
        except LoadError as error:
            _error(str(error))
            status = 2
            results.append(FileResult(name, error=error))
            continue
        report = check(journey, language=language, scenario=scenario_of(args.scenario))
        _warn_if_unfelt(name, journey, report.metrics.scenario)
        report.findings[:0] = unresolved(journey)  # a merge left work to finish: never a clean file
        if fail_on is not None and report.at_least(fail_on) and status == 0:
            status = 1
        scores = scoring.scores(report.findings)
        if args.min_score is not None:
            for low in scoring.below(scores, args.min_score):
                _error(
                    tr(
                        "{path}: the score of '{condition}' is {score}, below the minimum of {minimum}",
                        path=name,
                        condition=condition_name(low.condition),
                        score=low.value,
                        minimum=args.min_score,
                    )
                )
                if status == 0:
                    status = 1
        text = _text_of(name) if args.format == "sarif" else None
        results.append(FileResult.checked(name, journey, report, scores, text))
        if args.format == "text":
            _print_text(name, journey, report, scores)
    if args.format == "json":
        print(json.dumps([json_entry(r) for r in results], indent=2, ensure_ascii=False))
    elif args.format == "sarif":
        print(json.dumps(sarif(results, status, language), indent=2, ensure_ascii=False))
    elif args.format == "junit":
        print(junit(results, fail_on, args.min_score, language), end="")
    return status


def unresolved(journey: Journey) -> list[Finding]:
    """An error for each conflict a merge left in *journey* (they cost no condition its points)."""
    if not journey.conflicts:
        return []
    from workbench.model.analysis import FILE, Finding
    from workbench.model.conflicts import element_words, field_words
    from workbench.model.document import JourneyDocument

    document = JourneyDocument(journey)
    return [
        Finding(
            MERGE_CONFLICT,
            "error",
            (conflict.element,) if conflict.element and conflict.element in document else (),
            tr(
                "{element}: {field}: the two sides of a merge differ; choose one in Journey Workbench "
                "(the Merge conflicts panel)",
                element=element_words(document, conflict),
                field=field_words(conflict, document),
            ),
            FILE,
        )
        for conflict in journey.conflicts
    ]


def _text_of(name: str) -> str | None:
    """The text of a file that just loaded, to find the line of each element; None if it cannot be read again."""
    try:
        return Path(name).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _print_text(name: str, journey: Journey, report: Report, scores: dict[str, Score]) -> None:
    from workbench.model import scores as scoring
    from workbench.model.analysis import condition_name
    from workbench.model.finding import severity_word

    counts = {sev: sum(f.severity == sev for f in report.findings) for sev in ("error", "warning", "info")}
    print(
        tr(
            "{path}: loaded ({steps}): {findings}",
            path=name,
            steps=counting.steps(len(journey.steps)),
            findings=severity_counts(counts["error"], counts["warning"], counts["info"]),
        )
    )
    if report.metrics.scenario == "to_be":
        print("  " + tr("scenario checked: to be (the journey as the team wants it)"))
    for line in persona_lines(report, journey):
        print("  " + line)
    for condition, score in scores.items():
        explained = scoring.breakdown(score.counts())
        print("  " + tr("score of '{condition}': {value}/100 ({explained})", condition=condition_name(condition),
                        value=score.value, explained=explained))
    for finding in report.findings:
        message = printable(finding.message)
        severity = severity_word(finding.severity)
        print("  " + tr("{severity}: {rule}: {message} [{condition}]", severity=severity, rule=finding.rule,
                        message=message, condition=condition_name(finding.condition)))


def persona_lines(report: Report, journey: Journey) -> list[str]:
    """Each persona's emotions as is and to be, when the map has several personas or any "to be" value."""
    from workbench.model.feelings import filled_personas
    from workbench.model.metrics import average_text as average

    filled = {p.id for p in filled_personas(journey)}  # (as the PDF: a template's blank slot is no persona yet)
    rows = [r for r in report.metrics.personas if r.persona in filled]
    if len(rows) < 2 and not any(r.average_to_be is not None for r in rows):
        return []

    return [
        tr(
            "{persona}: average emotion as is {now}, to be {later}; {better}, {worse}",
            persona=printable(r.name or r.persona),
            now=average(r.average_as_is),
            later=average(r.average_to_be),
            better=counting.steps_better(r.improved),
            worse=counting.steps_worse(r.worsened),
        )
        for r in rows
    ]


def _warn_if_unfelt(name: str, journey, scenario: str) -> None:  # type: ignore[no-untyped-def]
    """A check of the "to be" scenario on a journey with none reads no emotion: its score looked better for it."""
    from workbench.model.feelings import felt_in

    if scenario == "to_be" and not felt_in(journey, "to_be"):
        _error(tr("{name}: no step has a \"to be\" emotion, so the check of that scenario reads no emotion", name=name))
