# syntax=docker/dockerfile:1
FROM debian:bookworm
ARG DB_PASSWORD:-$(pwgen
ENV CONFIG_DIR=/etc/app
RUN --mount=type=secret,id=api-token,env=API_TOKEN ./configure --token "$API_TOKEN"
WORKDIR /app
