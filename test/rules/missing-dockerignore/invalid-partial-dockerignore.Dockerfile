FROM python:3.12-slim
WORKDIR /srv
COPY ./ /srv/
RUN pip install -r requirements.txt
CMD ["python", "app.py"]
