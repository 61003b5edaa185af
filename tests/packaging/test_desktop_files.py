"""The Linux desktop integration files pass their validators and agree with each other."""

from __future__ import annotations

import os
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
    # In a child process: the generator makes a QGuiApplication, which must not become the
    # application object of the pytest-qt tests that run after this one.
    script = (f"import sys; sys.path.insert(0, {str(ROOT / 'packaging')!r}); import icons; "
              f"from pathlib import Path; print(icons.SIZES); icons.generate(Path({str(tmp_path)!r}))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert done.returncode == 0, done.stderr
    sizes = [int(x) for x in done.stdout.strip().strip("()").split(",") if x.strip()]
    names = {p.name for p in tmp_path.iterdir()}
    assert {f"orgmodel-{size}.png" for size in sizes} <= names and 256 in sizes
    assert "orgmodel.ico" in names
    png = (tmp_path / "orgmodel-256.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (256, 256)
