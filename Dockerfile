# Node 24 could run the TypeScript sources directly (type stripping), but compiled
# JavaScript starts faster and keeps 40 MB less resident (docs/performance.md, "Memory"):
# the first stage builds dist/ with the dev dependencies, the second installs production
# dependencies only. The image always runs on PostgreSQL (NODE_ENV=production refuses the
# embedded mode), so PGlite, an optional dependency loaded only by the embedded mode, is
# left out (27 MB); msgpackr's native extension, also optional, stays.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && rm -rf node_modules/@electric-sql/pglite

FROM node:24-slim
ENV NODE_ENV=production
# V8 sizes the young generation from the machine's memory (up to ~190 MB of heap on a
# 24 GB host before any request); 8 MB semi-spaces keep an idle API near 135 MB RSS
# (docs/performance.md, memory).
ENV NODE_OPTIONS=--max-semi-space-size=8
# The server listens on 127.0.0.1 unless told otherwise; in a container it must take
# connections from outside it (the published port, the compose network).
ENV HOST=0.0.0.0
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json ./
COPY --chown=node:node --from=build /app/dist ./dist
# The CLIs (token, db:migrate, audit:verify) still run from the sources.
COPY --chown=node:node src ./src
COPY --chown=node:node migrations ./migrations
USER node
EXPOSE 3000
# As npm start runs it: the preflight loads src/resolve-hooks.mjs (a faster start).
CMD ["node", "--import", "./src/preflight.mjs", "dist/server.js"]
