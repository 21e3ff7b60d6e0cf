FROM node:20-slim
WORKDIR /app
ARG NODE_ENV=production
ARG NPM_TOKEN
COPY package.json package-lock.json ./
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && \
    npm ci && \
    rm -f .npmrc
COPY . .
CMD ["node", "index.js"]
