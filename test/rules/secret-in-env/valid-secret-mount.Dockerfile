# syntax=docker/dockerfile:1
FROM node:20
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci
