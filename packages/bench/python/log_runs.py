"""Peer side of the mlflow-logging bench: the same work as champion's client, with MLflow's own.

Each run: create, one log_batch with every metric at every step, set terminated -- the fastest
way MLflow's Python client offers for this work (mlflow.log_metric per point would be slower).
Prints one JSON line: {"seconds": wall time}.
"""
import json
import sys
import time

from mlflow.entities import Metric
from mlflow.tracking import MlflowClient


def main() -> None:
    uri, experiment, runs, metrics, steps = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:6])
    client = MlflowClient(tracking_uri=uri)
    experiment_id = client.create_experiment(experiment)
    start = time.perf_counter()
    for r in range(runs):
        run = client.create_run(experiment_id, run_name=f"run-{r}")
        now = int(time.time() * 1000)
        points = [
            Metric(f"metric_{m}", float(m * steps + s), now, s)
            for m in range(metrics)
            for s in range(steps)
        ]
        client.log_batch(run.info.run_id, metrics=points)
        client.set_terminated(run.info.run_id)
    print(json.dumps({"seconds": time.perf_counter() - start}))


if __name__ == "__main__":
    main()
