# tags: (several targets, see lib/bases.mjs)
# Java from Debian packages: a JDK, Maven working offline from Debian's /usr/share/maven-repo, and a JRE runtime.
FROM localhost/lean-base/debian-slim AS jdk
RUN mkdir -p /usr/share/man/man1 && apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64

FROM jdk AS maven
RUN apt-get update && apt-get install -y --no-install-recommends maven libmaven-compiler-plugin-java libmaven-jar-plugin-java \
      libmaven-resources-plugin-java libmaven-install-plugin-java libsurefire-java \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /root/.m2 && printf '<settings><localRepository>/usr/share/maven-repo</localRepository><offline>true</offline></settings>\n' > /usr/share/maven/conf/settings.xml
ENV MAVEN_HOME=/usr/share/maven

FROM localhost/lean-base/debian-slim AS jre
RUN mkdir -p /usr/share/man/man1 && apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
