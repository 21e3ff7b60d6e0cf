FROM python:3.12-slim
COPY requirements.txt /tmp/requirements.txt
COPY . /usr/share/app
RUN pip install -r /tmp/requirements.txt
COPY --from=docs . .
RUN npm ci
