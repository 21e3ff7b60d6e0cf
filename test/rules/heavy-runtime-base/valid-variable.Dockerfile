ARG NODE_VERSION=20
FROM node:${NODE_VERSION}
COPY . .
CMD ["node", "index.js"]
