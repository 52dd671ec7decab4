# Personvernportalen: one image that migrates, seeds and serves.
# `npm run serve` runs `prisma migrate deploy`, seeds the municipality (and demo data if
# SEED_DEMO_DATA=1), then `next start`. Prisma runs on its WebAssembly engines: nothing to download.
# Configuration comes from the environment (see README "Configuration" and docker-compose.yml).
FROM node:20-bookworm-slim

ENV NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
RUN chown node:node /app
USER node

# Dependencies first, so this layer is reused until package files or the schema change.
# The postinstall script runs `prisma generate`, which needs prisma.config.ts and the schema.
# npm 10 (in this image) ignores `allowScripts`, so Prisma's own install script may try to download
# native engines: that failure is silent, and the engines would not be used anyway.
COPY --chown=node:node package.json package-lock.json prisma.config.ts ./
COPY --chown=node:node prisma ./prisma
RUN npm install --no-audit --no-fund

COPY --chown=node:node . .
RUN npm run build && mkdir -p /app/.data

EXPOSE 3000
CMD ["npm", "run", "serve"]
