FROM node:18-alpine
WORKDIR /usr/src/app
COPY . .
RUN yarn install --frozen-lockfile && yarn build
CMD ["node", "server.js"]
