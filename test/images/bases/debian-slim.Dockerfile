# tags: debian:bookworm-slim debian:12-slim debian:bookworm debian:12 debian:latest
# The root file system comes from debootstrap (see lib/bases.mjs), slimmed like the official -slim images.
FROM scratch
ADD rootfs.tar /
CMD ["bash"]
