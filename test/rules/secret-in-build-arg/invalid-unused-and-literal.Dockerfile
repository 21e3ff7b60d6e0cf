FROM alpine:3.20
ARG SLACK_TOKEN=xoxb-1234567890-abcdefghijkl
RUN curl -X POST -H "Authorization: Bearer $SLACK_TOKEN" https://slack.com/api/chat.postMessage
FROM alpine:3.20
COPY --from=0 /etc/os-release /etc/
ARG DB_PASSWORD
