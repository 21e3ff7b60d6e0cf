# syntax=docker/dockerfile:1
FROM node:20-alpine
ARG REGISTRY=https://npm.example.com
RUN --mount=type=secret,id=npm-auth-token,env=NPM_AUTH_TOKEN echo "//npm.example.com/:_authToken=${NPM_AUTH_TOKEN}" > .npmrc \
 && npm ci
CMD ["node", "server.js"]
