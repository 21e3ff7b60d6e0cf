FROM node:20-alpine
ARG REGISTRY=https://npm.example.com
ENV NPM_AUTH_TOKEN=${REGISTRY_TOKEN}
RUN echo "//npm.example.com/:_authToken=${NPM_AUTH_TOKEN}" > .npmrc \
 && npm ci
CMD ["node", "server.js"]
