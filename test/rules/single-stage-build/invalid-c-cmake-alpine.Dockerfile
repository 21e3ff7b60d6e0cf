FROM alpine:3.20
RUN apk add --no-cache build-base cmake zlib-dev
WORKDIR /src
COPY . .
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release \
 && cmake --build build --parallel
CMD ["./build/packer", "--help"]
