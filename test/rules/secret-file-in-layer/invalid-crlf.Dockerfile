FROM node:20
COPY .npmrc /root/.npmrc
RUN npm install -g @acme/cli
RUN rm /root/.npmrc
