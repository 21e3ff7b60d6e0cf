# tags: (several targets, see lib/bases.mjs)
# distroless-like runtimes built from Debian packages: static (certs, tzdata, passwd), base (+ glibc, openssl),
# cc (+ libgcc, libstdc++). Users root, nonroot (65532) and nobody like gcr.io/distroless.
FROM localhost/lean-base/debian-slim AS files
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates tzdata libc6 libssl3 libgcc-s1 libstdc++6 \
 && rm -rf /var/lib/apt/lists/*
RUN set -e; mkdir -p /static/etc /static/tmp /static/home/nonroot /static/usr/share /static/etc/ssl/certs; \
    printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > /static/etc/passwd; \
    printf 'root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n' > /static/etc/group; \
    chmod 1777 /static/tmp; chown 65532:65532 /static/home/nonroot; \
    cp /etc/ssl/certs/ca-certificates.crt /static/etc/ssl/certs/; cp -a /usr/share/zoneinfo /static/usr/share/; \
    copy_pkgs() { out=$1; shift; for p in "$@"; do dpkg -L "$p" | while read -r f; do \
      if [ -f "$f" ] || [ -L "$f" ]; then case "$f" in /usr/share/*) ;; *) \
        d=$(realpath "$(dirname "$f")"); mkdir -p "$out$d"; cp -a "$f" "$out$d/";; esac; fi; done; done; }; \
    mkdir -p /base /cc; for d in bin sbin lib lib64; do ln -s usr/$d /base/$d; done; \
    copy_pkgs /base libc6 libssl3; copy_pkgs /cc libgcc-s1 libstdc++6

FROM scratch AS static
COPY --from=files /static/ /
ENV PATH=/usr/local/bin:/usr/bin:/bin SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt

FROM static AS static-nonroot
USER 65532:65532
WORKDIR /home/nonroot

FROM static AS base
COPY --from=files /base/ /

FROM base AS base-nonroot
USER 65532:65532
WORKDIR /home/nonroot

FROM base AS cc
COPY --from=files /cc/ /

FROM cc AS cc-nonroot
USER 65532:65532
WORKDIR /home/nonroot
