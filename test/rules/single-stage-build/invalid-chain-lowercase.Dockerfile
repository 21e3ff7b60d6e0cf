from golang:1.20-alpine as base
run apk add --no-cache git
workdir /src

from base
copy . .
run CGO_ENABLED=0 go install ./cmd/tool
entrypoint ["tool"]
