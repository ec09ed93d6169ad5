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

It does not check the frame against the signature: MLflow has done that before `predict` runs.
The onnx flavor (`mlflow.onnx.load_model`) is still there for ONNX tools; this module only
replaces the pyfunc path.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import onnxruntime as ort
import pandas as pd

# champion's reading rules: these tokens are missing values (tabular/src/missing.ts); pandas'
# read_csv already reads them as NaN, but JSON bodies of `mlflow models serve` may carry them.
MISSING_TOKENS = frozenset(["", "NA", "NaN", "null", "NULL", "N/A"])

FLOAT_INPUT = "tensor(float)"
STRING_INPUT = "tensor(string)"


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

    def _feed(self, frame: pd.DataFrame) -> dict[str, np.ndarray]:
        absent = [name for name, _ in self._inputs if name not in frame.columns]
        if absent:
            raise ValueError(f"the input has no column {', '.join(repr(a) for a in absent)}")
        return {
            name: _numeric(name, frame[name]) if kind == FLOAT_INPUT else _categorical(frame[name])
            for name, kind in self._inputs
        }

    def predict(self, model_input: Any, params: dict[str, Any] | None = None) -> pd.DataFrame:
        """Label (int64) and positive-class probability (float32) per row, as mlflow.onnx gives."""
        del params  # the model takes none
        frame = model_input if isinstance(model_input, pd.DataFrame) else pd.DataFrame(model_input)
        label, probability = self._session.run(["label", "probability"], self._feed(frame))
        return pd.DataFrame(
            {
                "label": np.asarray(label).reshape(-1),
                "probability": np.asarray(probability).reshape(-1),
            }
        )


def _load_pyfunc(path: str) -> ChampionOnnxModel:
    """MLflow's entry point: `path` is the flavor's `data` (the model.onnx file)."""
    return ChampionOnnxModel(path)
