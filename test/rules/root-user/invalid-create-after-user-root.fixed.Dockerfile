FROM ubuntu:24.04
USER root
RUN groupadd --system app && useradd --system --gid app --no-create-home app
COPY tool /usr/local/bin/tool
USER app
CMD ["tool"]
