FROM node:20
WORKDIR /app
COPY . .
RUN npm run build && npm test
RUN apt-get update
RUN go version && mvn -v
CMD ["node", "dist/index.js"]
