# tags: node:18 node:18-bookworm node:lts node:latest
# Like the official node image: Node and npm on buildpack-deps (compilers, make, python3), user node (1000).
FROM localhost/lean-base/debian-slim
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm g++ make python3 git ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
CMD ["node"]
