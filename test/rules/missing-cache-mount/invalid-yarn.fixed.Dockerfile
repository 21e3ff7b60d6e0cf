# syntax=docker/dockerfile:1
FROM node:18
WORKDIR /usr/src/app
COPY package.json yarn.lock ./
RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile
COPY . .
CMD ["yarn", "start"]
