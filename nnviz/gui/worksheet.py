"""A printable worksheet of one recorded training step, and its answer key (A4 PDF).

File → Export worksheet… and ``nnviz worksheet`` write it from a
:class:`~nnviz.core.trace.Trace`: the network drawn with its weights and biases,
the sample x_n and its teacher signal d, then numbered blanks for u, z, L_n,
δ^(L), the δ recursion, ∂L_n/∂w and the updated weights; the answer key on
pages of its own gives every blank's value under the same number, and the
arithmetic of one u and one δ written out (:func:`formulas.unit_line`).

The symbols and numbers are those of the step-through (:mod:`.formulas`: ``sym``,
``num``, ``equation``), so the sheet, the window and ``nnviz trace`` agree. The
pages are a QTextDocument laid out on a QPdfWriter (Qt's own PDF writer), the
network drawn over a placeholder with QPainter. Every word goes through
``QCoreApplication.translate("worksheet", …)``.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter,
                           QPen, QTextDocument)

from ..core.notation import sub as _sub
from . import formulas
from .formulas import num, sym
from .i18n import translate

__all__ = ["Blank", "blanks", "sheet_html", "write_pdf", "pdf_bytes", "MAX_UNITS", "MAX_INPUTS"]

MAX_UNITS = 3          # blanks for the first units of a layer only
MAX_INPUTS = 4         # ... and for the weights from its first inputs
DRAW_UNITS = 6         # units drawn per layer (then ⋮ and the last)
LABEL_EDGES = 16       # weights written on the edges of a layer with at most this many drawn
DPI = 150              # layout resolution: 1 px of the formulas' HTML = 0.17 mm
NETWORK_URL = "nnviz://network"
BODY_PT, SMALL_PT = 11, 10


@dataclass(frozen=True)
class Blank:
    """One numbered blank: its section, the quantity (rich text), the value of the key,
    and a hint given on the sheet (rich text, may be empty)."""
    number: int
    section: str
    label: str
    value: float
    hint: str = ""


def _phase(trace, kind, layer):
    k = trace.find(kind, layer)
    return trace.phases[k].values if k >= 0 else None


def _units(n):
    return range(min(n, MAX_UNITS))


def blanks(trace):
    """(the numbered :class:`Blank` s of the sheet in the order of the slides, whether some
    units or weights were left out because the network is larger than the sheet's limits)."""
    sizes = trace.meta["sizes"]
    L = len(sizes)
    idx = formulas.index_text
    out, cut = [], any(n > MAX_UNITS for n in sizes[1:]) or any(n > MAX_INPUTS for n in sizes[:-1])

    def add(section, label, value, hint=""):
        out.append(Blank(len(out) + 1, section, label, float(value), hint))
    for l in range(2, L + 1):
        v = _phase(trace, "forward", l)
        for j in _units(sizes[l - 1]):
            add("forward", sym("u", l, idx(j)), v["u"][j])
            add("forward", sym("z", l, idx(j)), v["z"][j])
    add("loss", sym("L", sub="<i>n</i>"), _phase(trace, "loss", L)["L"])
    od = _phase(trace, "output_delta", L)
    for j in _units(sizes[-1]):
        add("output_delta", sym("δ", L, idx(j)), od["delta"][j])
    for l in range(L - 1, 1, -1):
        v = _phase(trace, "backward", l)
        for j in _units(sizes[l - 1]):
            add("backward", sym("δ", l, idx(j)), v["delta"][j])
    for l in range(L, 1, -1):
        v = _phase(trace, "gradient", l)
        for j in _units(sizes[l - 1]):
            for i in range(min(sizes[l - 2], MAX_INPUTS)):
                add("gradient", f"∂{sym('L', sub='<i>n</i>')}/∂{sym('w', l, idx(j, i))}", v["dW_n"][j, i])
    given_gradient = _batch_size(trace) > 1 or trace.meta.get("l1") or trace.meta.get("l2")
    for l in range(2, L + 1):
        v = _phase(trace, "update", l)
        for j in _units(sizes[l - 1]):
            for i in range(min(sizes[l - 2], MAX_INPUTS)):
                hint = []
                if given_gradient:
                    hint.append(f"∂<i>L</i>/∂<i>w</i> = {num(v['dW'][j, i])}")
                if "v_before" in v:
                    hint.append(f"<i>v</i> = {num(v['v_before'][j, i])}")
                add("update", f"{sym('w', l, idx(j, i))} ← ", v["W_after"][j, i], ", ".join(hint))
    return out, cut


def _batch_size(trace):
    return len(trace.meta.get("batch") or ()) or 1


SECTIONS = ("forward", "loss", "output_delta", "backward", "gradient", "update")


def _section_title(key):
    return {"forward": translate("worksheet", "1. Forward pass: u = W z + b, z = f(u)"),
            "loss": translate("worksheet", "2. Error L_n of the sample"),
            "output_delta": translate("worksheet", "3. Output layer: δ^(L)"),
            "backward": translate("worksheet", "4. Hidden layers: the δ recursion (backpropagation)"),
            "gradient": translate("worksheet", "5. Gradients ∂L_n/∂w = δ_j z_i"),
            "update": translate("worksheet", "6. Updated weights")}[key]


def _symbols(text):
    """The plain-text symbols of a translated title as rich text."""
    return (text.replace("L_n", sym("L", sub="<i>n</i>")).replace("δ^(L)", sym("δ", "<i>L</i>"))
            .replace("δ_j z_i", f"{sym('δ', sub='<i>j</i>')} {sym('z', sub='<i>i</i>')}")
            .replace("u = W z + b", f"{sym('u')} = {sym('W')} {sym('z')} + {sym('b')}")
            .replace("z = f(u)", f"{sym('z')} = <i>f</i>({sym('u')})"))


def _update_rule(trace):
    """The rule the update blanks ask for, with ε (and μ) in numbers."""
    m = trace.meta
    eps, opt = num(m.get("eps", 0)), m.get("optimizer", "plain")
    B = _batch_size(trace)
    grad = "∂<i>L</i>/∂<i>w</i>" if B > 1 or m.get("l1") or m.get("l2") else f"∂{sym('L', sub='<i>n</i>')}/∂<i>w</i>"
    if opt == "momentum":
        rule = f"<i>w</i> ← <i>w</i> − ε {grad} + μ <i>v</i>, &nbsp; ε = {eps}, μ = {num(m.get('mu', 0))}"
    elif opt == "plain":
        rule = f"<i>w</i> ← <i>w</i> − ε {grad}, &nbsp; ε = {eps}"
    else:
        rule = translate("worksheet", "the {0} rule (its history is not on the sheet: compare with the key)").format(opt)
    note = ""
    if B > 1:
        note = translate("worksheet", "The update uses the gradient of the whole minibatch (B = {0}), given beside each blank.") \
            .format(B)
    elif m.get("l1") or m.get("l2"):
        note = translate("worksheet", "The update's gradient includes the weight penalty; it is given beside each blank.")
    return rule, note


# ------------------------------------------------------------------ the pages
def _p(html, size=BODY_PT, style=""):
    return f"<p style='font-size:{size}pt; margin-top:4px; margin-bottom:2px; {style}'>{html}</p>"


def _cells(items, columns=3, pad=5):
    """``items`` (rich text) in a table of ``columns`` columns, row by row, ``pad`` px around each."""
    rows = [items[k:k + columns] for k in range(0, len(items), columns)]
    width = 100 // columns
    body = "".join("<tr>" + "".join(f"<td width='{width}%' style='padding:{pad}px 6px'>{c}</td>" for c in row)
                   + "</tr>" for row in rows)
    return f"<table width='100%' cellspacing='0' style='font-size:{BODY_PT}pt'>{body}</table>"


def _givens(trace):
    m = trace.meta
    L = len(m["sizes"])
    x, d = _phase(trace, "forward", 1)["z"], _phase(trace, "loss", L)["d"]
    acts = [formulas.f_name(a) or translate("formulas", "identity") for a in m["activations"]]
    loss = formulas.loss_noun(m["loss"])
    n = m.get("sample", 0)
    vec = lambda a: "(" + ", ".join(num(v) for v in a) + ")"
    sample_word = translate("worksheet", "Sample")
    teacher_word = translate("worksheet", "Teacher signal")
    hidden_word = translate("worksheet", "Hidden layers")
    output_layer_word = translate("worksheet", "output layer")
    error_function_word = translate("worksheet", "error function")
    lines = [f"{sample_word} <i>n</i> = {n}: &nbsp; {sym('z', 1)} = {sym('x', sub='<i>n</i>')} = {vec(x)}",
             f"{teacher_word} {sym('d', sub='<i>n</i>')} = {vec(d)}",
             f"{hidden_word}: <i>f</i> = {', '.join(acts[:-1]) or '−'}; &nbsp; "
             f"{output_layer_word}: {acts[-1]}; &nbsp; {error_function_word}: {loss}"]
    od = _phase(trace, "output_delta", L)
    if od.get("matched", True):
        lines.append(translate("worksheet", "Output and error function are a matched pair: δ^(L) = z^(L) − d.")
                     .replace("δ^(L)", sym("δ", L)).replace("z^(L)", sym("z", L)).replace(" d.", f" {sym('d')}."))
    else:
        lines.append(translate("worksheet", "Output and error function are not a matched pair: δ^(L) = f′(u^(L)) ⊙ ∂L_n/∂z^(L).")
                     .replace("δ^(L)", sym("δ", L)).replace("u^(L)", sym("u", L)).replace("z^(L)", sym("z", L))
                     .replace("L_n", sym("L", sub="<i>n</i>")))
    rule, note = _update_rule(trace)
    learning_rate_word = translate("worksheet", "Learning rate")
    lines.append(f"{learning_rate_word} ε = {num(m.get('eps', 0))}")
    weights = "".join(formulas.equation([formulas.M(sym("W", l), _phase(trace, "forward", l)["W"]),
                                         formulas.O("&nbsp;&nbsp;"),
                                         formulas.M(sym("b", l), _phase(trace, "forward", l)["b"])], 70)
                      for l in range(2, L + 1))
    where = translate("worksheet", "Weights and biases (not on the drawing: too many):") if _crowded(trace) else \
        translate("worksheet", "Weights and biases (also on the drawing):")
    return "".join(_p(s) for s in lines) + _p(where) \
        + f"<div style='font-size:{SMALL_PT}pt'>{weights}</div>"


def _blank_cell(b):
    hint = f"<br><span style='font-size:{SMALL_PT}pt; color:#555'>&nbsp;&nbsp;&nbsp;({b.hint})</span>" \
        if b.hint else ""
    eq = "" if b.label.endswith("← ") else " ="
    return f"<b>({b.number})</b> {b.label}{eq} <span style='color:#999'>__________</span>{hint}"


def _key_cell(b):
    eq = "" if b.label.endswith("← ") else " ="
    return f"<b>({b.number})</b> {b.label}{eq} <b>{num(b.value)}</b>"


def sheet_html(trace):
    """The whole document: the sheet, then (on a new page) the answer key."""
    m = trace.meta
    items, cut = blanks(trace)
    L = len(m["sizes"])
    sheet_title = translate("worksheet", "Worksheet: backpropagation, one training step")
    head = (f"<h2 style='margin-bottom:2px'>{sheet_title}</h2>"
            + _p(translate("worksheet", "Network {0}; training step {1}, sample n = {2}. Name: ____________________")
                 .format("-".join(map(str, m["sizes"])), m.get("step", "?"), m.get("sample", 0))))
    sheet = [head, f"<p align='center'><img src='{NETWORK_URL}'></p>", _givens(trace)]
    sheet.append(_p(translate("worksheet", "Fill in the blanks, rounded to 4 decimals. Units are numbered from 1, "
                                           "layer 1 is the input layer."), style="font-style:italic"))
    if cut:
        sheet.append(_p(translate("worksheet", "This network is larger than the sheet: the blanks cover the first {0} units of "
                                               "each layer and the weights from the first {1} units only; the key has the same.")
                        .format(MAX_UNITS, MAX_INPUTS), style="color:#8a1c1c"))
    answer_key_title = translate("worksheet", "Answer key")
    key = [f"<h2 style='page-break-before:always; margin-bottom:2px'>{answer_key_title}</h2>",
           _p(translate("worksheet", "Network {0}; training step {1}, sample n = {2}.")
              .format("-".join(map(str, m["sizes"])), m.get("step", "?"), m.get("sample", 0)))]
    for section in SECTIONS:
        mine = [b for b in items if b.section == section]
        if not mine:
            continue
        title = f"<h3 style='margin-top:10px; margin-bottom:0'>{_symbols(_section_title(section))}</h3>"
        extra = ""
        if section == "update":
            rule, note = _update_rule(trace)
            extra = _p(rule) + (_p(note, SMALL_PT) if note else "")
        sheet += [title, extra, _cells([_blank_cell(b) for b in mine])]
        key += [title, _cells([_key_cell(b) for b in mine], pad=2)]
    worked_out_title = translate("worksheet", "Worked out: one u and one δ")
    key.append(f"<h3 style='margin-top:14px'>{worked_out_title}</h3>")
    key.append(_p(formulas.unit_line(trace, 2, 0, "forward")))
    key.append(_p(formulas.unit_line(trace, L - 1 if L > 2 else L, 0, "backward")))
    return "".join(sheet) + "".join(key)


# ------------------------------------------------------------------ the drawing
NET_W_MM, NET_H_MM = 170, 78


def _mm(mm):
    return mm / 25.4 * DPI


def _positions(trace, rect):
    """{(l, j): centre} of the units drawn (at most DRAW_UNITS per layer: the first ones and the last)."""
    sizes = trace.meta["sizes"]
    L = len(sizes)
    pos = {}
    for l, n in enumerate(sizes, start=1):
        shown = list(range(n)) if n <= DRAW_UNITS else [*range(DRAW_UNITS - 2), None, n - 1]   # None: ⋮
        x = rect.left() + rect.width() * (0.17 + 0.63 * (l - 1) / max(L - 1, 1))
        for k, j in enumerate(shown):
            pos[l, "⋮" if j is None else j] = QPointF(x, rect.top() + rect.height() * (k + 0.5) / len(shown))
    return pos


def draw_network(painter, rect, trace):
    """The network of ``trace`` in ``rect``: units as circles with their input or bias,
    edges with their weights w_ji (for layers of few edges), layer names below, d beside
    the output units."""
    sizes = trace.meta["sizes"]
    L = len(sizes)
    pos = _positions(trace, rect.adjusted(0, 0, 0, -_mm(11)))
    gaps = {l: pos.pop((l, "⋮")) for l in range(1, L + 1) if (l, "⋮") in pos}
    crowded = _crowded(trace)
    r = _mm(4.2)
    small = QFont(painter.font())
    small.setPointSizeF(SMALL_PT)
    body = QFont(painter.font())
    body.setPointSizeF(BODY_PT)
    fm = QFontMetricsF(small, painter.device())
    painter.setRenderHint(QPainter.Antialiasing)
    edge_pen, label_pen = QPen(QColor("#888"), _mm(0.25)), QPen(QColor("#000"))
    for l in range(2, L + 1):
        W = _phase(trace, "forward", l)["W"]
        pairs = [(j, i) for (ll, j) in pos if ll == l for (lp, i) in pos if lp == l - 1]
        painter.setPen(edge_pen)
        for j, i in pairs:
            painter.drawLine(pos[l - 1, i], pos[l, j])
        if len(pairs) > LABEL_EDGES or crowded:
            continue
        painter.setFont(small)
        for (j, i), box in _label_boxes(pos, l, pairs, W, fm, r).items():
            painter.fillRect(box, QColor(255, 255, 255, 235))
            painter.setPen(label_pen)
            painter.drawText(box, Qt.AlignCenter, num(W[j, i]))
    for (l, j), c in pos.items():
        painter.setPen(QPen(QColor("#000"), _mm(0.35)))
        painter.setBrush(QColor("#eef3fb") if l > 1 else QColor("#f4f4f4"))
        painter.drawEllipse(c, r, r)
        painter.setFont(body)
        painter.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt.AlignCenter, str(j + 1))
        painter.setFont(small)
        if l == 1:
            text, where = f"x{_sub(j + 1)} = {num(_phase(trace, 'forward', 1)['z'][j])}", -1
        else:
            text, where = f"b = {num(_phase(trace, 'forward', l)['b'][j])}", 0
        w = fm.horizontalAdvance(text) + _mm(1)
        if l == L:
            d = f"d{_sub(j + 1)} = {num(_phase(trace, 'loss', L)['d'][j])}"
            painter.drawText(QRectF(c.x() + r + _mm(1.5), c.y() - fm.height() / 2, _mm(40), fm.height()),
                             Qt.AlignLeft | Qt.AlignVCenter, d)
        if where < 0:
            box = QRectF(c.x() - r - _mm(1) - w, c.y() - fm.height() / 2, w, fm.height())
            painter.drawText(box, Qt.AlignRight | Qt.AlignVCenter, text)
        elif not crowded:
            box = QRectF(c.x() - w / 2, c.y() + r, w, fm.height())
            painter.drawText(box, Qt.AlignCenter, text)
    painter.setFont(body)
    for l, c in gaps.items():
        painter.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt.AlignCenter, "⋮")
    step = rect.width() * 0.63 / max(L - 1, 1)
    for l in range(1, L + 1):
        name = (translate("worksheet", "input layer") if l == 1 else
                translate("worksheet", "output layer") if l == L else translate("worksheet", "hidden layer"))
        x = pos[l, 0].x()
        painter.drawText(QRectF(x - step / 2, rect.bottom() - _mm(11), step, _mm(11)),
                         Qt.AlignHCenter | Qt.AlignBottom | Qt.TextWordWrap, f"{name}\n(l = {l})")


_ALONG = (0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8)      # where along an edge its label may sit


def _label_boxes(pos, l, pairs, W, fm, r):
    """{(j, i): box} of the weight labels of layer l: each at the first point along its edge
    (from the middle outwards) where it overlaps no label placed before it."""
    placed = {}
    units = [QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r) for c in pos.values()]
    for j, i in pairs:
        a, b = pos[l - 1, i], pos[l, j]
        box = fm.boundingRect(num(W[j, i])).adjusted(-_mm(0.6), -_mm(0.1), _mm(0.6), _mm(0.1))
        def overlap(t):
            box.moveCenter(a + (b - a) * t)
            return sum(max(0.0, (q := box.intersected(o)).width() * q.height())
                       for o in [*placed.values(), *units])
        best = min(_ALONG, key=overlap)          # the first of the least overlapping
        box.moveCenter(a + (b - a) * best)
        placed[j, i] = QRectF(box)
    return placed


def _crowded(trace):
    """Whether the drawing leaves the weights and biases to the matrices (a layer of > 4 units)."""
    return any(n > 4 for n in trace.meta["sizes"])


# ------------------------------------------------------------------ the PDF
def _document(trace, device):
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    font = QFont()
    font.setPointSizeF(BODY_PT)
    doc.setDefaultFont(font)
    scale = 96 / DPI                    # QTextDocument scales images from 96 dpi to the device's
    placeholder = QImage(int(_mm(NET_W_MM) * scale), int(_mm(NET_H_MM) * scale), QImage.Format_ARGB32)
    placeholder.fill(Qt.transparent)
    doc.addResource(QTextDocument.ImageResource, NETWORK_URL, placeholder)
    doc.setHtml(sheet_html(trace))
    return doc


def _network_rect(doc):
    """Where the network placeholder sits in the laid-out document."""
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name() == NETWORK_URL:
                line = block.layout().lineForTextPosition(it.fragment().position() - block.position())
                top = layout.blockBoundingRect(block).top() + line.y()
                x = line.cursorToX(it.fragment().position() - block.position())
                x = x[0] if isinstance(x, tuple) else x
                left = layout.blockBoundingRect(block).left() + x
                return QRectF(left, top, _mm(NET_W_MM), _mm(NET_H_MM))
            it += 1
        block = block.next()
    return None


def render(trace, writer):
    """Lay out and paint every page on ``writer`` (a QPdfWriter); returns the number of pages."""
    doc = _document(trace, writer)
    page = QRectF(writer.pageLayout().paintRectPixels(DPI))
    footer = _mm(8)
    doc.setPageSize(QSizeF(page.width(), page.height() - footer))
    count = doc.pageCount()
    net = _network_rect(doc)
    painter = QPainter(writer)
    try:
        for k in range(count):
            if k:
                writer.newPage()
            h = doc.pageSize().height()
            painter.save()
            painter.translate(0, -k * h)
            doc.drawContents(painter, QRectF(0, k * h, page.width(), h))
            if net is not None and k * h <= net.top() < (k + 1) * h:
                draw_network(painter, net, trace)
            painter.restore()
            small = QFont()
            small.setPointSizeF(SMALL_PT - 1)
            painter.setFont(small)
            painter.setPen(QColor("#666"))
            painter.drawText(QRectF(0, page.height() - footer, page.width(), footer), Qt.AlignCenter,
                             translate("worksheet", "nnviz worksheet — page {0} of {1}").format(k + 1, count))
    finally:
        painter.end()
    return count


def pdf_bytes(trace):
    """(the worksheet as PDF bytes, its number of pages)."""
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait,
                                     QMarginsF(15, 12, 15, 10), QPageLayout.Millimeter))
    writer.setTitle(translate("worksheet", "Worksheet: backpropagation, one training step"))
    writer.setCreator("nnviz")
    pages = render(trace, writer)                   # painter.end() finishes the file
    return bytes(buffer.data()), pages


def write_pdf(trace, path):
    """Write the worksheet of ``trace`` to ``path`` atomically; returns its number of pages."""
    from ..core.weights_io import atomic_write
    data, pages = pdf_bytes(trace)
    atomic_write(path, lambda fh: fh.write(data))
    return pages
