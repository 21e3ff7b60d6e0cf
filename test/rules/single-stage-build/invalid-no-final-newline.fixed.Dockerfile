FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN go build -o /bin/tool .

FROM alpine:3
RUN addgroup -S app && adduser -S -G app -H app
WORKDIR /src
COPY --from=build /bin/tool /bin/tool
USER app
# run it
ENTRYPOINT ["/bin/tool"]
