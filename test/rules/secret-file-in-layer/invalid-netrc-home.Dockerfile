FROM python:3.12-slim
COPY .netrc /root/
RUN pip install --no-cache-dir -i https://pypi.example.com/simple private-lib
RUN echo done; rm ~/.netrc; echo cleaned
CMD ["python", "-m", "private_lib"]
