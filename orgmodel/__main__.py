"""``python -m orgmodel`` runs the ``orgmodel`` command."""

from orgmodel.cli import main

raise SystemExit(main())
