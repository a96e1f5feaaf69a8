"""``workbench check``: load journey files and run the journey health check on them."""

from __future__ import annotations

import argparse

from workbench.cli import _error, printable
from workbench.i18n import current_language, tr


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench check", description=tr("Load journey files and run the journey health check on them.")
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help=tr("the .journey files to check"))
    parser.add_argument("--format", choices=("text", "json"), default="text", help=tr("text for people, JSON for tools"))
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default=None,
        help=tr(
            "exit 1 when a finding is at least this severe (default: error; with --min-score, only if given)"
        ),
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
    the errors that still leave the scores above it).
    """
    import json

    from workbench.model import scores as scoring
    from workbench.model.analysis import check, condition_name
    from workbench.model.errors import LoadError
    from workbench.model.fileformat import load

    args = _parser().parse_args(argv)
    fail_on = args.fail_on or (None if args.min_score is not None else "error")
    status = 0
    reports = []
    for name in args.files:
        try:
            journey = load(name)
        except LoadError as error:
            _error(str(error))
            status = 2
            continue
        report = check(journey, language=current_language())
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
        if args.format == "json":
            reports.append(
                {
                    "file": name,
                    "findings": [
                        {
                            "rule": f.rule,
                            "severity": f.severity,
                            "elements": list(f.elements),
                            "message": f.message,
                            "condition": f.condition,
                        }
                        for f in report.findings
                    ],
                    "metrics": vars(report.metrics),
                    "scores": scoring.to_json(scores),
                }
            )
            continue
        counts = {sev: sum(f.severity == sev for f in report.findings) for sev in ("error", "warning", "info")}
        print(
            tr(
                "{path}: ok ({steps} steps) - {errors} errors, {warnings} warnings, {infos} notes",
                path=name,
                steps=len(journey.steps),
                errors=counts["error"],
                warnings=counts["warning"],
                infos=counts["info"],
            )
        )
        for condition, score in scores.items():
            explained = scoring.breakdown(score.counts())
            print(f"  score {condition}: {score.value}/100 ({explained}) [{condition_name(condition)}]")
        for finding in report.findings:
            message = printable(finding.message)
            print(f"  {finding.severity}: {finding.rule}: {message} [{condition_name(finding.condition)}]")
    if args.format == "json":
        print(json.dumps(reports, indent=2, ensure_ascii=False))
    return status
