# syntax=docker/dockerfile:1
FROM node:20
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
