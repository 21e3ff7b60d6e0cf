# syntax=docker/dockerfile:1
FROM node:18 AS app
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN echo "//npm.pkg.github.com/:_authToken=${NPM_TOKEN}" > .npmrc \
 && npm ci \
 && rm -f .npmrc
COPY . .
RUN npm run build
EXPOSE 3000
CMD ["npm", "start"]
