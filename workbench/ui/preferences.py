"""Edit > Preferences...: the language the application speaks, remembered for the next start.

The choice is kept by :mod:`workbench.languages` (``preferences.json``), so
the command speaks it too. Changing the language of every open window at once
would leave half-translated widgets; the new language applies from the next
start, and the dialog says so.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from workbench import languages
from workbench.i18n import current_language

#: Each language in its own name: whoever cannot read the current one still finds theirs.
NAMES = {"en": "English", "fr": "Français"}


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        self.language.setObjectName("preferences-language")
        system = NAMES[languages.os_language()]
        self.language.addItem(self.tr("The system's ({language})").format(language=system), languages.SYSTEM)
        for code, name in NAMES.items():
            self.language.addItem(name, code)
        chosen = languages.preferred() or languages.SYSTEM
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        self.language.setAccessibleName(self.tr("Language of the application"))
        note = QLabel(
            self.tr(
                "Menus, panels, findings and messages use this language from the next start; "
                "a journey's PDF and images keep the journey's own language."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("preferences-note")
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def chosen(self) -> str:
        return str(self.language.currentData())

    def restart_needed(self) -> bool:
        """Whether the choice made differs from the language spoken now."""
        wanted = self.chosen()
        return (languages.os_language() if wanted == languages.SYSTEM else wanted) != current_language()


def edit_preferences(window) -> bool:  # type: ignore[no-untyped-def]
    """Show the dialog; remember what was chosen. True when something was saved."""
    from workbench.ui import messages

    dialog = PreferencesDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        languages.set_preferred(dialog.chosen())
    except OSError as error:
        messages.warning(
            window,
            dialog.tr("Preferences not saved"),
            dialog.tr("{path} could not be written: {reason}").format(
                path=languages.preferences_path(), reason=error.strerror or error
            ),
        )
        return False
    if dialog.restart_needed():
        window.show_message(dialog.tr("The new language applies the next time you start Journey Workbench."))
    return True
