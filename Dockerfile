# syntax=docker/dockerfile:1
# Multi-stage build of the EstateFlow engine with the three web apps it serves.
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY engine/package.json engine/
COPY engine/model/package.json engine/model/
COPY designer/package.json designer/
COPY runtime-web/package.json runtime-web/
COPY templates/package.json templates/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 ESTATEFLOW_DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules node_modules
COPY --from=build --chown=node:node /app/engine/package.json engine/
COPY --from=build --chown=node:node /app/engine/dist engine/dist
COPY --from=build --chown=node:node /app/engine/model/package.json engine/model/
COPY --from=build --chown=node:node /app/engine/model/dist engine/model/dist
COPY --from=build --chown=node:node /app/designer/dist designer/dist
COPY --from=build --chown=node:node /app/runtime-web/dist runtime-web/dist
COPY --from=build --chown=node:node /app/templates templates
COPY --from=build --chown=node:node /app/prisma/migrations prisma/migrations
RUN mkdir -p /data /backups && chown node:node /data /backups
USER node
EXPOSE 3000
VOLUME ["/data", "/backups"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "engine/dist/main.js"]
