FROM node:20
ARG NPM_TOKEN
ENV NPM_TOKEN=${NPM_TOKEN}
COPY .npmrc package.json package-lock.json ./
RUN npm ci
CMD ["node", "index.js"]
