FROM debian:bookworm
ARG DB_PASSWORD:-$(pwgen
ARG API_TOKEN
ENV CONFIG_DIR=/etc/app
RUN ./configure --token "$API_TOKEN"
WORKDIR /app
