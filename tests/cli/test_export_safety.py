"""``workbench export`` never destroys anything by accident.

It never writes over one of its inputs or a ``.journey`` file, nor over any
existing file without ``--force``; two inputs with the same name are refused
rather than exported over each other; a missing output folder is named; an
absurd ``--scale`` is a usage error. Every refusal writes nothing at all.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import stat
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.cli_export import MAX_SCALE, scale

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"
OTHER = ROOT / "examples" / "retail-neighbourhood-bookshop.journey"


def listing(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.fixture
def plans(tmp_path: Path) -> tuple[Path, Path]:
    """``a/plan.journey`` and ``b/plan.journey``: two journeys with the same name."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "a" / "plan.journey")
    shutil.copy(OTHER, tmp_path / "b" / "plan.journey")
    return tmp_path / "a" / "plan.journey", tmp_path / "b" / "plan.journey"


def test_two_inputs_with_the_same_name_are_refused_naming_both(tmp_path, plans, capsys) -> None:
    a, b = plans
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(a), str(b), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{a} and {b} would both be exported to {out / 'plan.pdf'}" in err
    assert "nothing was exported" in err
    assert list(out.iterdir()) == []


def test_names_differing_only_in_case_collide_too(tmp_path, plans, capsys) -> None:
    a, _ = plans
    upper = tmp_path / "b" / "PLAN.journey"
    (tmp_path / "b" / "plan.journey").rename(upper)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(a), str(upper), "-o", str(out)]) == 2
    assert "would both be exported" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_distinct_names_into_a_folder_are_all_written(tmp_path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(EXAMPLE), str(OTHER), "-o", str(out) + "/", "--no-findings"]) == 0
    assert listing(out) == ["banking-savings.pdf", "retail-neighbourhood-bookshop.pdf"]


def test_a_missing_output_folder_is_named_and_no_file_takes_its_name(tmp_path, capsys) -> None:
    missing = tmp_path / "newdir"
    assert main(["export", str(EXAMPLE), "-o", str(missing) + "/"]) == 2
    err = capsys.readouterr().err
    assert f"the folder {missing} does not exist" in err
    assert listing(tmp_path) == []


def test_an_existing_file_is_replaced_only_with_force(tmp_path, capsys) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"the client's annotated copy")
    assert main(["export", str(EXAMPLE), "-o", str(out), "--no-findings"]) == 1
    assert f"{out} already exists; use --force to overwrite it" in capsys.readouterr().err
    assert out.read_bytes() == b"the client's annotated copy"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--no-findings", "--force"]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_in_a_batch_one_existing_file_stops_them_all(tmp_path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "retail-neighbourhood-bookshop.pdf").write_bytes(b"old")
    assert main(["export", str(EXAMPLE), str(OTHER), "-o", str(out)]) == 1
    assert listing(out) == ["retail-neighbourhood-bookshop.pdf"]
    assert (out / "retail-neighbourhood-bookshop.pdf").read_bytes() == b"old"


def test_a_read_only_file_is_replaced_with_force_and_stays_read_only(tmp_path) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")
    os.chmod(out, 0o444)
    assert main(["export", str(EXAMPLE), "-o", str(out), "--no-findings", "--force"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_the_input_and_journey_files_are_never_written_over(tmp_path, force, capsys) -> None:
    journey = tmp_path / "plan.journey"
    shutil.copy(EXAMPLE, journey)
    other = tmp_path / "other.journey"
    shutil.copy(OTHER, other)
    before = journey.read_bytes(), other.read_bytes()
    assert main(["export", str(journey), "-o", str(journey), *force]) == 1
    assert main(["export", str(journey), "-o", str(other), *force]) == 1
    assert main(["export", str(journey), "-o", str(tmp_path / "new.JOURNEY"), *force]) == 1
    err = capsys.readouterr().err
    assert err.count("is a journey file name; an export is never written there") == 3
    # An input whose name does not say it is a journey is protected all the same.
    disguised = tmp_path / "plan.pdf"
    shutil.copy(EXAMPLE, disguised)
    assert main(["export", str(disguised), "-o", str(disguised), *force]) == 1
    assert f"{disguised} is one of the files being exported" in capsys.readouterr().err
    assert (journey.read_bytes(), other.read_bytes()) == before
    assert disguised.read_bytes() == EXAMPLE.read_bytes()
    assert listing(tmp_path) == ["other.journey", "plan.journey", "plan.pdf"]


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e6", "0", "-1", "16.5", "two", ""])
def test_an_absurd_scale_is_a_usage_error(tmp_path, value, capsys) -> None:
    out = tmp_path / "map.png"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--format", "png", f"--scale={value}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: workbench export")
    assert f"argument --scale: must be a number greater than 0 and at most 16, not {value!r}" in err
    assert listing(tmp_path) == []


@pytest.mark.parametrize(("text", "expected"), [("16", 16.0), ("0.001", 0.001), ("2", 2.0), (" 1.5 ", 1.5)])
def test_a_sensible_scale_is_accepted(text: str, expected: float) -> None:
    assert scale(text) == expected
    assert MAX_SCALE == 16


def test_the_scale_type_refuses_what_is_not_finite() -> None:
    for text in ("nan", "NaN", "infinity", "1e309"):
        with pytest.raises(argparse.ArgumentTypeError):
            scale(text)
    assert math.isnan(float("nan"))  # what argparse's own float would have let through


# ------------------------------------------------------- the format OUT names

PNG_MAGIC, PDF_MAGIC, SVG_MARK = b"\x89PNG\r\n\x1a\n", b"%PDF-", b"<svg"


@pytest.mark.parametrize(("name", "starts"), [("map.png", PNG_MAGIC), ("map.SVG", SVG_MARK), ("map.pdf", PDF_MAGIC)])
def test_without_format_the_output_is_what_its_name_says(tmp_path, name: str, starts: bytes, capsys) -> None:
    out = tmp_path / name
    assert main(["export", str(EXAMPLE), "-o", str(out)]) == 0
    data = out.read_bytes()
    # (-o map.png once wrote a PDF there, which no image viewer or slide tool opens)
    assert data.startswith(starts) if starts != SVG_MARK else SVG_MARK in data[:400]
    assert str(out) in capsys.readouterr().out


def test_a_name_of_no_drawing_format_is_a_pdf(tmp_path) -> None:
    out = tmp_path / "deliverable"
    assert main(["export", str(EXAMPLE), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(PDF_MAGIC)


def test_a_format_the_name_contradicts_is_refused_and_nothing_is_written(tmp_path, capsys) -> None:
    out = tmp_path / "map.png"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--format", "pdf"]) == 2
    err = capsys.readouterr().err
    assert "map.png" in err and "pdf" in err and "nothing was exported" in err
    assert listing(tmp_path) == []


def test_into_a_folder_the_format_is_asked_or_pdf(tmp_path) -> None:
    folder = tmp_path / "out.png"  # a folder whose name looks like a file's: it names no format
    folder.mkdir()
    assert main(["export", str(EXAMPLE), str(OTHER), "-o", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["banking-savings.pdf", "retail-neighbourhood-bookshop.pdf"]
