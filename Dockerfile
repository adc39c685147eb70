# One image for both processes: `node dist/apps/api/main.js` (the default) or
# `node dist/apps/worker/main.js`. Configuration comes from the environment (see README).

# --- build: every dependency, the webpack bundles, then only the runtime dependencies
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nest-cli.json tsconfig.json tsconfig.build.json ./
COPY apps apps
COPY libs libs
COPY migrations migrations
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: the bundles and the production node_modules (argon2, pg, bullmq… stay external)
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    REPORTS_DIR=/app/var/reports
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules node_modules
COPY --from=build --chown=node:node /app/dist dist
# Owned by node so a named volume mounted here is writable for the worker's report files.
RUN mkdir -p /app/var/reports && chown -R node:node /app/var
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The API runs pending migrations at start (TypeORM migrationsRun).
CMD ["node", "dist/apps/api/main.js"]
