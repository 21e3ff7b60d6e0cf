FROM docker.io/library/node:22-slim
WORKDIR /app
COPY --chown=node:node . .
USER node
CMD ["node", "index.js"]
