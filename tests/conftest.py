"""Test set-up shared by every test.

Qt must be told to draw offscreen before any QApplication exists: without a
display, and without this, the process aborts instead of failing a test.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Messages are asserted in English unless a test chooses French.
os.environ["LANGUAGE"] = "en"

import pytest  # noqa: E402

from workbench import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def _english_messages():
    i18n.set_language("en")
    yield
    i18n.set_language(None)
