"""Scores a CSV with MLflow's own Python client, for the trainer's integration tests.

Usage: python pyfunc_predict.py ROWS.csv COLUMNS.json OUT.json MODEL_URI [MODEL_URI ...]

COLUMNS.json lists the model's inputs as [{"name": ..., "kind": "numeric" | "categorical"}].
Numeric columns are read as float64 (empty = NaN); categorical ones as object strings, with ''
for missing and the text exactly as written (an integer-coded category stays "1", never "1.0").
Writes {"<uri>": [probability, ...]} in row order.
"""

import json
import sys

import mlflow.pyfunc
import pandas as pd


def read_rows(csv_path, columns):
    categorical = [c["name"] for c in columns if c["kind"] == "categorical"]
    numeric = [c["name"] for c in columns if c["kind"] == "numeric"]
    frame = pd.read_csv(
        csv_path,
        dtype={name: str for name in categorical},
        keep_default_na=False,
        na_values={name: [""] for name in numeric},
    )
    for name in numeric:
        frame[name] = frame[name].astype("float64")
    for name in categorical:
        frame[name] = frame[name].astype(object)
    return frame[[c["name"] for c in columns]]


def main(argv):
    csv_path, columns_path, out_path, *uris = argv
    with open(columns_path, encoding="utf-8") as f:
        columns = json.load(f)
    frame = read_rows(csv_path, columns)
    result = {}
    for uri in uris:
        model = mlflow.pyfunc.load_model(uri)
        predicted = model.predict(frame)
        result[uri] = [float(p) for p in predicted["probability"]]
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main(sys.argv[1:])
