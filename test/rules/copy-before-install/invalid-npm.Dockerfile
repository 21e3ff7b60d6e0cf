FROM node:20-slim
WORKDIR /app
# the whole project
COPY . .
RUN npm ci --omit=dev
EXPOSE 3000
CMD ["node", "server.js"]
