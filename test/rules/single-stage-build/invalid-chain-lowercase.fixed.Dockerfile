from golang:1.20-alpine as base
run apk add --no-cache git
workdir /src

from base as build
copy . .
run CGO_ENABLED=0 go install ./cmd/tool

from gcr.io/distroless/static-debian12
workdir /src
copy --from=build /go/bin/tool /usr/local/bin/tool
user nonroot:nonroot
entrypoint ["tool"]
