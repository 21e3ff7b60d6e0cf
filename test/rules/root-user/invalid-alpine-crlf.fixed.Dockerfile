FROM alpine:3.20
RUN apk add --no-cache ca-certificates
COPY app /usr/local/bin/app
RUN addgroup -S app && adduser -S -G app app
USER app
ENTRYPOINT ["/usr/local/bin/app"]
