"""The "Import CSV…" dialog: preview a file, choose inputs, target, task and split, check it live.

The preview shows the first rows as they stand in the file (read here, tolerantly, with
the csv module: the encoding and delimiter as load_csv finds them, ragged rows as they are).
The encoding (automatic, UTF-8, CP932, UTF-16) and the decimal mark (automatic, 1.5, 1,5)
are choices too. Every change of a
choice re-reads the file with :func:`nnviz.core.datasets.load_csv`, exactly as training
will: its DataError message (file, line, column) appears in red and the OK button is
disabled; a valid choice shows a green summary of the data set. Nothing is evaluated.

A file larger than ``background_bytes`` is read in a thread (:class:`_Loader`, a
parentless QObject moved to a QThread) with a progress bar and a Stop button; a newer
choice, Stop, or closing the dialog makes the reading stop at its next progress report.
"""
from __future__ import annotations

import csv
import io
import os
from typing import NamedTuple

from PySide6.QtCore import QObject, QSignalBlocker, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMenu, QProgressBar, QPushButton,
                               QSpinBox, QTableWidget, QTableWidgetItem, QToolButton, QVBoxLayout)

from ..core.csv_text import DECIMALS, ENCODING_NAMES, ENCODINGS, comma_decimals, decode, sniff_delimiter
from ..core.datasets import MAX_BYTES, MAX_COLUMNS, load_csv
from ..core.errors import InputError, Message
from ..core.landscape import Cancelled
from .i18n import explain

__all__ = ["CsvImportDialog", "Preview", "read_preview"]

PREVIEW_ROWS, PREVIEW_COLUMNS = 50, 100
PREVIEW_BYTES = 256_000          # the preview reads at most this much of the file
BACKGROUND_BYTES = 1_000_000     # larger files are read in a thread
TASKS = (("auto", None), ("regression", "regression"), ("2-class", "binary"), ("K-class", "multiclass"))
_OK_STYLE = "color:#1e6b34; background:#e8f5ec; border:1px solid #b9dfc4; border-radius:4px; padding:6px;"
_ERR_STYLE = "color:#a4262c; background:#fdecec; border:1px solid #f1bcbc; border-radius:4px; padding:6px;"
_INFO_STYLE = "color:#505050; background:#f3f3f3; border:1px solid #dddddd; border-radius:4px; padding:6px;"
_TARGET_BG, _BAD_BG, _UNUSED_FG = QColor(226, 238, 248), QColor(250, 205, 205), QColor(160, 160, 160)


class Preview(NamedTuple):
    """What :func:`read_preview` saw: the header's cells ([] for none), up to ``max_rows``
    (line number, cells) pairs after it, the delimiter, the encoding (a key of
    ENCODING_NAMES, None if none fitted) and whether the numbers have a decimal comma."""
    header: list
    rows: list
    delimiter: str
    encoding: str | None = None
    comma: bool = False


def read_preview(path, max_rows=PREVIEW_ROWS, max_bytes=PREVIEW_BYTES, encoding="auto", decimal="auto"):
    """The first rows of a text table, as they stand, read by load_csv's rules for ``encoding``
    and ``decimal`` (the delimiter: the most frequent of ',' ';' tab in the header, outside
    quotes). Never raises on odd content: a file no encoding fits is shown as UTF-8 with
    its bad bytes replaced; ragged rows are kept as they are.
    """
    try:
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError:
        return Preview([], [], ",")
    truncated = len(raw) > max_bytes
    try:
        text, used = decode(raw[:max_bytes], encoding, final=not truncated)
    except UnicodeDecodeError:
        text, used = raw[:max_bytes].decode("utf-8", errors="replace"), None
    if truncated and "\n" in text:
        text = text[:text.rindex("\n") + 1]            # no half line at the end
    text = text.lstrip("\ufeff").replace("\0", "")
    first = next((s for s in io.StringIO(text) if s.strip()), "")
    delimiter = sniff_delimiter(first) or ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header, rows = None, []
    try:
        for row in reader:
            if not "".join(row).strip():
                continue
            if header is None:
                header = row
            elif len(rows) < max_rows:
                rows.append((reader.line_num, row))
            else:
                break
    except csv.Error:                                   # e.g. an unclosed quote: show what came before
        pass
    return Preview(header or [], rows, delimiter, used, comma_decimals([r for _, r in rows], delimiter, decimal))


class _Loader(QObject):
    """Runs :func:`load_csv` in its thread; never touches a widget. ``wanted`` is the request
    the dialog still waits for (a plain int the dialog sets): any other stops at its next
    progress report with :class:`Cancelled`."""
    progress = Signal(int, int, int)          # request, lines read, lines in the file
    loaded = Signal(int, object, object)      # request, Dataset or None, error or None

    def __init__(self):
        super().__init__()
        self.wanted = 0

    @Slot(int, str, object)
    def load(self, request, path, kwargs):
        if request != self.wanted:
            return

        def report(done, total):
            self.progress.emit(request, done, total)
            return request == self.wanted
        try:
            dataset = load_csv(path, progress=report, **kwargs)
        except Exception as e:                # a user's error is shown; a bug is shown and raised
            self.loaded.emit(request, None, e)
            if not isinstance(e, (Message, OSError)):
                raise
        else:
            self.loaded.emit(request, dataset, None)


class CsvImportDialog(QDialog):
    """Choose how a CSV file becomes a data set; :meth:`dataset` is the validated result.

    Parameters
    ----------
    path : str or None
        The file; None opens a file chooser when the dialog is first shown.
    parent : QWidget, optional
    max_bytes : int
        Size limit passed to :func:`load_csv`.
    background_bytes : int
        Larger files are read in a thread, with progress and Stop.
    """
    load_requested = Signal(int, str, object)   # request, path, load_csv's keywords

    def __init__(self, path=None, parent=None, max_bytes=MAX_BYTES, background_bytes=BACKGROUND_BYTES):
        super().__init__(parent)
        self._background_bytes, self._thread, self._loader, self._request = background_bytes, None, None, 0
        self.setWindowTitle(self.tr("Import CSV data"))
        self.setMinimumSize(640, 480)
        self._path, self._header, self._rows, self._preview = None, [], [], Preview([], [], ",")
        self._dataset, self._max_bytes, self._building = None, max_bytes, False
        self._ask_on_show = path is None

        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self.encoding = QComboBox()
        for key in ENCODINGS:
            self.encoding.addItem(ENCODING_NAMES.get(key) or self.tr("automatic"), key)
        self.encoding.setToolTip(self.tr("How the file's text is encoded. Automatic: a BOM, else UTF-8, else "
                                         "CP932 (Shift_JIS, Excel's “CSV (comma delimited)” in Japan)."))
        self.encoding.currentIndexChanged.connect(lambda: self.set_path(self._path))
        self.decimal = QComboBox()
        for key, label in zip(DECIMALS, (self.tr("automatic"), self.tr("point: 1.5"), self.tr("comma: 1,5"))):
            self.decimal.addItem(label, key)
        self.decimal.setToolTip(self.tr("How the numbers write their decimals. Automatic: a comma only in a "
                                        "file separated by ';' or tabs with no number written 1.5."))
        self.decimal.currentIndexChanged.connect(self._on_decimal)

        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)             # the delimiter, encoding and decimal mark too
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.verticalHeader().setToolTip(self.tr("Line numbers in the file"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.status.setTextFormat(Qt.PlainText)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("reading the file… %p %"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop reading the file; change a choice to read it again."))
        self.stop_button.clicked.connect(self.stop_loading)

        self.inputs = QListWidget()
        self.inputs.setToolTip(self.tr("The columns the network gets as inputs x₁, x₂, …; "
                                       "they must hold numbers."))
        self.inputs.itemChanged.connect(self._changed)
        all_button, none_button = QPushButton(self.tr("All")), QPushButton(self.tr("None"))
        all_button.clicked.connect(lambda: self._check_all(True))
        none_button.clicked.connect(lambda: self._check_all(False))
        self.target = QComboBox()
        self.target.setToolTip(self.tr("The column the network learns to predict (the teacher signal d)."))
        self.target.currentIndexChanged.connect(self._on_target)
        self.more_targets = QToolButton()          # further target columns: a multi-output regression
        self.more_targets.setPopupMode(QToolButton.InstantPopup)
        self.more_targets.setToolTip(self.tr("Further target columns: each becomes one more output of a "
                                             "regression (as y₁, y₂ in the slides). Classification takes "
                                             "one target column."))
        self.more_targets.setMenu(QMenu(self.more_targets))
        self.more_targets.menu().aboutToShow.connect(self._fill_targets_menu)
        self._extra = []                           # the further targets' column indices, in file order
        self.task = QComboBox()
        names = {"auto": self.tr("automatic"), "regression": self.tr("regression (a number)"),
                 "2-class": self.tr("2 classes"), "K-class": self.tr("K classes")}
        for label, task in TASKS:
            self.task.addItem(names[label], task)
        self.task.setToolTip(self.tr("Automatic: text labels, or whole numbers with at most 10 "
                                     "values, are classes; other numbers are a regression."))
        self.task.currentIndexChanged.connect(self._changed)
        self.test_pct = QSpinBox()
        self.test_pct.setRange(0, 90)
        self.test_pct.setValue(30)
        self.test_pct.setSuffix(" %")
        self.test_pct.setToolTip(self.tr("Share of the rows held out as test data (never trained on). "
                                         "0 %: all rows train, in the file's order."))
        self.test_pct.valueChanged.connect(self._changed)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(self.tr("Seeds the shuffle before the rows are split into training "
                                     "and test data."))
        self.seed.valueChanged.connect(self._changed)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Import"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File:")))
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        text_row = QHBoxLayout()
        text_row.addWidget(QLabel(self.tr("Encoding:")))
        text_row.addWidget(self.encoding)
        text_row.addSpacing(12)
        text_row.addWidget(QLabel(self.tr("Decimal mark:")))
        text_row.addWidget(self.decimal)
        text_row.addStretch(1)
        input_box = QGroupBox(self.tr("Input columns"))
        ib = QVBoxLayout(input_box)
        ib.addWidget(self.inputs, 1)
        ib_buttons = QHBoxLayout()
        ib_buttons.addWidget(all_button)
        ib_buttons.addWidget(none_button)
        ib_buttons.addStretch(1)
        ib.addLayout(ib_buttons)
        target_box = QGroupBox(self.tr("Target and split"))
        form = QFormLayout(target_box)
        form.addRow(self.tr("Target column:"), self.target)
        form.addRow(self.tr("More targets:"), self.more_targets)
        form.addRow(self.tr("Task:"), self.task)
        form.addRow(self.tr("Test share:"), self.test_pct)
        form.addRow(self.tr("Split seed:"), self.seed)
        choices = QHBoxLayout()
        choices.addWidget(input_box, 1)
        choices.addWidget(target_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(text_row)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.status)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.stop_button)
        layout.addLayout(progress_row)
        self._set_loading(False)
        layout.addLayout(choices, 2)
        layout.addWidget(self.buttons)
        self._highlighted = []
        self.set_path(path)

    # ------------------------------------------------------------ results
    def dataset(self):
        """The validated Dataset, or None while the choices are not valid."""
        return self._dataset

    def path(self):
        return self._path

    def settings_patch(self):
        """The Settings fields the choice sets: data_file, target, task (None: automatic),
        test_ratio, data_seed, encoding and decimal."""
        return {"data_file": self._path, "target": self._target_choice(),
                "task": self.task.currentData(), "test_ratio": self.test_pct.value() / 100,
                "data_seed": self.seed.value(), **self._text_choice()}

    def _text_choice(self):
        return {"encoding": self.encoding.currentData(), "decimal": self.decimal.currentData()}

    def targets(self):
        """The target columns: the target column, then any further ones in the file's order."""
        names = [self.inputs.item(i).data(Qt.UserRole) for i in self._extra]
        return [self.target.currentText()] + names if self.target.currentText() else names

    def set_more_targets(self, names):
        """Choose further target columns by name (the menu of :attr:`more_targets` does the same)."""
        columns = [self.inputs.item(i).data(Qt.UserRole) for i in range(self.inputs.count())]
        self._extra = sorted(columns.index(n) for n in set(names) if n in columns
                             and columns.index(n) != self.target.currentIndex())
        self._on_target()

    def _target_choice(self):
        """load_csv's target: one name, several as a tuple, or None."""
        names = self.targets()
        return tuple(names) if len(names) > 1 else (names[0] if names else None)

    def _fill_targets_menu(self):
        """One checkable entry per column but the target, built when the menu opens."""
        menu, t = self.more_targets.menu(), self.target.currentIndex()
        menu.clear()
        for i in range(self.inputs.count()):
            if i != t:
                name = self.inputs.item(i).data(Qt.UserRole)
                action = menu.addAction(name)
                action.setCheckable(True)
                action.setChecked(i in self._extra)
                action.toggled.connect(lambda on, i=i: self._toggle_target(i, on))

    def _toggle_target(self, i, on):
        self._extra = sorted(set(self._extra) - {i} | ({i} if on else set()))
        self._on_target()

    def input_names(self):
        """The checked input columns, in the file's order."""
        return [self.inputs.item(i).data(Qt.UserRole) for i in range(self.inputs.count())
                if self.inputs.item(i).checkState() == Qt.Checked]

    # ------------------------------------------------------------- file
    def showEvent(self, event):
        super().showEvent(event)
        if self._ask_on_show:
            self._ask_on_show = False
            QTimer.singleShot(0, lambda: self.browse() or self._path or self.reject())

    def _ask_path(self):
        start = os.path.dirname(self._path) if self._path else os.getcwd()
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open CSV data"), start,
            self.tr("CSV data (*.csv *.tsv *.txt);;All files (*)"))
        return path

    def browse(self):
        """Ask for a file; returns whether one was chosen."""
        path = self._ask_path()
        if path:
            self.set_path(path)
        return bool(path)

    def set_path(self, path):
        """Show the file at ``path``: its preview, its columns with the default choices, the check."""
        self._path = os.fspath(path) if path else None
        self.file_edit.setText(self._path or "")
        self.file_edit.setToolTip(self._path or "")
        self._preview = read_preview(self._path, **self._text_choice()) if self._path else Preview([], [], ",")
        self._header, self._rows = self._preview.header, self._preview.rows
        self._fill_table()
        self._building = True
        names = self._header[:MAX_COLUMNS]               # a wider file is refused by load_csv anyway
        with QSignalBlocker(self.target):
            self.target.clear()
            self.target.addItems([name.strip() for name in names])
            self.target.setCurrentIndex(len(names) - 1)
        self.inputs.clear()
        for name in names:
            item = QListWidgetItem(name.strip())
            item.setData(Qt.UserRole, name.strip())
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.inputs.addItem(item)
        self._building, self._target, self._extra = False, set(), []
        self._on_target()

    def _fill_table(self):
        """The first PREVIEW_ROWS rows and PREVIEW_COLUMNS columns: each Qt call on a table
        costs time in its width, so a file of thousands of columns is shown in part."""
        header, rows = self._header, self._rows
        full = max([len(header)] + [len(r) for _, r in rows])
        width = min(full, PREVIEW_COLUMNS)
        self.table.clear()
        self._highlighted = []
        self.table.setColumnCount(width)
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels((header + [""] * width)[:width])
        self.table.setVerticalHeaderLabels([str(line) for line, _ in rows])
        for i, (_, row) in enumerate(rows):
            for j, cell in enumerate(row[:width]):
                self.table.setItem(i, j, QTableWidgetItem(cell))
        self.table.resizeColumnsToContents()
        for j in range(width):
            self.table.setColumnWidth(j, min(max(self.table.columnWidth(j), 60), 220))
        self._widths = width, full
        self._fill_label()

    def _fill_label(self):
        """What the preview shows, and how the text is read."""
        (header, rows, delimiter), (width, full) = self._preview[:3], self._widths
        names = {",": self.tr("comma"), ";": self.tr("semicolon"), "\t": self.tr("tab")}
        if not self._path:
            text = self.tr("Choose a CSV file with a header row.")
        elif not header:
            text = self.tr("Preview: the file shows no rows.")
        else:
            text = self.tr("Preview of the first {0} data rows (separated by {1}); row numbers are "
                           "line numbers; blue: target, grey: not used.").format(len(rows), names[delimiter])
            if width < full:
                text += " " + self.tr("Only the first {0} of {1} columns are shown.").format(width, full)
            encoding = self._preview.encoding
            text += " " + (self.tr("Text: {0}.").format(ENCODING_NAMES[encoding]) if encoding else
                           self.tr("No encoding fits: shown as UTF-8 with bad bytes replaced."))
            if self._preview.comma:
                text += " " + self.tr("Decimal comma: 1,5 is read as 1.5.")
        self.preview_label.setText(text)

    def _on_decimal(self, *_):
        p, decimal = self._preview, self.decimal.currentData()
        self._preview = p._replace(comma=comma_decimals([r for _, r in p.rows], p.delimiter, decimal))
        self._fill_label()
        self._changed()

    # --------------------------------------------------------- choices
    def _check_all(self, on):
        self._building = True
        for i in range(self.inputs.count()):
            item = self.inputs.item(i)
            if item.flags() & Qt.ItemIsEnabled:
                item.setCheckState(Qt.Checked if on else Qt.Unchecked)
        self._building = False
        self._changed()

    def _on_target(self, *_):
        """A target column cannot be an input: its item is unchecked and disabled; a former
        target's item becomes a checked input again (only the items that change)."""
        self._building = True
        t = self.target.currentIndex()
        self._extra = [i for i in self._extra if i != t]
        now, old = {i for i in [t, *self._extra] if 0 <= i < self.inputs.count()}, self._target
        for i in old - now:
            item = self.inputs.item(i)
            item.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled)
            item.setCheckState(Qt.Checked)
            item.setText(item.data(Qt.UserRole))
            item.setToolTip("")
        for i in now - old:
            item = self.inputs.item(i)
            item.setFlags(Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            item.setText(self.tr("{0} (target)").format(item.data(Qt.UserRole)))
            item.setToolTip(self.tr("This is the target column."))
        self._target = now
        extra = [self.inputs.item(i).data(Qt.UserRole) for i in self._extra]
        self.more_targets.setText(", ".join(extra) if extra else self.tr("none"))
        self._building = False
        self._changed()

    def _changed(self, *_):
        if self._building:
            return
        self.seed.setEnabled(self.test_pct.value() > 0)
        self._mark_columns()
        self._validate()

    def _mark_columns(self):
        used = {i for i in range(self.inputs.count()) if self.inputs.item(i).checkState() == Qt.Checked}
        targets = self._target
        bold = QFont(self.table.font())
        bold.setBold(True)
        self.table.setUpdatesEnabled(False)
        for j in range(self.table.columnCount()):
            head = self.table.horizontalHeaderItem(j)
            if head is not None:
                head.setFont(bold if j in targets else self.table.font())
                head.setForeground(QBrush(QColor(8, 90, 150) if j in targets else
                                          _UNUSED_FG if j not in used else QColor(30, 30, 30)))
            for i in range(self.table.rowCount()):
                item = self.table.item(i, j)
                if item is not None:
                    item.setBackground(QBrush(_TARGET_BG) if j in targets else QBrush())
                    item.setForeground(QBrush(_UNUSED_FG) if j not in used and j not in targets else QBrush())
        self.table.setUpdatesEnabled(True)

    # ------------------------------------------------------- validation
    def _validate(self):
        self._dataset = None
        self._request += 1                    # any reading still under way is stale now
        if self._loader is not None:
            self._loader.wanted = self._request
        if not self._path:
            self._set_loading(False)
            return self._show(self.tr("No file chosen: use Browse… to pick a CSV file."), _INFO_STYLE)
        kwargs = dict(target=self._target_choice() if self._header else None,
                      task=self.task.currentData(), test_ratio=self.test_pct.value() / 100,
                      seed=self.seed.value(), inputs=self.input_names() if self._header else None,
                      max_bytes=self._max_bytes, **self._text_choice())
        if os.path.isfile(self._path) and os.path.getsize(self._path) > self._background_bytes:
            return self._load_in_background(kwargs)
        self._set_loading(False)
        try:
            dataset, error = load_csv(self._path, **kwargs), None
        except (InputError, OSError) as e:
            dataset, error = None, e
        self._on_loaded(self._request, dataset, error)

    def _load_in_background(self, kwargs):
        if self._thread is None:
            self._thread, self._loader = QThread(self), _Loader()
            self._thread.setObjectName("nnviz-csv")
            self._loader.moveToThread(self._thread)
            self._thread.finished.connect(self._loader.deleteLater)
            self.load_requested.connect(self._loader.load)
            self._loader.progress.connect(self._on_progress)
            self._loader.loaded.connect(self._on_loaded)
            self._thread.start()
        self._loader.wanted = self._request
        self._set_loading(True)
        self._show(self.tr("Reading the file…"), _INFO_STYLE)
        self.load_requested.emit(self._request, self._path, kwargs)

    def _set_loading(self, on):
        self.progress.setVisible(on)
        self.stop_button.setVisible(on)
        if on:
            self.progress.setRange(0, 0)       # busy until the first report
            self.stop_button.setEnabled(True)

    def _on_progress(self, request, done, total):
        if request == self._request:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, total))

    def _on_loaded(self, request, dataset, error):
        if request != self._request:          # an answer to an older choice
            return
        self._set_loading(False)
        self._dataset = dataset
        if isinstance(error, Cancelled):
            self._show(self.tr("Reading stopped. Change a choice to read the file again."), _INFO_STYLE)
        elif error is not None:
            self._show(explain(error), _ERR_STYLE)
            fields = getattr(error, "fields", {})
            self._mark_error(fields.get("line"), fields.get("column"))
        else:
            self._show(self.summary(dataset), _OK_STYLE)

    def stop_loading(self):
        """Stop a reading under way (it ends at its next progress report)."""
        if self._loader is not None:
            self._loader.wanted = -1
            self.stop_button.setEnabled(False)

    def _shutdown(self):
        """Stop the reading thread and wait for it (idempotent)."""
        if self._thread is not None:
            self._loader.wanted = -1
            self._thread.quit()
            self._thread.wait()
            self._thread = self._loader = None

    def done(self, result):
        self._shutdown()
        super().done(result)

    def closeEvent(self, event):
        self._shutdown()
        super().closeEvent(event)

    def _show(self, text, style):
        self.status.setText(text)
        self.status.setStyleSheet(f"QLabel {{ {style} }}")
        self.ok_button.setEnabled(self._dataset is not None)
        if self._dataset is not None:
            self._mark_error(None, None)

    def _mark_error(self, line, column):
        """Tint the preview cell at file ``line`` and ``column`` (a name; None: the whole row),
        and scroll to it."""
        for i, j in self._highlighted:
            item = self.table.item(i, j)
            if item is not None:
                item.setBackground(QBrush(_TARGET_BG) if j in self._target else QBrush())
        self._highlighted = []
        row = next((i for i, (n, _) in enumerate(self._rows) if line is not None and n == line), None)
        if row is None:
            return
        names = [n.strip() for n in self._header[:self.table.columnCount()]]
        cols = [names.index(column)] if column in names else range(self.table.columnCount())
        if not cols:
            return
        for j in cols:
            item = self.table.item(row, j)
            if item is None:
                item = QTableWidgetItem("")
                self.table.setItem(row, j, item)
            item.setBackground(QBrush(_BAD_BG))
            self._highlighted.append((row, j))
        self.table.scrollToItem(self.table.item(row, cols[0]))

    def summary(self, ds):
        """One line on a valid data set, e.g. '184 rows: 129 train, 55 test · 3 inputs · 2-class: yes, no'."""
        n_train, n_test = len(ds.X_train), len(ds.X_test)
        rows = self.tr("{0} rows: {1} train, {2} test").format(n_train + n_test, n_train, n_test)
        inputs = self.tr("1 input") if ds.n_inputs == 1 else self.tr("{0} inputs").format(ds.n_inputs)
        if ds.task == "regression" and ds.n_outputs > 1:
            task = self.tr("regression of {0} outputs: {1}").format(ds.n_outputs, ", ".join(ds.target_names))
        elif ds.task == "regression":
            d = ds.d_train[:, 0]
            task = self.tr("regression: {0} from {1:.4g} to {2:.4g}").format(ds.target_name, d.min(), d.max())
        else:
            shown = ", ".join(ds.classes[:10]) + (", …" if len(ds.classes) > 10 else "")
            task = self.tr("{0}-class: {1}").format(len(ds.classes), shown)
        return " · ".join((rows, inputs, task))
