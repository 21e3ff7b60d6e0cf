FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY src ./src
COPY --from=assets . ./public
CMD ["node", "src/index.js"]
