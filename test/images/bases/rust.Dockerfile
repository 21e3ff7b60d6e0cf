# tags: rust:1.63 rust:1.63-bookworm rust:1 rust:latest
# Like the official rust image: rustc and cargo plus gcc and libc headers (Debian's Rust 1.63).
FROM localhost/lean-base/debian-slim
RUN apt-get update && apt-get install -y --no-install-recommends rustc cargo gcc libc6-dev make ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV CARGO_HOME=/usr/local/cargo PATH=/usr/local/cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
