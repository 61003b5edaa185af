"""Generators of the bundled example organisations.

``seed_enterprise`` and ``startup`` build the small examples that are stored as orgmodel JSON in
``resources/examples/`` (regenerate them with ``python -m orgmodel.examplegen``; a test checks the
stored files match); ``large_enterprise`` builds the 2,000-person example on demand, reproducibly,
and is never stored. Use ``orgmodel.examples`` to load an example; this package is not a general
model-building API.
"""
