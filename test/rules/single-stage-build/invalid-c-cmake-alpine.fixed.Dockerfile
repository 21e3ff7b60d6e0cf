FROM alpine:3.20 AS build
RUN apk add --no-cache build-base cmake zlib-dev
WORKDIR /src
COPY . .
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release \
 && cmake --build build --parallel

FROM alpine:3.20
RUN apk add --no-cache libstdc++
RUN addgroup -S app && adduser -S -G app -H app
WORKDIR /src
COPY --from=build /src/build/packer /src/build/packer
USER app
CMD ["./build/packer", "--help"]
