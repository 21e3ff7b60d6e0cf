FROM node:18
WORKDIR /srv/app
COPY package.json yarn.lock /srv/app/
RUN yarn --frozen-lockfile
ADD . /srv/app
CMD ["yarn", "start"]
