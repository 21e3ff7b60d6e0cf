FROM node:20 AS base
USER node
FROM cgr.dev/chainguard/static AS cg
FROM base
COPY . /home/node/app
CMD ["node", "/home/node/app/index.js"]
