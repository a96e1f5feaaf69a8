"""The reports of ``workbench check`` for tools: JSON, SARIF 2.1.0 and JUnit XML (no Qt).

A pipeline reads these, not people: every file named on the command line
appears in each of them, and a file that does not load is an *entry* there
(with its message and, when known, its line and column), not only a line on
stderr that a CI dashboard never shows.

SARIF (``--format sarif``) is what code-review tools (GitHub code scanning,
GitLab, VS Code's SARIF viewer) show on the file: each finding is a result
whose location is the file as named on the command line and the line where
its first element's ``"id"`` is written, so the remark lands on that step in
the pull request; all its elements are also given as logical locations
(``steps/<id>``), and its other elements as related locations.

JUnit (``--format junit``) is what CI dashboards (GitLab, Jenkins, Azure)
count. Its verdict matches the exit code, so the dashboard and the pipeline
never disagree:

* one ``<testsuite>`` per file; a file that does not load is a suite with
  one test in ``<error>`` (exit 2);
* one ``<testcase>`` per finding, named ``rule: element ids``. A finding at
  or above ``--fail-on`` is a ``<failure>``; an error or warning below it (a
  warning under the default ``--fail-on error``, every finding when only
  ``--min-score`` decides) is ``<skipped>`` with its message: still shown
  and counted, but not failing, since the pipeline passes on it; a note
  (``info``, which no ``--fail-on`` fails on) passes, its message in
  ``<system-out>``;
* one ``<testcase>`` per condition score, a ``<failure>`` when it is below
  ``--min-score``, passing otherwise (with the score in ``<system-out>``), so
  a clean file still shows three passing tests.

Text that XML 1.0 cannot hold (control characters other than tab and line
breaks) becomes a space, as in the text output.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from workbench.i18n import half_up, tr
from workbench.model.analysis import SEVERITIES, Finding, Report, condition_name
from workbench.model.finding import severity_word
from workbench.model.errors import LoadError
from workbench.model.journey import COLLECTIONS, Journey
from workbench.model.scores import Score, explain, to_json
from workbench.version import __version__

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "Journey Workbench"
LOAD_ERROR = "load-error"
#: The rule of a change a merge could not reconcile, left in the file (workbench merge).
MERGE_CONFLICT = "merge-conflict"
JUNIT_CLASS = "journey health check"
#: SARIF levels of the finding severities ("note" is SARIF's word for information).
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

_ID = re.compile(r'"id"\s*:\s*"([^"\\]*)"')
#: The counters of a JUnit suite (the first four are its attributes).
_COUNTERS = ("tests", "failures", "errors", "skipped", "passed")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class FileResult:
    """What the check found in one file named on the command line: a report, or the reason it did not load."""

    name: str
    report: Report | None = None
    scores: dict[str, Score] = field(default_factory=dict)
    error: LoadError | None = None
    lines: dict[str, int] = field(default_factory=dict)
    """Line of each element id in the file's text (for SARIF regions)."""
    kinds: dict[str, str] = field(default_factory=dict)
    """Collection of each element id: ``steps``, ``cards``... (for SARIF logical locations)."""

    @classmethod
    def checked(cls, name: str, journey: Journey, report: Report, scores: dict[str, Score], text: str | None) -> FileResult:
        """A loaded file; *text* (its content, given for SARIF only) is where its elements' lines are found."""
        if text is None:  # JSON and JUnit need no places: spare a pass over a map of a million cards
            return cls(name, report, scores)
        kinds = {e.id: c for c in COLLECTIONS for e in getattr(journey, c)}
        return cls(name, report, scores, lines=element_lines(text), kinds=kinds)


def element_lines(text: str) -> dict[str, int]:
    """The line (from 1) where each ``"id": "..."`` first appears in *text*: one pass, for maps of thousands of steps."""
    lines: dict[str, int] = {}
    line, counted = 1, 0
    for match in _ID.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        lines.setdefault(match.group(1), line)
    return lines


def rule_description(rule: str, language: str | None = None) -> str:
    """One sentence saying what a rule looks for (the rule id itself for a rule this table does not know)."""
    descriptions = {
        "no-human-within-reach": tr("A difficult moment served only by digital touchpoints, or by none, with no person within reach.", language),
        "dead-end": tr("A step that leads nowhere and is marked neither as a goal nor as an end.", language),
        "trap-loop": tr("Steps the customer can go round in circles between, with no way out to a person, a goal or an end.", language),
        "context-lost": tr("A change of channel or a handoff where the customer has to give again what they already gave.", language),
        "forced-exit": tr("A step that forces the customer out of the digital path between two digital steps.", language),
        "emotion-cliff": tr("A sharp fall in emotion between two steps.", language),
        "lowest-point": tr("Where the emotion of the journey is lowest.", language),
        "unreachable": tr("A step that no path from the first step leads to.", language),
        "humanising-intents": tr("An intent (welcome, guide, assist, anticipate) that no touchpoint of the journey has.", language),
        "handoff-without-way-back": tr("A handoff with no return step: the journey does not say where the customer goes back to.", language),
        LOAD_ERROR: tr("The file could not be opened as a journey.", language),
        MERGE_CONFLICT: tr("A change two people made differently, left by a merge for someone to choose.", language),
    }
    return descriptions.get(rule, rule)


# ------------------------------------------------------------------ JSON


def json_entry(result: FileResult, metrics: dict[str, object] | None = None) -> dict[str, object]:
    """The entry of one file in ``--format json``: its findings and scores, or ``error`` for a file that did not load."""
    if result.error is not None:
        error = result.error
        return {
            "file": result.name,
            "error": {
                "message": error.message,
                "reason": error.reason,
                "line": error.line,
                "column": error.column,
                "field": error.field,
            },
        }
    assert result.report is not None
    return {
        "file": result.name,
        "findings": [
            {"rule": f.rule, "severity": f.severity, "elements": list(f.elements), "message": f.message,
             "condition": f.condition, "persona": f.persona}
            for f in result.report.findings
        ],
        "metrics": metrics if metrics is not None else _rounded(asdict(result.report.metrics)),
        "scores": to_json(result.scores),
    }


def _rounded(metrics: dict[str, Any]) -> dict[str, Any]:
    """The averages to two decimals, as the report has always given them (the model keeps them whole, so that
    what is written with one decimal is rounded once)."""
    def two(value: Any) -> Any:
        return float(half_up(value, 2)) if isinstance(value, float) else value  # (a half up, as the text rounds)

    out = dict(metrics, average_emotion=two(metrics.get("average_emotion")))
    out["personas"] = [dict(p, average_as_is=two(p.get("average_as_is")), average_to_be=two(p.get("average_to_be")))
                       for p in metrics.get("personas", [])]
    return out


# ------------------------------------------------------------------ SARIF


def artifact_uri(name: str) -> str:
    """*name* as a SARIF URI: a relative path as given, with forward slashes; an absolute one as a ``file:`` URI."""
    path = Path(name)
    if path.is_absolute():
        return path.as_uri()
    return quote(PurePath(name).as_posix(), safe="/")


def sarif(results: list[FileResult], exit_code: int, language: str | None = None) -> dict[str, object]:
    """The SARIF 2.1.0 log of one run of the check over *results*."""
    rules: dict[str, dict[str, object]] = {}
    sarif_results: list[dict[str, object]] = []
    notifications: list[dict[str, object]] = []
    for result in results:
        if result.error is not None:
            rules.setdefault(LOAD_ERROR, _descriptor(LOAD_ERROR, "error", None, language))
            sarif_results.append(_load_error_result(result))
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": result.error.message},
                    "descriptor": {"id": LOAD_ERROR},
                    "locations": [_load_error_location(result)],
                }
            )
            continue
        assert result.report is not None
        for finding in result.report.findings:
            rules.setdefault(finding.rule, _descriptor(finding.rule, finding.severity, finding.condition, language))
            sarif_results.append(_finding_result(result, finding))
    rule_list = list(rules.values())
    index = {rule["id"]: i for i, rule in enumerate(rule_list)}
    for entry in sarif_results:
        entry["ruleIndex"] = index[entry["ruleId"]]
    scores = {r.name: to_json(r.scores) for r in results if r.error is None}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": __version__,
                        "rules": rule_list,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "exitCode": exit_code,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "artifacts": [{"location": {"uri": artifact_uri(r.name)}, "roles": ["analysisTarget"]} for r in results],
                "results": sarif_results,
                "properties": {"scores": scores},
            }
        ],
    }


def _descriptor(rule: str, severity: str, condition: str | None, language: str | None) -> dict[str, object]:
    properties: dict[str, object] = {}
    if condition is not None:
        properties = {"condition": condition, "conditionName": condition_name(condition, language)}
    descriptor: dict[str, object] = {
        "id": rule,
        "shortDescription": {"text": rule_description(rule, language)},
        "defaultConfiguration": {"level": LEVELS[severity]},
    }
    if properties:
        descriptor["properties"] = properties
    return descriptor


def _element_location(result: FileResult, element: str) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(result.name)}}
    if element in result.lines:
        physical["region"] = {"startLine": result.lines[element]}
    return {"physicalLocation": physical}


def _logical(result: FileResult, element: str) -> dict[str, object]:
    kind = result.kinds.get(element, "elements")
    return {"name": element, "fullyQualifiedName": f"{kind}/{element}", "kind": "object"}


def _finding_result(result: FileResult, finding: Finding) -> dict[str, object]:
    elements = finding.elements
    location = _element_location(result, elements[0]) if elements else _element_location(result, "")
    if elements:
        location["logicalLocations"] = [_logical(result, e) for e in elements]
    entry: dict[str, object] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "properties": {"condition": finding.condition, "elements": list(elements)},
    }
    related = []
    for number, element in enumerate(elements[1:], start=1):
        other = _element_location(result, element)
        other["id"] = number
        other["logicalLocations"] = [_logical(result, element)]
        related.append(other)
    if related:
        entry["relatedLocations"] = related
    return entry


def _load_error_location(result: FileResult) -> dict[str, object]:
    error = result.error
    assert error is not None
    physical: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(result.name)}}
    if error.line is not None:
        region: dict[str, object] = {"startLine": max(1, error.line)}
        if error.column is not None:
            region["startColumn"] = max(1, error.column)
        physical["region"] = region
    location: dict[str, object] = {"physicalLocation": physical}
    if error.field:
        location["logicalLocations"] = [{"fullyQualifiedName": error.field, "kind": "property"}]
    return location


def _load_error_result(result: FileResult) -> dict[str, object]:
    assert result.error is not None
    return {
        "ruleId": LOAD_ERROR,
        "level": "error",
        "message": {"text": result.error.message},
        "locations": [_load_error_location(result)],
    }


# ------------------------------------------------------------------ JUnit


def xml_safe(text: str) -> str:
    """*text* without the characters XML 1.0 cannot hold (they become spaces); ElementTree escapes the rest."""
    return _NOT_XML.sub(" ", text)


def junit(results: list[FileResult], fail_on: str | None, min_score: int | None, language: str | None = None) -> str:
    """The JUnit XML document of the check; see the module docstring for what fails, errs or is skipped."""
    root = ET.Element("testsuites", name=TOOL_NAME)
    totals = dict.fromkeys(_COUNTERS, 0)
    for result in results:
        suite = ET.SubElement(root, "testsuite", name=xml_safe(result.name))
        counts = dict.fromkeys(_COUNTERS, 0)
        if result.error is not None:
            case = _case(suite, tr("the file loads", language))
            ET.SubElement(case, "error", message=xml_safe(result.error.message), type=LOAD_ERROR).text = xml_safe(
                result.error.message
            )
            counts["tests"], counts["errors"] = 1, 1
        else:
            assert result.report is not None
            for finding in result.report.findings:
                counts["tests"] += 1
                counts[_finding_case(suite, finding, fail_on, language)] += 1
            for score in result.scores.values():
                counts["tests"] += 1
                counts[_score_case(suite, result.name, score, min_score, language)] += 1
        for key in _COUNTERS[:4]:
            suite.set(key, str(counts[key]))
            totals[key] += counts[key]
    for key in _COUNTERS[:4]:
        root.set(key, str(totals[key]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case(suite: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", classname=JUNIT_CLASS, name=xml_safe(name))


def _finding_case(suite: ET.Element, finding: Finding, fail_on: str | None, language: str | None) -> str:
    """Add the test case of *finding*; return the counter it adds to (``failures``, ``skipped``, ``passed``)."""
    case = _case(suite, f"{finding.rule}: {', '.join(finding.elements)}" if finding.elements else finding.rule)
    message = xml_safe(finding.message)
    details = tr(
        "{severity} ({rule}) in '{condition}': {message}\nelements: {elements}",
        language,
        severity=severity_word(finding.severity, language),
        rule=finding.rule,
        condition=condition_name(finding.condition, language),
        message=message,
        elements=", ".join(finding.elements),
    )
    failing = fail_on is not None and SEVERITIES.index(finding.severity) <= SEVERITIES.index(fail_on)
    if failing:
        ET.SubElement(case, "failure", message=message, type=finding.severity).text = xml_safe(details)
        return "failures"
    if finding.severity == "info":
        ET.SubElement(case, "system-out").text = xml_safe(details)
        return "passed"
    ET.SubElement(case, "skipped", message=xml_safe(
        tr("{severity}: {message}", language, severity=severity_word(finding.severity, language), message=finding.message)))
    return "skipped"


def _score_case(suite: ET.Element, path: str, score: Score, min_score: int | None, language: str | None) -> str:
    """Add the test case of *score*; return ``failures`` when below *min_score*, else ``passed``."""
    name = condition_name(score.condition, language)
    case = _case(suite, tr("score of '{condition}'", language, condition=name))
    if min_score is not None and score.value < min_score:
        message = tr(
            "{path}: the score of '{condition}' is {score}, below the minimum of {minimum}",
            language,
            path=path,
            condition=name,
            score=score.value,
            minimum=min_score,
        )
        ET.SubElement(case, "failure", message=xml_safe(message), type="min-score").text = xml_safe(message)
        return "failures"
    ET.SubElement(case, "system-out").text = xml_safe(explain(score, language))
    return "passed"
