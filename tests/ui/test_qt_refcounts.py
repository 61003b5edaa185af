"""The installed PySide6 does not leak or over-release references to None, True and False.

PySide6-Essentials 6.12.0 drops a reference to None on every void call under Python 3.11, so a
long session aborts with "none_dealloc"; pyproject.toml excludes it. This test fails if such a
version is installed anyway.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLineEdit

pytestmark = pytest.mark.gui


def test_void_and_bool_qt_calls_keep_singleton_refcounts(qapp: object) -> None:
    field = QLineEdit()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(5000):
        field.setText("x")
        field.setEnabled(True)
        field.isEnabled()
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100
