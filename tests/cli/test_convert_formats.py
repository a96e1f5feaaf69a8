"""``workbench convert IN -o OUT`` chooses both formats by extension (.journey, .mmd, .csv; .pdf/.png/.svg out)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.model.feelings import lead, level
from workbench.model.fileformat import load
from workbench.model.index import JourneyIndex
from workbench.model.journey import FIRST_PERSONA

ROOT = Path(__file__).resolve().parents[2]
BANKING = ROOT / "examples" / "banking-savings.journey"


def story(path: Path) -> list[tuple[str, str, int | None, list[str]]]:
    """Stage, step, emotion and touchpoint channels of each step, in time order: what every format keeps."""
    journey = load(path)
    stages = {s.id: s.title for s in journey.stages}
    out = []
    for step in JourneyIndex(journey).steps():
        channels = sorted(c.channel or "" for c in journey.cards if c.step == step.id and c.kind == "touchpoint")
        out.append((stages[step.stage], step.title, level(step, lead(journey).id), channels))
    return out


def test_what_a_sheet_or_a_diagram_would_merge_or_drop_is_said(tmp_path, capsys) -> None:
    """Two stages of one title came back from a sheet as one (the time order changed), and a touchpoint with no
    channel left a diagram, without a word (exploratory test)."""
    from workbench.model.fileformat import load, save

    journey = load(BANKING)
    stages = [s.model_copy(update={"title": "Discover"}) for s in journey.stages[:2]] + list(journey.stages[2:])
    lanes = [la.model_copy(update={"title": "Notes"}) if la.kind in ("backstage", "opportunities") else la for la in journey.lanes]
    quiet = next(c for c in journey.cards if c.kind == "touchpoint")
    cards = [c.model_copy(update={"channel": None}) if c.id == quiet.id else c for c in journey.cards]
    path = tmp_path / "alike.journey"
    save(journey.model_copy(update={"stages": stages, "lanes": lanes, "cards": cards}), path)
    assert main(["convert", str(path), "-o", str(tmp_path / "a.csv")]) == 0
    err = capsys.readouterr().err
    assert "the difference between the stages called \"Discover\"" in err
    assert "the difference between the lanes called \"Notes\"" in err
    assert main(["convert", str(path), "-o", str(tmp_path / "a.mmd")]) == 0
    err = capsys.readouterr().err
    assert "1 touchpoint without a channel" in err and "Discover" not in err
    assert main(["convert", str(BANKING), "-o", str(tmp_path / "b.csv")]) == 0
    assert "difference between" not in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".mmd", ".csv"])
def test_a_journey_goes_out_and_comes_back_with_its_stages_steps_emotions_and_channels(tmp_path, suffix) -> None:
    middle, back = tmp_path / f"savings{suffix}", tmp_path / "back.journey"
    assert main(["convert", str(BANKING), "-o", str(middle)]) == 0
    assert main(["convert", str(middle), "-o", str(back)]) == 0
    if suffix == ".mmd":  # Mermaid reads ":", "#" and ";" in a name as syntax: look-alikes are written, and read
        lost = str.maketrans({";": ","})  # back as what they stand for, but for a ";" (written as a comma)
        assert story(back) == [(a, b.translate(lost), e, c) for a, b, e, c in story(BANKING)]
        assert any(":" in b for _, b, _, _ in story(back))  # ("Scan rejected twice: an advisor checks by video")
    else:
        assert story(back) == story(BANKING)


def test_mermaid_text_is_written_and_a_sheet_has_its_byte_order_mark(tmp_path) -> None:
    assert main(["convert", str(BANKING), "-o", str(tmp_path / "a.mmd")]) == 0
    assert main(["convert", str(BANKING), "-o", str(tmp_path / "a.csv")]) == 0
    text = (tmp_path / "a.mmd").read_text(encoding="utf-8")
    assert text.startswith("journey\n") and "\n    section " in text
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_typed_french_sheet_becomes_a_journey_named_after_its_file(tmp_path, capsys) -> None:
    sheet = tmp_path / "atelier-epargne.csv"
    sheet.write_text(
        "Étape;Phase;Émotion;Type;Texte;Canal;Nature\n"
        "Ouvre l'appli;Découvrir;1;point de contact;Application;Appli mobile;numérique\n"
        "Appelle la banque;Découvrir;-2;point de contact;Conseiller;Téléphone avec un conseiller;humain\n",
        encoding="utf-8",
    )
    out = tmp_path / "atelier.journey"
    assert main(["convert", str(sheet), "-o", str(out)]) == 0
    journey = load(out)
    assert journey.title == "Atelier epargne" and journey.language == "fr"
    assert [(s.title, level(s, FIRST_PERSONA)) for s in journey.steps] == [("Ouvre l'appli", 1), ("Appelle la banque", -2)]
    assert sorted(c.nature for c in journey.cards) == ["digital", "human"]


def test_a_bad_sheet_names_its_row_and_column_and_writes_nothing(tmp_path, capsys) -> None:
    sheet = tmp_path / "typed.csv"
    sheet.write_text("Stage,Step,Emotion\nDiscover,Opens the app,very happy\n", encoding="utf-8")
    out = tmp_path / "typed.journey"
    assert main(["convert", str(sheet), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(sheet) in err and "row 2" in err and "Emotion" in err
    assert not out.exists()


def test_mermaid_warnings_are_said_and_the_rest_is_converted(tmp_path, capsys) -> None:
    diagram = tmp_path / "day.mmd"
    diagram.write_text("journey\n  title My day\n  section Work\n    Make tea: 7: Me\n    Sleep: 2\n", encoding="utf-8")
    out = tmp_path / "day.journey"
    assert main(["convert", str(diagram), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{diagram}: " in err and "line 4" in err
    assert [(s.title, level(s, FIRST_PERSONA)) for s in load(out).steps] == [("Make tea", 2), ("Sleep", -1)]


def test_a_text_that_is_not_a_mermaid_journey_is_refused_naming_its_line(tmp_path, capsys) -> None:
    diagram = tmp_path / "flow.mmd"
    diagram.write_text("%% a flowchart\nflowchart LR\n  A --> B\n", encoding="utf-8")
    assert main(["convert", str(diagram), "-o", str(tmp_path / "flow.journey")]) == 2
    err = capsys.readouterr().err
    assert f"{diagram}:2:" in err and "Mermaid" in err
    assert not (tmp_path / "flow.journey").exists()


def test_an_existing_output_needs_force_and_is_kept_as_backup(tmp_path, capsys) -> None:
    out = tmp_path / "a.mmd"
    out.write_text("mine\n", encoding="utf-8")
    assert main(["convert", str(BANKING), "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "mine\n" and "--force" in capsys.readouterr().err
    assert main(["convert", str(BANKING), "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("journey\n")
    assert (tmp_path / "a.mmd.bak").read_text(encoding="utf-8") == "mine\n"


def test_a_mermaid_diagram_becomes_a_pdf_holding_its_steps(tmp_path) -> None:
    diagram = tmp_path / "day.mmd"
    diagram.write_text("journey\n  title Commuting\n  section Morning\n    Catch the early train: 2: Rail app\n",
                       encoding="utf-8")
    pdf = tmp_path / "day.pdf"
    assert main(["convert", str(diagram), "-o", str(pdf)]) == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Commuting" in text and "Catch the early train" in " ".join(text.split())


def test_what_a_format_cannot_keep_is_said(tmp_path, capsys) -> None:
    assert main(["convert", str(BANKING), "-o", str(tmp_path / "a.mmd")]) == 0
    err = capsys.readouterr().err
    assert "not carried by this format:" in err
    for lost in ("the persona", "the notes", "5 handoffs", "5 flow links", "cards that are not touchpoints"):
        assert lost in err
    assert "the title" not in err  # Mermaid keeps the title (and the scenario, as its description)
    assert main(["convert", str(BANKING), "-o", str(tmp_path / "a.csv")]) == 0
    assert "the title" in capsys.readouterr().err
    assert main(["convert", str(BANKING), "-o", str(tmp_path / "a.journey")]) == 0
    assert "not carried" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("option", "separator"), [([], ","), (["--separator", "semicolon"], ";"), (["--separator", "tab"], "\t")]
)
def test_the_csv_separator_may_be_chosen(tmp_path, option, separator) -> None:
    out = tmp_path / "sheet.csv"
    assert main(["convert", str(BANKING), "-o", str(out), *option]) == 0
    header = out.read_bytes().decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Stage" + separator + "Step")
    back = tmp_path / "back.journey"
    assert main(["convert", str(out), "-o", str(back)]) == 0  # read back whatever the separator
    assert len(load(back).steps) == len(load(BANKING).steps)


def test_check_diff_merge_and_new_take_journey_files_and_say_to_convert(tmp_path, capsys) -> None:
    """`check x.csv` said "broken JSON", and `merge ... -o out.csv` wrote a journey's JSON into a .csv."""
    sheet = tmp_path / "plan.csv"
    assert main(["convert", str(BANKING), "-o", str(sheet)]) == 0
    capsys.readouterr()
    for command in (["check", str(sheet)], ["diff", str(BANKING), str(sheet)]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "plan.csv: is a CSV file, not a journey file: convert it first (workbench convert plan.csv -o plan.journey)" in err
        assert "JSON" not in err
    out = tmp_path / "out.mmd"
    assert main(["merge", str(BANKING), str(BANKING), str(BANKING), "-o", str(out)]) == 2
    assert main(["new", "--sector", "banking", "-o", str(out)]) == 2
    assert "out.mmd: names a Mermaid file, but a journey file is written here: name it out.journey" in capsys.readouterr().err
    assert not out.exists()
