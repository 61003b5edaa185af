"""``orgmodel FILE --screenshot PNG`` renders the window and exits; a bad FILE is exit 2."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtGui import QImage

from orgmodel.cli import gui

from .conftest import SEED_JSON

pytestmark = pytest.mark.gui


def _colours(image: QImage, step: int = 23) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def test_screenshot_writes_a_non_blank_png(tmp_path, qapp) -> None:
    png = tmp_path / "shots" / "main.png"
    args = argparse.Namespace(file=str(SEED_JSON), screenshot=str(png), smoke_test=False)
    assert gui.run(args) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == gui.SCREENSHOT_SIZE
    assert len(_colours(image)) > 20


def test_screenshot_of_a_bad_file_is_one_line_and_exit_2(tmp_path, qapp, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    png = tmp_path / "never.png"
    args = argparse.Namespace(file=str(bad), screenshot=str(png), smoke_test=False)
    assert gui.run(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("orgmodel: ") and "bad.json" in err and err.count("\n") == 1
    assert "Traceback" not in err and not png.exists()


def test_interactive_start_with_a_bad_file_still_opens(tmp_path, qapp, dialogs, monkeypatch) -> None:
    bad = tmp_path / "bad.orgmodel"
    bad.write_bytes(b"garbage")
    shown = []
    monkeypatch.setattr(type(qapp), "exec", lambda self: shown.append(self.topLevelWidgets()) or 0)
    args = argparse.Namespace(file=str(bad), screenshot=None, smoke_test=False)
    assert gui.run(args) == 0
    windows = [w for w in shown[0] if w.objectName() == "mainWindow" and w.isVisible()]
    assert windows and windows[0].document.path is None
    assert dialogs.texts("warning")[0].startswith("Cannot open") and "bad.orgmodel" in dialogs.texts("warning")[0]
    for window in windows:
        window.document.close()
        window.hide()
        window.deleteLater()
