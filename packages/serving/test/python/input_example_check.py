"""Loads a model's input examples the way MLflow does, for serving's integration tests.

Usage: python input_example_check.py MODEL_URI

Downloads the model, loads input_example.json through MLflow's Model.load_input_example,
predicts it with mlflow.pyfunc, and checks serving_input_example.json with
mlflow.models.validate_serving_input (what `mlflow models serve` accepts). Prints one JSON line:
{"columns": [...], "rows": [[...]], "probabilities": [...], "serving_probabilities": [...]}.
"""

import json
import sys

import mlflow
from mlflow.models import Model, validate_serving_input


def main(uri):
    local = mlflow.artifacts.download_artifacts(uri)
    example = Model.load(local).load_input_example(local)
    predicted = mlflow.pyfunc.load_model(uri).predict(example)
    with open(f"{local}/serving_input_example.json", encoding="utf-8") as f:
        serving = validate_serving_input(uri, f.read())
    print(
        json.dumps(
            {
                "columns": list(example.columns),
                "rows": json.loads(example.to_json(orient="values")),
                "probabilities": [float(p) for p in predicted["probability"]],
                "serving_probabilities": [float(p) for p in serving["probability"]],
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
