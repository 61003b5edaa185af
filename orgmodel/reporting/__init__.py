"""Charts, diagrams and reports, headless (matplotlib Figure/Axes only, never pyplot, never Qt).

- ``charts``: simulation charts (``CHARTS``), one results dict or up to three to compare;
  ``charts_sweep``: line chart and heatmap for ``orgmodel sweep``; ``figures``: ``new_figure``,
  ``save_figure``, ``save_chart`` (PNG/SVG/PDF, atomic); ``style``: the palette and type sizes;
  ``headline``: headline sentences; ``chartdata``: reading results for charts.
- ``diagram`` (with ``diagram_scene`` and ``diagram_layout``): a saved view drawn for a page.
- ``report_content``: the pages of a report; ``report_pdf`` and ``report_pptx``:
  ``write_report(model, path, scenario=None, results=None)``.
"""
