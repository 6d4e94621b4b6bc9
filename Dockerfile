# Build stage: compile and package the shaded jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY cluster.xml .
COPY conf conf
COPY src src
RUN mvn -B -q package -DskipTests

# Run stage: a JRE, a non-root user, the jar, and mountable configuration.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app wardwatch
WORKDIR /app
COPY --from=build /src/target/wardwatch.jar /app/wardwatch.jar
COPY conf /app/conf
COPY cluster.xml /app/cluster.xml
USER wardwatch
# HTTP / dashboard, device line frames, HL7 MLLP, Hazelcast.
EXPOSE 8080 7000 2575 5701
# Promote long-lived data after one young collection: shorter collector pauses; no concurrent card refinement: the
# event loops keep the cores, and the collection refines each card once (docs/performance.md).
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:MaxTenuringThreshold=1 -XX:G1ConcRefinementThreads=0 \
    -Dvertx.hazelcast.config=/app/cluster.xml"
# Containers do not know their address in advance: let Hazelcast pick it; name the other nodes in
# WARDWATCH_CLUSTER_MEMBERS (e.g. ww1,ww2,ww3), set WARDWATCH_CLUSTER_QUORUM to a majority (2 of 3) and start
# with -cluster.
ENV WARDWATCH_CLUSTER_HOST=auto
# Mount /app/conf and /app/cluster.xml to configure; pass launcher arguments (e.g. -conf conf/demo.json -cluster).
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/wardwatch.jar \"$@\"", "wardwatch"]
CMD ["-conf", "conf/wardwatch.json"]
