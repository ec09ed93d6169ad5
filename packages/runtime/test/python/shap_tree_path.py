"""SHAP values of champion's trees by the Python shap package (the reference for TreeSHAP).

Reads a JSON file: {"trees": [shap custom-tree dicts], "base_offset": float, "rows": [[...]]}
and prints one JSON line: {"shap": [[...] per row], "expected_value": float, "shap_version": str,
"seconds": float} (seconds: shap_values alone, the explainer built and the rows read before;
"shap" left out with --time-only, for the bench).
"""
import json
import sys
import time

import numpy as np
import shap


def main(path, time_only=False):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    trees = []
    for t in doc["trees"]:
        trees.append(
            {
                "children_left": np.array(t["children_left"], dtype=np.int32),
                "children_right": np.array(t["children_right"], dtype=np.int32),
                "children_default": np.array(t["children_default"], dtype=np.int32),
                "features": np.array(t["features"], dtype=np.int32),
                "thresholds": np.array(t["thresholds"], dtype=np.float64),
                "values": np.array(t["values"], dtype=np.float64).reshape(-1, 1),
                "node_sample_weight": np.array(t["node_sample_weight"], dtype=np.float64),
            }
        )
    model = {"trees": trees, "base_offset": doc["base_offset"], "tree_output": "log_odds"}
    explainer = shap.TreeExplainer(model, feature_perturbation="tree_path_dependent")
    rows = np.array(
        [[np.nan if v is None else v for v in row] for row in doc["rows"]], dtype=np.float64
    )
    start = time.perf_counter()
    values = explainer.shap_values(rows)
    seconds = time.perf_counter() - start
    expected = np.asarray(explainer.expected_value).reshape(-1)[0]
    print(
        json.dumps(
            {
                "shap": None if time_only else np.asarray(values).tolist(),
                "expected_value": float(expected),
                "shap_version": shap.__version__,
                "seconds": seconds,
                "rows": int(rows.shape[0]),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], time_only="--time-only" in sys.argv[2:])
