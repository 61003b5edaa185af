"""The Linux desktop integration files pass their validators and agree with each other."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.orgmodel.OrgModel"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validates() -> None:
    done = subprocess.run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mime_type_desktop_file_and_metainfo_agree() -> None:
    desktop = (LINUX / f"{APP_ID}.desktop").read_text()
    assert "MimeType=application/x-orgmodel;" in desktop and f"Icon={APP_ID}" in desktop
    mime = ET.parse(LINUX / "orgmodel-mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime_type = mime.find("m:mime-type", ns)
    assert mime_type is not None and mime_type.get("type") == "application/x-orgmodel"
    assert mime_type.find("m:glob", ns).get("pattern") == "*.orgmodel"  # type: ignore[union-attr]
    meta = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.find("provides/mediatype").text == "application/x-orgmodel"  # type: ignore[union-attr]


@pytest.mark.gui
def test_icons_are_generated_from_the_one_source_image(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import icons
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    written = icons.generate(tmp_path)
    names = {p.name for p in written}
    assert {f"orgmodel-{size}.png" for size in icons.SIZES} <= names
    assert "orgmodel.ico" in names
    from PySide6.QtGui import QImage

    image = QImage(str(tmp_path / "orgmodel-256.png"))
    assert (image.width(), image.height()) == (256, 256)
