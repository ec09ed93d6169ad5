#!/usr/bin/env bash
# Creates the Secrets deploy/k8s reads (their shape: secrets.yaml.example) with random values
# generated on this machine. A Secret that already exists is kept, so running it again is safe.
# Nothing secret is printed, written to disk or put on a command line (values go through stdin
# and /dev/fd). Needs kubectl (pointed at the cluster) and openssl.
#   deploy/k8s/create-secrets.sh            # namespace champion (created from namespace.yaml)
# Read a key afterwards with, e.g.:
#   kubectl -n champion get secret champion-api-keys -o jsonpath='{.data.serving}' | base64 -d
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ns=champion
kubectl apply -f namespace.yaml >/dev/null

exists() { kubectl -n "$ns" get secret "$1" >/dev/null 2>&1; }

if exists champion-postgres; then
  echo "secret champion-postgres exists: kept"
  pgpass="$(kubectl -n "$ns" get secret champion-postgres -o jsonpath='{.data.password}' | base64 -d)"
else
  pgpass="$(openssl rand -hex 24)"
  printf '%s' "$pgpass" |
    kubectl -n "$ns" create secret generic champion-postgres --from-file=password=/dev/stdin
fi

if exists champion-api-keys; then
  echo "secret champion-api-keys exists: kept"
else
  kubectl -n "$ns" create secret generic champion-api-keys --from-env-file=<(
    printf 'serving=%s\ncontrol=%s\n' "$(openssl rand -hex 32)" "$(openssl rand -hex 32)"
  )
fi

# The serving replicas' and the monitor's inference store: the bundled PostgreSQL, own schema.
if exists champion-inference-store; then
  echo "secret champion-inference-store exists: kept"
else
  printf 'postgresql://mlflow:%s@postgres:5432/mlflow?schema=champion_inference' "$pgpass" |
    kubectl -n "$ns" create secret generic champion-inference-store --from-file=uri=/dev/stdin
fi
