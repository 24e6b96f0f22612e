"""The lecture's notation as plain text: superscripts for layers, u^(l) → u⁽ˡ⁾, and
subscripts for units and samples, w_ji → w₂₁. One home for the characters, so
every view, the trace and the worksheet write the same symbols."""
from __future__ import annotations

__all__ = ["sup", "sub", "layer"]

_SUP = str.maketrans("0123456789()-+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁻⁺")
_SUB = str.maketrans("0123456789()-+", "₀₁₂₃₄₅₆₇₈₉₍₎₋₊")


def sup(text):
    """``text`` (digits, signs, brackets) in superscript: sup(-3) → '⁻³'."""
    return str(text).translate(_SUP)


def sub(text):
    """``text`` (digits, signs, brackets) in subscript: sub(21) → '₂₁'."""
    return str(text).translate(_SUB)


def layer(symbol, l, index=""):
    """A layer's symbol as the slides write it: layer('u', 2) → 'u⁽²⁾', layer('w', 3, '21') → 'w₂₁⁽³⁾'."""
    return f"{symbol}{sub(index)}{sup(f'({l})')}"
