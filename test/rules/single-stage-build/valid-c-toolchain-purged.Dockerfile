FROM alpine:3.20
COPY . /src
RUN apk add --no-cache --virtual .build-deps build-base \
 && make -C /src install \
 && apk del .build-deps
CMD ["/usr/local/bin/tool"]
