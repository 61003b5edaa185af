"""Find on the diagram (Ctrl+F): highlight the nodes whose label matches, step through them.

``Search`` is the toolbar's search field and its logic: typing highlights every visible node
whose label contains the text (case-insensitive); Enter selects and centres the next match,
Shift+Enter the previous one; Escape clears. Matches hidden by the view's filters are counted in
the status line, not shown. It only reads the scene; it never edits the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

if TYPE_CHECKING:
    from orgmodel.ui.diagram.widget import DiagramWidget


class Search(QLineEdit):
    """The search field of a diagram widget."""

    def __init__(self, widget: DiagramWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.matches: list[str] = []
        self.current = -1
        self.setPlaceholderText("Find (Ctrl+F)")
        self.setClearButtonEnabled(True)
        self.setMaximumWidth(220)
        self.textChanged.connect(self.refresh)
        self.installEventFilter(self)

    def start(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def refresh(self) -> None:
        """Highlight the visible nodes matching the text."""
        text = self.text().strip().lower()
        scene = self.widget.scene
        self.matches = []
        for node_id, item in scene.node_items.items():
            lit = bool(text) and text in item.data_.label.lower()
            if lit:
                self.matches.append(node_id)
            item.set_highlighted(lit)
        self.current = -1
        if text:
            hidden = sum(1 for n, d in scene.index.ensure_all_nodes().items()
                         if n not in scene.node_items and text in d.label.lower())
            more = f" ({hidden} more hidden by filters)" if hidden else ""
            self.widget.show_status(f"{len(self.matches)} match(es) for '{self.text()}'{more}")

    def step(self, forward: bool = True) -> str | None:
        """Select and centre the next (or previous) match; returns its id."""
        if not self.matches:
            return None
        self.current = (self.current + (1 if forward else -1)) % len(self.matches)
        node_id = self.matches[self.current]
        self.widget.select_ids([node_id])
        self.widget.center_on([node_id])
        return node_id

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.clear()
                self.widget.view.setFocus()
                return True
        return super().eventFilter(watched, event)
