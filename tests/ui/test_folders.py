"""Where the file dialogs start: never in a folder that is gone (Save As, Export, Open, Compare, a recovered copy)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from workbench.ui.folders import in_existing_folder, start_folder


def test_a_gone_folder_gives_the_last_one_used_then_home(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gone = tmp_path / "removed" / "plan.journey"
    assert start_folder(gone) == Path.home()
    assert in_existing_folder(gone) == Path.home() / "plan.journey"
    QSettings().setValue("last-folder", str(tmp_path))
    assert start_folder(gone) == tmp_path and in_existing_folder(gone) == tmp_path / "plan.journey"
    here = tmp_path / "plan.journey"
    assert start_folder(here) == tmp_path and in_existing_folder(here) == here
    QSettings().setValue("last-folder", str(tmp_path / "also-removed"))
    assert start_folder(None) == Path.home()
