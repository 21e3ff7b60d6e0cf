FROM ubuntu:24.04
RUN apt-get update && apt-get install -y build-essential
WORKDIR /src
COPY . .
RUN ./configure && make && make install
CMD ["tool", "--serve"]
