FROM golang:1.22
WORKDIR /src
COPY . .
RUN go vet ./... && go test ./...
CMD ["go", "test", "./..."]
