# syntax=docker/dockerfile:1
FROM node:20-slim
WORKDIR /app
ARG NODE_ENV=production
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && \
    npm ci && \
    rm -f .npmrc
COPY . .
CMD ["node", "index.js"]
