"""The diagram: a Qt canvas of the organisation, saved views, presentation mode and export.

Entry points: ``widget.DiagramWidget(stack)`` (the canvas with its toolbar) and
``presentation.PresentationWindow(stack, start_view_id)``; ``render.render_view`` draws a view
without a window (``orgmodel render``). Inside: ``graphdata`` (nodes and edges per entity),
``filters`` (what a view shows), ``scene`` (items mirroring model events), ``items`` and
``edges`` (thin items painted by Qt), ``motion`` (placing and animating), ``view`` (zoom, pan,
keys, drags), ``interactions`` (gestures -> commands), ``search``, ``legend``, ``controls``
(toolbar), ``savedviews`` (view commands) and ``export`` (PNG, SVG, PDF). Positions come from
``analysis.layouts`` and colours from ``analysis.styles``, both Qt-free.
"""
