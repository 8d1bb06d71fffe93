"""The Writing page of Preferences: the language spelling is checked in, or none."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.preferences.page import PreferencesPage
from mentor_desktop.ui.widgets.spelling import (
    OFF,
    SYSTEM,
    Speller,
    available_languages,
    language_name,
    speller,
    system_language,
)

NO_DICTIONARY = (
    "No spelling dictionary is installed, so nothing is checked. Install one for your "
    "language (on Debian or Ubuntu: hunspell-en-us, hunspell-fr, …) and start the app again."
)


class WritingPage(PreferencesPage):
    """Spelling: follow the system's language, one of the installed dictionaries, or off.

    Signals: none of its own.
    """

    title = "Writing"

    def __init__(
        self, settings: AppSettings, checker: Speller | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._speller = checker or speller()
        installed = available_languages()
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("spelling_language")
        system = system_language(installed)
        self.language_combo.addItem(
            f"Follow the system ({language_name(system)})" if system else "Follow the system",
            SYSTEM,
        )
        for code in installed:
            self.language_combo.addItem(language_name(code), code)
        self.language_combo.addItem("Off", OFF)
        chosen = self.language_combo.findData(settings.spelling_language)
        self.language_combo.setCurrentIndex(max(chosen, 0))
        if installed:
            hint = "Misspelt words are underlined; right-click one for suggestions."
        else:
            hint = NO_DICTIONARY
        self.add_group("Spelling")
        self.add_row("spelling", "&Check spelling in:", self.language_combo, hint)
        self.finish()

    def apply(self) -> bool:
        choice = str(self.language_combo.currentData())
        if choice != self._settings.spelling_language or choice != self._speller.choice:
            self._settings.spelling_language = choice
            self._speller.set_language(choice)
        return True
