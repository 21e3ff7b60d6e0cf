# syntax=docker/dockerfile:1
FROM node:20 AS build
WORKDIR /app
ENV NODE_ENV=production CI=true
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci
COPY . .
RUN npm run build

FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html
