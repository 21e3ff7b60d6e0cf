FROM node:18
ADD . /srv/app
WORKDIR /srv/app
RUN yarn --frozen-lockfile
CMD ["yarn", "start"]
