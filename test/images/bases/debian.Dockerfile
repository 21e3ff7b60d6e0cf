# tags: debian:bookworm debian:12 debian:latest
# The same debootstrap root file system without the -slim trimming (docs, man pages, locales kept), like the official
# non-slim image.
FROM scratch
ADD rootfs-full.tar /
CMD ["bash"]
