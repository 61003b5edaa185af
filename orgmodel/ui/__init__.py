"""The Qt application of OrgModel (the only package that imports PySide6).

PySide6-Essentials 6.12.0 over-releases ``None`` on every void call under Python 3.11 until the
interpreter aborts ("none_dealloc"); pyproject.toml keeps it below 6.12, and
``tests/ui/test_qt_refcounts.py`` fails if an affected version is installed.
"""
