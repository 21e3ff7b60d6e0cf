FROM debian:bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/*
COPY install-extra.sh /tmp/
RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/* /tmp/install-extra.sh
