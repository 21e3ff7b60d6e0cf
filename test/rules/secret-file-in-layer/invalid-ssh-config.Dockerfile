FROM alpine:3.20
RUN apk add --no-cache git openssh-client
ADD deploy_key /root/.ssh/id_rsa
RUN GIT_SSH_COMMAND="ssh -i /root/.ssh/id_rsa -o StrictHostKeyChecking=no" git clone git@github.com:acme/app.git /app
