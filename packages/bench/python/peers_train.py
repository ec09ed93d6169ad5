"""Peer side of the learner benches: LightGBM and scikit-learn on the SAME rows champion used.

Usage: peers_train.py SPEC.json   (written by the TS side)
SPEC: {csv, target, positive, drop: [...], categorical: [...], split: {train, validation, test},
       gbdt: {...lightgbm params...}, logreg: {C, max_iter} | null, threads}
Prints one JSON line with test ROC AUC, fit seconds and peak RSS for each peer run.
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    spec = json.load(open(sys.argv[1]))
    df = pd.read_csv(spec["csv"], keep_default_na=True, na_values=["", "NA", "NaN", "null", "NULL", "N/A"])
    y = (df[spec["target"]].astype(str) == spec["positive"]).astype(int).to_numpy()
    X = df.drop(columns=[spec["target"], *spec.get("drop", [])])
    cats = [c for c in spec.get("categorical", []) if c in X.columns]
    split = spec["split"]
    tr, va, te = (np.asarray(split[k], dtype=np.int64) for k in ("train", "validation", "test"))
    out = {"read_rss_mb": peak_rss_mb()}
    from sklearn.metrics import roc_auc_score

    if spec.get("gbdt") is not None:
        import lightgbm as lgb

        Xl = X.copy()
        for c in cats:
            Xl[c] = Xl[c].astype("category")
        params = {"objective": "binary", "verbose": -1, "num_threads": spec.get("threads", 2), **spec["gbdt"]}
        rounds = params.pop("n_estimators", 100)
        stopping = params.pop("early_stopping_rounds", 0)
        dtrain = lgb.Dataset(Xl.iloc[tr], y[tr], categorical_feature=cats or "auto", free_raw_data=False)
        dvalid = lgb.Dataset(Xl.iloc[va], y[va], reference=dtrain)
        start = time.perf_counter()
        callbacks = [lgb.early_stopping(stopping, verbose=False)] if stopping else []
        booster = lgb.train(params, dtrain, rounds, valid_sets=[dvalid] if stopping else [], callbacks=callbacks)
        fit = time.perf_counter() - start
        auc = None
        if len(te) > 0:
            p = booster.predict(Xl.iloc[te], num_iteration=booster.best_iteration or None)
            auc = roc_auc_score(y[te], p)
        out["lightgbm"] = {"auc": auc, "seconds": fit, "trees": booster.current_iteration(), "best_iteration": booster.best_iteration, "peak_rss_mb": peak_rss_mb()}

    if spec.get("logreg") is not None:
        from sklearn.compose import ColumnTransformer
        from sklearn.impute import SimpleImputer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import OneHotEncoder, StandardScaler

        nums = [c for c in X.columns if c not in cats]
        Xs = X.copy()
        for c in cats:
            Xs[c] = Xs[c].astype(object).where(Xs[c].notna(), "__missing__").astype(str)
        pre = ColumnTransformer([
            ("num", make_pipeline(SimpleImputer(strategy="mean"), StandardScaler()), nums),
            ("cat", OneHotEncoder(handle_unknown="ignore"), cats),
        ])
        model = make_pipeline(pre, LogisticRegression(C=spec["logreg"]["C"], max_iter=spec["logreg"].get("max_iter", 200), tol=1e-6))
        start = time.perf_counter()
        model.fit(Xs.iloc[tr], y[tr])
        fit = time.perf_counter() - start
        p = model.predict_proba(Xs.iloc[te])[:, 1]
        out["sklearn_logreg"] = {"auc": roc_auc_score(y[te], p), "seconds": fit}

    print(json.dumps(out))


if __name__ == "__main__":
    main()
