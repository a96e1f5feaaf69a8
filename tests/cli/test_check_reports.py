"""`workbench check --format sarif|junit|json` for CI: valid SARIF on the right lines, JUnit that dashboards count,
and a file that does not load as an entry of every report (issue #16)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from workbench.check_reports import FileResult, artifact_uri, element_lines, junit, sarif
from workbench.model.analysis import Finding, Metrics, Report
from workbench.model.errors import LoadError
from workbench.model.scores import scores

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
COUNTER = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "examples" / "counter-examples").glob("*.journey"))
INVOICES = "examples/counter-examples/unretrievable-invoices.journey"  # person 100, human 80, continuity 85
TRAIN = "examples/counter-examples/train-delay-notifications.journey"  # warnings and a note only
CLEAN = "examples/banking-savings.journey"
BROKEN_JSON = "tests/data/bad/missing-comma.journey"  # 42:9: broken JSON: a ',' was expected
BROKEN_FIELD = "tests/data/bad/duplicate-ids.journey"  # journey.steps[4].id: id 'step-call' is already used


def check(*args: str, language: str = "en", cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANGUAGE=language)
    return subprocess.run(
        [sys.executable, "-m", "workbench", "check", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


def validate(log: dict) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def test_the_schema_is_the_complete_official_one() -> None:
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert {"run", "result", "location", "region", "reportingDescriptor", "invocation"} <= set(SCHEMA["definitions"])
    with pytest.raises(jsonschema.ValidationError):  # it does check: a result level SARIF does not know
        jsonschema.validate({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
            {"message": {"text": "m"}, "level": "info"}]}]}, SCHEMA)


def test_sarif_of_the_counter_examples_is_valid_and_points_at_each_element_line() -> None:
    result = check(*COUNTER, "--format", "sarif")
    as_json = json.loads(check(*COUNTER, "--format", "json").stdout)
    assert result.returncode == 1, result.stderr  # the same exit code as the text output: errors at --fail-on error
    log = json.loads(result.stdout)
    validate(log)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json" and log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "Journey Workbench" and driver["version"]
    assert run["invocations"][0]["executionSuccessful"] is True and run["invocations"][0]["exitCode"] == 1
    findings = [(entry["file"], f) for entry in as_json for f in entry["findings"]]
    assert len(run["results"]) == len(findings) > 10
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert sorted(rule_ids) == sorted({f["rule"] for _, f in findings})
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for sarif_result, (file, finding) in zip(run["results"], findings):
        assert sarif_result["ruleId"] == finding["rule"]
        assert rule_ids[sarif_result["ruleIndex"]] == finding["rule"]
        assert sarif_result["level"] == levels[finding["severity"]]
        assert sarif_result["message"]["text"] == finding["message"]
        (location,) = sarif_result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == file  # relative, as given
        lines = (ROOT / file).read_text(encoding="utf-8").splitlines()
        first = finding["elements"][0]
        assert f'"id": "{first}"' in lines[physical["region"]["startLine"] - 1]
        named = [logical["fullyQualifiedName"] for logical in location["logicalLocations"]]
        assert [name.split("/")[1] for name in named] == finding["elements"]
        for other, element in zip(sarif_result.get("relatedLocations", []), finding["elements"][1:]):
            assert f'"id": "{element}"' in lines[other["physicalLocation"]["region"]["startLine"] - 1]
    kinds = {name for r in run["results"] for loc in r["locations"] for name in
             (logical["fullyQualifiedName"].split("/")[0] for logical in loc["logicalLocations"])}
    assert "steps" in kinds and kinds <= {"steps", "cards", "handoffs", "links", "stages", "lanes"}
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["properties"]["condition"] in ("person", "human", "continuity")
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["properties"]["scores"][INVOICES]["human"]["score"] == 80


def test_a_file_that_does_not_load_is_an_entry_in_json_sarif_and_junit() -> None:
    files = (BROKEN_JSON, CLEAN, BROKEN_FIELD)
    runs = {fmt: check(*files, "--format", fmt) for fmt in ("text", "json", "sarif", "junit")}
    for fmt, result in runs.items():
        assert result.returncode == 2, fmt
        assert f"workbench: {BROKEN_JSON}:42:9: broken JSON: a ',' was expected" in result.stderr.splitlines(), fmt
        assert f"{BROKEN_FIELD}: journey.steps[4].id:" in result.stderr, fmt

    broken, clean, field = json.loads(runs["json"].stdout)
    assert broken == {"file": BROKEN_JSON, "error": {
        "message": f"{BROKEN_JSON}:42:9: broken JSON: a ',' was expected",
        "reason": "broken JSON: a ',' was expected", "line": 42, "column": 9, "field": None}}
    assert clean["file"] == CLEAN and "findings" in clean
    assert field["file"] == BROKEN_FIELD and field["error"]["field"] == "journey.steps[4].id"
    assert "already used" in field["error"]["message"] and field["error"]["line"] is None

    log = json.loads(runs["sarif"].stdout)
    validate(log)
    (run,) = log["runs"]
    errors = [r for r in run["results"] if r["ruleId"] == "load-error"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in errors] == [BROKEN_JSON, BROKEN_FIELD]
    assert all(r["level"] == "error" for r in errors)
    assert errors[0]["message"]["text"] == broken["error"]["message"]
    assert errors[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 42, "startColumn": 9}
    assert "region" not in errors[1]["locations"][0]["physicalLocation"]
    assert errors[1]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "journey.steps[4].id"
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == [
        broken["error"]["message"], field["error"]["message"]]
    assert "load-error" in [rule["id"] for rule in run["tool"]["driver"]["rules"]]

    root = ET.fromstring(runs["junit"].stdout)
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert list(suites) == list(files)
    for name, entry in ((BROKEN_JSON, broken), (BROKEN_FIELD, field)):
        suite = suites[name]
        assert (suite.get("tests"), suite.get("errors"), suite.get("failures")) == ("1", "1", "0")
        (error,) = suite.iter("error")
        assert error.get("message") == entry["error"]["message"]
    assert root.get("errors") == "2"


def junit_counts(stdout: str) -> dict[str, dict[str, int]]:
    root = ET.fromstring(stdout)
    out = {}
    for suite in root.iter("testsuite"):
        cases = list(suite.iter("testcase"))
        counted = {key: int(suite.get(key, "-1")) for key in ("tests", "failures", "errors", "skipped")}
        assert counted == {"tests": len(cases), "failures": sum(len(c.findall("failure")) for c in cases),
                           "errors": sum(len(c.findall("error")) for c in cases),
                           "skipped": sum(len(c.findall("skipped")) for c in cases)}
        out[suite.get("name")] = counted
    return out


def test_junit_counts_follow_the_findings_and_fail_as_the_exit_code_does() -> None:
    findings = {e["file"]: e["findings"] for e in json.loads(check(INVOICES, TRAIN, CLEAN, "--format", "json").stdout)}
    severities = {file: [f["severity"] for f in found] for file, found in findings.items()}

    default = check(INVOICES, TRAIN, CLEAN, "--format", "junit")
    assert default.returncode == 1
    counts = junit_counts(default.stdout)
    for file, found in severities.items():  # each finding a test case, and one per condition score
        assert counts[file]["tests"] == len(found) + 3
        assert counts[file]["failures"] == found.count("error")
        assert counts[file]["skipped"] == found.count("warning")
        assert counts[file]["errors"] == 0
    assert counts[TRAIN]["failures"] == 0 and counts[TRAIN]["skipped"] > 0  # warnings only: shown, not failing
    assert check(TRAIN, "--format", "junit").returncode == 0

    strict = check(TRAIN, "--fail-on", "warning", "--format", "junit")
    assert strict.returncode == 1
    assert junit_counts(strict.stdout)[TRAIN]["failures"] == severities[TRAIN].count("warning") > 0

    root = ET.fromstring(default.stdout)
    invoices = next(s for s in root.iter("testsuite") if s.get("name") == INVOICES)
    failure = invoices.find("testcase/failure")
    assert failure is not None and failure.get("type") == "error"
    assert failure.get("message") == next(f["message"] for f in findings[INVOICES] if f["severity"] == "error")
    names = [case.get("name") for case in invoices.iter("testcase")]
    assert f"{findings[INVOICES][0]['rule']}: {', '.join(findings[INVOICES][0]['elements'])}" in names
    assert all(case.get("classname") == "journey health check" for case in invoices.iter("testcase"))

    scored = check(INVOICES, "--min-score", "81", "--format", "junit")  # only the scores decide: human is 80
    assert scored.returncode == 1
    (suite,) = ET.fromstring(scored.stdout).iter("testsuite")
    failures = [case for case in suite.iter("testcase") if case.find("failure") is not None]
    assert [case.get("name") for case in failures] == ["score of 'Plans the switch to a human'"]
    assert "80, below the minimum of 81" in failures[0].find("failure").get("message")
    passing = check(INVOICES, "--min-score", "80", "--format", "junit")
    assert passing.returncode == 0 and ET.fromstring(passing.stdout).get("failures") == "0"


def test_hostile_text_stays_valid_xml_and_json(tmp_path: Path) -> None:
    data = json.loads((ROOT / INVOICES).read_text(encoding="utf-8"))
    hostile = "Pay <b>now</b> & \"then\" ]]> \x0b\x1b[31mred\x07 \U0001F600 café"
    step = next(s for s in data["journey"]["steps"] if s["id"] == "step-no-invoices")  # its dead end is an error
    step["title"] = hostile
    path = tmp_path / "hostile <&>.journey"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    result = check(str(path), "--format", "junit")
    assert result.returncode == 1
    root = ET.fromstring(result.stdout)
    messages = [f.get("message") for f in root.iter("failure")]
    expected = "Pay <b>now</b> & \"then\" ]]>   [31mred  \U0001F600 café"
    assert any(expected in m for m in messages), messages
    assert next(root.iter("testsuite")).get("name") == str(path)

    log = json.loads(check(str(path), "--format", "sarif").stdout)
    validate(log)
    texts = [r["message"]["text"] for r in log["runs"][0]["results"]]
    assert any(hostile in t for t in texts)  # JSON escapes it; tools show the title as it is
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == path.as_uri()
    assert "region" in log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]  # compact JSON: line 1
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_junit_of_a_hostile_load_error_and_finding_parses_back() -> None:
    bad = "\x00\x1f<script>&amp;\ufffe\U0001F4A5"
    finding = Finding("dead-end", "error", ("step-a",), f"'{bad}' leads nowhere", "human")
    report = Report([finding], Metrics())
    results = [
        FileResult("a.journey", report, scores(report.findings)),
        FileResult(f"b{bad}.journey", error=LoadError(f"b{bad}.journey", f"unknown field '{bad}'", field="x")),
    ]
    root = ET.fromstring(junit(results, "error", None, "en"))
    failure = next(root.iter("failure"))
    assert failure.get("message") == "'  <script>&amp; \U0001F4A5' leads nowhere"
    error = next(root.iter("error"))
    assert error.get("message") == "b  <script>&amp; \U0001F4A5.journey: x: unknown field '  <script>&amp; \U0001F4A5'"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "1", "1")
    validate(sarif(results, 2, "en"))


def test_reports_follow_the_users_language() -> None:
    english = json.loads(check(INVOICES, "--format", "sarif").stdout)["runs"][0]
    french = json.loads(check(INVOICES, "--format", "sarif", language="fr").stdout)["runs"][0]
    french_json = json.loads(check(INVOICES, "--format", "json", language="fr").stdout)[0]
    assert [r["message"]["text"] for r in french["results"]] == [f["message"] for f in french_json["findings"]]
    assert [r["message"]["text"] for r in french["results"]] != [r["message"]["text"] for r in english["results"]]
    french_junit = ET.fromstring(check(INVOICES, "--format", "junit", language="fr").stdout)
    assert next(french_junit.iter("failure")).get("message") == french_json["findings"][0]["message"]


def test_element_lines_and_uris() -> None:
    text = '{\n  "steps": [\n    {"id": "a"},\n    {\n      "id" :  "b",\n      "title": "\\"id\\": \\"c\\""\n    }\n  ]\n}'
    assert element_lines(text) == {"a": 3, "b": 5}
    assert element_lines('{"steps": [{"id": "a"}, {"id": "b"}]}') == {"a": 1, "b": 1}
    assert artifact_uri("maps/my trip.journey") == "maps/my%20trip.journey"
    assert artifact_uri("maps\\trip.journey" if os.sep == "\\" else "maps/trip.journey") == "maps/trip.journey"
    assert artifact_uri(str(ROOT / "x.journey")).startswith("file:///")


def test_junit_in_french_says_the_severities_in_french() -> None:
    """The JUnit report said "warning:" and "info" in French (exploratory test); its failure types stay the
    machine's words."""
    report = check(TRAIN, "--format", "junit", language="fr")
    root = ET.fromstring(report.stdout)
    skipped = [case.find("skipped").get("message") for case in root.iter("testcase") if case.find("skipped") is not None]
    assert skipped and all(message.startswith("avertissement\u00a0: ") for message in skipped)
    outputs = [case.find("system-out").text for case in root.iter("testcase") if case.find("system-out") is not None]
    assert not any(text.startswith(("info", "warning", "error")) for text in outputs)
