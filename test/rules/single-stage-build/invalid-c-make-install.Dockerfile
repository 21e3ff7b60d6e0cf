FROM debian:bookworm

ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential pkg-config zlib1g-dev libssl-dev ca-certificates \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src
COPY . .
RUN make -j"$(nproc)" && make install PREFIX=/usr/local

EXPOSE 9000
ENTRYPOINT ["/usr/local/bin/fetchd"]
CMD ["--port", "9000"]
