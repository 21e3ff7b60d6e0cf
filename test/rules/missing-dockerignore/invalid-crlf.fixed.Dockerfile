FROM node:22-alpine
WORKDIR /usr/src/app
ADD . /usr/src/app
RUN npm install --omit=dev
CMD ["npm", "start"]
