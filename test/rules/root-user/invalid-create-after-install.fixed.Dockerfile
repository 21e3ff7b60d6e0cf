FROM debian:bookworm-slim
ARG VERSION=1.2
LABEL org.opencontainers.image.version=$VERSION
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system app && useradd --system --gid app --no-create-home app
WORKDIR /srv
COPY bin/ /usr/local/bin/
COPY . .
RUN chmod +x /usr/local/bin/*
USER app
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/server"]
