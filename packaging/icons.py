"""Generate the application icons from the one source image, resources/icons/orgmodel.svg.

Writes hicolor PNGs (16-512 px), a Windows .ico and a macOS .icns into packaging/build/icons/.
Runs Qt's SVG renderer offscreen; a build-time script, not part of the orgmodel package.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "orgmodel.svg"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def generate(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    images = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        images[size] = image
        path = out / f"orgmodel-{size}.png"
        image.save(str(path), "PNG")
        written.append(path)
    images[256].save(str(out / "orgmodel.ico"), "ICO")
    images[512].save(str(out / "orgmodel.icns"), "ICNS")
    written += [out / "orgmodel.ico", out / "orgmodel.icns"]
    del app
    return [p for p in written if p.exists()]


if __name__ == "__main__":
    for path in generate(ROOT / "packaging" / "build" / "icons"):
        print(path.relative_to(ROOT))
