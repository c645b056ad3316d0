# One image for the API, the worker and the command line. Node 24 runs the TypeScript sources
# directly (type stripping): there is no build step.
FROM node:24-slim
ENV NODE_ENV=production PNPM_HOME=/pnpm PATH=/pnpm:$PATH
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
COPY test/package.json test/
RUN pnpm install --frozen-lockfile --prod
COPY migrations migrations
COPY packages packages
COPY services services
COPY openapi openapi
USER node
EXPOSE 3000
CMD ["node", "services/api/src/main.ts"]
