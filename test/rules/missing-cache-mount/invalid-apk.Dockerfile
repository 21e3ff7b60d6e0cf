FROM alpine:3.20
RUN apk --no-cache add ca-certificates tzdata
RUN apk update && apk add --no-cache curl && rm -rf /var/cache/apk/*
