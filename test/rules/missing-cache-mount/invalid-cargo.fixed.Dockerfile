# syntax=docker/dockerfile:1
FROM rust:1.79 AS build
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    cargo build --release --locked

FROM debian:bookworm-slim
COPY --from=build /app/target/release/app /usr/local/bin/app
