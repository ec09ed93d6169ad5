# syntax=docker/dockerfile:1
#
# The champion image: the `champion` CLI with its production dependencies. The default command
# serves the registered model over HTTP (`champion serve`); the same image runs the one-shot
# trainer (`champion data synth ...`, `champion train ...`), batch scoring (`champion score`), the
# monitor (`champion monitor run`) and the control service (`champion control`; its HEALTHCHECK is
# the same /readyz on its PORT). deploy/k8s runs every one of them from this image. Point it at
# MLflow with MLFLOW_TRACKING_URI. It never starts an embedded MLflow: there is no Python in it.
#
#   docker build -t champion .
#   docker run --init -p 8080:8080 -e MLFLOW_TRACKING_URI=http://mlflow:5000 \
#     -e CHAMPION_API_KEY="$(openssl rand -hex 32)" champion serve --name credit-default
#
# `champion serve` in this image refuses to start without CHAMPION_API_KEY (the image sets
# CHAMPION_REQUIRE_API_KEY=1); CHAMPION_ALLOW_OPEN=1 serves without a key on purpose.
#
# Every workspace package is built and the CLI is deployed with whatever it depends on, so a new
# package or command (e.g. @champion/serving behind `champion serve`) needs no change here.

# The base image by digest (a tag can be re-pushed with other content; a digest cannot), the tag
# beside it for the reader: the multi-architecture index of node:20.20.2-bookworm-slim. Both stages
# start from this one stage, so the pin lives in one place; Dependabot proposes new digests.
FROM node:20.20.2-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0 AS base

FROM base AS build
WORKDIR /src
# pnpm is the version in package.json's "packageManager", from npm (the corepack bundled with
# Node 20 rejects the signatures of current pnpm releases). CI=true keeps pnpm non-interactive.
ENV CI=true \
    npm_config_store_dir=/pnpm/store
RUN npm install --global pnpm@10.34.9
# Dependencies from the lockfile alone, so a source edit reuses this layer. The store stays in
# the layer rather than a cache mount: registry caches (type=gha) keep layers, not cache mounts,
# and the offline install below needs the store.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch --frozen-lockfile
COPY . .
# Dependency build scripts stay off, as in development: pnpm 10 runs only those listed in
# package.json's pnpm.onlyBuiltDependencies, and onnxruntime-node (whose script would download
# GPU libraries) is not one. Its CPU runtime ships inside the package.
RUN pnpm install --offline --frozen-lockfile
# tsc -b tsconfig.build.json: packages/*/dist.
RUN pnpm build
# The CLI with its production dependencies only; workspace packages come in as their dist/.
# --legacy: pnpm 10's default deploy needs inject-workspace-packages, which would change how the
# workspace links packages for development. Then drop onnxruntime-node's macOS and Windows
# binaries (~200 MB); both Linux architectures stay.
RUN pnpm --filter @champion/cli deploy --prod --legacy --offline /out/packages/cli \
 && rm -rf /out/packages/cli/node_modules/.pnpm/onnxruntime-node@*/node_modules/onnxruntime-node/bin/napi-v6/darwin \
           /out/packages/cli/node_modules/.pnpm/onnxruntime-node@*/node_modules/onnxruntime-node/bin/napi-v6/win32

FROM base AS runtime
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG SOURCE=""
LABEL org.opencontainers.image.title="champion" \
      org.opencontainers.image.description="From a CSV to a monitored production classifier, with MLflow as the system of record." \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
# CHAMPION_REQUIRE_API_KEY: `champion serve` fails at start-up when CHAMPION_API_KEY is empty,
# unless CHAMPION_ALLOW_OPEN=1 (packages/serving/src/config.ts), wherever this image runs.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    CHAMPION_REQUIRE_API_KEY=1
RUN groupadd --system --gid 10001 champion \
 && useradd --system --uid 10001 --gid champion --home-dir /home/champion --create-home \
      --shell /usr/sbin/nologin champion
WORKDIR /app
# Owned by root: the service can read its code but not change it. What it writes goes to
# /app/.champion (the serving cache and inference log, relative to the working directory by
# default; mount a volume there to keep them) and /tmp (the trainer's scratch files).
COPY --from=build /out/ /app/
RUN mkdir /app/.champion && chown 10001:10001 /app/.champion
USER 10001:10001
EXPOSE 8080
# No curl in slim images: node's fetch. PORT is read at check time so `-e PORT=...` keeps it right.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || '8080') + '/readyz').then((r) => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))"]
ENTRYPOINT ["node", "packages/cli/bin/champion.js"]
CMD ["serve"]
