FROM node:20
COPY .npmrc package.json package-lock.json ./
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci
