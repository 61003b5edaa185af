"""Export what a diagram shows to PNG (at a chosen scale), SVG (self-contained) or PDF (vector).

``export_scene`` renders the visible nodes and edges of a ``DiagramScene`` with a title band and
the legend: PNG through ``QImage``, SVG through ``QSvgGenerator`` (text stays text, the file
carries its ``xmlns``), PDF through ``QPdfWriter`` (vector, one page sized to the diagram). Files
are written beside the target and moved into place, so a failed export never leaves half a file.
Selection and search highlights are not exported. Works offscreen; needs a QGuiApplication.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from orgmodel.analysis.styles import INK
from orgmodel.core.errors import FormatError
from orgmodel.core.fileio import atomic_path
from orgmodel.ui.diagram.items import NodeItem, label_font
from orgmodel.ui.diagram.legend import legend_size, paint_legend, scene_entries
from orgmodel.ui.diagram.scene import DiagramScene

FORMATS = (".png", ".svg", ".pdf")
MARGIN = 36.0
TITLE_H = 46.0
MAX_PIXELS = 16000  # longest side of a PNG; the scale shrinks to fit


def export_scene(scene: DiagramScene, path: str | Path, scale: float = 2.0, title: str = "",
                 legend: bool = True) -> Path:
    """Write the diagram to ``path`` (format from its suffix); returns the path."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise FormatError(f"{target.name}: export to .png, .svg or .pdf.")
    scene.finish_animation()
    page = _page(scene, title, legend)
    with _plain(scene), atomic_path(target, suffix=suffix) as tmp:
        if suffix == ".png":
            _png(scene, page, tmp, scale, title, legend)
        elif suffix == ".svg":
            _svg(scene, page, tmp, title, legend)
        else:
            _pdf(scene, page, tmp, title, legend)
    return target


class _plain:
    """Context: no selection or search highlight while rendering."""

    def __init__(self, scene: DiagramScene) -> None:
        self.scene = scene
        self.selected: list[NodeItem] = []
        self.lit: list[NodeItem] = []
        self.labels = False

    def __enter__(self) -> None:
        items = self.scene.node_items.values()
        self.selected = [i for i in items if i.isSelected()]
        self.lit = [i for i in items if i.highlighted]
        self.labels = self.scene.labels_visible
        for item in self.selected:
            item.setSelected(False)
        for item in self.lit:
            item.set_highlighted(False)
        self.scene.set_labels_visible(True)

    def __exit__(self, *exc: object) -> None:
        for item in self.selected:
            item.setSelected(True)
        for item in self.lit:
            item.set_highlighted(True)
        self.scene.set_labels_visible(self.labels)


def _page(scene: DiagramScene, title: str, legend: bool) -> tuple[QRectF, QRectF, QSizeF]:
    """(diagram source rect, where it goes on the page, page size) in scene units."""
    source = scene.items_rect()
    if source.isEmpty():
        source = QRectF(0, 0, 400, 200)
    top = MARGIN + (TITLE_H if title else 0.0)
    legend_h = legend_size(scene_entries(scene)).height() + MARGIN / 2 if legend else 0.0
    legend_w = legend_size(scene_entries(scene)).width() if legend else 0.0
    width = max(source.width(), legend_w) + 2 * MARGIN
    height = source.height() + top + legend_h + MARGIN
    dest = QRectF(MARGIN, top, source.width(), source.height())
    return source, dest, QSizeF(width, height)


def _draw(scene: DiagramScene, painter: QPainter, page: tuple[QRectF, QRectF, QSizeF], title: str,
          legend: bool) -> None:
    source, dest, size = page
    painter.fillRect(QRectF(QPointF(0, 0), size), QColor("#ffffff"))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if title:
        painter.setPen(QColor(INK))
        painter.setFont(label_font(True, 22.0))
        painter.drawText(QRectF(MARGIN, MARGIN / 2, size.width() - 2 * MARGIN, TITLE_H),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    dark, background = scene.dark, scene.backgroundBrush()
    scene.set_dark(False)  # exports are printed and pasted into slides: always light
    scene.setBackgroundBrush(QColor("#ffffff"))
    scene.render(painter, dest, source, Qt.AspectRatioMode.KeepAspectRatio)
    scene.set_dark(dark)
    scene.setBackgroundBrush(background)
    if legend:
        paint_legend(painter, QPointF(MARGIN, dest.bottom() + MARGIN / 2), scene_entries(scene))


def _png(scene: DiagramScene, page: tuple[QRectF, QRectF, QSizeF], path: Path, scale: float,
         title: str, legend: bool) -> None:
    size = page[2]
    scale = min(scale, MAX_PIXELS / max(size.width(), size.height()))
    image = QImage(QSize(max(1, int(size.width() * scale)), max(1, int(size.height() * scale))),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    _draw(scene, painter, page, title, legend)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise FormatError(f"Could not write the PNG image {path.name}.")


def _svg(scene: DiagramScene, page: tuple[QRectF, QRectF, QSizeF], path: Path, title: str,
         legend: bool) -> None:
    size = page[2]
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(int(size.width()), int(size.height())))
    generator.setViewBox(QRectF(QPointF(0, 0), size))
    generator.setTitle(title or "OrgModel diagram")
    generator.setDescription("Exported from OrgModel")
    painter = QPainter(generator)
    _draw(scene, painter, page, title, legend)
    painter.end()


def _pdf(scene: DiagramScene, page: tuple[QRectF, QRectF, QSizeF], path: Path, title: str,
         legend: bool) -> None:
    size = page[2]
    writer = QPdfWriter(str(path))
    writer.setTitle(title or "OrgModel diagram")
    writer.setCreator("OrgModel")
    writer.setResolution(72)
    points = QSizeF(size.width() * 0.75, size.height() * 0.75)  # 96 px per inch on screen
    writer.setPageLayout(QPageLayout(QPageSize(points, QPageSize.Unit.Point, "Diagram"),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    factor = writer.width() / size.width()
    painter.scale(factor, factor)
    _draw(scene, painter, page, title, legend)
    painter.end()
