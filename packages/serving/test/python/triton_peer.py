"""The official KServe V2 client (tritonclient[http]) against our /v2: metadata and inference.

usage: triton_peer.py HOST:PORT MODEL ROWS_JSON BINARY(0|1)
Prints one JSON line: server and model metadata, probabilities and labels.
"""

import json
import sys

import numpy as np
import tritonclient.http as httpclient


def main() -> None:
    url, model, rows_path, binary = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
    with open(rows_path, encoding="utf-8") as f:
        rows = json.load(f)
    client = httpclient.InferenceServerClient(url=url)
    meta = client.get_model_metadata(model)
    inputs = []
    for spec in meta["inputs"]:
        values = [row[spec["name"]] for row in rows]
        if spec["datatype"] == "FP32":
            array = np.asarray(values, dtype=np.float32)
        else:
            array = np.asarray([str(v).encode("utf-8") for v in values], dtype=np.object_)
        tensor = httpclient.InferInput(spec["name"], list(array.shape), spec["datatype"])
        tensor.set_data_from_numpy(array, binary_data=binary)
        inputs.append(tensor)
    outputs = [
        httpclient.InferRequestedOutput(name, binary_data=binary)
        for name in ("probability", "label")
    ]
    result = client.infer(model, inputs, outputs=outputs)
    print(
        json.dumps(
            {
                "live": client.is_server_live(),
                "ready": client.is_server_ready(),
                "modelReady": client.is_model_ready(model),
                "server": client.get_server_metadata(),
                "model": meta,
                "probability": result.as_numpy("probability").astype(float).tolist(),
                # Typed as the model metadata says: INT64 numbers, BYTES text.
                "labelDatatype": next(o["datatype"] for o in meta["outputs"] if o["name"] == "label"),
                "label": [
                    v.decode("utf-8") if isinstance(v, bytes) else v
                    for v in result.as_numpy("label").tolist()
                ],
            }
        )
    )


if __name__ == "__main__":
    main()
