FROM golang:1.21-bookworm AS build
WORKDIR /go/src/app
COPY . .
RUN go build

FROM gcr.io/distroless/base-debian12
WORKDIR /go/src/app
COPY --from=build /go/src/app/hello-svc /go/src/app/hello-svc
EXPOSE 9000
USER nonroot:nonroot
# start it
CMD ["./hello-svc", "-port", "9000"]
