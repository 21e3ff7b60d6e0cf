# tags: node:18-slim node:18-bookworm-slim node:lts-slim node:slim
# A slim Node runtime: nodejs only (no npm, no compilers), user node (1000).
FROM localhost/lean-base/debian-slim
RUN apt-get update && apt-get install -y --no-install-recommends nodejs ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
CMD ["node"]
