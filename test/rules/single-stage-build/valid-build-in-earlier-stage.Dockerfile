FROM node:20 AS assets
WORKDIR /web
COPY . .
RUN npm ci && npm run build

FROM node:20 AS tools
RUN npm install -g serve

FROM nginx:alpine
COPY --from=assets /web/dist /usr/share/nginx/html
