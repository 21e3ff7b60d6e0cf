FROM alpine:3.20
RUN wget --header='PRIVATE-TOKEN: Tk7xQ2mW9zL4pR8v' https://gitlab.example.com/api/v4/projects/1/repository/archive -O /src.tgz
