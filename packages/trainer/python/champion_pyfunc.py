"""MLflow pyfunc loader for champion's ONNX models (the `python_function` flavor's loader_module).

The trainer copies this file into every model folder (`code/champion_pyfunc.py`); MLflow puts
that folder on `sys.path` and calls `_load_pyfunc(<model>/model.onnx)`. It exists because
`mlflow.onnx` hands `df[col].values` to onnxruntime unchanged: under pandas 3 a text column is
an Arrow-backed string array, which onnxruntime rejects, and a missing text value is NaN, which
is not a string. Here every column becomes exactly what champion's own serving feeds the graph:

- numeric input (`tensor(float)`): float32, missing (NaN, None, pd.NA) = NaN;
- categorical input (`tensor(string)`): a numpy object array of str, missing = "" (the graph's
  missing category); numbers in a text column become the text champion reads from a CSV
  (``1`` and ``1.0`` -> "1", ``1.5`` -> "1.5").

It answers `label` typed as the training target, as champion's own serving does (tabular's
label-kind.ts is the rule, repeated here in Python): the class text ("bad") for a text target,
the class number (0/1, or 1/2) for a numeric one, read from `champion/schema.json` beside
model.onnx; without that file, the graph's 0/1 label index.

It does not check the frame against the signature: MLflow has done that before `predict` runs.
The onnx flavor (`mlflow.onnx.load_model`) is still there for ONNX tools; this module only
replaces the pyfunc path.
"""

from __future__ import annotations

import json
import math
import os
import re
from typing import Any

import numpy as np
import onnxruntime as ort
import pandas as pd

# champion's reading rules: these tokens are missing values (tabular/src/missing.ts); pandas'
# read_csv already reads them as NaN, but JSON bodies of `mlflow models serve` may carry them.
MISSING_TOKENS = frozenset(["", "NA", "NaN", "null", "NULL", "N/A"])

FLOAT_INPUT = "tensor(float)"
STRING_INPUT = "tensor(string)"

# An integer as JavaScript and Python write it back ("0", "-1"; not "01", "1.0").
CANONICAL_INTEGER = re.compile(r"^-?(0|[1-9][0-9]*)$")
LARGEST_EXACT_INTEGER = 2**53 - 1


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _number_text(value: float) -> str:
    """A number as champion reads it from CSV text: integral values without a fraction."""
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return repr(value)


def _category_text(value: object) -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))  # pandas reads True/true/TRUE alike; Python's spelling is a guess
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return _number_text(float(value))
    return str(value)


def _categorical(column: pd.Series) -> np.ndarray:
    """Text for a string input: one str per row, "" for missing."""
    values = column.to_numpy(dtype=object)
    return np.array([_category_text(v) for v in values], dtype=object)


def _number(name: str, row: int, value: object) -> float:
    if _is_missing(value):
        return math.nan
    if isinstance(value, str):
        text = value.strip()
        if text in MISSING_TOKENS:
            return math.nan
        try:
            number = float(text)
        except ValueError:
            raise ValueError(
                f"column '{name}', row {row}: {value!r} is not a number"
            ) from None
        if not math.isfinite(number):
            raise ValueError(f"column '{name}', row {row}: {value!r} is not a finite number")
        return number
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"column '{name}', row {row}: {value!r} is a boolean, not a number")
    return float(value)  # type: ignore[arg-type]


def _numeric(name: str, column: pd.Series) -> np.ndarray:
    """float32 for a float input, NaN for missing; non-numbers are an error naming the value."""
    if pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(
        column.dtype
    ):
        as_double = column.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        as_double = np.array(
            [_number(name, row, v) for row, v in enumerate(column.to_numpy(dtype=object))],
            dtype=np.float64,
        )
    # float64 -> float32 rounds to nearest, as champion's Math.fround does.
    return as_double.astype(np.float32)


def _safe_integer_text(text: str) -> bool:
    return bool(CANONICAL_INTEGER.match(text)) and abs(int(text)) <= LARGEST_EXACT_INTEGER


def _finite_number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if text.strip() != "" and math.isfinite(value) else None


def _label_kind(target: dict[str, Any]) -> str:
    """`integer`, `number` or `text`: the training target's type (tabular/src/label-kind.ts)."""
    texts = [str(target["negative"]), str(target["positive"])]
    kind = target.get("type")
    if kind is None:  # schemas written before the type was recorded
        return "integer" if all(_safe_integer_text(t) for t in texts) else "text"
    if kind != "numeric":
        return "text"
    values = [v for v in (_finite_number(t) for t in texts) if v is not None]
    if len(values) < len(texts):
        return "text"
    exact = all(v.is_integer() and abs(v) <= LARGEST_EXACT_INTEGER for v in values)
    return "integer" if exact else "number"


def _class_labels(onnx_path: str) -> np.ndarray | None:
    """[negative, positive] typed as the training target, or None without a schema."""
    schema_path = os.path.join(os.path.dirname(onnx_path), "champion", "schema.json")
    if not os.path.exists(schema_path):
        return None
    with open(schema_path, encoding="utf-8") as f:
        target = json.load(f)["target"]
    texts = [str(target["negative"]), str(target["positive"])]
    kind = _label_kind(target)
    if kind == "integer":
        return np.array([int(float(t)) for t in texts], dtype=np.int64)
    if kind == "number":
        return np.array([float(t) for t in texts], dtype=np.float64)
    return np.array(texts, dtype=object)


class ChampionOnnxModel:
    """The pyfunc model: one onnxruntime session over the model's graph."""

    def __init__(self, onnx_path: str) -> None:
        self._session = ort.InferenceSession(onnx_path, providers=["CPUExecutionProvider"])
        self._inputs: list[tuple[str, str]] = [
            (i.name, i.type) for i in self._session.get_inputs()
        ]
        unsupported = [f"{n} ({t})" for n, t in self._inputs if t not in (FLOAT_INPUT, STRING_INPUT)]
        if unsupported:
            raise ValueError(f"{onnx_path}: inputs of unsupported type: {', '.join(unsupported)}")
        self._labels = _class_labels(onnx_path)

    def _feed(self, frame: pd.DataFrame) -> dict[str, np.ndarray]:
        absent = [name for name, _ in self._inputs if name not in frame.columns]
        if absent:
            raise ValueError(f"the input has no column {', '.join(repr(a) for a in absent)}")
        return {
            name: _numeric(name, frame[name]) if kind == FLOAT_INPUT else _categorical(frame[name])
            for name, kind in self._inputs
        }

    def predict(self, model_input: Any, params: dict[str, Any] | None = None) -> pd.DataFrame:
        """Label (the training target's type) and positive-class probability (float32) per row."""
        del params  # the model takes none
        frame = model_input if isinstance(model_input, pd.DataFrame) else pd.DataFrame(model_input)
        index, probability = self._session.run(["label", "probability"], self._feed(frame))
        index = np.asarray(index).reshape(-1)
        return pd.DataFrame(
            {
                "label": index if self._labels is None else self._labels[(index == 1).astype(int)],
                "probability": np.asarray(probability).reshape(-1),
            }
        )


def _load_pyfunc(path: str) -> ChampionOnnxModel:
    """MLflow's entry point: `path` is the flavor's `data` (the model.onnx file)."""
    return ChampionOnnxModel(path)
