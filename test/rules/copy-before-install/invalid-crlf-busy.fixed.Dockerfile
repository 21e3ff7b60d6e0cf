FROM python:3.12
WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY . .
RUN chmod +x manage.py
RUN python manage.py collectstatic --noinput
CMD ["gunicorn", "app.wsgi"]
