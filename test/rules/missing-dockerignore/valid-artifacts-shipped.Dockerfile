FROM node:20-slim
WORKDIR /app
COPY node_modules ./node_modules
COPY . .
CMD ["node", "dist/index.js"]
