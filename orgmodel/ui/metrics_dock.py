"""The metrics dock: headcount by role and team kind, ratios, span of control and SRE coverage.

Reads ``orgmodel.analysis.metrics.compute_metrics`` and shows it as a two-column tree grouped by
topic, recomputed (debounced) after edits. Read-only: it explains the organisation, it does not
edit it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from orgmodel.ui.labels import enum_label
from orgmodel.ui.refresh_dock import RefreshDock


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def _num(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _ratio_label(key: str) -> str:
    return key.replace("_per_", " per ").replace("_to_", " to ").replace("_", " ").replace("sre", "SRE").capitalize()


class MetricsDock(RefreshDock):
    """Metrics of the current model in groups (Headcount, By role, By team kind, Ratios, SRE)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Metrics", parent)
        self.setObjectName("metricsDock")
        self.metrics: Any = None
        self.items = QStandardItemModel(0, 2, self)
        self.items.setHorizontalHeaderLabels(["Metric", "Value"])
        self.view = QTreeView()
        self.view.setModel(self.items)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.setWidget(self.view)


    def value_of(self, group: str, label: str) -> str | None:
        """The text shown for ``label`` under ``group`` (for tests and scripts)."""
        for row in range(self.items.rowCount()):
            parent = self.items.item(row, 0)
            if parent.text() != group:
                continue
            for child in range(parent.rowCount()):
                if parent.child(child, 0).text() == label:
                    return parent.child(child, 1).text()
        return None

    def refresh_now(self) -> None:
        self._timer.stop()
        if self._stack is None:
            return
        from orgmodel.analysis.metrics import compute_metrics

        m = compute_metrics(self._stack.model)
        self.metrics = m
        expanded = {
            self.items.item(r, 0).text()
            for r in range(self.items.rowCount())
            if self.view.isExpanded(self.items.index(r, 0))
        } or {"Headcount", "SRE coverage", "SRE teams"}
        self.items.removeRows(0, self.items.rowCount())
        self._group("Headcount", [("People", str(m.people)), ("FTE", _num(m.fte)),
                                  ("Teams", str(m.counts.get("teams", 0))),
                                  ("Services", str(m.counts.get("services", 0)))])
        self._group("By role", [(enum_label(k), f"{h.people}  ({h.fte:.1f} FTE)")
                                for k, h in m.by_role.items() if h.people])
        self._group("By team kind", [(enum_label(k) if k != "none" else "No team",
                                      f"{h.people}  ({h.fte:.1f} FTE)")
                                     for k, h in m.by_team_kind.items() if h.people])
        self._group("Ratios", [(_ratio_label(k), _num(v, 2)) for k, v in m.ratios.items()])
        self._group("SRE coverage", self._sre_rows(m))
        self._group("SRE teams", [(t.name, f"{t.services} svc · {t.sre_fte:.1f} FTE",
                                   f"{t.name}: {t.services} services ({t.tier1_services} tier 1) and "
                                   f"{t.platform_versions} platform versions on {t.sre_fte:.1f} SRE FTE")
                                  for t in m.sre_teams])
        self._group("Span of control", [("Mean", _num(m.span_mean)), ("Median", _num(m.span_median)),
                                        ("Largest", str(m.span_max)),
                                        ("Managers without reports", str(m.managers_without_reports))])
        self._group("Embeds", [("Active", str(m.active_embeds))] +
                    [(enum_label(k), str(v)) for k, v in m.active_embeds_by_kind.items()])
        for row in range(self.items.rowCount()):
            if self.items.item(row, 0).text() in expanded:
                self.view.expand(self.items.index(row, 0))
        self.view.resizeColumnToContents(0)

    def _sre_rows(self, m: Any) -> list[tuple[str, str]]:
        return [
            ("SRE-supported services", f"{m.sre_supported_services}  ({_pct(m.sre_service_share)})",
             "Services whose pager SRE carries, and their share of all services"),
            ("Tier-1 on SRE", _pct(m.sre_tier1_share), "Share of tier-1 services SRE supports"),
            ("Services / SRE FTE", _num(m.services_per_sre, 2),
             "SRE-supported services per full-time SRE (SRE-SE and SRE-SWE)"),
        ]

    def _group(self, title: str, rows: list[tuple[str, ...]]) -> None:
        parent = QStandardItem(title)
        parent.setEditable(False)
        blank = QStandardItem("")
        blank.setEditable(False)
        for label, value, *tip in rows:
            left, right = QStandardItem(label), QStandardItem(value)
            left.setEditable(False)
            right.setEditable(False)
            for item in (left, right):
                item.setToolTip(tip[0] if tip else f"{label}: {value}")
            parent.appendRow([left, right])
        self.items.appendRow([parent, blank])
