FROM python:3.12-slim
WORKDIR /srv
COPY requirements.txt .
RUN python -m pip install --upgrade pip \
    && pip install \
        --no-cache-dir \
        -r requirements.txt \
    && rm -rf /root/.cache/pip
COPY . .
