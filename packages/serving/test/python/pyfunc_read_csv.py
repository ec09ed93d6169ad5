"""What an MLflow user types first, unchanged: load the registered model through MLflow's pyfunc
and predict on a plain `pd.read_csv` frame. Prints the pandas version and the probabilities as
JSON on stdout (argv: model URI, CSV path)."""

from __future__ import annotations

import json
import sys

import mlflow
import pandas as pd


def main(model_uri: str, csv_path: str) -> None:
    predictions = mlflow.pyfunc.load_model(model_uri).predict(pd.read_csv(csv_path))
    print(
        json.dumps(
            {
                "pandas": pd.__version__,
                "probability": [float(p) for p in predictions["probability"]],
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
