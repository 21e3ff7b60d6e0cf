FROM rust:1.78-bookworm AS build
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release --locked

FROM gcr.io/distroless/cc-debian12
WORKDIR /usr/src/app
COPY --from=build /usr/src/app/target/release/hello-api /usr/src/app/target/release/hello-api
EXPOSE 3000
USER nonroot:nonroot
CMD ["./target/release/hello-api"]
