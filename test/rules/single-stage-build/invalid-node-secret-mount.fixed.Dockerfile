# syntax=docker/dockerfile:1
FROM node:18 AS app
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN echo "//npm.pkg.github.com/:_authToken=${NPM_TOKEN}" > .npmrc \
 && npm ci \
 && rm -f .npmrc
COPY . .
RUN npm run build

FROM node:18-slim
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN echo "//npm.pkg.github.com/:_authToken=${NPM_TOKEN}" > .npmrc \
 && npm ci --omit=dev \
 && rm -f .npmrc
COPY --from=app /usr/src/app/dist /usr/src/app/dist
EXPOSE 3000
USER node
CMD ["npm", "start"]
