"""The CSV roster import dialog: which column holds what, and the roles guessed from titles.

Shows every roster field with a combo box of the file's columns (auto-detected ones preselected),
the distinct job titles with the role OrgModel inferred and a combo box to correct it, and
optional side files for services and embeds. ``mapping()`` returns the ``Mapping`` the importer
takes. Not for reading or importing: ``orgmodel.interop.roster_*`` do that.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgmodel.core.errors import OrgModelError
from orgmodel.core.kinds import Role
from orgmodel.interop.csv_table import Table
from orgmodel.interop.roster_columns import FIELDS, Mapping, detect_columns
from orgmodel.interop.roster_roles import role_preview

NONE = "(not in the file)"
ENCODINGS = {"utf-8-sig": "UTF-8 with BOM", "utf-8": "UTF-8", "latin-1": "Latin-1"}
FIELD_LABELS = {
    "person_id": "Person id", "name": "Full name", "first_name": "First name", "last_name": "Last name",
    "title": "Job title", "role": "OrgModel role", "manager_id": "Manager id",
    "manager_email": "Manager e-mail", "department": "Department", "team": "Team", "email": "E-mail",
    "location": "Location", "start_date": "Start date", "fte": "FTE",
}


class RosterImportDialog(QDialog):
    """Map a roster's columns and check the roles inferred from its titles."""

    def __init__(self, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.setWindowTitle(f"Import roster — {table.path.name}")
        self.resize(760, 640)
        self.combos: dict[str, QComboBox] = {}
        self.role_combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        info = QLabel(f"{len(table.rows)} rows, {len(table.header)} columns, "
                      f"{ENCODINGS.get(table.encoding, table.encoding)}, separated by {_delimiter_name(table.delimiter)}.")
        layout.addWidget(info)
        layout.addWidget(self._columns_box())
        layout.addWidget(self._roles_box(), 1)
        layout.addWidget(self._side_files_box())
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _columns_box(self) -> QGroupBox:
        box = QGroupBox("Columns")
        columns = QHBoxLayout(box)
        forms = (QFormLayout(), QFormLayout())
        for form in forms:
            columns.addLayout(form)
        detected = detect_columns(self.table.header)
        half = (len(FIELDS) + 1) // 2
        for i, field in enumerate(FIELDS):
            combo = QComboBox()
            combo.addItems([NONE, *self.table.header])
            if field in detected:
                combo.setCurrentText(detected[field])
            combo.currentTextChanged.connect(self._refresh_roles)
            self.combos[field] = combo
            forms[0 if i < half else 1].addRow(FIELD_LABELS[field], combo)
        return box

    def _roles_box(self) -> QGroupBox:
        box = QGroupBox("Roles inferred from job titles (correct any that are wrong)")
        layout = QVBoxLayout(box)
        self.roles = QTableWidget(0, 3)
        self.roles.setHorizontalHeaderLabels(["Job title", "People", "Role"])
        header = self.roles.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.roles.setColumnWidth(2, 200)
        self.roles.verticalHeader().setVisible(False)
        layout.addWidget(self.roles)
        self._refresh_roles()
        return box

    def _side_files_box(self) -> QGroupBox:
        box = QGroupBox("Side files (optional)")
        form = QFormLayout(box)
        self.services_edit = self._file_row(form, "Services CSV")
        self.embeds_edit = self._file_row(form, "Embeds CSV")
        return box

    def _file_row(self, form: QFormLayout, label: str) -> QLineEdit:
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit()
        button = QPushButton("Browse…")
        button.clicked.connect(lambda: self._browse(edit, label))
        h.addWidget(edit, 1)
        h.addWidget(button)
        form.addRow(label, row)
        return edit

    def _browse(self, edit: QLineEdit, label: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, label, str(self.table.path.parent), "CSV files (*.csv)")
        if path:
            edit.setText(path)

    def column(self, field: str) -> str | None:
        text = self.combos[field].currentText()
        return None if text == NONE else text

    def _refresh_roles(self) -> None:
        if not hasattr(self, "roles"):
            return
        column = self.column("title")
        titles = [row.get(column, "") for _, row in self.table.rows] if column else []
        corrections = {t: Role(c.currentData()) for t, c in self.role_combos.items()}
        preview = role_preview(titles, corrections)
        self.roles.setRowCount(len(preview))
        self.role_combos = {}
        for row, (title, role, count) in enumerate(preview):
            self.roles.setItem(row, 0, QTableWidgetItem(title or "(no title)"))
            self.roles.setItem(row, 1, QTableWidgetItem(str(count)))
            combo = QComboBox()
            for choice in Role:
                combo.addItem(choice.value.replace("_", " "), choice.value)
            combo.setCurrentIndex(list(Role).index(role))
            self.roles.setCellWidget(row, 2, combo)
            self.role_combos[title] = combo

    def mapping(self) -> Mapping:
        columns = {f: c for f in FIELDS if (c := self.column(f)) is not None}
        roles = {title: Role(combo.currentData()) for title, combo in self.role_combos.items()}
        mapping = Mapping(columns, roles)
        mapping.check_against(self.table.header, self.table.path.name)
        return mapping

    def side_files(self) -> tuple[str | None, str | None]:
        return (self.services_edit.text().strip() or None, self.embeds_edit.text().strip() or None)

    def _accept(self) -> None:
        try:
            self.mapping()
        except OrgModelError as error:
            self.error.setText(str(error))
            return
        self.accept()


def _delimiter_name(delimiter: str) -> str:
    return {",": "commas", ";": "semicolons", "\t": "tabs"}.get(delimiter, repr(delimiter))

