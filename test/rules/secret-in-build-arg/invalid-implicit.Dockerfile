FROM node:20
ARG NPM_TOKEN
WORKDIR /app
COPY .npmrc package.json package-lock.json ./
RUN npm ci
RUN mkdir -p /data
