"""Scores a CSV with MLflow's own Python client, for the trainer's integration tests.

Usage: python pyfunc_predict.py ROWS.csv COLUMNS.json OUT.json MODEL_URI [MODEL_URI ...]

COLUMNS.json lists the model's inputs as [{"name": ..., "kind": "numeric" | "categorical"}].
The CSV is read with a plain `pd.read_csv` (no dtype, no casts), as a user reads it.
Writes {"<uri>": [probability, ...]} in row order.
"""

import json
import sys

import mlflow.pyfunc
import pandas as pd


def read_rows(csv_path, columns):
    # A plain read_csv, as a user writes it: the model's signature and pyfunc loader take
    # pandas' own column types (int64, float64 with NaN, text) unchanged.
    return pd.read_csv(csv_path)[[c["name"] for c in columns]]


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
