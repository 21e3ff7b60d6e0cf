# Negative control: two stages and a slim non-root runtime, but the npm token still comes in as a build ARG and the
# .npmrc it writes is copied into the final stage along with the rest of the build directory.
FROM node:18 AS build
WORKDIR /usr/src/app
ARG NPM_TOKEN
COPY package.json package-lock.json ./
RUN echo "//npm.pkg.github.com/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci
COPY . .
RUN npm run build

FROM node:18-slim
WORKDIR /usr/src/app
COPY --from=build /usr/src/app ./
USER node
CMD ["node", "dist/server.js"]
