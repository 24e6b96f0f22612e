"""The network view's labels: drawn at a fixed size on screen, and fewer of them where they do not fit.

Units and edges live in scene coordinates and are fitted into the view, so a deep or
wide net is drawn small. Its labels (layer titles, W^(l) shapes, range captions, the
step-through's formula) do not shrink with it: each is an item that ignores the view's
zoom, sized in screen pixels (its normal size times the text scale, never below
:data:`MIN_PX`), in rows above and below the columns. Where a row's labels would
overlap, the row takes a shorter form of each (``layer 3 / Tanh`` → ``layer 3`` → ``3``),
and then only every k-th label; the hover of a unit or an edge says what they said.
"""
from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem, QGraphicsTextItem

__all__ = ["MIN_PX", "readable", "LabelRows", "choose"]

MIN_PX = 7                      # text smaller than this on screen is not drawn (left to the hover)
ARROW = 16                      # screen pixels of the step-through's arrow between the captions and its formula
SPACE = 8                       # screen pixels kept free between two labels of a row
TOP, BOTTOM = ("title", "shape"), ("cut", "caption", "flow")    # rows above and below the columns, outwards last


def readable(px):
    """Whether text ``px`` screen pixels high can be read (the one rule of the network view)."""
    return px >= MIN_PX


def choose(centres, widths, space=SPACE):
    """(form, shown) for one row: the first form whose labels (centred on ``centres``, in
    screen pixels, ``widths[form][k]`` wide) keep ``space`` apart, and which of them are shown:
    all, or with the last form every k-th (and the last one where it fits)."""
    n = len(centres)

    def apart(a, b, form):
        return abs(centres[b] - centres[a]) >= (widths[form][a] + widths[form][b]) / 2 + space

    def fits(shown, form):
        return all(apart(a, b, form) for a, b in zip(shown, shown[1:]))
    for form in range(len(widths)):
        if fits(list(range(n)), form):
            return form, list(range(n))
    form = len(widths) - 1
    for k in range(2, n + 1):
        shown = list(range(0, n, k))
        if fits(shown, form):
            if shown[-1] != n - 1:             # the output layer's label too, where there is room
                if apart(shown[-1], n - 1, form):
                    shown.append(n - 1)
                elif len(shown) == 1 or apart(shown[-2], n - 1, form):
                    shown[-1] = n - 1
            return form, shown
    return form, [0]


def _width(item, form):
    """The screen width ``item`` needs in ``form``: a label of one form (a caption whose numbers
    change) keeps room for the widest text it has had."""
    w = item.sizes[min(form, len(item.sizes) - 1)][0]
    return max(w, item.room) if len(item.sizes) == 1 else w


class LabelRows:
    """The labels of one scene, row by row, laid out around the columns' rectangle in screen pixels."""

    def __init__(self, scene, font):
        self.scene, self.font = scene, font
        self.rows = {name: [] for name in TOP + BOTTOM}

    def clear(self):
        """Forget the items (the scene was cleared)."""
        for row in self.rows.values():
            row.clear()

    def add(self, row, x, forms, px, rich=False):
        """A label at scene x in ``row``: ``forms`` its texts from the longest to the shortest
        (HTML if ``rich``, else plain grey), ``px`` its normal pixel size at text scale 1."""
        item = QGraphicsTextItem() if rich else QGraphicsSimpleTextItem()
        if rich:
            item.document().setDocumentMargin(1)
        else:
            item.setBrush(QColor(100, 100, 100))
        font = QFont(self.font)
        font.setPixelSize(max(MIN_PX, round(px)))
        item.setFont(font)
        item.setFlag(QGraphicsItem.ItemIgnoresTransformations)
        item.setZValue(20)
        item.x_scene, item.form, item.shown, item.room = x, 0, True, 0.0
        self.set_forms(item, forms)
        self.rows[row].append(item)
        self.scene.addItem(item)
        return item

    def set_forms(self, item, forms):
        """New texts for ``item`` (the longest first), centred where it was. Returns whether it
        grew wider than any text it had before (then the row needs a new :meth:`pick`)."""
        item.forms, item.sizes, room = list(forms), [], item.room
        for text in item.forms:
            self._set_text(item, text)
            r = item.boundingRect()
            item.sizes.append((r.width(), r.height()))
        item.form = min(item.form, len(item.forms) - 1)
        self._set_text(item, item.forms[item.form])
        item.setTransform(QTransform.fromTranslate(-item.sizes[item.form][0] / 2, item.transform().dy()))
        item.room = max(room, *(w for w, _ in item.sizes))
        return item.room > room

    @staticmethod
    def _set_text(item, text):
        if isinstance(item, QGraphicsTextItem):
            item.setHtml(f"<div align='center'>{text}</div>" if text else "")
        else:
            item.setText(text)

    def height(self, row, phase=False, forms=None):
        """The screen height of ``row`` with each label in form ``forms`` (default: its widest)."""
        if row == "flow" and not phase:
            return 0.0
        items = [i for i in self.rows[row] if i.forms]
        return max((i.sizes[min(forms or 0, len(i.sizes) - 1)][1] for i in items), default=0.0)

    def margins(self, phase, forms=None):
        """(top, bottom) screen pixels the rows take above and below the columns."""
        forms = forms or {}
        return (sum(self.height(r, phase, forms.get(r)) for r in TOP),
                sum(self.height(r, phase, forms.get(r)) for r in BOTTOM) + (ARROW if phase else 0) + 4)

    def pick(self, scale):
        """For each row, the form and the labels shown at ``scale`` screen pixels per scene unit."""
        picked = {}
        for name, items in self.rows.items():
            items = [i for i in items if i.forms]
            if items:
                widths = [[_width(i, f) for i in items]
                          for f in range(max(len(i.forms) for i in items))]
                form, shown = choose([i.x_scene * scale for i in items], widths)
                picked[name] = (form, {id(items[k]) for k in shown})
        return picked

    def place(self, rect, picked, phase, view):
        """Put every label at its row's screen offset from the columns' scene ``rect`` (the flow
        label inside ``view``'s viewport); hide the ones ``picked`` left out."""
        forms = {name: f for name, (f, _) in picked.items()}
        offset = -sum(self.height(r, phase, forms.get(r)) for r in TOP)
        for name in TOP + BOTTOM:
            if name == BOTTOM[0]:
                offset = 0.0
            elif name == "flow":
                offset += ARROW
            form, shown = picked.get(name, (0, set()))
            for item in self.rows[name]:
                item.form = min(form, len(item.forms) - 1)
                self._set_text(item, item.forms[item.form])
                item.shown = id(item) in shown and (name != "flow" or phase)
                item.setVisible(item.shown)
                w = item.sizes[item.form][0]
                dx = -w / 2
                item.setPos(item.x_scene, rect.top() if name in TOP else rect.bottom())
                if name == "flow":         # the formula stays on screen, under its arrow where it can
                    vx, width = view.mapFromScene(item.pos()).x(), view.viewport().width()
                    dx = min(max(vx - w / 2, 2), width - w - 2) - vx
                item.setTransform(QTransform.fromTranslate(dx, offset))
            offset += self.height(name, phase, forms.get(name))

    def overhang(self, picked, scale, half_node):
        """Screen pixels the outermost labels reach beyond the columns' rectangle, left or right."""
        reach = 0.0
        for name, row in self.rows.items():
            form, items = picked.get(name, (0,))[0], [i for i in row if i.forms and name != "flow"]
            for i in items[:1] + items[-1:]:
                reach = max(reach, _width(i, form) / 2 - half_node * scale)
        return reach

    def flow_y(self, phase, picked):
        """Screen pixels below the columns where the step-through's arrow runs."""
        return sum(self.height(r, phase, picked.get(r, (0,))[0]) for r in ("cut", "caption")) + ARROW / 2
