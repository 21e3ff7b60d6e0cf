# syntax=docker/dockerfile:1
FROM node:20
WORKDIR /app
COPY .npmrc package.json package-lock.json ./
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci
RUN mkdir -p /data
