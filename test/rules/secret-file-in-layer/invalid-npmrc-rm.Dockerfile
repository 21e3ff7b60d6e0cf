FROM node:20 AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci \
    && rm -f .npmrc
COPY . .
RUN npm run build

FROM node:20-slim
WORKDIR /app
COPY --from=build /app /app
CMD ["node", "dist/server.js"]
