"""``python -m nnviz`` is the ``nnviz`` command."""
import sys

from .cli import main

sys.exit(main())
