FROM ubuntu:24.04
USER root
COPY tool /usr/local/bin/tool
CMD ["tool"]
