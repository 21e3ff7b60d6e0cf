FROM gcc:13
COPY main.c /src/main.c
RUN gcc -O2 -o /usr/local/bin/tool /src/main.c
CMD ["tool"]
