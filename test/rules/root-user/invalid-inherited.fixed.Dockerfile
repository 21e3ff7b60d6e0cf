FROM ubuntu:22.04 AS base
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*

FROM base AS final
RUN groupadd --system app && useradd --system --gid app --no-create-home app
USER app
LABEL org.opencontainers.image.title=tool
CMD ["curl", "--version"]
