"""The diagram: a Qt canvas of the organisation (scene, items, view, gestures), saved views,
presentation mode and export. ``DiagramWidget`` and ``PresentationWindow`` are the entry points.
"""
