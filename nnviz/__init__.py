"""nnviz: watch a neural network learn, as the lecture "Neural Network の基礎" teaches it.

``nnviz.core`` is the NumPy model (no Qt), ``nnviz.training`` the training loop,
``nnviz.gui`` the desktop app, ``nnviz.cli`` the ``nnviz`` command.
"""
__version__ = "0.1.0"
