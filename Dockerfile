# POCA Ledger: the HTTP server (`poca-ledger serve`).
# Build: docker build -t poca-ledger .    Run: see docker-compose.yml and docs/operations.md.

FROM node:20-bookworm-slim AS build
# better-sqlite3 is a native module: npm ci downloads a prebuilt binary, or compiles it with these.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The data directory: embedded event store, read models, generated development secrets.
RUN mkdir -p /data && chown node:node /data
ENV PORT=3000 \
    LEDGER_DATA_DIR=/data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/cli.js", "serve"]
