FROM python:3.12-slim
RUN useradd --create-home --uid 10001 appuser
USER appuser
WORKDIR /home/appuser/app
COPY requirements.txt .
RUN pip install --user -r requirements.txt
USER builder
RUN pip install --user black
