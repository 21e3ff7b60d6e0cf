# tags: node:18-slim node:18-bookworm-slim node:lts-slim node:slim
# Like the official node slim image: Node and the npm it bundles (from the npm registry tarball, at the same path as
# the official image: /usr/local/lib/node_modules/npm), no compilers; user node (1000).
FROM localhost/lean-base/debian-slim
RUN apt-get update && apt-get install -y --no-install-recommends nodejs ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
COPY npm.tgz /tmp/npm.tgz
RUN mkdir -p /usr/local/lib/node_modules/npm \
 && tar -xzf /tmp/npm.tgz -C /usr/local/lib/node_modules/npm --strip-components=1 --no-same-owner \
 && rm /tmp/npm.tgz \
 && ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
CMD ["node"]
