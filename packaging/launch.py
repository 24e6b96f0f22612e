"""Entry point of the frozen app (PyInstaller): the same as the ``nnviz`` command."""
import sys

from nnviz.cli import main

sys.exit(main())
