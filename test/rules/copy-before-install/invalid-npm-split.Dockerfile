FROM node:20 AS build
WORKDIR /usr/src/app
COPY --chown=node:node --chmod=644 ./ ./
RUN --mount=type=cache,target=/root/.npm cd web \
    && npm install \
    && npm run build
FROM nginx:1.27-alpine
COPY --from=build /usr/src/app/web/dist /usr/share/nginx/html
