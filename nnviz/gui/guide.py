"""Help → Guide: what each tab and panel of the window shows, and what to try there.

The text lives here only (the README points to it); it goes through ``self.tr()`` like
every visible string, so the Japanese window shows it in the slides' words. Each section
ends with the scenes of the *Presets* menu that belong to it, under their translated
titles, so a recipe and the menu always agree.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from nnviz.training.scenes import load_scenes

# (key, title, what it shows, what to try, scenes of the Presets menu). The keys are the
# main window's dock keys and tab names; the titles are the tabs' and docks' own.
SECTIONS = (
    ("network", QT_TRANSLATE_NOOP("GuideDialog", "Network"),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "Every unit and every weight, from layer 1 (the input) to layer L (the output): each unit "
                       "computes u = W z + b and z = f(u). Edges are coloured by the sign of w (orange negative, "
                       "blue positive) and are as wide as |w|; for 2-D data each unit shows its output z over the "
                       "input plane. “Colour by” switches to what backpropagation computes: ∂L/∂w on the edges, "
                       "the deltas δ on the units."),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "Hover a unit for u, z, δ and b of the selected sample, an edge for w_ji and ∂L/∂w_ji. "
                       "Click an edge to set a weight by hand and watch the output change. Add and remove layers "
                       "and units on the left (+ and −): the view rebuilds and the new network trains."),
     ("xor_hidden", "xor_linear", "spiral_tanh")),
    ("controls", QT_TRANSLATE_NOOP("GuideDialog", "Controls"),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "The data set; the task, which picks the output layer and error function that belong "
                       "together (so that δ^(L) = z − d), or a pair of your own; the hidden layers and their "
                       "activation functions; the initial weights; and training: B (N: gradient descent, 1: SGD, "
                       "otherwise minibatch gradient descent), the learning rate ε, the update rule and μ."),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "Space plays and pauses, S takes one step, R goes back to the same initial weights (to "
                       "replay a run with other settings), N draws new ones. Every control has a tooltip in the "
                       "lecture's terms."),
     ()),
    ("output", QT_TRANSLATE_NOOP("GuideDialog", "Output"),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "For 2-D data, the output y over the input plane with the decision boundary, the training "
                       "points (circles) and the test points (diamonds); for regression on one input, the fitted "
                       "curve over the data. Click a training point to select sample n."),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "Fit sin x with the identity output and squared error; separate four classes with softmax "
                       "and cross-entropy; solve the circles with the hand-made features x₁², x₂² and no hidden layer."),
     ("sin_regression", "blobs_softmax", "circles_features")),
    ("hidden", QT_TRANSLATE_NOOP("GuideDialog", "Hidden features"),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "The data in the space of a hidden layer's outputs (two chosen units, or a 2-D PCA), where "
                       "the classes become linearly separable. When the last hidden layer has two units, the "
                       "output's decision boundary is drawn in their plane."),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "Train the circles through hidden layers of 4 and 2 units: in the plane of the last hidden "
                       "layer a straight line comes to separate the two classes."),
     ("hidden_linear",)),
    ("loss", QT_TRANSLATE_NOOP("GuideDialog", "Loss"),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "The error L on the training data and on the test data, against step or epoch (log "
                       "scale), with the accuracy and the confusion matrix, or RMSE and R² for regression."),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "Make the learning rate too large (the error oscillates and stays high) and too small (it "
                       "crawls). Compare gradient descent, SGD and minibatches per step and per epoch, and "
                       "momentum against plain SGD."),
     ("lr_too_large", "lr_too_small", "minibatch", "momentum")),
    ("gallery", QT_TRANSLATE_NOOP("GuideDialog", "Activation functions"),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "f and f′ of the nine activation functions of the lecture's table; the ones the current "
                       "network uses are highlighted."),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "The binary step passes no gradient: its f′ is 0, so δ is 0 in every hidden layer and only "
                       "the output layer learns. Switch a hidden layer from the sigmoid to ReLU and compare the "
                       "error curves."),
     ("step_no_gradient", "sigmoid_squared")),
    ("stepthrough", QT_TRANSLATE_NOOP("GuideDialog", "Step-through"),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "One real training step, phase by phase, in the slides' four steps of backpropagation: "
                       "(1) the forward pass layer by layer, (2) the output δ^(L) = z − d, (3) the δ recursion "
                       "backwards, (4) each layer's gradient δ^(l) z^(l−1)ᵀ, then the update, every formula "
                       "filled in with the numbers of the step."),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "Press T (Train menu) to record a step, then go through it with ◀ ▶. Click a unit for its "
                       "own line of the δ recursion, an edge for ∂L_n/∂w_ji = δ_j z_i; “Gradient check” compares "
                       "backpropagation with central differences. In the slides' worked example, follow the "
                       "numbers of one δ by hand."),
     ("worked_example",)),
    ("arena", QT_TRANSLATE_NOOP("GuideDialog", "Optimiser arena"),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "GD, SGD, momentum SGD, Nesterov, AdaGrad, RMSProp and Adam racing from one start across "
                       "the contour plot of a surface L(x, y): the ravine of the slide “SGD vs Momentum SGD”, the "
                       "saddle x² − y², Rosenbrock, Himmelblau and more, or a formula of your own. The table gives "
                       "‖∇L‖ and the Hessian's eigenvalues at each optimiser's point."),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "On the ravine, SGD zig-zags across the valley and momentum runs along it; give momentum "
                       "the common ε (“= ε”) and raise μ towards 1, and it overshoots. On the saddle, press “GD "
                       "lingers at the saddle”: gradient descent stays near the saddle point, the noise of SGD "
                       "pushes it off sooner. Click the plot to move the start."),
     ()),
    ("landscape", QT_TRANSLATE_NOOP("GuideDialog", "Loss landscape"),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "The network's own error surface: a 2-D slice through the current weights, along two "
                       "weights you click in the network, two random directions or the path's two principal "
                       "directions, with the path drawn on it. “Compute Hessian” names the point a minimum or a "
                       "saddle only where ‖∇L‖ is almost 0; “Run restarts” trains K networks from K seeds and "
                       "counts the distinct solutions they reach."),
     QT_TRANSLATE_NOOP("GuideDialog",
                       "XOR with one hidden layer of 2 tanh units, B = N, ε = 0.5, L2 = 0.01: run restarts. The "
                       "runs converge to several distinct local minima, and only some reach the lowest error (a "
                       "candidate for the global minimum): which solution is found depends on the initial values."),
     ("local_minima", "saddle_plateau")),
)


class GuideDialog(QDialog):
    """The guide, one section per tab and panel (:data:`SECTIONS`); non-modal."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("nnviz guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)                 # the contents' links jump within the page
        self.browser.anchorClicked.connect(lambda url: self.show_section(url.fragment()))
        self.browser.setHtml(self.page())
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)
        self.resize(640, 560)

    def sections(self):
        """[(key, title, html)] of every section, translated."""
        titles = {s.key: s.title for s in load_scenes()}
        shows_label, try_label = self.tr("What it shows:"), self.tr("Try:")
        scenes_label = self.tr("Scenes of the Presets menu:")
        out = []
        for key, title, shows, tries, scenes in SECTIONS:
            body = (f"<p><b>{shows_label}</b> {html.escape(self.tr(shows))}</p>"
                    f"<p><b>{try_label}</b> {html.escape(self.tr(tries))}</p>")
            if scenes:
                items = "".join(f"<li>{html.escape(QCoreApplication.translate('presets', titles[k]))}</li>"
                                for k in scenes if k in titles)
                body += f"<p>{scenes_label}</p><ul>{items}</ul>"
            out.append((key, self.tr(title), body))
        return out

    def page(self):
        sections = self.sections()
        contents = " · ".join(f"<a href='#{key}'>{html.escape(title)}</a>" for key, title, _ in sections)
        intro = self.tr("What each tab and panel of the window shows, and what to try there.")
        parts = [f"<p>{intro}</p>"
                 f"<p>{contents}</p>"]
        parts += [f"<h3><a name='{key}'></a>{html.escape(title)}</h3>{body}" for key, title, body in sections]
        return "".join(parts)

    def show_section(self, key):
        """Open the guide at section ``key`` (a key of :data:`SECTIONS`)."""
        self.show()
        self.raise_()
        self.browser.scrollToAnchor(key)
