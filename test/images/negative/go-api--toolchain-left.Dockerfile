# Negative control: looks fixed (two stages, non-root) but the final stage still starts from the Go toolchain.
FROM golang:1.19 AS build
WORKDIR /src
COPY go.mod ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api

FROM golang:1.19
COPY --from=build /out/api /usr/local/bin/api
USER nobody
CMD ["api"]
