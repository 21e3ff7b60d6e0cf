FROM gcc:13-bookworm
WORKDIR /usr/src/hello
COPY hello.c .
RUN gcc -O2 -static -o /usr/local/bin/hello hello.c
ENTRYPOINT /usr/local/bin/hello
