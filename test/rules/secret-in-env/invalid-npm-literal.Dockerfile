FROM node:20 AS build
WORKDIR /app
ENV NODE_ENV=production NPM_TOKEN=npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 CI=true
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html
