"""Errors a user can cause, in words the window can translate.

The core has no Qt, yet the window speaks Japanese too. So an error keeps its English
*template* and its *fields* apart::

    raise DataError("{file}, line {line}, column {column!r}: {value!r} is not a number",
                    file=path, line=7, column="age", value="n/a")

``str(error)`` is the English sentence (the command line, logs, tests); the window looks
the template up in Qt's translation and fills in the same fields (``nnviz.gui.i18n.explain``).
A field may be another error: it is translated the same way.

Qt's lupdate reads each template where it is written: ``packaging/update_translations.py``
tells it that a call of a Message class or of :class:`Term` marks its first argument, a
string literal (``tests/gui/test_translations.py`` checks that every one is), in the core's
one translation context, the unnamed one. The names the window shows of the core's
registries (activations, losses, optimisers, data sets) are marked the same way, as Terms.
"""
from __future__ import annotations

__all__ = ["Message", "InputError", "Term"]


class Message:
    """Mixin for an exception with a translatable text: ``Message(template, **fields)``.

    Put it first among the bases, e.g. ``class Diverged(Message, ArithmeticError)``.
    """

    def __init__(self, template, /, **fields):
        self.template, self.fields = template, fields
        super().__init__(template.format(**fields))

    def __reduce__(self):                 # copy and pickle: as it is, not str() as a template
        return _restore, (type(self), self.args, self.__dict__)


def _restore(cls, args, state):
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class InputError(Message, ValueError):
    """Bad input from a user: a setting, a file, a formula. Nothing has changed."""


class Term(str):
    """Translatable words that are not an error: a str (the English words) that the window
    translates too, e.g. a registry's name ``Term("Logistic (sigmoid)")``, a field
    ``Term("comparison")`` in "{what} is not allowed in a formula", or why a path stopped,
    ``Term("|w| exceeded {limit:g}", limit=1e6)``. Without fields the text is taken as it
    is (braces included)."""

    def __new__(cls, template, /, **fields):
        term = super().__new__(cls, template.format(**fields) if fields else template)
        term.template, term.fields = template, fields
        return term

    def __getnewargs_ex__(self):          # copy and pickle
        return (self.template,), self.fields
