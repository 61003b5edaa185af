"""Headline cards above the charts: first overload week, handback chance by year, capacity, peak.

Four cards read the ``headline`` block of a results dict (SIMULATION.md section 4) with the helpers
of ``orgmodel.reporting.headline`` (``percent``, ``horizon``, ``handback_by_year`` and the full
sentences, which become each card's tooltip). A card never invents a figure: without one it says
what is missing. Not for charts (``charts_view.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from orgmodel.reporting.chartdata import scenario_value
from orgmodel.reporting.headline import (
    capacity_sentence,
    handback_by_year,
    handback_year_sentence,
    horizon,
    overload_sentence,
    peak_sentence,
    percent,
)

Card = tuple[str, str, str]  # big value, detail line, tooltip
TWO_BY_TWO_BELOW = 760  # pixels of width under which the cards go two by two


class HeadlineCard(QFrame):
    """A title, one big value and a detail line."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headlineCard")
        self.key = key
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(2)
        self.title = QLabel(title, self)
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        self.value = QLabel("—", self)
        self.value.setObjectName("cardValue")
        self.detail = QLabel("", self)
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        for label in (self.title, self.value, self.detail):
            layout.addWidget(label)
        layout.addStretch(1)

    def minimumSizeHint(self) -> QSize:
        """Room for two lines of title, the value and two lines of detail, whatever the width."""
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        layout = self.layout()
        inner = layout.contentsMargins() if layout is not None else margins
        lines = (
            2 * self.title.fontMetrics().lineSpacing()
            + self.value.fontMetrics().lineSpacing()
            + 2 * self.detail.fontMetrics().lineSpacing()
        )
        height = lines + 3 * 2 + inner.top() + inner.bottom() + margins.top() + margins.bottom()
        return QSize(hint.width(), max(hint.height(), height))

    def show_card(self, card: Card) -> None:
        value, detail, tip = card
        self.value.setText(value)
        self.detail.setText(detail)
        self.setToolTip(tip)


def runs_text(runs: Any) -> str:
    return "1 run" if runs == 1 else f"{runs} runs"


def _keep(text: str) -> str:
    """Keep a short phrase on one line when the card wraps its detail."""
    return text.replace(" ", "\u00a0")


def _block(results: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    block = (results.get("headline") or {}).get(key)
    return block if isinstance(block, Mapping) else {}


def overload_card(results: Mapping[str, Any]) -> Card:
    block = _block(results, "first_ops_overload_week")
    cap = scenario_value(results, "sre", "ops_cap", 0.5)
    tip = overload_sentence(results) or ""
    share, p50 = block.get("share"), block.get("p50")
    if not block:
        return "—", "No overload figures in these results.", tip
    if not share or p50 is None:
        weeks = int(results.get("weeks") or 0)
        return "Never", f"No run passes the {cap * 100:.0f} % cap within {horizon(weeks)}.", tip
    spread = _keep(f"P10-P90: weeks {block.get('p10')}-{block.get('p90')}")
    return f"Week {p50}", f"{spread} · {_keep(f'in {percent(float(share))} of runs')}", tip


def handback_card(results: Mapping[str, Any]) -> Card:
    pairs = handback_by_year(results)
    tip = handback_year_sentence(results) or "No run hands services back to developers."
    if not pairs:
        return "—", "No handback figures in these results.", tip
    detail = " · ".join(_keep(f"Y{year} {percent(p)}") for year, p in pairs)
    year, peak = max(pairs, key=lambda item: (item[1], -item[0]))
    if peak == 0:
        return "None", f"No handback in any year ({detail}).", tip
    return f"{percent(peak)} in year {year}", detail, tip


def capacity_card(results: Mapping[str, Any]) -> Card:
    services = (results.get("headline") or {}).get("max_sustainable_services")
    cap = scenario_value(results, "sre", "ops_cap", 0.5)
    if services is None:
        return "—", "No SRE-supported services today to measure hours per service.", ""
    return (
        f"{int(services)} services",
        f"SRE at the {cap * 100:.0f} % cap, today's hours per service",
        capacity_sentence(results) or "",
    )


def peak_card(results: Mapping[str, Any]) -> Card:
    block = _block(results, "peak_sre_ops_fraction")
    if block.get("p50") is None:
        return "—", "No ops fraction in these results.", ""
    low, high = block.get("p10"), block.get("p90")
    detail = (
        f"P10-P90: {float(low) * 100:.0f}-{float(high) * 100:.0f} %"
        if low is not None and high is not None
        else ""
    )
    return percent(float(block["p50"])), detail, peak_sentence(results) or ""


CARDS = (
    ("overload", "First week over the ops cap", overload_card),
    ("handback", "Chance of a handback, by year", handback_card),
    ("capacity", "Max sustainable SRE services", capacity_card),
    ("peak", "Peak SRE ops fraction (median)", peak_card),
)


class HeadlineCards(QWidget):
    """The four cards in a row, with the scenario they describe above them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headlineCards")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel("Run a simulation to see its headline figures.", self)
        self.caption.setObjectName("cardsCaption")
        outer.addWidget(self.caption)
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        self.cards: dict[str, HeadlineCard] = {}
        for key, title, _ in CARDS:
            self.cards[key] = HeadlineCard(key, title, self)
        self._columns = 0
        self._reflow(len(CARDS))
        outer.addLayout(self.grid)

    def _reflow(self, columns: int) -> None:
        """Lay the cards out in ``columns`` columns (four in a row, or two by two when narrow)."""
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards.values():
            self.grid.removeWidget(card)
        for i, card in enumerate(self.cards.values()):
            self.grid.addWidget(card, i // columns, i % columns)
        for column in range(len(CARDS)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow(len(CARDS) if event.size().width() >= TWO_BY_TWO_BELOW else 2)

    def show_results(self, label: str, results: Mapping[str, Any] | None) -> None:
        if results is None:
            self.caption.setText("Run a simulation to see its headline figures.")
            for card in self.cards.values():
                card.show_card(("—", "", ""))
            return
        runs, weeks = results.get("runs"), int(results.get("weeks") or 0)
        self.caption.setText(
            f"Headline for “{label}” · {runs_text(runs)} over {horizon(weeks)}"
            f" · {results.get('mode', 'stochastic')} mode"
        )
        for key, _title, make in CARDS:
            self.cards[key].show_card(make(results))
