FROM rust:1.79 AS build
RUN cargo build --release --target x86_64-unknown-linux-musl
FROM scratch
COPY --from=build /target/x86_64-unknown-linux-musl/release/app /app
ENTRYPOINT ["/app"]
