# One image for the API and the worker (APP_ROLE chooses), built on the current Node LTS.
FROM node:24-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-trixie-slim
# pg_dump/pg_restore for `npm run backup` and `npm run restore` (client 17, as the compose file's PostgreSQL).
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client tini \
  && rm -rf /var/lib/apt/lists/*
# GLIBC_TUNABLES: as `npm start` sets it (package.json; the benchmarks read it from there). Blocks of
# 1 MB or more are mapped and given back when freed: without it, each thread that checked a password
# (argon2: 19 MiB) kept that memory for good, about 40 MB of an idle API process (BENCHMARKS.md).
ENV NODE_ENV=production UPLOAD_DIR=/data/uploads BACKUP_DIR=/data/backups \
  GLIBC_TUNABLES=glibc.malloc.mmap_threshold=1048576
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# A new named volume takes this folder's owner, so the app (user node) can write its uploads.
RUN mkdir -p /data/uploads /data/backups && chown -R node:node /data
USER node
EXPOSE 3000
ENTRYPOINT ["tini", "--"]
CMD ["node", "dist/src/main.js"]
