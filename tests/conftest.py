"""Test set-up shared by every test.

Qt must be told to draw offscreen before any QApplication exists: without a
display, and without this, the process aborts instead of failing a test.
"""

from __future__ import annotations

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Messages are asserted in English unless a test chooses French.
os.environ["LANGUAGE"] = "en"
# Never read or write the real user's settings (recent files, window state).
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="workbench-tests-config-")
# Nor the real user's data folder (recovery copies, saved versions).
os.environ["JOURNEY_WORKBENCH_DATA"] = tempfile.mkdtemp(prefix="workbench-tests-data-")

import pytest  # noqa: E402

from workbench import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def _english_messages():
    i18n.set_language("en")
    yield
    i18n.set_language(None)
