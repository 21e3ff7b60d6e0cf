FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM golang:1.22
COPY --from=build /out/app /usr/local/bin/app
CMD ["app"]
