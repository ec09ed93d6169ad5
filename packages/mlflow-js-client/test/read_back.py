"""Reads back what mlflow-js-client wrote, through MLflow's own Python client, and prints JSON.

Usage: python read_back.py RUN_ID MODEL_NAME ALIAS ARTIFACT_PATH DEST_DIR
"""
import hashlib
import json
import sys

import mlflow
from mlflow import MlflowClient


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main():
    run_id, model_name, alias, artifact_path, dest = sys.argv[1:6]
    client = MlflowClient()
    run = client.get_run(run_id)
    history = {
        key: sorted([m.step, m.value] for m in client.get_metric_history(run_id, key))
        for key in run.data.metrics
    }
    version = client.get_model_version_by_alias(model_name, alias)
    # MLflow 3.17's registry store does not return model_id on versions; the source names it.
    model_id = version.model_id or version.source.removeprefix("models:/")
    logged_model = mlflow.get_logged_model(model_id)
    local = client.download_artifacts(run_id, artifact_path, dest)
    model_dir = mlflow.artifacts.download_artifacts(
        artifact_uri=f"models:/{model_name}@{alias}", dst_path=f"{dest}/model"
    )
    print(
        json.dumps(
            {
                "params": run.data.params,
                "tags": {k: v for k, v in run.data.tags.items() if not k.startswith("mlflow.")},
                "metric_history": history,
                "alias_version": version.version,
                "version_source": version.source,
                "logged_model_status": str(logged_model.status),
                "artifact_sha256": sha256(local),
                "model_mlmodel_sha256": sha256(f"{model_dir}/MLmodel"),
            }
        )
    )


if __name__ == "__main__":
    main()
