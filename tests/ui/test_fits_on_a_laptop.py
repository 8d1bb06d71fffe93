"""Every window fits a 1280x720 laptop screen: each dialog and page opens no larger at its
minimum than the screen less the window frame, and the main window never widens itself."""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from mentor_desktop.app import open_services
from mentor_desktop.app_window import build_window
from mentor_desktop.services.backups import BackupService
from mentor_desktop.settings import Theme
from mentor_desktop.ui.main_window import MIN_TABS_WIDTH
from mentor_desktop.ui.theme import apply_theme
from tests.factories import write_demo_db

#: A 1280x720 screen less a window frame and title bar (and a little for a desktop panel).
LAPTOP = QSize(1280 - 16, 720 - 56)
#: The widest the main window may insist on being.
MAX_WINDOW_MIN_WIDTH = 1024
PACKAGE = Path(__file__).parents[2] / "mentor_desktop"


def _minimum(widget: QWidget) -> QSize:
    widget.show()
    QApplication.processEvents()
    layout = widget.layout()
    needed = widget.minimumSize().expandedTo(widget.minimumSizeHint())
    if layout is not None:
        needed = needed.expandedTo(layout.totalMinimumSize())
    return needed


def _dialog_classes() -> set[str]:
    """Every QDialog subclass defined in the app's UI code, by class name."""
    found = set()
    for path in (PACKAGE / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                getattr(base, "id", "").endswith("Dialog") for base in node.bases
            ):
                found.add(node.name)
    return found - {"ValidatedDialog"}


@pytest.fixture
def demo(tmp_path: Path):
    path = write_demo_db(tmp_path / "demo.sqlite3", years=1)
    engine, services = open_services(path)
    yield path, services
    engine.dispose()


def _builders(services, db_path: Path, dialogs, window) -> dict[str, Callable[[], QDialog]]:
    from mentor_desktop.app_window import preferences_registry
    from mentor_desktop.reports.brief import brief_report
    from mentor_desktop.ui.goals.dialogs import (
        GoalDialog,
        MilestoneDialog,
        ResourceDialog,
        StepDialog,
    )
    from mentor_desktop.ui.help.about import AboutDialog
    from mentor_desktop.ui.help.guide import UserGuideDialog
    from mentor_desktop.ui.journal.dialogs import TemplatesDialog
    from mentor_desktop.ui.lock.passphrase_dialog import PassphraseDialog
    from mentor_desktop.ui.portability.backups_dialog import BackupsDialog
    from mentor_desktop.ui.portability.export_dialog import ExportDialog
    from mentor_desktop.ui.portability.import_dialog import ImportDialog
    from mentor_desktop.ui.preferences.privacy_dialogs import NewPassphraseDialog, RecoveryKeyDialog
    from mentor_desktop.ui.report_jobs import ReportPreview
    from mentor_desktop.ui.sessions.cadence_editor import CadenceRuleDialog
    from mentor_desktop.ui.sessions.dialogs import AgreementDialog, SessionTimeDialog
    from mentor_desktop.ui.shortcuts_dialog import ShortcutsDialog

    backups = BackupService(db_path, db_path.parent / "backups")
    agreement = services.sessions.list_agreements()[0]
    return {
        "GoalDialog": lambda: GoalDialog("New goal", None, lambda _d: None),
        "MilestoneDialog": lambda: MilestoneDialog("New milestone", None, lambda _d: None),
        "ResourceDialog": lambda: ResourceDialog("New resource", None, lambda _d: None),
        "TemplatesDialog": lambda: TemplatesDialog(services.journal, dialogs),
        "ExportDialog": lambda: ExportDialog(services.portability),
        "ImportDialog": lambda: ImportDialog(services.portability),
        "BackupsDialog": lambda: BackupsDialog(backups, dialogs),
        "AgreementDialog": lambda: AgreementDialog(lambda _d: agreement, agreement),
        "SessionTimeDialog": lambda: SessionTimeDialog(
            "Add a session", lambda *_a: None, datetime(2026, 6, 20, 17), with_details=True
        ),
        "CadenceRuleDialog": lambda: CadenceRuleDialog(agreement.rules[0]),
        "AboutDialog": lambda: AboutDialog(db_path),
        "StepDialog": lambda: StepDialog("First talk", lambda _t: None),
        "UserGuideDialog": lambda: UserGuideDialog(),
        "ShortcutsDialog": lambda: ShortcutsDialog(window.action_registry.shortcut_rows()),
        "PreferencesDialog": lambda: preferences_registry(
            services, backups, window.settings, window
        ).dialog(),
        "PassphraseDialog": lambda: PassphraseDialog(lambda _secret: False, db_path.name),
        "NewPassphraseDialog": lambda: NewPassphraseDialog(
            None, "Encrypt the database", "Choose a passphrase you will remember.", 3
        ),
        "RecoveryKeyDialog": lambda: RecoveryKeyDialog(
            None, "-".join(["ABCD2345"] * 8), lambda: None, "The database is encrypted."
        ),
        "ReportPreview": lambda: ReportPreview(
            brief_report(services.sessions.brief_data(services.sessions.next_session()))
        ),
        **_growth_builders(services),
    }


def _growth_builders(services) -> dict[str, Callable[[], QDialog]]:
    from mentor_desktop.domain.growth.opportunities import OpportunityDraft, OpportunityStatus
    from mentor_desktop.domain.growth.practice import PracticeDraft, PracticeStatus
    from mentor_desktop.domain.growth.skills import SkillDraft
    from mentor_desktop.ui.growth.opportunity_dialogs import MoveDialog, OpportunityDialog
    from mentor_desktop.ui.growth.practice_dialogs import (
        MeasurementDialog,
        PracticeDialog,
        PracticeStatusDialog,
    )
    from mentor_desktop.ui.growth.skill_dialogs import RaiseTargetDialog, SkillDialog

    growth = services.growth
    choices = growth.choices(evidence=True)
    today = growth.today()
    ignore = lambda *_a: None  # noqa: E731
    return {
        "PracticeDialog": lambda: PracticeDialog(
            "New practice", PracticeDraft(""), choices, ignore
        ),
        "MeasurementDialog": lambda: MeasurementDialog("Measure", "%", today, ignore),
        "PracticeStatusDialog": lambda: PracticeStatusDialog(
            "Status", PracticeStatus.RUNNING, today, ignore
        ),
        "SkillDialog": lambda: SkillDialog("Edit skill", SkillDraft("x"), choices, today, ignore),
        "RaiseTargetDialog": lambda: RaiseTargetDialog("A gap", choices["skills"], ignore),
        "OpportunityDialog": lambda: OpportunityDialog(
            "New opportunity", OpportunityDraft(""), choices, ignore
        ),
        "MoveDialog": lambda: MoveDialog("Move", OpportunityStatus.SPOTTED, today, ignore),
    }


def test_every_dialog_fits_a_laptop_screen(qtbot, demo, app_settings, dialogs) -> None:
    db_path, services = demo
    window, _ = build_window(
        services, BackupService(db_path, db_path.parent / "b"), app_settings, dialogs, db_path
    )
    qtbot.addWidget(window)
    builders = _builders(services, db_path, dialogs, window)
    missing = _dialog_classes() - set(builders)
    assert not missing, (
        f"add {sorted(missing)} to _builders in {Path(__file__).name}, so the test can check "
        "that it fits a 1280x720 screen"
    )
    too_big = {}
    for name, build in builders.items():
        dialog = build()
        qtbot.addWidget(dialog)
        need = _minimum(dialog)
        if need.width() > LAPTOP.width() or need.height() > LAPTOP.height():
            too_big[name] = (need.width(), need.height())
        size, screen = dialog.size(), dialog.screen().availableGeometry().size()
        if size.width() > screen.width() or size.height() > screen.height():
            too_big[f"{name} (opens larger than the screen)"] = (size.width(), size.height())
        dialog.close()
    assert too_big == {}


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_the_main_window_never_widens_itself(qtbot, demo, app_settings, dialogs, theme) -> None:
    db_path, services = demo
    app = QApplication.instance()
    apply_theme(app, theme)
    try:
        window, _ = build_window(
            services, BackupService(db_path, db_path.parent / "b"),
            app_settings, dialogs, db_path,
        )  # fmt: skip
        qtbot.addWidget(window)
        window.resize(1000, 640)
        window.show()
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            QApplication.processEvents()
            title = window.tabs.tabText(index)
            assert window.width() == 1000, title
            assert _minimum(window).width() <= MAX_WINDOW_MIN_WIDTH, title
            assert _minimum(window).height() <= LAPTOP.height(), title
            page = window.tabs.currentWidget()
            assert page.minimumSizeHint().width() <= MIN_TABS_WIDTH, f"{title} is squeezed"
        window.set_theme(Theme.DARK if theme is Theme.LIGHT else Theme.LIGHT)
        QApplication.processEvents()
        assert window.width() == 1000
        assert _minimum(window).width() <= MAX_WINDOW_MIN_WIDTH
        for page in window.tab_pages():
            assert page.minimumSizeHint().width() <= MIN_TABS_WIDTH, page.title
    finally:
        apply_theme(app, Theme.LIGHT)
