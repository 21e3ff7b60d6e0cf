FROM debian:bookworm-slim
ARG VERSION=1.2
LABEL org.opencontainers.image.version=$VERSION
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
COPY bin/ /usr/local/bin/
COPY . .
RUN chmod +x /usr/local/bin/*
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/server"]
