FROM ubuntu:22.04
RUN apt-get update && apt-get install -y g++ make libboost-program-options-dev
WORKDIR /app
COPY . .
RUN make
CMD ["/app/solver"]
