"""One editor per simulation parameter: the right widget for its type, its tooltip and its error.

``ParamField`` binds one ``orgmodel.sim.parameters.Param`` to a widget: a combo box for choices, a
check box for switches, a bounded spin box for whole numbers and shares, and a text field for
open-ended rates (so that ``inf`` and out-of-range values can be typed and explained). The tooltip
gives the note, default, bounds and provenance spelled out; the label turns bold when the value
differs from the default; a bad value shows one sentence from ``orgmodel.sim.scenario`` under the
field. Not for laying fields out (``editor.py``) nor for running anything.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from orgmodel.sim.parameters import PROVENANCE, Param
from orgmodel.sim.scenario import ScenarioError, ScenarioParams

INT_MAX = 2**31 - 1
SECTION_TITLES = {
    "": "Run",
    "growth": "Growth",
    "load": "Load per service",
    "oncall": "On-call",
    "sre": "SRE",
    "headcount": "Headcount",
    "platform": "Platform maturity",
    "complexity": "Complexity",
    "embeds": "Embeds",
    "familiarity": "Familiarity",
}


ACRONYMS = {"prr": "PRR", "swe": "SWE", "se": "SE", "sre": "SRE", "tier1": "tier-1"}


def label_text(param: Param) -> str:
    """'review_hours_swe' -> 'Review hours SWE'."""
    words = [ACRONYMS.get(word, word) for word in param.key.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def format_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "inf" if math.isinf(value) else f"{value:.6g}"
    return str(value)


def bounds_text(param: Param) -> str:
    if param.choices:
        return "one of " + ", ".join(param.choices)
    if isinstance(param.default, bool):
        return "on or off"
    lo, hi = param.lo, param.hi
    if lo is None:
        return "any number"
    if hi is None or math.isinf(hi):
        if 0 < lo < 1e-6:
            return "more than 0" + (" (inf allowed)" if param.key == "page_dispersion" else "")
        return f"{format_value(lo)} or more" + (
            " (inf allowed)" if param.key == "page_dispersion" else ""
        )
    return f"{format_value(lo)} to {format_value(hi)}"


def tooltip(param: Param) -> str:
    """Rich-text tooltip: name, note, default, allowed values, unit and provenance spelled out."""
    prov = param.provenance or ""
    prov_text = f"{prov} — {PROVENANCE[prov]}" if prov else PROVENANCE[""]
    rows = [f"<b>{html.escape(param.name)}</b>"]
    if param.note:
        rows.append(html.escape(param.note))
    rows.append(
        f"Default: <b>{html.escape(format_value(param.default))}</b>"
        + (f" {html.escape(param.unit)}" if param.unit and param.unit != "share" else "")
    )
    rows.append(f"Allowed: {html.escape(bounds_text(param))}")
    rows.append(f"Provenance: {html.escape(prov_text)}")
    return "<br>".join(rows)


def check(param: Param, value: Any) -> str:
    """The scenario module's sentence for a bad value, or '' when it is acceptable."""
    try:
        ScenarioParams({param.name: value})
    except ScenarioError as error:
        return str(error)
    return ""


def parse_text(text: str) -> Any:
    """A typed number for a text field ('inf' included); the text itself when it is no number."""
    stripped = text.strip()
    try:
        number = int(stripped)
    except ValueError:
        try:
            return float(stripped)
        except ValueError:
            return stripped
    return number


class ParamField:
    """The label, editor and error line of one parameter."""

    def __init__(
        self, param: Param, on_change: Callable[[ParamField], None], parent: QWidget | None = None
    ) -> None:
        self.param = param
        self.value: Any = param.default
        self.error = ""
        self._on_change = on_change
        self._loading = False
        self.label = QLabel(label_text(param), parent)
        self.widget = self._make_widget(parent)
        self.widget.setObjectName(f"param:{param.name}")
        self.error_label = QLabel(parent)
        self.error_label.setObjectName("simError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        for widget in (self.label, self.widget):
            widget.setToolTip(tooltip(param))
        self.label.setBuddy(self.widget)
        self.set_value(param.default)

    # --------------------------------------------------------------- widgets
    def _make_widget(self, parent: QWidget | None) -> QWidget:
        p = self.param
        if p.choices:
            combo = QComboBox(parent)
            combo.addItems(list(p.choices))
            combo.currentTextChanged.connect(self._edited)
            return combo
        if isinstance(p.default, bool):
            box = QCheckBox(parent)
            box.toggled.connect(self._edited)
            return box
        if isinstance(p.default, int) and p.hi is not None and p.hi <= INT_MAX:
            spin = QSpinBox(parent)
            spin.setRange(int(p.lo or 0), int(p.hi))
            self._suffix(spin)
            spin.valueChanged.connect(self._edited)
            return spin
        if isinstance(p.default, float) and p.hi is not None and not math.isinf(p.hi):
            dspin = QDoubleSpinBox(parent)
            dspin.setDecimals(3)
            dspin.setRange(float(p.lo or 0.0), float(p.hi))
            dspin.setSingleStep(0.05 if p.hi <= 1 else 1.0)
            dspin.valueChanged.connect(self._edited)
            return dspin
        line = QLineEdit(parent)
        line.setPlaceholderText(format_value(p.default))
        line.textEdited.connect(lambda text: self._edited(parse_text(text)))
        return line

    def _suffix(self, spin: QAbstractSpinBox) -> None:
        if self.param.unit in ("weeks", "runs", "people", "services", "versions"):
            spin.setSuffix(f" {self.param.unit}")  # type: ignore[attr-defined]

    # ----------------------------------------------------------------- value
    def set_value(self, value: Any) -> None:
        """Show ``value`` without reporting it as an edit."""
        self._loading = True
        try:
            w = self.widget
            if isinstance(w, QComboBox):
                w.setCurrentText(str(value))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QSpinBox):
                w.setValue(int(value))
            elif isinstance(w, QDoubleSpinBox):
                w.setValue(float(value))
            elif isinstance(w, QLineEdit):
                w.setText(format_value(value))
        finally:
            self._loading = False
        self._store(value)

    def _edited(self, value: Any) -> None:
        if self._loading:
            return
        if isinstance(self.widget, QDoubleSpinBox):
            value = round(float(value), 6)
        self._store(value)
        self._on_change(self)

    def _store(self, value: Any) -> None:
        self.value = value
        self.error = check(self.param, value)
        self.error_label.setText(self.error)
        self.error_label.setVisible(bool(self.error))
        font = self.label.font()
        font.setBold(self.is_changed)
        self.label.setFont(font)
        self.label.setToolTip(
            tooltip(self.param)
            + ("<br><i>Changed from the default.</i>" if self.is_changed else "")
        )

    @property
    def is_changed(self) -> bool:
        return bool(self.error) or self.value != self.param.default
