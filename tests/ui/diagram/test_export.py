"""Export writes valid PNG, SVG (self-contained, with xmlns) and vector PDF; ``orgmodel render``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from orgmodel.cli import main
from orgmodel.core.errors import FormatError
from orgmodel.interop.orgjson import write_json
from orgmodel.ui.diagram.widget import DiagramWidget

from .conftest import small_model

pytestmark = pytest.mark.gui


def test_png_at_a_chosen_scale(widget: DiagramWidget, tmp_path: Path) -> None:
    one, two = tmp_path / "one.png", tmp_path / "two.png"
    widget.export(str(one), scale=1.0)
    widget.export(str(two), scale=2.0)
    small, big = QImage(str(one)), QImage(str(two))
    assert not small.isNull() and abs(big.width() - 2 * small.width()) <= 2
    # the diagram is drawn: not a blank page
    colours = {small.pixel(x, y) for x in range(0, small.width(), 7) for y in range(0, small.height(), 7)}
    assert len(colours) > 10


def test_svg_is_self_contained_with_text(widget: DiagramWidget, tmp_path: Path) -> None:
    path = tmp_path / "d.svg"
    widget.export(str(path))
    text = path.read_text(encoding="utf-8")
    assert 'xmlns="http://www.w3.org/2000/svg"' in text
    assert "Payments" in text and "<title>Everything</title>" in text
    assert "<image" not in text and "href=\"http" not in text


def test_pdf_is_vector(widget: DiagramWidget, tmp_path: Path) -> None:
    path = tmp_path / "d.pdf"
    widget.export(str(path))
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and b"/Subtype /Image" not in data
    assert b"/Font" in data


def test_export_refuses_other_formats_and_leaves_nothing(widget: DiagramWidget, tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="png, .svg or .pdf"):
        widget.export(str(tmp_path / "d.gif"))
    assert list(tmp_path.iterdir()) == []


def test_export_menu_uses_the_file_dialog(monkeypatch: pytest.MonkeyPatch, widget: DiagramWidget,
                                          tmp_path: Path) -> None:
    target = tmp_path / "chosen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    widget.controls.export(".svg", 1.0)
    assert (tmp_path / "chosen.svg").exists()


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "org.json"
    write_json(small_model(), str(path))
    return path


def test_render_command_writes_each_format(document: Path, tmp_path: Path) -> None:
    for suffix in (".png", ".svg", ".pdf"):
        out = tmp_path / f"out{suffix}"
        assert main(["render", str(document), "--view", "teams", "--out", str(out)]) == 0
        assert out.stat().st_size > 500
    assert QImage(str(tmp_path / "out.png")).width() > 100
    assert "Teams" in (tmp_path / "out.svg").read_text(encoding="utf-8")


def test_render_unknown_view_lists_the_views(document: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(document), "--view", "Nope", "--out", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "'Nope'" in err and "'Everything', 'Teams'" in err
    assert not (tmp_path / "x.png").exists()


def test_render_bad_output_suffix(document: Path, tmp_path: Path) -> None:
    assert main(["render", str(document), "--out", str(tmp_path / "x.bmp")]) == 2


def test_render_a_model_without_views_draws_the_whole_organisation(tmp_path: Path) -> None:
    model = small_model()
    for view_id in list(model.views):
        model.remove(view_id)
    source, out = tmp_path / "plain.json", tmp_path / "plain.svg"
    write_json(model, str(source))
    assert main(["render", str(source), "--out", str(out), "--no-legend"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Payments" in text and "Legend" not in text
