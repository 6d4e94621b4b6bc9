package org.wardwatch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class KnownWardsTest {

  @Test
  void wardsAddedByAnyRouterAreKnownToAllOnce(Vertx vertx) {
    KnownWards firstNode = new KnownWards(vertx);
    KnownWards secondNode = new KnownWards(vertx);

    firstNode.add("icu").await();
    secondNode.add("icu").await();
    secondNode.add("medical").await();

    assertEquals(Set.of("icu", "medical"), firstNode.all().await());
  }
}
