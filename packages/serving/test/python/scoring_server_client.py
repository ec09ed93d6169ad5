"""MLflow's own scoring client pointed at a server, as a user of `mlflow models serve` would use it:
`ScoringServerClient(host, port)`, `wait_server_ready()`, then `invoke()` on a plain
`pd.read_csv` frame; MLflow's pyfunc on the same frame is the reference. Prints one JSON line
(argv: host, port, model URI, CSV path, wait timeout in seconds)."""

from __future__ import annotations

import json
import sys
import time

import mlflow
import pandas as pd
from mlflow.pyfunc.scoring_server.client import ScoringServerClient


def main(host: str, port: str, model_uri: str, csv_path: str, timeout: str) -> None:
    frame = pd.read_csv(csv_path)
    client = ScoringServerClient(host, int(port))
    # The test starts the server only once it reads this line: the wait below is a real one.
    print("waiting for the server", flush=True)
    started = time.monotonic()
    client.wait_server_ready(timeout=float(timeout))
    waited = time.monotonic() - started
    served = client.invoke(frame).get_predictions()
    reference = mlflow.pyfunc.load_model(model_uri).predict(frame)
    served_p = [float(p) for p in served["probability"]]
    reference_p = [float(p) for p in reference["probability"]]
    worst = max((abs(a - b) for a, b in zip(served_p, reference_p)), default=float("nan"))
    print(
        json.dumps(
            {
                "version": client.get_version(),
                "waitedSeconds": waited,
                "rows": len(frame),
                "missingCells": int(frame.isna().sum().sum()),
                "servedRows": len(served_p),
                "pyfuncRows": len(reference_p),
                # None when a probability is missing (NaN): not a number within the bound.
                "worstDifference": worst if worst == worst else None,
                "labelMismatches": sum(
                    int(a) != int(b) for a, b in zip(served["label"], reference["label"])
                ),
            }
        )
    )


if __name__ == "__main__":
    main(*sys.argv[1:6])
