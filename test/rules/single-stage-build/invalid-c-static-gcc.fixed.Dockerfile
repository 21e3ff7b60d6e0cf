FROM gcc:13-bookworm AS build
WORKDIR /usr/src/hello
COPY hello.c .
RUN gcc -O2 -static -o /usr/local/bin/hello hello.c

FROM gcr.io/distroless/static-debian12
WORKDIR /usr/src/hello
COPY --from=build /usr/local/bin/hello /usr/local/bin/hello
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/hello"]
