"""``workbench merge`` and ``workbench git-setup`` as a user (and git) runs them: real repositories, real merges."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.model.document import JourneyDocument
from workbench.model.feelings import level, with_feeling
from workbench.model.fileformat import load, save
from workbench.model.journey import FIRST_PERSONA, Step

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"
GIT = shutil.which("git") or "/usr/bin/git"


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANGUAGE="en", PYTHONPATH=str(ROOT))
    env.update(GIT_CONFIG_NOSYSTEM="1", HOME=env.get("XDG_CONFIG_HOME", "/tmp"), GIT_TERMINAL_PROMPT="0")
    return env


def workbench(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args], capture_output=True, text=True, env=_env(), cwd=cwd, timeout=120
    )


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([GIT, *args], cwd=repo, capture_output=True, text=True, env=_env(), timeout=120)
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stdout}{done.stderr}")
    return done


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A repository with the example journey committed on main and the drivers set up by git-setup."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.com")
    shutil.copy(EXAMPLE, root / "map.journey")
    setup = workbench("git-setup", cwd=root)
    assert setup.returncode == 0, setup.stderr
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return root


def _edit_on_branch(repo: Path, branch: str, edit) -> None:  # type: ignore[no-untyped-def]
    git(repo, "checkout", "-q", "-B", branch, "main")
    document = JourneyDocument(load(repo / "map.journey"))
    edit(document)
    save(document.journey, repo / "map.journey", backup=False)
    git(repo, "commit", "-q", "-am", branch)


def _merge(repo: Path, edit_a, edit_b) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    _edit_on_branch(repo, "a", edit_a)
    _edit_on_branch(repo, "b", edit_b)
    git(repo, "checkout", "-q", "a")
    return git(repo, "merge", "--no-edit", "b", check=False)


def test_git_setup_writes_attributes_and_config_once(repo: Path) -> None:
    attributes = (repo / ".gitattributes").read_text(encoding="utf-8")
    assert attributes == "*.journey merge=journey diff=journey\n"
    driver = git(repo, "config", "merge.journey.driver").stdout.strip()
    assert driver.startswith(sys.executable) or driver.startswith(f"'{sys.executable}'")
    assert driver.endswith("-m workbench merge %O %A %B -o %A --name %P")
    textconv = git(repo, "config", "diff.journey.textconv").stdout.strip()
    assert textconv.endswith("-m workbench diff --textconv")
    config = (repo / ".git" / "config").read_text(encoding="utf-8")
    again = workbench("git-setup", cwd=repo / ".git" / "..")
    assert again.returncode == 0, again.stderr
    assert "already has" in again.stdout
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == attributes
    assert (repo / ".git" / "config").read_text(encoding="utf-8") == config
    assert (repo / ".gitignore").read_text(encoding="utf-8") == ".~lock.*.journey#\n"


def test_the_lock_of_a_journey_open_in_the_editor_stays_out_of_git(repo: Path) -> None:
    """Committed, a lock told everyone who cloned the repository that the file was being edited."""
    from workbench.model.locks import acquire

    lock = acquire(repo / "map.journey")
    try:
        assert lock.file.exists()
        status = git(repo, "status", "--porcelain", "--ignored").stdout
        assert "?? " not in status and ".~lock.map.journey#" in status  # listed as ignored, never to add
    finally:
        lock.release()


def test_git_setup_appends_to_existing_attributes_from_a_subfolder(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / ".gitattributes").write_text("*.png binary", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    done = workbench("git-setup", cwd=tmp_path / "sub")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / ".gitattributes").read_text(encoding="utf-8") == (
        "*.png binary\n*.journey merge=journey diff=journey\n"
    )
    assert not (tmp_path / "sub" / ".gitattributes").exists()


def test_git_setup_outside_a_repository_says_so(tmp_path: Path) -> None:
    done = workbench("git-setup", cwd=tmp_path)
    assert done.returncode == 2
    assert "not inside a git work tree" in done.stderr
    assert not (tmp_path / ".gitattributes").exists()


def test_git_setup_print_shows_the_manual_lines_and_writes_nothing(tmp_path: Path) -> None:
    done = workbench("git-setup", "--print", cwd=tmp_path)
    assert done.returncode == 0
    assert "*.journey merge=journey diff=journey" in done.stdout
    assert "git config merge.journey.driver" in done.stdout and "%O %A %B -o %A" in done.stdout
    assert "git config diff.journey.textconv" in done.stdout
    assert ".~lock.*.journey#" in done.stdout
    assert not (tmp_path / ".gitattributes").exists() and not (tmp_path / ".gitignore").exists()


def test_concurrent_additions_to_the_same_stage_merge_cleanly(repo: Path) -> None:
    stage = load(repo / "map.journey").stages[0].id

    result = _merge(
        repo,
        lambda d: d.add(Step(id="step-ours", title="Ours", stage=stage)),
        lambda d: d.add(Step(id="step-theirs", title="Theirs", stage=stage)),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    merged = load(repo / "map.journey")
    steps = sorted((s for s in merged.steps if s.stage == stage), key=lambda s: s.order)
    assert [s.id for s in steps][-2:] == ["step-ours", "step-theirs"]
    assert len({s.order for s in steps}) == len(steps)
    assert merged.conflicts == []
    assert "<<<<<<<" not in (repo / "map.journey").read_text(encoding="utf-8")
    assert not list(repo.glob("*.bak"))


def test_edits_of_different_fields_of_one_step_are_both_kept(repo: Path) -> None:
    step = load(repo / "map.journey").steps[0].id
    result = _merge(repo, lambda d: d.update(step, title="Renamed"),
                    lambda d: d.update(step, emotions=with_feeling(d.get(step), FIRST_PERSONA, value=-2)))
    assert result.returncode == 0, result.stdout + result.stderr
    merged = load(repo / "map.journey")
    changed = next(s for s in merged.steps if s.id == step)
    assert (changed.title, level(changed, FIRST_PERSONA)) == ("Renamed", -2)


def test_a_true_conflict_stops_git_and_leaves_a_file_that_loads(repo: Path) -> None:
    step = load(repo / "map.journey").steps[0].id
    result = _merge(repo, lambda d: d.update(step, title="Ours title"), lambda d: d.update(step, title="Their title"))
    assert result.returncode != 0
    assert "CONFLICT" in result.stdout
    text = (repo / "map.journey").read_text(encoding="utf-8")
    assert "<<<<<<<" not in text and ">>>>>>>" not in text
    merged = load(repo / "map.journey")
    assert next(s for s in merged.steps if s.id == step).title == "Ours title"
    [conflict] = merged.conflicts
    assert (conflict.collection, conflict.element, conflict.field) == ("steps", step, "title")
    assert (conflict.ours, conflict.theirs) == ("Ours title", "Their title")
    assert "map.journey" in git(repo, "diff", "--name-only", "--diff-filter=U").stdout
    # The driver's message names the file being merged, not git's temporary copy of it.
    assert "map.journey: merged with 1 conflict" in result.stderr + result.stdout
    assert ".merge_file_" not in result.stderr + result.stdout


def test_a_journey_added_on_both_branches_merges_element_by_element(repo: Path) -> None:
    stage = load(repo / "map.journey").stages[0].id

    def add_copy(title: str):  # type: ignore[no-untyped-def]
        def edit(_: JourneyDocument) -> None:  # map.journey stays as it is
            copy = JourneyDocument(load(EXAMPLE))
            copy.update_journey(title=title)
            copy.add(Step(id=f"step-{title.lower()}", title=title, stage=stage))
            save(copy.journey, repo / "copy.journey", backup=False)
            git(repo, "add", "copy.journey")

        return edit

    result = _merge(repo, add_copy("Ours"), add_copy("Theirs"))
    assert result.returncode != 0  # the titles differ: a conflict, in a file that loads
    assert "CONFLICT (add/add): Merge conflict in copy.journey" in result.stdout
    assert "map.journey" not in result.stdout
    merged = load(repo / "copy.journey")
    assert {"step-ours", "step-theirs"} <= {s.id for s in merged.steps}
    assert [(c.field, c.base, c.ours, c.theirs) for c in merged.conflicts] == [("title", None, "Ours", "Theirs")]


def test_git_diff_uses_the_textconv_driver(repo: Path) -> None:
    if not (ROOT / "workbench" / "cli_diff.py").exists():
        pytest.skip("workbench diff --textconv is not there yet")
    document = JourneyDocument(load(repo / "map.journey"))
    document.update(document.journey.steps[0].id, title="A brand new title")
    save(document.journey, repo / "map.journey", backup=False)
    shown = git(repo, "diff")
    assert "A brand new title" in shown.stdout
    assert '"format": "journey-workbench"' not in shown.stdout  # converted text, not the raw JSON


# ------------------------------------------------------------------ the command alone


def test_merge_command_exit_codes_and_output(tmp_path: Path) -> None:
    base = load(EXAMPLE)
    paths = {}
    for name, title in (("base", None), ("ours", "Ours"), ("theirs", "Theirs")):
        document = JourneyDocument(base)
        if title:
            document.update_journey(title=title)
        paths[name] = tmp_path / f"{name}.journey"
        save(document.journey, paths[name], backup=False)
    out = tmp_path / "out.journey"
    args = [str(paths["base"]), str(paths["ours"]), str(paths["theirs"]), "-o", str(out)]
    conflicted = workbench("merge", *args)
    assert conflicted.returncode == 1
    assert "merged with 1 conflict;" in conflicted.stderr and 'The journey “Ours”: Title changed on both sides' in conflicted.stderr
    assert load(out).conflicts[0].theirs == "Theirs"
    refused = workbench("merge", *args)
    assert refused.returncode == 1 and "already exists" in refused.stderr
    clean = workbench("merge", str(paths["base"]), str(paths["ours"]), str(paths["base"]), "-o", str(out), "--force")
    assert clean.returncode == 0, clean.stderr
    assert load(out).title == "Ours" and not load(out).conflicts


def test_merge_refuses_a_file_that_does_not_load_and_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "theirs.journey"
    broken.write_text('{"format": "journey-workbench", "version": 1, "journey": {', encoding="utf-8")
    out = tmp_path / "out.journey"
    done = workbench("merge", str(EXAMPLE), str(EXAMPLE), str(broken), "-o", str(out))
    assert done.returncode == 2
    assert "theirs.journey" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_check_fails_on_a_file_a_merge_left_with_conflicts_in_every_format(repo: Path) -> None:
    step = load(repo / "map.journey").steps[0].id
    _merge(repo, lambda d: d.update(step, title="Ours title"), lambda d: d.update(step, title="Their title"))
    path = str(repo / "map.journey")
    text = workbench("check", path)
    assert text.returncode == 1
    assert "merge-conflict" in text.stdout and "“Ours title”" in text.stdout and "Title" in text.stdout
    sarif = json.loads(workbench("check", path, "--format", "sarif").stdout)
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "merge-conflict"]
    assert len(results) == 1 and results[0]["level"] == "error"
    line = results[0]["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert f'"id": "{step}"' in (repo / "map.journey").read_text(encoding="utf-8").splitlines()[line - 1]
    junit = workbench("check", path, "--format", "junit").stdout
    assert 'name="merge-conflict: ' in junit and "<failure" in junit
    report = json.loads(workbench("check", path, "--format", "json").stdout)[0]
    assert [f["rule"] for f in report["findings"]].count("merge-conflict") == 1
    resolved = repo.parent / "resolved.journey"
    save(load(path).model_copy(update={"conflicts": []}), resolved)
    without = json.loads(workbench("check", str(resolved), "--format", "json").stdout)[0]
    assert report["scores"] == without["scores"]  # the journey's own: a conflict costs no condition its points


def test_git_diff_shows_a_journey_that_no_longer_loads_as_it_is(repo: Path) -> None:
    broken = (repo / "map.journey").read_text(encoding="utf-8")[:400]  # cut mid-file, as a bad paste would
    (repo / "map.journey").write_text(broken, encoding="utf-8")
    shown = git(repo, "diff", check=False)
    assert shown.returncode == 0, shown.stderr
    assert "shown as it is" in shown.stderr and '"format": "journey-workbench"' in shown.stdout


def test_merge_names_the_elements_and_personas_of_its_conflicts(tmp_path: Path) -> None:
    """It printed "step-see-offer: 'emotions.persona-2:as_is' changed on both sides" (exploratory test)."""
    from workbench.model.feelings import with_feeling

    base = load(EXAMPLE)
    second = base.personas[1]
    step = base.steps[0]
    paths = {"base": tmp_path / "base.journey"}
    save(base, paths["base"], backup=False)
    for name, value in (("ours", 2), ("theirs", -2)):
        document = JourneyDocument(base)
        document.update(step.id, emotions=with_feeling(document.get(step.id), second.id, "as_is", value=value))
        paths[name] = tmp_path / f"{name}.journey"
        save(document.journey, paths[name], backup=False)
    out = tmp_path / "out.journey"
    merged = workbench("merge", str(paths["base"]), str(paths["ours"]), str(paths["theirs"]), "-o", str(out))
    assert merged.returncode == 1
    assert f"Step “{step.title}”: Emotion ({second.name}, as is) changed on both sides" in merged.stderr, merged.stderr
    assert second.id not in merged.stderr and step.id not in merged.stderr
