"""Entry point of the PyInstaller bundle: the ``orgmodel`` command."""

import multiprocessing
import sys

from orgmodel.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # simulation worker processes in a frozen app
    sys.exit(main())
