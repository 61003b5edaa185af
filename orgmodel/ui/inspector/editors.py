"""Editor widgets of the inspector, one small class per kind of field.

Each ``Editor`` wraps a widget, shows a value with ``set_value`` (without echoing it back) and
calls ``commit(value, merge)`` when the user changes it: per keystroke for text (``merge=True`` so a
typed name is one undo step), per step for spin boxes and dates, on activation for combo boxes.
Editors know nothing about commands; the inspector turns a commit into one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from orgmodel.ui.inspector.specs import FieldSpec
from orgmodel.ui.labels import enum_label

Commit = Callable[[Any, bool], None]
NONE_LABEL = "(none)"


class Editor:
    """Base: a widget plus ``set_value``; subclasses call ``self.commit`` on user edits."""

    widget: QWidget

    def __init__(self, spec: FieldSpec, commit: Commit) -> None:
        self.spec = spec
        self.commit = commit

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class TextEditor(Editor):
    def __init__(self, spec: FieldSpec, commit: Commit) -> None:
        super().__init__(spec, commit)
        self.widget = QLineEdit()
        self.widget.textEdited.connect(lambda text: self.commit(text, True))

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.widget.text() != text:
            with QSignalBlocker(self.widget):
                self.widget.setText(text)


class TagsEditor(TextEditor):
    def __init__(self, spec: FieldSpec, commit: Commit) -> None:
        Editor.__init__(self, spec, commit)
        self.widget = QLineEdit(placeholderText="tag, another tag")
        self.widget.textEdited.connect(lambda text: self.commit(parse_tags(text), True))

    def set_value(self, value: Any) -> None:
        if parse_tags(self.widget.text()) != tuple(value or ()):
            with QSignalBlocker(self.widget):
                self.widget.setText(", ".join(value or ()))


def parse_tags(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


class MultilineEditor(Editor):
    def __init__(self, spec: FieldSpec, commit: Commit, code: bool = False) -> None:
        super().__init__(spec, commit)
        self.widget = QPlainTextEdit()
        self.widget.setTabChangesFocus(not code)
        self.widget.setMinimumHeight(60 if not code else 160)
        self.widget.setMaximumHeight(110 if not code else 16777215)
        if code:
            self.widget.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.widget.textChanged.connect(lambda: self.commit(self.widget.toPlainText(), True))

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.widget.toPlainText() != text:
            with QSignalBlocker(self.widget):
                self.widget.setPlainText(text)


class EnumEditor(Editor):
    def __init__(self, spec: FieldSpec, commit: Commit) -> None:
        super().__init__(spec, commit)
        assert spec.enum is not None
        self.widget = QComboBox()
        self.enum = spec.enum
        for member in spec.enum:  # type: ignore[attr-defined]
            self.widget.addItem(enum_label(member), member.value)  # Qt keeps plain strings
        self.widget.activated.connect(lambda i: self.commit(self.enum(self.widget.itemData(i)), False))

    def set_value(self, value: Any) -> None:
        raw = value.value if isinstance(value, Enum) else value
        with QSignalBlocker(self.widget):
            self.widget.setCurrentIndex(self.widget.findData(raw))


class RefEditor(Editor):
    """A combo of entities ``choices`` supplies as (id, label); the first row is "(none)"."""

    def __init__(self, spec: FieldSpec, commit: Commit, choices: Callable[[], list[tuple[str, str]]]) -> None:
        super().__init__(spec, commit)
        self.choices = choices
        self._shown: list[tuple[str, str]] | None = None
        self.widget = QComboBox()
        self.widget.setMaxVisibleItems(20)
        self.widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.widget.setMinimumContentsLength(12)
        self.widget.activated.connect(lambda i: self.commit(self.widget.itemData(i), False))

    def set_value(self, value: Any) -> None:
        items = self.choices()
        with QSignalBlocker(self.widget):
            if items != self._shown:
                self.widget.clear()
                self.widget.addItem(NONE_LABEL, None)
                for entity_id, label in items:
                    self.widget.addItem(label, entity_id)
                self._shown = items
            index = self.widget.findData(value) if value is not None else 0
            if index < 0:  # a reference to something not offered (e.g. a non-SRE team)
                self.widget.addItem(str(value), value)
                self._shown = None
                index = self.widget.count() - 1
            self.widget.setCurrentIndex(index)


class IntEditor(Editor):
    def __init__(self, spec: FieldSpec, commit: Commit) -> None:
        super().__init__(spec, commit)
        self.widget = QSpinBox()
        self.widget.setRange(int(spec.minimum), int(spec.maximum))
        self.widget.valueChanged.connect(lambda v: self.commit(int(v), True))

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.widget):
            self.widget.setValue(int(value))


class FloatEditor(Editor):
    def __init__(self, spec: FieldSpec, commit: Commit) -> None:
        super().__init__(spec, commit)
        self.widget = QDoubleSpinBox()
        self.widget.setDecimals(2)
        self.widget.setRange(spec.minimum, spec.maximum)
        self.widget.setSingleStep(spec.step)
        self.widget.valueChanged.connect(lambda v: self.commit(float(v), True))

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.widget):
            self.widget.setValue(float(value))


class OptionalFloatEditor(Editor):
    """A number that may be unset: the lowest value of the spin box reads "scenario default"."""

    def __init__(self, spec: FieldSpec, commit: Commit) -> None:
        super().__init__(spec, commit)
        self.widget = QDoubleSpinBox()
        self.widget.setDecimals(2)
        self.widget.setRange(spec.minimum - spec.step, spec.maximum)
        self.widget.setSingleStep(spec.step)
        self.widget.setSpecialValueText("scenario default")
        self.widget.valueChanged.connect(self._changed)

    def _changed(self, value: float) -> None:
        self.commit(None if value < self.spec.minimum else float(value), True)

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.widget):
            self.widget.setValue(self.widget.minimum() if value is None else float(value))


class DateEditor(Editor):
    """A check box ("set") beside a date; unchecked means no date."""

    def __init__(self, spec: FieldSpec, commit: Commit) -> None:
        super().__init__(spec, commit)
        self.widget = QWidget()
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox()
        self.check.setToolTip("Unchecked: no date")
        self.date = QDateEdit(calendarPopup=True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate.currentDate())
        layout.addWidget(self.check)
        layout.addWidget(self.date, 1)
        self.check.toggled.connect(self._changed)
        self.date.dateChanged.connect(self._changed)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        return self.date.date().toPython()  # type: ignore[no-any-return]

    def _changed(self, *_args: Any) -> None:
        self.date.setEnabled(self.check.isChecked())
        self.commit(self.value(), True)

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.check), QSignalBlocker(self.date):
            self.check.setChecked(value is not None)
            if value is not None:
                self.date.setDate(QDate(value.year, value.month, value.day))
            self.date.setEnabled(value is not None)


class BoolEditor(Editor):
    def __init__(self, spec: FieldSpec, commit: Commit) -> None:
        super().__init__(spec, commit)
        self.widget = QCheckBox()
        self.widget.toggled.connect(lambda on: self.commit(bool(on), False))

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.widget):
            self.widget.setChecked(bool(value))


class ReadOnlyEditor(Editor):
    def __init__(self, spec: FieldSpec, commit: Commit) -> None:
        super().__init__(spec, commit)
        self.widget = QLabel()
        self.widget.setWordWrap(True)

    def set_value(self, value: Any) -> None:
        text = enum_label(value) if isinstance(value, Enum) else ("—" if value is None else str(value))
        self.widget.setText(text)


def make_editor(spec: FieldSpec, commit: Commit,
                choices: Callable[[], list[tuple[str, str]]] | None = None) -> Editor:
    """The editor for a spec; reference editors need a ``choices`` callable."""
    if spec.editor == "ref":
        assert choices is not None
        return RefEditor(spec, commit, choices)
    if spec.editor in ("multiline", "code"):
        return MultilineEditor(spec, commit, code=spec.editor == "code")
    factory: dict[str, type[Editor]] = {
        "text": TextEditor,
        "tags": TagsEditor,
        "enum": EnumEditor,
        "int": IntEditor,
        "float": FloatEditor,
        "optfloat": OptionalFloatEditor,
        "date": DateEditor,
        "bool": BoolEditor,
        "readonly": ReadOnlyEditor,
    }
    return factory[spec.editor](spec, commit)
