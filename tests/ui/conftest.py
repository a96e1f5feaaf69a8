"""Fixtures of the GUI tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory):
    """Each test gets its own QSettings store: no recent files or window state leak in or out."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def _empty_clipboard_after_test():
    """Qt's offscreen platform crashes at exit while the clipboard holds MIME data it was given."""
    yield
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QApplication.clipboard().clear()


@pytest.fixture(autouse=True, scope="session")
def _bundled_fonts(qapp):
    """The tests draw with the bundled font, as the application does."""
    from workbench.ui.app import register_fonts

    assert "DejaVu Sans" in register_fonts()


@pytest.fixture
def window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """A shown main window on the small journey of test_canvas.py (files may define their own `window`)."""
    from tests.ui.helpers import open_window
    from tests.ui.test_canvas import small_journey
    from workbench.model.fileformat import save

    path = tmp_path / "test.journey"
    save(small_journey(), path)
    return open_window(qtbot, path)
