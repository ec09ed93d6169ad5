"""Peer for the drift agreement test and the monitor bench: runs Evidently's DataDriftPreset on two
CSV files and prints, as JSON, each column's method, score, threshold and decision, and the share.

usage: python evidently_drift.py REFERENCE.csv CURRENT.csv [--exclude a,b] [--quiet]
"""
import json
import sys
import time

import pandas as pd
from evidently import Report
from evidently.presets import DataDriftPreset


def main() -> None:
    args = sys.argv[1:]
    exclude = []
    if "--exclude" in args:
        exclude = [c for c in args[args.index("--exclude") + 1].split(",") if c]
    started = time.perf_counter()
    reference = pd.read_csv(args[0]).drop(columns=exclude, errors="ignore")
    current = pd.read_csv(args[1]).drop(columns=exclude, errors="ignore")
    snapshot = Report([DataDriftPreset()]).run(current_data=current, reference_data=reference)
    columns = []
    share = None
    count = None
    for metric in snapshot.dict()["metrics"]:
        config = metric["config"]
        kind = config.get("type", "")
        if kind.endswith("ValueDrift"):
            columns.append(
                {
                    "name": config["column"],
                    "method": config.get("method"),
                    "threshold": config.get("threshold"),
                    "score": metric["value"],
                }
            )
        elif kind.endswith("DriftedColumnsCount"):
            share = metric["value"]["share"]
            count = metric["value"]["count"]
    seconds = time.perf_counter() - started
    print(json.dumps({"columns": columns, "share": share, "count": count, "seconds": seconds}))


if __name__ == "__main__":
    main()
