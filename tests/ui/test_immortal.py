"""The shield against PySide6 6.12 over-releasing None on Python 3.11 is in place."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLineEdit

import orgmodel.ui  # noqa: F401 - importing the package applies the work-around

pytestmark = pytest.mark.gui


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_cannot_exhaust_none(qapp) -> None:
    field = QLineEdit()
    before = sys.getrefcount(None)
    for _ in range(2000):
        field.setText("x")
    assert sys.getrefcount(None) > 1 << 39
    assert before - sys.getrefcount(None) <= 2000
