FROM node:20-alpine
WORKDIR /usr/src/app
COPY package.json ./
COPY . .
RUN npm install --production
CMD ["npm", "start"]
