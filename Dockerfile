# One image for all three processes; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# Memory settings, the same as package.json's start scripts: a heap cap well
# above what the apps keep live (V8 then lets the heap grow less between full
# collections), a smaller young generation, and two malloc arenas instead of
# one per thread. A busy worker peaks near 250 MB resident instead of 300+
# (bench/RESULTS.md).
ENV NODE_OPTIONS="--max-old-space-size=512 --max-semi-space-size=8" MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
# Attachments' bytes (BLOB_DIR's default): a volume shared by the api and the worker.
RUN mkdir -p /app/data/blobs && chown node:node /app/data/blobs
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
