"""The simulation workspace of the main window (scenario editor, runs, charts, comparison).

``workspace.SimulationWorkspace`` is the entry point; ``menu.install_simulation_actions`` adds
Run, Cancel and Export to the window's Simulation menu. Importing this package imports neither
matplotlib nor the workspace: ``ui/central.py`` builds it on the first visit of its tab.
"""
