"""The preferences dialog: theme, autosave interval and the default simulation scenario.

Values are read from and written to ``AppSettings`` (``QSettings``) when the user presses OK; the
theme is applied to the running application at once. Not for per-document settings.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from orgmodel.ui.settings import THEMES, AppSettings
from orgmodel.ui.theme import apply_theme

_THEME_LABELS = {"system": "Same as the system", "light": "Light", "dark": "Dark"}


def scenario_presets() -> list[str]:
    """Names of the bundled scenario presets (empty if the simulation package is absent)."""
    try:
        from orgmodel.sim.scenario import preset_names
    except ImportError:
        return []
    return list(preset_names())


class PreferencesDialog(QDialog):
    """Edits the application's preferences; ``accept`` stores and applies them."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferencesDialog")
        self.settings = settings
        self.theme = QComboBox()
        for name in THEMES:
            self.theme.addItem(_THEME_LABELS[name], name)
        self.theme.setCurrentIndex(self.theme.findData(settings.theme))
        self.autosave = QSpinBox()
        self.autosave.setRange(0, 3600)
        self.autosave.setSingleStep(15)
        self.autosave.setSuffix(" s")
        self.autosave.setSpecialValueText("Off")
        self.autosave.setValue(settings.autosave_seconds)
        self.scenario = QComboBox()
        self.scenario.addItem("(none: empty scenario)", "")
        for name in scenario_presets():
            self.scenario.addItem(name, name)
        index = self.scenario.findData(settings.default_scenario)
        self.scenario.setCurrentIndex(max(index, 0))
        hint = QLabel("Autosave writes a recovery copy of unsaved changes; after a crash, "
                      "OrgModel offers to restore it.")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Theme", self.theme)
        form.addRow("Autosave every", self.autosave)
        form.addRow("", hint)
        form.addRow("Default scenario", self.scenario)
        form.addRow(buttons)
        self.resize(440, self.sizeHint().height())

    def accept(self) -> None:
        self.settings.theme = str(self.theme.currentData())
        self.settings.autosave_seconds = int(self.autosave.value())
        self.settings.default_scenario = str(self.scenario.currentData() or "")
        self.settings.sync()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.theme)
        super().accept()
