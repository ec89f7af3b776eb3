# One image for every service of the layer; docker-compose.yml picks the command per service.
# Production mode: no development keys, no `npm run token`, no stack traces, every setting checked at
# start. The image holds no key or secret (.dockerignore keeps them out of the build context): they come
# from the environment and from read-only mounts at run time (README, "Deploying in production").
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# --ignore-scripts: the project's own postinstall and prepare steps need its files, not copied yet (below).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY . .
# The patches of patches/ (the install above skipped the postinstall that applies them), then the
# people's pages (console/dist), built once into the image: the running container builds nothing.
RUN node_modules/.bin/patch-package --error-on-fail && npm run build
ENV HOST=0.0.0.0
# The Node flags of every service process the image runs, whichever command compose picks
# (shared/lifecycle/serviceNodeFlags.ts says why).
ENV NODE_OPTIONS=--max-semi-space-size=64
USER node
# npm start in one container: needs the gateway's settings and METRICS_TOKEN (README). Node is the container's
# first process, not the tsx command, so a stop signal reaches the service (SERVICE_NODE_ARGUMENTS says why).
CMD ["node", "--import", "tsx", "scripts/start.ts"]
