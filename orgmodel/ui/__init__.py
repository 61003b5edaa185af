"""The Qt application of OrgModel (the only package that imports PySide6).

Importing it first shields the interpreter from a reference-counting bug of the PySide6 6.12 wheels
on Python 3.11 (see ``_immortal.py``).
"""

from orgmodel.ui._immortal import make_singletons_immortal

make_singletons_immortal()
