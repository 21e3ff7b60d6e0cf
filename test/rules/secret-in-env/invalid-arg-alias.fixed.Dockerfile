# syntax=docker/dockerfile:1
FROM node:20
ARG NPM_TOKEN
COPY .npmrc package.json package-lock.json ./
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci
CMD ["node", "index.js"]
