FROM rust:1.78-bookworm
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release --locked
EXPOSE 3000
CMD ["./target/release/hello-api"]
