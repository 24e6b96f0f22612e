"""Errors as an English template and its fields: the sentence, copies and pickles."""
import copy
import pickle

import pytest

from nnviz.core.datasets import DataError
from nnviz.core.errors import InputError, Term
from nnviz.core.formula import FormulaError, parse_formula
from nnviz.training.trainer import Diverged

ROUND_TRIPS = [copy.copy, copy.deepcopy, lambda o: pickle.loads(pickle.dumps(o))]


def test_the_sentence_is_the_template_filled_in():
    e = DataError("{file}, line {line}: {size:,} bytes {value!r}", file="a.csv", line=3, size=12345, value="x")
    assert str(e) == "a.csv, line 3: 12,345 bytes 'x'" and isinstance(e, ValueError)
    assert e.template.startswith("{file}") and e.fields["line"] == 3
    assert isinstance(Diverged("loss {loss}", loss=1.0), ArithmeticError)
    assert Term("|w| exceeded {limit:g}", limit=1e6) == "|w| exceeded 1e+06"


@pytest.mark.parametrize("again", ROUND_TRIPS)
def test_copies_and_pickles_keep_template_and_fields(again):
    e = DataError("{file}: file not found", file="/tmp/{braces}/a.csv")   # braces in a value
    c = again(e)
    assert type(c) is DataError and str(c) == str(e) and (c.template, c.fields) == (e.template, e.fields)
    with pytest.raises(FormulaError) as info:
        parse_formula("x < y")
    f = again(info.value)
    assert str(f) == str(info.value) and f.column == info.value.column
    assert isinstance(f.fields["reason"], InputError) and f.fields["reason"].fields["what"] == "comparison"
    t = again(Term("|w| exceeded {limit:g}", limit=1e6))
    assert type(t) is Term and t == "|w| exceeded 1e+06" and t.fields == {"limit": 1e6}
