FROM alpine:3.20
ARG AUTH_TOKEN
LABEL token=$AUTH_TOKEN
RUN wget --header "Authorization: $AUTH_TOKEN" https://example.com/file
