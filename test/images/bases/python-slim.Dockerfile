# tags: python:3.11-slim python:3.11-slim-bookworm python:3-slim python:slim
# Like the official python slim image: Python and pip, no compilers.
FROM localhost/lean-base/debian-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip python3-venv ca-certificates \
 && rm -rf /var/lib/apt/lists/* /usr/lib/python3.11/EXTERNALLY-MANAGED \
 && ln -s /usr/bin/python3 /usr/local/bin/python && ln -s /usr/bin/pip3 /usr/local/bin/pip
CMD ["python3"]
