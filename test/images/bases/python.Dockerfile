# tags: python:3.11 python:3.11-bookworm python:3 python:latest
# Like the official python image: Python, pip, venv plus compilers and headers (buildpack-deps).
FROM localhost/lean-base/debian-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip python3-venv python3-dev gcc libc6-dev make ca-certificates \
 && rm -rf /var/lib/apt/lists/* /usr/lib/python3.11/EXTERNALLY-MANAGED \
 && ln -s /usr/bin/python3 /usr/local/bin/python && ln -s /usr/bin/pip3 /usr/local/bin/pip
CMD ["python3"]
