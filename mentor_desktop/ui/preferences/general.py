"""The General page of Preferences: my profile, theme, paper size and backups."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from mentor_desktop.domain.errors import MentorDesktopError, ValidationError
from mentor_desktop.domain.profile import MAX_PROFILE_FIELD, Profile
from mentor_desktop.reports.pipeline import PageSize, locale_page_size
from mentor_desktop.services.profile import ProfileService
from mentor_desktop.settings import KEEP_DAILY_MAX, AppSettings, Theme
from mentor_desktop.ui.portability.path_field import PathField, PathMode
from mentor_desktop.ui.preferences.page import PreferencesPage

_THEMES = (
    (Theme.SYSTEM, "Follow the system"),
    (Theme.LIGHT, "Light"),
    (Theme.DARK, "Dark"),
)


class GeneralPage(PreferencesPage):
    """Name, role and organisation (kept in the database); theme, paper and backups (settings).

    `set_theme` applies a theme at once; `set_backups(folder, keep_daily)` tells the running
    backups where to go and how many days to keep.

    Signals: none of its own.
    """

    title = "General"

    def __init__(
        self,
        profiles: ProfileService,
        settings: AppSettings,
        default_backup_dir: Path,
        set_theme: Callable[[Theme], None],
        set_backups: Callable[[Path, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._settings = settings
        self._default_backup_dir = default_backup_dir
        self._set_theme = set_theme
        self._set_backups = set_backups
        self._profile = profiles.profile()

        self.add_group("About me")
        self.name_edit = self._line("name_edit", self._profile.name, "Your name")
        self.role_edit = self._line("role_edit", self._profile.role, "e.g. Product designer")
        self.organisation_edit = self._line(
            "organisation_edit", self._profile.organisation, "e.g. Acme Ltd"
        )
        self.add_row("name", "&Name:", self.name_edit)
        self.add_row("role", "&Role:", self.role_edit)
        self.add_row(
            "organisation",
            "&Organisation:",
            self.organisation_edit,
            "Shown on the brief and the first page of the review pack.",
        )

        self.add_group("Appearance and printing")
        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("theme_combo")
        for theme, label in _THEMES:
            self.theme_combo.addItem(label, theme.value)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(settings.theme.value))
        self.add_row("theme", "&Theme:", self.theme_combo)
        self.paper_combo = QComboBox(self)
        self.paper_combo.setObjectName("paper_combo")
        self.paper_combo.addItem(f"From the locale ({locale_page_size().label})", "")
        for size in PageSize:
            self.paper_combo.addItem(size.label, size.value)
        self.paper_combo.setCurrentIndex(max(self.paper_combo.findData(settings.paper_size), 0))
        self.add_row("paper", "&Paper size:", self.paper_combo)

        self.add_group("Backups")
        self.backup_folder = PathField("Backup folder", self)
        self.backup_folder.setObjectName("backup_folder")
        self.backup_folder.mode = PathMode.FOLDER
        self.backup_folder.edit.setPlaceholderText(str(default_backup_dir))
        if settings.backup_dir is not None:
            self.backup_folder.edit.setText(str(settings.backup_dir))
        self.add_row(
            "backup_folder",
            "Backup &folder:",
            self.backup_folder,
            "Leave empty for the default folder shown. A backup is made each day you use "
            "the app and when you quit after a change.",
        )
        self.keep_spin = QSpinBox(self)
        self.keep_spin.setObjectName("keep_spin")
        self.keep_spin.setRange(1, KEEP_DAILY_MAX)
        self.keep_spin.setSuffix(" days")
        self.keep_spin.setValue(settings.backups_kept_daily)
        self.add_row(
            "keep",
            "&Keep daily backups for:",
            self.keep_spin,
            "Older backups thin out to one a week for 4 weeks and one a month for 12 months.",
        )
        self.finish()

    def _line(self, name: str, text: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(MAX_PROFILE_FIELD)
        return edit

    def _backup_folder(self) -> tuple[Path | None, str]:
        """The chosen folder (None: the default) and a problem with it ('' when none)."""
        text = self.backup_folder.text()
        if not text:
            return None, ""
        folder = Path(text).expanduser()
        if not folder.is_absolute():
            return None, "Give the full path of a folder (starting with / or a drive)."
        if folder.exists() and not folder.is_dir():
            return None, f"{folder} is a file; choose a folder."
        existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
        if existing is None or not os.access(existing, os.W_OK | os.X_OK):
            return None, f"{folder} cannot be written; choose a folder you can write to."
        return folder, ""

    def apply(self) -> bool:
        errors: dict[str, str] = {}
        folder, problem = self._backup_folder()
        if problem:
            errors["backup_folder"] = problem
        profile = Profile(
            self.name_edit.text(), self.role_edit.text(), self.organisation_edit.text()
        )
        errors.update(profile.problems())
        if errors:
            self.show_errors(errors)
            return False
        if profile != self._profile:
            try:
                self._profile = self._profiles.save(profile)
            except ValidationError as exc:
                self.show_errors(exc.errors)
                return False
            except MentorDesktopError as exc:
                self.show_errors({"": f"Your name, role and organisation were not saved: {exc}"})
                return False
        self.show_errors({})
        theme = Theme(self.theme_combo.currentData())
        if theme is not self._settings.theme:
            self._set_theme(theme)
        self._settings.paper_size = self.paper_combo.currentData()
        keep = self.keep_spin.value()
        if folder != self._settings.backup_dir or keep != self._settings.backups_kept_daily:
            self._settings.backup_dir = folder
            self._settings.backups_kept_daily = keep
            self._set_backups(folder or self._default_backup_dir, keep)
        return True
