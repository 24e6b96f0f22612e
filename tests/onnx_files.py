"""ONNX MLPs as other tools write them, built with the onnx helper API (no PyTorch needed)."""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def mlp(layers, path, style="gemm", dtype=np.float32, n_in=None, opset=17):
    """An ONNX MLP as torch.onnx.export writes a Sequential: ``layers`` is a list of
    (W (n_out, n_in), b, activation op or None, its attributes or extra initializer)."""
    elem = TensorProto.FLOAT if dtype == np.float32 else TensorProto.DOUBLE
    nodes, inits, x = [], [], "input"
    for i, (W, b, act, extra) in enumerate(layers):
        w, bias, out = f"{2 * i}.weight", f"{2 * i}.bias", f"/{2 * i}/out"
        if style == "gemm":
            inits += [numpy_helper.from_array(W.astype(dtype), w), numpy_helper.from_array(b.astype(dtype), bias)]
            nodes.append(helper.make_node("Gemm", [x, w, bias], [out], name=f"/{2 * i}/Gemm", alpha=1.0, beta=1.0,
                                          transB=1))
        else:                                           # MatMul by Wᵀ, then Add of the bias
            inits += [numpy_helper.from_array(W.T.astype(dtype), w), numpy_helper.from_array(b.astype(dtype), bias)]
            nodes += [helper.make_node("MatMul", [x, w], [out + "_mm"], name=f"/{2 * i}/MatMul"),
                      helper.make_node("Add", [bias, out + "_mm"], [out], name=f"/{2 * i}/Add")]
        x = out
        if act:
            ins, attrs = [x], {}
            if act == "PRelu":
                inits.append(numpy_helper.from_array(np.asarray(extra, dtype=dtype), f"{2 * i + 1}.weight"))
                ins.append(f"{2 * i + 1}.weight")
            elif extra is not None:
                attrs = extra
            x = f"/{2 * i + 1}/{act}_out"
            nodes.append(helper.make_node(act, ins, [x], name=f"/{2 * i + 1}/{act}", **attrs))
    nodes.append(helper.make_node("Identity", [x], ["output"], name="/Identity"))
    graph = helper.make_graph(nodes, "main_graph",
                              [helper.make_tensor_value_info("input", elem, ["batch", n_in or layers[0][0].shape[1]])],
                              [helper.make_tensor_value_info("output", elem, ["batch", layers[-1][0].shape[0]])], inits)
    model = helper.make_model(graph, producer_name="pytorch", opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return path


def layers(sizes, acts, rng, extras=None):
    extras = extras or [None] * len(acts)
    return [(rng.normal(size=(n, m)), rng.normal(size=n), a, e)
            for m, n, a, e in zip(sizes, sizes[1:], acts, extras)]
