"""The inspector dock: a form for the selected entity (or the organisation when none is selected).

The form is built from ``specs.py`` with the editors of ``editors.py``. Each user edit becomes one
command (``commit.py``) pushed on the document's stack; typing merges into one undo step. A value
the model refuses is explained in a red line under the title and not applied; the model stays as
it was. The form follows the model: after an undo, a redo or an edit elsewhere its values refresh.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from orgmodel.core.entities import Dependency, Embed, Forum, Organisation, View, embed_kind
from orgmodel.core.errors import OrgModelError
from orgmodel.core.model import kind_of
from orgmodel.editing.stack import CommandStack
from orgmodel.ui.icons import app_icon, kind_icon
from orgmodel.ui.inspector.commit import command_for
from orgmodel.ui.inspector.editors import Editor, make_editor
from orgmodel.ui.inspector.related import related_lines
from orgmodel.ui.inspector.representatives import RepresentativesEditor
from orgmodel.ui.inspector.specs import FieldSpec, read_field, specs_for
from orgmodel.ui.labels import enum_label
from orgmodel.ui.selection import SelectionHub

_KIND_TITLE = {
    "teams": "Team", "people": "Person", "services": "Service", "platforms": "Platform",
    "platform_versions": "Platform version", "embeds": "Embed", "dependencies": "Dependency",
    "forums": "Forum", "scenarios": "Scenario", "views": "Saved view",
}


class InspectorDock(QDockWidget):
    """Shows and edits one entity; ``editors`` maps field names to their editors (for tests)."""

    def __init__(self, hub: SelectionHub, parent: QWidget | None = None) -> None:
        super().__init__("Properties", parent)
        self.setObjectName("inspectorDock")
        self._hub = hub
        self._stack: CommandStack | None = None
        self.entity_id: str | None = None
        self.editors: dict[str, Editor] = {}
        self.representatives: RepresentativesEditor | None = None
        self.title = QLabel()
        self.title.setObjectName("inspectorTitle")
        self.icon = QLabel()
        self.subtitle = QLabel()
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        self.error.setObjectName("inspectorError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.related = QLabel()
        self.related.setWordWrap(True)
        self.related.setTextFormat(Qt.TextFormat.RichText)
        self._form_host = QWidget()
        self._body = QWidget()
        layout = QVBoxLayout(self._body)
        heading = QHBoxLayout()
        heading.addWidget(self.icon)
        heading.addWidget(self.title, 1)
        layout.addLayout(heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.error)
        layout.addWidget(self._form_host)
        layout.addWidget(self.related)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._body)
        self.setWidget(scroll)
        hub.changed.connect(self._on_selection)

    # -------------------------------------------------------------- document
    def set_stack(self, stack: CommandStack) -> None:
        if self._stack is not None:
            self._stack.changed.disconnect(self._on_stack)
            self._stack.model.events.organisation_changed.disconnect(self._on_stack)
        self._stack = stack
        stack.changed.connect(self._on_stack)
        stack.model.events.organisation_changed.connect(self._on_stack)
        self.show_entity(self._hub.current)

    def _on_selection(self, ids: list[str], _source: str) -> None:
        self.show_entity(ids[0] if ids else None)

    def _on_stack(self, _payload: Any = None) -> None:
        if self._stack is None:
            return
        if self.entity_id is not None and self.entity_id not in self._stack.model:
            self.show_entity(None)
            return
        self.refresh_values()

    # ------------------------------------------------------------------ form
    def current(self) -> Any:
        """The entity shown (the organisation when nothing is selected)."""
        assert self._stack is not None
        model = self._stack.model
        if self.entity_id is None:
            return model.organisation
        return model.find(self.entity_id)

    def show_entity(self, entity_id: str | None) -> None:
        if self._stack is None:
            return
        if entity_id is not None and entity_id not in self._stack.model:
            entity_id = None
        self.entity_id = entity_id
        self.set_error("")
        self._build_form(self.current())
        self.refresh_values()

    def _build_form(self, entity: Any) -> None:
        self.editors = {}
        self.representatives = None
        old = self._form_host
        self._form_host = QWidget()
        form = QFormLayout(self._form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 0, 0, 0)
        for spec in specs_for(entity):
            editor = make_editor(spec, self._committer(spec), self._choices_for(spec))
            editor.widget.setToolTip(spec.tooltip)
            self.editors[spec.name] = editor
            form.addRow(spec.label, editor.widget)
        if isinstance(entity, Forum) and self._stack is not None:
            self.representatives = RepresentativesEditor(self._stack, entity.id, self.set_error)
            form.insertRow(1, "Representatives", self.representatives)
        layout = self._body.layout()
        layout.replaceWidget(old, self._form_host)
        old.deleteLater()
        self._set_heading(entity)

    def _set_heading(self, entity: Any) -> None:
        if isinstance(entity, Organisation):
            self.title.setText("Organisation")
            self.icon.setPixmap(app_icon().pixmap(20, 20))
            self.subtitle.setText("Select a team, person or service to edit it.")
            return
        kind = kind_of(entity)
        self.title.setText(_KIND_TITLE[kind.value])
        self.icon.setPixmap(kind_icon(kind, getattr(entity, "kind", None)).pixmap(20, 20))
        self.subtitle.setText(f"id: {entity.id}")

    def _choices_for(self, spec: FieldSpec) -> Any:
        if spec.editor != "ref" or spec.ref is None:
            return None

        def choices() -> list[tuple[str, str]]:
            from orgmodel.ui.labels import entity_name

            assert self._stack is not None
            model = self._stack.model
            items = []
            for entity in model.collection(spec.ref).values():  # type: ignore[arg-type]
                if entity.id == self.entity_id:
                    continue
                if spec.ref_team_kind is not None and entity.kind is not spec.ref_team_kind:
                    continue
                items.append((entity.id, entity_name(model, entity)))
            return items

        return choices

    def refresh_values(self) -> None:
        if self._stack is None:
            return
        entity = self.current()
        if entity is None:
            return
        for name, editor in self.editors.items():
            editor.set_value(self._display_value(entity, name))
        if self.representatives is not None:
            self.representatives.refresh()
        lines = related_lines(self._stack.model, entity)
        self.related.setText("<br>".join(lines))
        self.related.setVisible(bool(lines))
        if not isinstance(entity, Organisation):
            self._set_heading(entity)

    def _display_value(self, entity: Any, name: str) -> Any:
        assert self._stack is not None
        model = self._stack.model
        if isinstance(entity, Embed) and name == "kind":
            person = model.people.get(entity.person)
            return embed_kind(person.role) if person else None
        if isinstance(entity, Dependency):
            target = model.services.get(getattr(entity, name))
            return target.name if target else getattr(entity, name)
        if isinstance(entity, View) and name == "zoom":
            return f"{entity.zoom * 100:.0f} %"
        return read_field(entity, name)

    # ---------------------------------------------------------------- commit
    def _committer(self, spec: FieldSpec) -> Any:
        return lambda value, merge: self.commit(spec.name, value, merge)

    def commit(self, name: str, value: Any, merge: bool) -> bool:
        """Apply one edited field as a command; False (and an inline message) when refused."""
        if self._stack is None:
            return False
        entity = self.current()
        try:
            command = command_for(self._stack.model, entity, name, value, merge)
            if command is not None:
                self._stack.push(command)
        except OrgModelError as error:
            self.set_error(str(error))
            return False
        self.set_error("")
        return True

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    @property
    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""

    def describe_value(self, name: str) -> str:
        """The value of a field as the form shows it (for tests and the status bar)."""
        value = self._display_value(self.current(), name)
        return enum_label(value) if hasattr(value, "value") else str(value)
