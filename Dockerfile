# One image for every service of the layer; docker-compose.yml picks the command per service.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV HOST=0.0.0.0
# Named volumes copy this ownership, so the non-root user can write development keys there.
RUN mkdir -p /app/.dev-keys && chown node /app/.dev-keys
USER node
CMD ["npm", "start"]
