FROM alpine:3.20
RUN apk add --no-cache ca-certificates
RUN addgroup -S app && adduser -S -G app app
COPY app /usr/local/bin/app
USER app
ENTRYPOINT ["/usr/local/bin/app"]
