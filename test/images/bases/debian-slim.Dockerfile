# tags: debian:bookworm-slim debian:12-slim
# The root file system comes from debootstrap (see lib/bases.mjs), slimmed like the official -slim images.
FROM scratch
ADD rootfs.tar /
CMD ["bash"]
