# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN apk add --no-cache curl mysql-client
RUN --mount=type=secret,id=curl-password,env=CURL_PASSWORD curl -fsSL -u deploy:"${CURL_PASSWORD}" https://artifacts.example.com/app.tar.gz -o /tmp/app.tgz
RUN --mount=type=secret,id=api-token,env=API_TOKEN curl -H "Authorization: Bearer ${API_TOKEN}" https://api.example.com/v1/bootstrap
RUN --mount=type=secret,id=mysql-password,env=MYSQL_PASSWORD mysql -h db -uroot -p"${MYSQL_PASSWORD}" < /tmp/schema.sql
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN echo '//registry.npmjs.org/:_authToken='"${NPM_TOKEN}"'' > /root/.npmrc
RUN --mount=type=secret,id=gitlab-token,env=GITLAB_TOKEN git clone https://oauth2:"${GITLAB_TOKEN}"@gitlab.example.com/acme/app.git /src
